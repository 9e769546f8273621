/**
 * The fast path of reading a dossier's text: the value JSON.parse just made is checked where it
 * is, without copying its ~900 statuts, and the duplicate keys and `__proto__` keys that the
 * reference path (parse-dossier-core.ts) looks for are ruled out without reading the text's keys.
 * Anything unusual (a refused value, a key written twice, `__proto__`, an escaped colon) returns
 * null, and the reference path, which words the errors, decides. owned-dossier.test.ts checks
 * that both give the same result.
 *
 * Duplicate keys, by counting colons. In text JSON.parse accepted, every colon outside a string
 * follows a key, so colons(text) = keys written + colons inside the strings written. When no
 * string escapes a colon (`\u003a`), each string of the parsed value has as many colons as the
 * string it was written as; the parsed value keeps one string per string written, except those
 * of a key written twice (and its value). So colons(text) − colons(strings of the value) is at
 * least the keys written, which is more than the value's keys when a key was written twice, and
 * equal to them otherwise.
 */
import type { Dossier } from './dossier-schema.js';
import { dossierShapeKeeping } from './dossier-shape.js';
import { sumsToOne } from './dossier-values.js';
import { sealOwnedDossier } from './sealed-dossier.js';
import { type StatutsLus, nameLookup } from './statuts-lus.js';
import { AUCUN, DETAILLE, simpleCode } from '../score/statut-codes.js';

type Obj = Record<string, unknown>;

function colonsIn(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++;
  return n;
}

function isPlainObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.getPrototypeOf(v) === Object.prototype;
}

/** Keys and colons of a parsed value's objects and strings, counted; false on a `__proto__` key. */
class Tally {
  keys = 0;
  colons = 0;

  add(value: unknown): boolean {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      if (typeof v === 'string') this.colons += colonsIn(v);
      if (v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) stack.push(v[i]);
        continue;
      }
      const keys = Object.keys(v);
      this.keys += keys.length;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (key === '__proto__') return false;
        this.colons += colonsIn(key);
        stack.push((v as Obj)[key]);
      }
    }
    return true;
  }
}

/** A détaillé statut as the schema outputs it (its keys in the schema's order), frozen; null if refused. */
function detaille(v: unknown): Readonly<Obj> | null {
  if (!isPlainObject(v) || Object.keys(v).length !== 3) return null;
  const { fait, programme, pas_fait } = v;
  if (!isFraction(fait) || !isFraction(programme) || !isFraction(pas_fait)) return null;
  // Three own keys, three numbers: exactly fait, programme and pas_fait (the schema is strict).
  if (!Object.hasOwn(v, 'fait') || !Object.hasOwn(v, 'programme') || !Object.hasOwn(v, 'pas_fait')) return null;
  if (!sumsToOne({ fait, programme, pas_fait })) return null;
  return Object.freeze({ fait, programme, pas_fait });
}

function isFraction(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v <= 1;
}

/**
 * The statuts checked in place, in one pass that also records what later stages read (statuts-lus.ts):
 * the keys in order, each statut's code and, given the référentiel's names, the node each key
 * names; and the détaillé ones to replace by their copy in the schema's key order. Null when one is
 * refused. Counts into `tally`.
 */
function checkStatuts(statuts: Obj, tally: Tally, names: ReadonlyMap<string, number> | null): { lus: StatutsLus; detailles: [string, unknown][] } | null {
  if (Object.hasOwn(statuts, '__proto__')) return null;
  const keys = Object.keys(statuts);
  const codes = new Uint8Array(keys.length);
  const index = names ? new Int32Array(keys.length) : null;
  const lookup = names ? nameLookup(names) : null;
  const detailles: [string, unknown][] = [];
  let colons = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const value = statuts[key];
    if (typeof value === 'string') {
      const code = simpleCode(value);
      if (code === AUCUN) return null;
      codes[k] = code;
    } else {
      // Three keys, three numbers: no colon in them.
      const t = detaille(value);
      if (t === null) return null;
      detailles.push([key, t]);
      codes[k] = DETAILLE;
      tally.keys += 3;
    }
    if (index) index[k] = lookup![key] ?? -1;
    if (key.includes(':')) colons += colonsIn(key);
  }
  tally.colons += colons;
  tally.keys += keys.length;
  return { lus: { keys, codes, index, names: index ? names : null }, detailles };
}

/** The answers checked in place (each a boolean, a fraction or 1 to 200 characters); false if refused. */
function checkReponses(reponses: Obj, tally: Tally): boolean {
  const keys = Object.keys(reponses);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (key === '__proto__') return false;
    const value = reponses[key];
    if (typeof value === 'string') {
      if (value.length < 1 || value.length > 200) return false;
      tally.colons += colonsIn(value);
    } else if (typeof value !== 'boolean' && !isFraction(value)) return false;
    tally.colons += colonsIn(key);
  }
  tally.keys += keys.length;
  return true;
}

/**
 * The dossier zod would output for `raw`, which JSON.parse just made from `text` and nobody else
 * holds, sealed; null when the reference path must decide (refused, unsure, a key written twice
 * or possibly so, a `__proto__` key). `raw` is left as it was when null is returned. `names`
 * (flatTree(referentiel).indexByName) resolves the statut keys in the same pass, for the check.
 */
export function ownedDossier(text: string, raw: unknown, names: ReadonlyMap<string, number> | null = null): Dossier | null {
  // A colon written as an escape would break the count (and `\u003` is never needed).
  if (!isPlainObject(raw) || text.includes('\\u003')) return null;
  const tally = new Tally();
  const { statuts, reponses } = raw;
  let own: ReturnType<typeof checkStatuts> = null;
  if (statuts !== undefined) {
    if (!isPlainObject(statuts)) return null;
    own = checkStatuts(statuts, tally, names);
    if (own === null) return null;
  }
  if (reponses !== undefined && (!isPlainObject(reponses) || !checkReponses(reponses, tally))) return null;
  const shape = dossierShapeKeeping(raw);
  if (typeof shape !== 'object') return null;
  const keys = Object.keys(raw);
  tally.keys += keys.length;
  for (const key of keys) {
    if (key === '__proto__') return null;
    tally.colons += colonsIn(key);
    if (key !== 'statuts' && key !== 'reponses' && !tally.add(raw[key])) return null;
  }
  if (colonsIn(text) - tally.colons !== tally.keys) return null;
  if (own) for (const [key, t] of own.detailles) statuts![key] = t;
  return sealOwnedDossier(shape.dossier, own?.lus ?? null, tally.keys);
}
