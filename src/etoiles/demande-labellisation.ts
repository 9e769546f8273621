/**
 * May a labellisation be requested for an étoile? TeT HEAD `areAuditPrerequisitesMet`
 * (packages/domain/src/referentiels/labellisations/request-labellisation/request-labellisation.rules.ts),
 * for what a dossier can say, checked in HEAD's order: every tâche renseignée, the requested étoile
 * at most the one the score allows (`getMaxRequestableStar`, not the target's threshold), every
 * action criterion of the target étoile met. The signed commitment file, the COT status and the
 * state of a request already under way are not in a dossier.
 */

export type RefusDemande = 'referentiel-incomplet' | 'score-insuffisant' | 'criteres-non-remplis';

export type VerdictDemande = { demandable: true; raison: null } | { demandable: false; raison: RefusDemande };

export const REFUS_DEMANDE_LABELS: Record<RefusDemande, string> = {
  'referentiel-incomplet': 'toutes les tâches ne sont pas renseignées',
  'score-insuffisant': "le score réalisé ne permet pas cette étoile",
  'criteres-non-remplis': "des critères d'action de l'étoile visée ne sont pas remplis",
};

/** What the verdict reads of an EtoilesResult (written out so this module does not import compute-etoiles, which imports it). */
export interface EtoilesPourDemande {
  complet: boolean;
  etoile: number;
  criteresNonRemplis: readonly unknown[];
}

export function verdictDemande(etoiles: EtoilesPourDemande, etoileDemandee: number): VerdictDemande {
  if (!etoiles.complet) return { demandable: false, raison: 'referentiel-incomplet' };
  if (etoileDemandee > etoiles.etoile) return { demandable: false, raison: 'score-insuffisant' };
  if (etoiles.criteresNonRemplis.length > 0) return { demandable: false, raison: 'criteres-non-remplis' };
  return { demandable: true, raison: null };
}
