/**
 * preuve-action-inconnue — une preuve liée (`actions`) à une action absente du référentiel linté.
 * Les actions d'un autre référentiel (`eci_…` quand on linte CAE) ne sont pas vérifiées.
 */
import type { LintRule } from '../types.js';
import { REFERENTIEL_OK } from './example-support.js';

export const preuveActionInconnue: LintRule = {
  id: 'preuve-action-inconnue',
  severity: 'error',
  fixable: false,
  summary: 'Preuve liée à une action absente du référentiel.',
  check(ctx, report) {
    const ref = ctx.referentiel;
    if (!ref) return;
    for (const p of ctx.preuves ?? []) {
      const file = ctx.files.get(p.position.file);
      for (const a of p.actions) {
        if (!ctx.inScope(a) || ref.actions.has(a)) continue;
        let where = { file: p.position.file, line: p.position.line, column: p.position.column };
        if (file) {
          const re = new RegExp(`(^|[\\s\\[,-])(${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=$|[\\s,\\]])`);
          for (let l = p.position.line + 1; l <= Math.min(file.source.lineCount, p.position.line + 60); l++) {
            const m = re.exec(file.source.line(l));
            if (m) {
              where = { file: file.name, line: l, column: m.index + m[1]!.length + 1 };
              break;
            }
          }
        }
        report(`Action inattendue \`${a}\` pour la preuve \`${p.id}\`, attendu une action du référentiel`, where, { end: { line: where.line, column: where.column + a.length } });
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, preuves: { 'p.md': '# Délibération\n```yaml\nid: deliberation\nactions:\n  - cae_1.1\n```\n' } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, preuves: { 'p.md': '# Délibération\n```yaml\nid: deliberation\nactions:\n  - cae_1.1\n  - cae_1.9\n  - eci_2.1\n```\n' } }, expected: [
        "p.md:6:5  error  Action inattendue `cae_1.9` pour la preuve `deliberation`, attendu une action du référentiel  preuve-action-inconnue",
      ] },
  ],
};
