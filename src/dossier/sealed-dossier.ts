/**
 * Dossiers that went through the schema. Only these are scored: `evaluateDossier` validates any
 * other object first, so `"FAIT"` or a détaillé triple summing to 2.7 can never reach the engine
 * from plain JavaScript. A validated dossier is frozen, deeply, so it cannot be changed after its
 * check either.
 */
import type { Dossier } from './dossier-schema.js';

const sealed = new WeakSet<object>();

function freezeDeep(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const key in v) {
      const child = (v as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
}

export function sealDossier(dossier: Dossier): Dossier {
  freezeDeep(dossier);
  sealed.add(dossier);
  return dossier;
}

export function isSealedDossier(value: unknown): value is Dossier {
  return typeof value === 'object' && value !== null && sealed.has(value);
}
