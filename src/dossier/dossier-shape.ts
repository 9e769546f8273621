/**
 * The dossier schema (dossier-schema.ts), compiled by hand for the hot path: accepts exactly the
 * JSON values zod accepts, and builds the same output (new objects, keys in the schema's order,
 * extra evidence keys after `partenariats`), with no zod on the path. zod stays the reference and
 * the one that words the errors: a value this code rejects goes to zod for its diagnostics
 * (dossier-errors.ts, loaded when needed). Values JSON cannot hold (undefined, a Date, a number
 * that is not finite) are `unsure`: zod decides. dossier-shape.test.ts checks the equality.
 */
import { Rational } from '../exact/rational.js';
import type { Dossier } from './dossier-schema.js';
import { MAX_PREUVES_DEPTH, isCalendarDate, jsonDepth } from './dossier-values.js';

export type ShapeResult = { dossier: Dossier } | 'invalid' | 'unsure';

/** Thrown inside the checks, caught once: keeps each check a plain expression. */
const INVALID = Symbol('invalid');
const UNSURE = Symbol('unsure');
type Verdict = typeof INVALID | typeof UNSURE;

type Obj = Record<string, unknown>;

/** The path being checked: left at the refused value when a check throws (for a pointer). */
let path: (string | number)[] = [];

/** Where the last dossier `dossierShape` refused went wrong, as a path (empty when accepted). */
export function refusedPath(): readonly (string | number)[] {
  return path;
}

function plainObject(v: unknown): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    if (v === undefined) throw UNSURE;
    throw INVALID;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw UNSURE;
  return v as Obj;
}

/** Own keys, each a key of `allowed` and with a defined value; the keys, in input order. */
function strictKeys(o: Obj, allowed: ReadonlySet<string>): string[] {
  const keys = Object.keys(o);
  for (const k of keys) {
    if (!allowed.has(k)) {
      path.push(k);
      throw INVALID;
    }
    if (o[k] === undefined) throw UNSURE;
  }
  return keys;
}

function number(v: unknown): number {
  if (typeof v !== 'number') throw v === undefined ? UNSURE : INVALID;
  if (!Number.isFinite(v)) throw UNSURE;
  return v;
}
function string(v: unknown): string {
  if (typeof v !== 'string') throw INVALID;
  return v;
}
function boolean(v: unknown): boolean {
  if (typeof v !== 'boolean') throw INVALID;
  return v;
}
function oneOf<T extends string>(v: unknown, values: ReadonlySet<string>): T {
  if (typeof v !== 'string' || !values.has(v)) throw INVALID;
  return v as T;
}
function integerIn(v: unknown, min: number, max: number): number {
  const n = number(v);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw INVALID;
  return n;
}
function fraction(v: unknown): number {
  const n = number(v);
  if (n < 0 || n > 1) throw INVALID;
  return n;
}
function date(v: unknown): string {
  const s = string(v);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !isCalendarDate(s)) throw INVALID;
  return s;
}

/** Copies the keys of `shape` present in `o`, in the shape's order, each through its check. */
function object(o: Obj, shape: Record<string, (v: unknown) => unknown>, keys: ReadonlySet<string>): Obj {
  strictKeys(o, keys);
  const out: Obj = {};
  for (const k in shape) {
    if (!Object.hasOwn(o, k)) continue;
    path.push(k);
    out[k] = shape[k]!(o[k]);
    path.pop();
  }
  return out;
}

const STATUTS = new Set(['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne']);
const DETAILLE = { fait: fraction, programme: fraction, pas_fait: fraction };
const DETAILLE_KEYS = new Set(Object.keys(DETAILLE));

function statut(v: unknown): unknown {
  if (typeof v === 'string') return oneOf(v, STATUTS);
  const o = plainObject(v);
  const t = object(o, DETAILLE, DETAILLE_KEYS);
  if (!('fait' in t && 'programme' in t && 'pas_fait' in t)) throw INVALID;
  const sum = Rational.fromNumber(t.fait as number).add(Rational.fromNumber(t.programme as number)).add(Rational.fromNumber(t.pas_fait as number));
  if (!sum.equals(Rational.ONE)) throw INVALID;
  return t;
}

