/**
 * What a dossier is scored against, in a module of its own: the checks (check-dossier.ts,
 * checked-dossiers.ts) read it without importing the evaluation that imports them.
 */
import type { EtoilesConfig } from '../etoiles/etoiles-config.js';
import type { Personnalisation } from '../personnalisation/personnalisation.js';
import type { RegleDePreuve } from '../preuves/regle-preuve.js';
import type { Referentiel } from '../referentiel/model.js';

/** Everything that does not change from one dossier to the next: load it once, score many. */
export interface EvaluationContext {
  referentiel: Referentiel;
  personnalisation?: Personnalisation;
  reglesPreuve?: readonly RegleDePreuve[];
  etoiles?: EtoilesConfig;
}
