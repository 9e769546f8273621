/**
 * Labellisation levels as data (scoring.md §7, Part A.6): global thresholds on fait ÷ potentiel at
 * the root, and per-action criteria. Defaults reproduce TeT's tables for CAE and ECI; a caller may
 * pass its own configuration for another edition.
 */
import { Rational } from '../exact/rational.js';

export interface SeuilEtoile {
  etoile: number;
  label: string;
  /** Minimum fait ÷ potentiel at the root, inclusive, as an exact ratio (0.35, not 35). */
  seuil: Rational;
}

export interface CritereAction {
  etoile: number;
  actionId: string;
  label: string;
  /** Minimum % fait (0–100). */
  minFait: number;
  /** Minimum % fait + programmé (0–100), or null when only fait counts. */
  minFaitProgramme: number | null;
}

export interface EtoilesConfig {
  seuils: SeuilEtoile[];
  criteres: CritereAction[];
}

const SEUILS: SeuilEtoile[] = [
  { etoile: 1, label: 'première étoile', seuil: Rational.ZERO },
  { etoile: 2, label: 'deuxième étoile', seuil: Rational.of(35, 100) },
  { etoile: 3, label: 'troisième étoile', seuil: Rational.of(50, 100) },
  { etoile: 4, label: 'quatrième étoile', seuil: Rational.of(65, 100) },
  { etoile: 5, label: 'cinquième étoile', seuil: Rational.of(75, 100) },
];

const c = (etoile: number, actionId: string, label: string, minFait: number, minFaitProgramme: number | null): CritereAction => ({
  etoile,
  actionId,
  label,
  minFait,
  minFaitProgramme,
});

const ECI_REGLEMENTAIRES: [string, string][] = [
  ['eci_2.1.0', 'réglementaire : PLPDMA'],
  ['eci_2.2.0', 'réglementaire : collecte'],
  ['eci_2.3.0', 'réglementaire : valorisation'],
  ['eci_2.4.0', 'réglementaire : impacts'],
  ['eci_3.2.0', 'réglementaire : SPASER'],
  ['eci_4.1.0', 'réglementaire : rapport SPPGD'],
];

export const DEFAULT_ETOILES: Record<string, EtoilesConfig> = {
  cae: {
    seuils: SEUILS,
    criteres: [
      c(1, 'cae_5.1.2.1.1', 'élu·e référent·e', 100, null),
      c(1, 'cae_5.1.1.1.3', 'personne technique', 100, null),
      c(1, 'cae_5.1.1.3.2', 'équipe projet', 100, 100),
      c(1, 'cae_1.1.2', 'engager un diagnostic territorial', 20, null),
      c(1, 'cae_1.1.2.0.1', 'conformité PCAET', 100, 100),
      c(1, 'cae_1.1.2.0.2', 'conformité BGES', 100, 100),
      c(2, 'cae_1.1.1.1.1', 'vision et engagements délibérés', 100, null),
      c(2, 'cae_1.1.2.0.1', 'conformité PCAET (réalisée)', 100, null),
      c(2, 'cae_1.1.2.0.2', 'conformité BGES (réalisée)', 100, null),
    ],
  },
  eci: {
    seuils: SEUILS,
    criteres: [
      c(1, 'eci_1.1.1.1', 'élu·e référent·e', 100, null),
      c(1, 'eci_1.1.1.3', 'personne technique', 100, null),
      c(1, 'eci_1.1.3.1', 'équipe projet', 100, 100),
      c(1, 'eci_1.1.2', 'diagnostic territorial', 20, null),
      ...ECI_REGLEMENTAIRES.map(([id, label]) => c(1, id, label, 100, 100)),
      c(2, 'eci_1.1.1.2', 'politique économie circulaire engagée', 100, null),
      ...ECI_REGLEMENTAIRES.map(([id, label]) => c(4, id, `${label} (réalisé)`, 100, null)),
    ],
  },
};

/** The configuration for a référentiel id: its own defaults, or the thresholds alone. */
export function etoilesConfigFor(referentielId: string): EtoilesConfig {
  return (Object.hasOwn(DEFAULT_ETOILES, referentielId) ? DEFAULT_ETOILES[referentielId] : undefined) ?? { seuils: SEUILS, criteres: [] };
}