function reponse(v: unknown): unknown {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v.length < 1 || v.length > 200) throw INVALID;
    return v;
  }
  return fraction(v);
}

function record(v: unknown, value: (v: unknown) => unknown, key?: (k: string) => boolean): Obj {
  const o = plainObject(v);
  const out: Obj = {};
  for (const k of Object.keys(o)) {
    if (key && !key(k)) throw INVALID;
    const x = o[k];
    if (x === undefined) throw UNSURE;
    path.push(k);
    out[k] = value(x);
    path.pop();
  }
  return out;
}

const COLLECTIVITE = {
  nom: string,
  type: (v: unknown) => oneOf(v, new Set(['commune', 'EPCI', 'syndicat'])),
  population: (v: unknown) => integerIn(v, 0, 1e9),
  localisation: (v: unknown) => oneOf(v, new Set(['DOM', 'Metropole'])),
  dansAireUrbaine: boolean,
};
const PARTENARIAT = { intitule: string, date, multiActeurs: boolean, climatAirEnergie: boolean };
const LABELLISATION = { etoile: (v: unknown) => integerIn(v, 1, 5), date };
const INDICATEUR = { resultat: number, objectif: number, cible: number, limite: number };

const keysOf = (shape: object): ReadonlySet<string> => new Set(Object.keys(shape));
const COLLECTIVITE_KEYS = keysOf(COLLECTIVITE);
const PARTENARIAT_KEYS = keysOf(PARTENARIAT);
const LABELLISATION_KEYS = keysOf(LABELLISATION);
const INDICATEUR_KEYS = keysOf(INDICATEUR);

function required(o: Obj, keys: readonly string[]): Obj {
  for (const k of keys) if (!Object.hasOwn(o, k)) throw INVALID;
  return o;
}

function preuves(v: unknown): Obj {
  const o = plainObject(v);
  const out: Obj = {};
  if (Object.hasOwn(o, 'partenariats')) {
    const list = o.partenariats;
    if (!Array.isArray(list)) throw list === undefined ? UNSURE : INVALID;
    path.push('partenariats');
    out.partenariats = list.map((p, i) => {
      path.push(i);
      const checked = required(object(plainObject(p), PARTENARIAT, PARTENARIAT_KEYS), ['intitule', 'date', 'multiActeurs', 'climatAirEnergie']);
      path.pop();
      return checked;
    });
    path.pop();
  }
  for (const k of Object.keys(o)) {
    if (k === 'partenariats') continue;
    if (o[k] === undefined) throw UNSURE;
    out[k] = o[k];
  }
  if (jsonDepth(out) > MAX_PREUVES_DEPTH) throw INVALID;
  return out;
}

const DOSSIER = {
  $schema: string,
  referentiel: string,
  date,
  collectivite: (v: unknown) => object(plainObject(v), COLLECTIVITE, COLLECTIVITE_KEYS),
  labellisation: (v: unknown) => required(object(plainObject(v), LABELLISATION, LABELLISATION_KEYS), ['etoile']),
  reponses: (v: unknown) => record(v, reponse),
  statuts: (v: unknown) => record(v, statut),
  preuves,
  indicateurs: (v: unknown) =>
    record(
      v,
      (x) => object(plainObject(x), INDICATEUR, INDICATEUR_KEYS),
      (k) => k.length >= 1 && k.length <= 200,
    ),
};
const DOSSIER_KEYS = keysOf(DOSSIER);

/** The dossier zod would output for `raw`, `invalid` when zod would refuse it, or `unsure`. */
export function dossierShape(raw: unknown): ShapeResult {
  path = [];
  try {
    return { dossier: object(plainObject(raw), DOSSIER, DOSSIER_KEYS) as Dossier };
  } catch (verdict) {
    if (verdict === INVALID) return 'invalid';
    if (verdict === UNSURE) return 'unsure';
    throw verdict;
  }
}
