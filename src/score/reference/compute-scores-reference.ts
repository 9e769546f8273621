/**
 * The scoring semantics of scoring.md, written plainly: a recursion over the référentiel's tree,
 * Rationals only, one small function per step of §6.6. It shares no machinery with the fast path
 * (score/compute-scores.ts: flat arrays, integer units, statut codes), so it serves as its oracle in
 * the property tests, and as its fallback when a value would not fit in the integer path.
 *
 * Steps: (1) consequences are given (the personnalisation layer evaluates the rules);
 * (2) reduction factors; (3) désactivés; (4) non concernés, down then up; (5) potentiels with
 * redistribution; (6) avancement bottom-up; (7) score overrides; (8) `renseigne`, in the table.
 */
import type { Referentiel } from '../../referentiel/model.js';
import type { ActionScore } from '../action-score.js';
import type { Consequence, Consequences } from '../consequences.js';
import type { ScoreInput, Scores } from '../scores.js';
import type { OverrideRefused } from '../scores.js';
import { avecLesSeulesDesactivations } from './options.js';
import { noter } from './avancement.js';
import { type Noeud, construireArbre, parcours, tripleOf } from './noeud.js';
import { appliquerFacteurs, marquerDesactives, marquerNonConcernes, propagerNonConcernes } from './personnalisation.js';
import { calculerPotentiels } from './potentiels.js';
import { ScoreList } from './score-list.js';
import { appliquerScoresRealises } from './score-override.js';
import type { Rational } from '../../exact/rational.js';

export function computeScoresReference(referentiel: Referentiel, input: ScoreInput): Scores {
  const consequences = consequencesRetenues(referentiel, input.consequences ?? new Map());
  const racine = construireArbre(referentiel.root, null, input.statuts, consequences);
  const noeuds = parcours(racine);
  const parId = new Map(noeuds.map((n) => [n.action.id, n]));
  appliquerFacteurs(racine, null);
  marquerDesactives(racine, false);
  marquerNonConcernes(racine, false);
  propagerNonConcernes(racine);
  const niveauRedistribution = referentiel.options?.redistribution === false ? Infinity : referentiel.hierarchie.actionLevel;
  calculerPotentiels(racine, niveauRedistribution);
  noter(racine);
  const overridesRefuses: OverrideRefused[] = [];
  const overrides = appliquerScoresRealises(parId, consequences, overridesRefuses);
  const redistribution = new Map<string, Rational>();
  for (const n of noeuds) if (!n.redistribution.isZero()) redistribution.set(n.action.id, n.redistribution);
  const statutsInconnus = [...input.statuts.keys()].filter((id) => !parId.has(id));
  const scores = new ScoreList(noeuds.map(actionScore));
  return { referentiel, scores, overrides, overridesRefuses, redistribution, statutsInconnus };
}

/** Consequences on actions of the référentiel, filtered by its `personnalisation` option. */
function consequencesRetenues(referentiel: Referentiel, consequences: Consequences): Consequences {
  const kept = referentiel.options?.personnalisation === 'desactivation' ? avecLesSeulesDesactivations(consequences) : consequences;
  return new Map<string, Consequence>([...kept].filter(([id]) => referentiel.actions.has(id)));
}

/** Step 8 and the output fields (scoring.md §4.1, HEAD names). */
function actionScore(n: Noeud): ActionScore {
  const feuille = n.enfants.length === 0;
  const concerne = !n.nonConcerne;
  return {
    actionId: n.action.id,
    pointReferentiel: n.action.points,
    pointPotentiel: n.potentiel,
    pointPotentielPerso: n.aFacteur ? n.perso : null,
    pointFait: n.fait,
    pointProgramme: n.programme,
    pointPasFait: n.pasFait,
    pointNonRenseigne: n.nonRenseigne,
    concerne,
    desactive: n.desactive,
    // TeT HEAD: a leaf is renseigné when it has a renseigné statut or is non concerné; a parent
    // when it is non concerné or has no non-renseigné points.
    renseigne: feuille ? tripleOf(n.statut) !== null || !concerne : !(concerne && n.nonRenseigne.sign() > 0),
    totalTachesCount: n.totalTaches,
    completedTachesCount: n.completedTaches,
    faitTachesAvancement: n.faitTaches,
    programmeTachesAvancement: n.programmeTaches,
    pasFaitTachesAvancement: n.pasFaitTaches,
    pasConcerneTachesAvancement: n.pasConcerneTaches,
  };
}
