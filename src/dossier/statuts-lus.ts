/**
 * What one pass over a dossier's statuts learnt, kept with the statuts object (frozen when it is
 * kept, so it cannot go stale): the keys in order, each statut's one-byte code and the flat-tree
 * node each key names. A CAE dossier has ~1,100 statuts, and listing the keys of an object that
 * large costs half of JSON.parse: the reading (owned-dossier.ts) fills this in the pass that checks
 * the values, and the check (check-dossier.ts) and the engine's inputs (dossier-inputs.ts) read it
 * instead of walking the statuts again.
 */
import { AUCUN, DETAILLE, simpleCode } from '../score/statut-codes.js';

export interface StatutsLus {
  keys: readonly string[];
  /** The code of each key's statut (score/statut-codes.ts): its word's, DETAILLE for an object. */
  codes: Uint8Array;
  /** The flat-tree index each key names in `names` (−1: none); null when not resolved yet. */
  index: Int32Array | null;
  /** The map `index` was resolved with (flatTree(referentiel).indexByName), or null. */
  names: ReadonlyMap<string, number> | null;
}

const lus = new WeakMap<object, StatutsLus>();

/** Keeps what was learnt of `statuts`, which must be frozen (or about to be, by its sealing). */
export function rememberStatutsLus(statuts: object, l: StatutsLus): void {
  lus.set(statuts, l);
}

export function statutsLusOf(statuts: object): StatutsLus | undefined {
  return lus.get(statuts);
}

const lookups = new WeakMap<ReadonlyMap<string, number>, Readonly<Record<string, number>>>();

/**
 * `names` as a property table without prototype, built once per map: the keys JSON.parse made are
 * internalised strings, and a property lookup finds them faster than Map.get (~30 ns less per key,
 * a CAE dossier has ~820 statuts).
 */
export function nameLookup(names: ReadonlyMap<string, number>): Readonly<Record<string, number>> {
  let table = lookups.get(names);
  if (!table) {
    const t: Record<string, number> = Object.create(null);
    for (const [name, i] of names) t[name] = i;
    lookups.set(names, (table = t));
  }
  return table;
}

/** The code of a statut as a dossier writes it: an object (or null) is DETAILLE, an unknown string AUCUN. */
export function codeOfSaisi(value: unknown): number {
  if (typeof value === 'string') return simpleCode(value);
  return typeof value === 'object' ? DETAILLE : AUCUN;
}

/** The codes of `keys`' statuts, looked up one by one (the path without a remembered pass). */
export function codesOf(statuts: Readonly<Record<string, unknown>>, keys: readonly string[]): Uint8Array {
  const codes = new Uint8Array(keys.length);
  for (let k = 0; k < keys.length; k++) codes[k] = codeOfSaisi(statuts[keys[k]!]);
  return codes;
}
