/**
 * points-incoherents — des points qui ne se déduisent pas, ou qui contredisent les pourcentages ou le
 * parent : la somme des points des enfants doit égaler les points du parent, et une action qui donne
 * à la fois `points` et `pourcentage` doit avoir `pourcentage` % des points de son parent.
 */
import { Rational } from '../../exact/rational.js';
import { fmt } from '../../referentiel/points.js';
import type { LintRule } from '../types.js';
import { axe, enfant, racine, REFERENTIEL_OK } from './example-support.js';

export const pointsIncoherents: LintRule = {
  id: 'points-incoherents',
  severity: 'error',
  fixable: false,
  summary: 'Points incohérents avec les pourcentages ou avec le parent, ou impossibles à déduire.',
  codes: ['points-incoherents', 'points-non-inferables'],
  check(ctx, report) {
    const ref = ctx.referentiel;
    if (!ref) return;
    for (const n of ref.actions.values()) {
      if (n.pointsSource === null || n.pourcentage === null || n.parentId === null) continue;
      const parent = ref.actions.get(n.parentId);
      if (!parent) continue;
      const expected = parent.points.mul(n.pourcentage).div(Rational.HUNDRED);
      if (!expected.equals(n.pointsSource)) {
        report(
          `Points inattendus \`${fmt(n.pointsSource)}\`, attendu \`${fmt(expected)}\` (${fmt(n.pourcentage)} % des ${fmt(parent.points)} points de \`${parent.identifiant || parent.id}\`)`,
          n.keyPositions.points ?? n.position,
        );
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK } }, expected: [] },
    {
      title: 'not-ok : enfants qui ne font pas la somme du parent',
      files: { referentiel: { 'cae.md': racine(axe('Axe', 'identifiant: 1\npoints: 10', '#### Actions\n' + enfant('A', 'identifiant: 1.1\npoints: 6') + enfant('B', 'identifiant: 1.2\npoints: 3'))) } },
      expected: [
        "cae.md:10:9  error  Somme des points des enfants inattendue `9`, attendu `10` (les points de `1`)  points-incoherents",
      ],
    },
    {
      title: 'not-ok : points contraires au pourcentage',
      files: { referentiel: { 'cae.md': racine(axe('Axe', 'identifiant: 1\npoints: 10', '#### Actions\n' + enfant('A', 'identifiant: 1.1\npourcentage: 60\npoints: 5') + enfant('B', 'identifiant: 1.2\npourcentage: 40\npoints: 5'))) } },
      expected: [
        "cae.md:17:9  error  Points inattendus `5`, attendu `6` (60 % des 10 points de `1`)  points-incoherents",
        "cae.md:23:9  error  Points inattendus `5`, attendu `4` (40 % des 10 points de `1`)  points-incoherents",
      ],
    },
  ],
};
