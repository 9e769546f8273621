/**
 * The étoile the global score allows: the highest whose threshold is ≤ fait ÷ potentiel at the
 * root, compared exactly. TeT HEAD computes it twice with the same thresholds, as `score.etoiles`
 * (`fillEtoilesInScore`) and as the highest étoile a labellisation may be requested for
 * (`getMaxRequestableStar`, packages/domain/src/referentiels/labellisations/requestable-star.ts).
 */
import type { Rational } from '../exact/rational.js';
import type { EtoilesConfig, SeuilEtoile } from './etoiles-config.js';

const sortedCache = new WeakMap<EtoilesConfig['seuils'], EtoilesConfig['seuils']>();

/** The thresholds in ascending order, sorted once per list (configurations are not mutated). */
export function sortedSeuils(config: EtoilesConfig): EtoilesConfig['seuils'] {
  let s = sortedCache.get(config.seuils);
  if (!s) sortedCache.set(config.seuils, (s = [...config.seuils].sort((a, b) => a.seuil.compare(b.seuil))));
  return s;
}

/** The highest threshold reached by `ratioFait` (the lowest one when none is). */
export function etoileDuScore(config: EtoilesConfig, ratioFait: Rational): SeuilEtoile {
  const seuils = sortedSeuils(config);
  let reached = seuils[0]!;
  for (const s of seuils) if (ratioFait.gte(s.seuil)) reached = s;
  return reached;
}
