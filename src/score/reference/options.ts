/**
 * A référentiel declaring `personnalisation: desactivation` (TE) keeps only the désactivations of
 * its consequences: réductions and score overrides are left out.
 */
import type { Consequence, Consequences } from '../consequences.js';

export function avecLesSeulesDesactivations(consequences: Consequences): Consequences {
  const kept = new Map<string, Consequence>();
  for (const [id, c] of consequences) if (c.desactive) kept.set(id, { desactive: true });
  return kept;
}
