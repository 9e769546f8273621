/**
 * Dossiers that went through the schema. Only these are scored: `evaluateDossier` validates any
 * other object first, so `"FAIT"` or a détaillé triple summing to 2.7 can never reach the engine
 * from plain JavaScript. A validated dossier is frozen, deeply, so it cannot be changed after its
 * check either.
 */
import type { Dossier } from './dossier-schema.js';
import { type StatutsLus, rememberStatutsLus } from './statuts-lus.js';

/** Sealed dossiers, with the number of keys their objects hold together. */
const sealed = new WeakMap<object, number>();

/**
 * The key lists of large sealed objects (a dossier's statuts): frozen, their keys cannot change,
 * and listing the keys of an object of a thousand keys costs about as much as building it.
 */
const keysOfSealed = new WeakMap<object, readonly string[]>();
const REMEMBERED_FROM = 64;

/** Freezes every object reachable from `value`; the own keys of those it froze, counted. */
function freezeDeep(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (Array.isArray(v)) {
      for (const c of v) if (c !== null && typeof c === 'object') stack.push(c);
      continue;
    }
    const keys = Object.keys(v);
    count += keys.length;
    if (keys.length >= REMEMBERED_FROM) keysOfSealed.set(v, keys);
    for (let k = 0; k < keys.length; k++) {
      const child = (v as Record<string, unknown>)[keys[k]!];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return count;
}

/** Object.keys of a large part of a sealed dossier (its statuts), remembered; else undefined. */
export function sealedKeysOf(o: object): readonly string[] | undefined {
  return keysOfSealed.get(o);
}

export function sealDossier(dossier: Dossier): Dossier {
  sealed.set(dossier, freezeDeep(dossier));
  return dossier;
}

/**
 * Seals a dossier the fast path checked (owned-dossier.ts) as sealDossier would, given what it
 * knows already: what its pass over the statuts learnt (their keys in order, whose détaillé values
 * it froze), kept for the later stages, and the keys of all its objects. The statuts are frozen
 * without listing their keys again (listing ~1,100 keys costs more than freezing them).
 */
export function sealOwnedDossier(dossier: Dossier, lus: StatutsLus | null, keyCount: number): Dossier {
  const statuts = dossier.statuts;
  if (statuts && lus) {
    Object.freeze(statuts);
    rememberStatutsLus(statuts, lus);
  }
  freezeDeep(dossier);
  sealed.set(dossier, keyCount);
  return dossier;
}

export function isSealedDossier(value: unknown): value is Dossier {
  return typeof value === 'object' && value !== null && sealed.has(value);
}

/**
 * How many keys the objects of a sealed dossier hold together (those it had frozen already are
 * not counted). The schema only copies keys, never adds one: at most the parsed value's count.
 */
export function sealedKeyCount(dossier: Dossier): number | undefined {
  return sealed.get(dossier);
}
