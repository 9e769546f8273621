/**
 * Small made-up référentiels for engine tests, written as Markdown in memory: one file per node
 * (the identifiant decides the tree), the hierarchy declared on the root (`hierarchie: […]`), as a
 * référentiel that is neither CAE nor ECI has to. Scores come back rounded as the JSON report gives
 * them (3 decimals), with a helper comparing points within 0.0011.
 */
import { expect } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import { parseReferentielFiles } from '../../src/referentiel/parse-referentiel.js';
import { type ScoreInput, computeScores } from '../../src/score/compute-scores.js';
import { type ActionScoreJson, actionScoreToJson } from '../../src/score/score-json.js';

/** `[identifiant, points, enfants?]`. */
export type Noeud = readonly [identifiant: string, points: number, enfants?: readonly Noeud[]];

export interface ArbreSynthetique {
  referentiel: string;
  hierarchie: readonly string[];
  points: number;
  enfants: readonly Noeud[];
}

export function referentielSynthetique(arbre: ArbreSynthetique): Referentiel {
  const yaml = (lines: string[]): string => ['```yaml', ...lines, '```'].join('\n');
  const files = [
    {
      path: `${arbre.referentiel}.md`,
      content: `# Référentiel ${arbre.referentiel}\n${yaml(['identifiant: ""', `referentiel: "${arbre.referentiel}"`, `hierarchie: [${arbre.hierarchie.join(', ')}]`, `points: ${arbre.points}`])}\n`,
    },
  ];
  const visit = (n: Noeud): void => {
    const [identifiant, points, enfants = []] = n;
    files.push({ path: `${identifiant}.md`, content: `# Action ${identifiant}\n${yaml([`identifiant: ${identifiant}`, `points: ${points}`])}\n` });
    enfants.forEach(visit);
  };
  arbre.enfants.forEach(visit);
  const { referentiel, diagnostics } = parseReferentielFiles(files);
  if (!referentiel || hasErrors(diagnostics)) throw new Error(`référentiel synthétique invalide : ${diagnostics.map((d) => d.message).join(' ; ')}`);
  return referentiel;
}

/** Every node's score, rounded to 3 decimals as presented. */
export function scoresArrondis(referentiel: Referentiel, input: ScoreInput): Map<string, ActionScoreJson> {
  const { scores } = computeScores(referentiel, input);
  return new Map([...scores.keys()].map((id) => [id, actionScoreToJson(scores.get(id)!)]));
}

/** Points of one node, as HEAD's spec writes them (a subset is fine). */
export interface PointsAttendus {
  fait?: number;
  programme?: number;
  pasFait?: number;
  nonRenseigne?: number;
  potentiel?: number;
  potentielPerso?: number | null;
  referentiel?: number;
}

const CHAMPS: ReadonlyArray<[keyof PointsAttendus, keyof ActionScoreJson]> = [
  ['fait', 'pointFait'],
  ['programme', 'pointProgramme'],
  ['pasFait', 'pointPasFait'],
  ['nonRenseigne', 'pointNonRenseigne'],
  ['potentiel', 'pointPotentiel'],
  ['potentielPerso', 'pointPotentielPerso'],
  ['referentiel', 'pointReferentiel'],
];

/** HEAD rounds to 3 decimals: on exact halves it can land 0.001 away from an exact engine. */
export const TOLERANCE = 0.0011;

export function expectPoints(scores: ReadonlyMap<string, ActionScoreJson>, attendus: Readonly<Record<string, PointsAttendus>>): void {
  for (const [id, points] of Object.entries(attendus)) {
    const s = scores.get(id);
    expect(s, `${id} absent des scores`).toBeDefined();
    for (const [champ, cle] of CHAMPS) {
      const attendu = points[champ];
      if (attendu === undefined) continue;
      const obtenu = s![cle] as number | null;
      if (attendu === null || obtenu === null) expect(obtenu, `${id}.${cle}`).toBe(attendu);
      else expect(Math.abs(obtenu - attendu), `${id}.${cle} : obtenu ${obtenu}, attendu ${attendu}`).toBeLessThanOrEqual(TOLERANCE);
    }
  }
}
