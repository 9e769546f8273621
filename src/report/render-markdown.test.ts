import { describe, expect, it } from 'vitest';
import { evaluation611, referentiel611 } from '../../test/report/fixtures.js';
import { escapeMarkdown, renderMarkdown } from './render-markdown.js';

/** Cells of a GFM table row, honouring `\|`. */
const cells = (line: string): string[] =>
  line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/^ +| +$/g, ''));

describe('renderMarkdown', () => {
  const md = renderMarkdown(evaluation611(), referentiel611());
  const lines = md.split('\n');

  it('has the summary and the étoile', () => {
    expect(md).toContain('- **Score global :** 3,561 points faits sur 6 points potentiels (**59,34 %**)');
    expect(md).toContain('**Étoile atteinte par le score : ★★★☆☆ troisième étoile** : 59,34 % des points potentiels sont faits.');
    expect(md).toContain('Prochaine étoile : quatrième étoile à 65,00 % ; il manque 0,339 point fait.');
  });

  it('has a GFM table per axe with the golden cells', () => {
    expect(md).toContain('### Axe 6 — Coopération, communication');
    const row = lines.find((l) => l.startsWith('| 6.1.1 |'))!;
    expect(cells(row)).toEqual([
      '6.1.1', '\u00a0\u00a0\u00a0\u00a0Développer une stratégie partenariale multi-niveaux', '6',
      '3,561 (59,34 %)', '0,865 (14,42 %)', '0,539 (8,98 %)', '1,035 (17,25 %)',
    ]);
    const header = lines.indexOf('| Identifiant | Intitulé | Potentiel | Fait | Programmé | Pas fait | Non renseigné |');
    expect(lines[header + 1]).toBe('|---|---|--:|--:|--:|--:|--:|');
  });

  it('escapes | and Markdown punctuation in names so a table keeps its columns', () => {
    const ref = referentiel611();
    ref.actions.get('cae_6.1.1')!.nom = 'A | B *gras* <b>x</b> [lien](http://x)';
    const out = renderMarkdown(evaluation611(), ref);
    const row = out.split('\n').find((l) => l.startsWith('| 6.1.1 |'))!;
    expect(cells(row)).toHaveLength(7);
    expect(row).toContain('A \\| B \\*gras\\* \\<b\\>x\\</b\\> \\[lien\\](http://x)');
    expect(escapeMarkdown('a\nb|c')).toBe('a b\\|c');
  });

  it('lists the criteria and the constats', () => {
    expect(md).toContain('## Critères de la troisième étoile');
    const row = lines.find((l) => l.startsWith('| 6.1.1.3.5 |'))!;
    expect(cells(row)).toEqual([
      '6.1.1.3.5', 'partenariats « significatifs » & \\<multi-acteurs\\>', '**non rempli**',
      '50,00 % fait (minimum 100 %), 75,00 % fait + programmé (minimum 100 %)',
    ]);
    expect(md).toContain('- **avertissement** (`preuve-contredit-statut`) : Le statut « fait » de 6.1.1.3.5 contredit les preuves : 1 partenariat, 2 attendus. — action 6.1.1.3.5, dossier `/statuts/6.1.1.3.5`');
  });
});
