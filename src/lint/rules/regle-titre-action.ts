/**
 * regle-titre-action — le titre d'une entrée de personnalisation nomme une autre action que son
 * `action_id` (« Désactivation cae 4.1.2.1 » pour `action_id: cae_4.1.2.3`) : titre copié-collé
 * puis oublié, qui trompe le lecteur. Sont reconnus `cae 4.1.2.1`, `cae_4.1.2.1` et `4.1.2.1`.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, regle } from './example-support.js';

const MENTION = /(?:\b([a-z][a-z0-9-]*)[ _])?(?<![\d.])(\d+(?:\.\d+)*)(?![\d.])/g;

export const regleTitreAction: LintRule = {
  id: 'regle-titre-action',
  severity: 'error',
  fixable: false,
  summary: 'Titre d\'entrée de personnalisation qui nomme une autre action que son `action_id`.',
  check(ctx, report) {
    for (const entry of ctx.regles ?? []) {
      const k = entry.actionId.indexOf('_');
      if (k === -1) continue;
      const ref = entry.actionId.slice(0, k);
      const identifiant = entry.actionId.slice(k + 1);
      const file = ctx.files.get(entry.position.file);
      const line = file?.source.line(entry.position.line) ?? '';
      const offset = line.indexOf(entry.titre);
      MENTION.lastIndex = 0;
      for (let m = MENTION.exec(entry.titre); m; m = MENTION.exec(entry.titre)) {
        const prefix = m[1];
        const num = m[2]!;
        if (prefix === undefined && !num.includes('.')) continue; // « 100 000 hab »
        if (prefix !== undefined && prefix !== ref && !/^(cae|eci)$/.test(prefix)) continue;
        if ((prefix ?? ref) === ref && num === identifiant) continue;
        const column = (offset === -1 ? entry.position.column : offset + 1) + m.index;
        report(
          `Action \`${prefix ? `${prefix}_` : ''}${num}\` inattendue dans le titre « ${entry.titre.trim()} », attendu \`${entry.actionId}\` (son \`action_id\`)`,
          { file: entry.position.file, line: entry.position.line, column },
          { end: { line: entry.position.line, column: column + m[0].length } },
        );
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(dechets_1, NON)', 'Désactivation', 'cae_1.1', 'Désactivation cae 1.1 liee AOM > 100 000 hab') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(dechets_1, NON)', 'Désactivation', 'cae_1.1', 'Désactivation cae 1.2 liee déchets') } }, expected: [
        "r.md:1:17  error  Action `cae_1.2` inattendue dans le titre « Désactivation cae 1.2 liee déchets », attendu `cae_1.1` (son `action_id`)  regle-titre-action",
      ] },
  ],
};
