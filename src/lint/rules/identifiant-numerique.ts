/**
 * identifiant-numerique — un `identifiant` sans guillemets que YAML lit comme un nombre et change :
 * `1.10` devient `1.1`, `2.0` devient `2`, `01` devient `1`. label-cae lit le texte source, mais
 * tout outil qui passe par un chargeur YAML (TeT le faisait) obtient une autre action.
 * Correction sûre : mettre la valeur entre guillemets (`identifiant: "1.10"`), que tous lisent pareil.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

const LINE = /^(\s*identifiant\s*:[ \t]*)([0-9][0-9.]*)([ \t]*(#.*)?)$/;

export const identifiantNumerique: LintRule = {
  id: 'identifiant-numerique',
  severity: 'error',
  fixable: true,
  summary: 'Identifiant que YAML lirait comme un nombre différent (`1.10` → `1.1`) ; corrigé en le mettant entre guillemets.',
  check(ctx, report) {
    for (const file of ctx.ofKind('referentiel')) {
      for (const b of file.blocks) {
        if (!(b.kind === 'frontmatter' || (b.kind === 'code' && b.lang === 'yaml'))) continue;
        const last = b.kind === 'code' && b.closed ? b.endLine - 1 : b.endLine;
        for (let line = b.contentLine; line <= last; line++) {
          const m = LINE.exec(file.source.line(line));
          if (!m) continue;
          const text = m[2]!;
          if (!/^\d+(\.\d+)?$/.test(text)) continue; // 1.1.1 is a string for YAML
          const read = String(Number(text));
          if (read === text) continue;
          const column = m[1]!.length + 1;
          const start = file.source.lineStarts[line - 1]! + m[1]!.length;
          report(
            `Identifiant \`${text}\` lu comme le nombre \`${read}\` par YAML, attendu entre guillemets : \`"${text}"\``,
            { file: file.name, line, column },
            { end: { line, column: column + text.length }, fix: { start, end: start + text.length, text: `"${text}"` } },
          );
        }
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n### Axe 10\n```yaml\nidentifiant: "10"\npoints: 5\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n#### Actions\n##### Dixième\n```yaml\nidentifiant: 1.10\n```\n') } }, expected: [
        "cae.md:15:14  error  Identifiant `1.10` lu comme le nombre `1.1` par YAML, attendu entre guillemets : `\"1.10\"`  identifiant-numerique",
      ] },
  ],
};
