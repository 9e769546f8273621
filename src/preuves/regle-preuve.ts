/**
 * Evidence rules (our extension, scoring.md Part A.5): a tâche is met by countable evidence in the
 * dossier. The référentiel states the rule as data, in Markdown (see `referentiel/regles-preuve/`):
 *
 *     # <titre>
 *     ```yaml
 *     action_id: cae_6.1.1.3.5
 *     preuve: partenariats                          # the list in the dossier's `preuves`
 *     conditions: [multiActeurs, climatAirEnergie]  # boolean fields that must be true
 *     periode: 4 ans                                # window ending at the dossier's date
 *     ```
 *     ## Seuil
 *     ```formule
 *     si identite(population, moins_de_3000) alors 1 sinon 2
 *     ```
 *
 * The threshold is a formula of the personalisation language, so small-commune exceptions are
 * written with `identite(…)` and nothing about them lives in `src/`.
 */
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Formule } from '../formule/ast.js';

export interface Periode {
  quantite: number;
  unite: 'ans' | 'mois';
}

export interface RegleDePreuve {
  actionId: string;
  titre: string;
  /** Key of the evidence list in the dossier's `preuves`. */
  preuve: string;
  /** Boolean fields an item must have set to true to count. */
  conditions: string[];
  /** Field holding an item's date (`AAAA-MM-JJ`). */
  champDate: string;
  periode: Periode | null;
  /** Number of qualifying items required. */
  seuil: Formule;
  description: string;
  position: SourcePosition;
}
