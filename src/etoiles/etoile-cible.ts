/**
 * The étoile a collectivité aims at (TeT HEAD `getEtoileCible`,
 * apps/backend/src/referentiels/labellisations/get-labellisation.service.ts): the greatest of its
 * current label, the étoile after it, the étoile its global score allows, and the first étoile.
 * A collectivité labelled 2 aims at 3 even with a score of 20 %; one with no label aims at the
 * étoile its score reaches.
 */
import type { EtoilesConfig } from './etoiles-config.js';

/** The label the collectivité holds (`labellisation` in the dossier). */
export interface LabellisationObtenue {
  etoile: number;
  /** Date it was obtained, AAAA-MM-JJ; informative (HEAD takes the latest label, whatever its age). */
  date?: string | undefined;
}

/** The étoile after `etoile` in the configuration (`prochaine_etoile` of `etoile_meta`), or null after the last. */
export function prochaineEtoile(config: EtoilesConfig, etoile: number): number | null {
  let next: number | null = null;
  for (const s of config.seuils) if (s.etoile > etoile && (next === null || s.etoile < next)) next = s.etoile;
  return next;
}

/** max(label, its prochaine étoile, the étoile of the score, the first étoile). */
export function etoileCible(config: EtoilesConfig, etoileScore: number, labellisation?: LabellisationObtenue | null): number {
  let cible = Math.min(...config.seuils.map((s) => s.etoile));
  if (etoileScore > cible) cible = etoileScore;
  if (labellisation) cible = Math.max(cible, labellisation.etoile, prochaineEtoile(config, labellisation.etoile) ?? labellisation.etoile);
  return cible;
}
