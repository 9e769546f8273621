/**
 * The dossier schema (dossier-schema.ts), compiled by hand for the hot path: accepts exactly the
 * JSON values zod accepts, and builds the same output (new objects, keys in the schema's order,
 * extra evidence keys after `partenariats`), with no zod on the path. zod stays the reference and
 * the one that words the errors: a value this code rejects goes to zod for its diagnostics
 * (parse-dossier.ts, loaded when needed). Undefined is read as zod reads it (an optional key may
 * be undefined); values JSON cannot hold otherwise (a Date, a Map, a number that is not finite)
 * are `unsure`: zod decides. dossier-shape.test.ts checks the equality.
 */
import type { Dossier } from './dossier-schema.js';
import { MAX_PREUVES_DEPTH, isCalendarDate, jsonDepth, sumsToOne } from './dossier-values.js';

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
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw INVALID;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw UNSURE;
  return v as Obj;
}

/** Own keys, each a key of `allowed`. */
function strictKeys(o: Obj, allowed: ReadonlySet<string>): void {
  for (const k of Object.keys(o)) {
    if (!allowed.has(k)) {
      path.push(k);
      throw INVALID;
    }
  }
}

function number(v: unknown): number {
  if (typeof v !== 'number') throw INVALID;
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
  if (!isCalendarDate(s)) throw INVALID;
  return s;
}

/**
 * Copies the keys of `shape` present in `o`, in the shape's order, each through its check; an
 * optional key given as undefined stays, undefined (as zod keeps it).
 */
function object(o: Obj, shape: Record<string, (v: unknown) => unknown>, keys: ReadonlySet<string>): Obj {
  strictKeys(o, keys);
  const out: Obj = {};
  for (const k in shape) {
    if (!Object.hasOwn(o, k)) continue;
    path.push(k);
    out[k] = o[k] === undefined ? undefined : shape[k]!(o[k]);
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
  if (t.fait === undefined || t.programme === undefined || t.pas_fait === undefined) throw INVALID;
  if (!sumsToOne(t as { fait: number; programme: number; pas_fait: number })) throw INVALID;
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
    path.push(k);
    out[k] = value(o[k]);
    path.pop();
  }
  return out;
}

const TYPES = new Set(['commune', 'EPCI', 'syndicat']);
const LOCALISATIONS = new Set(['DOM', 'Metropole']);
const COLLECTIVITE = {
  nom: string,
  type: (v: unknown) => oneOf(v, TYPES),
  population: (v: unknown) => integerIn(v, 0, 1e9),
  localisation: (v: unknown) => oneOf(v, LOCALISATIONS),
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
  for (const k of keys) if (o[k] === undefined) throw INVALID;
  return o;
}

function preuves(v: unknown): Obj {
  const o = plainObject(v);
  const out: Obj = {};
  if (Object.hasOwn(o, 'partenariats')) {
    const list = o.partenariats;
    if (list !== undefined && !Array.isArray(list)) throw INVALID;
    path.push('partenariats');
    out.partenariats = list?.map((p, i) => {
      path.push(i);
      const checked = required(object(plainObject(p), PARTENARIAT, PARTENARIAT_KEYS), ['intitule', 'date', 'multiActeurs', 'climatAirEnergie']);
      path.pop();
      return checked;
    });
    path.pop();
  }
  for (const k of Object.keys(o)) {
    if (k !== 'partenariats') out[k] = o[k];
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
  return shapeWith(raw, DOSSIER);
}

/** The sections of a dossier whose statuts and answers were checked already: kept as they are. */
const DOSSIER_KEEPING = { ...DOSSIER, statuts: (v: unknown) => v, reponses: (v: unknown) => v };

/**
 * dossierShape for a value whose `statuts` and `reponses` the caller has checked already
 * (owned-dossier.ts, on the object JSON.parse just made): the other sections are checked and
 * copied, those two are kept as they are instead of copied (~900 keys).
 */
export function dossierShapeKeeping(raw: unknown): ShapeResult {
  return shapeWith(raw, DOSSIER_KEEPING);
}

function shapeWith(raw: unknown, sections: Record<string, (v: unknown) => unknown>): ShapeResult {
  path = [];
  try {
    return { dossier: object(plainObject(raw), sections, DOSSIER_KEYS) as Dossier };
  } catch (verdict) {
    if (verdict === INVALID) return 'invalid';
    if (verdict === UNSURE) return 'unsure';
    throw verdict;
  }
}
