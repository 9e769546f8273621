import { writeBrokenCopy } from './broken-copy.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseReferentielFiles, type SourceFile } from '../../src/referentiel/parse-referentiel.js';
import { parseReferentiel } from '../../src/referentiel/read-referentiel.js';
import { parseQuestionsFiles } from '../../src/personnalisation/parse-questions.js';
import { parseReglesFiles } from '../../src/personnalisation/parse-regles.js';
import { parsePreuvesFiles } from '../../src/preuves/parse-preuves.js';

const ROOT = '# Réf\n```yaml\nidentifiant: ""\nreferentiel: "test"\n```\n';
const at = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.position ? `${d.position.file}:${d.position.line}:${d.position.column}` : d.pointer}`);

describe('broken référentiels give positioned diagnostics', () => {
  it('reports invalid YAML and percentages summing to 110 at their place', async () => {
    const { dir, yamlLine, percentLine } = writeBrokenCopy();
    const { referentiel, diagnostics } = await parseReferentiel(dir);
    expect(referentiel).not.toBeNull();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(at(errors)).toEqual([`yaml-invalide@6.1.1.md:${yamlLine}:17`, `pourcentages-somme-100@6.1.1.md:${percentLine}:15`]);
    expect(errors[1]!.message).toContain('Somme des pourcentages inattendue `110`, attendu `100` pour les enfants de `6.1.1`');
    expect(formatDiagnostic(errors[1]!)).toMatch(new RegExp(`^6\\.1\\.1\\.md:${percentLine}:15: erreur \\[pourcentages-somme-100\\]`));
  });

  it('keeps `1.10` as written, and sorts it after `1.9`', () => {
    const files: SourceFile[] = [
      { path: 'r.md', content: ROOT + '# Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n## Actions\n### Neuf\n```yaml\nidentifiant: 1.9\n```\n### Dix\n```yaml\nidentifiant: 1.10\n```\n### Deux\n```yaml\nidentifiant: 1.2\n```\n' },
    ];
    const { referentiel, diagnostics } = parseReferentielFiles(files);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const axe = referentiel!.actions.get('test_1')!;
    expect(axe.children.map((c) => c.identifiant)).toEqual(['1.2', '1.9', '1.10']);
    expect(referentiel!.actions.get('test_1.10')!.nom).toBe('Dix');
    expect(axe.children.map((c) => c.points.toFraction())).toEqual(['10/3', '10/3', '10/3']);
  });

  it('reads the first heading metadata from a frontmatter', () => {
    const { referentiel, diagnostics } = parseReferentielFiles([
      { path: 'cae.md', content: '---\nidentifiant: ""\nreferentiel: cae\n---\n# Racine\nTexte.\n' },
      { path: '1.md', content: '---\nidentifiant: 1\npoints: 4\n---\n# Axe un\n' },
    ]);
    expect(diagnostics).toEqual([]);
    expect(referentiel!.root.sections.description).toBe('Texte.');
    expect(referentiel!.actions.get('cae_1')!.points.toFraction()).toBe('4');
    expect(referentiel!.actions.get('cae_1')!.keyPositions.points).toEqual({ file: '1.md', line: 3, column: 9 });
  });

  it('reports structural problems with stable codes', () => {
    const { diagnostics } = parseReferentielFiles([
      { path: 'r.md', content: ROOT },
      {
        path: 'a.md',
        content:
          '# A\n```yaml\nidentifiant: 1\npoints: 10\ncategorie: autre\n```\n## Actions\n### B\n```yaml\nidentifiant: 1.1\npourcentage: 50\n```\n' +
          '### B bis\n```yaml\nidentifiant: 1.1\n```\n### Sans id\n```yaml\npoints: 1\n```\n### Pas de yaml\n',
      },
      { path: 'o.md', content: '# Orpheline\n```yaml\nidentifiant: 7.1\n```\n# Trou\n```yaml\nidentifiant: 1.1.1.1\n```\n# Mauvais\n```yaml\nidentifiant: 1.X\npoints: -2\n```\n' },
    ]);
    expect(at(diagnostics).sort()).toEqual(
      [
        'categorie-inconnue@a.md:5:12',
        'identifiant-duplique@a.md:15:14',
        'identifiant-manquant@a.md:18:1',
        'identifiant-manquant@a.md:21:1',
        'identifiant-invalide@o.md:11:14',
        'action-orpheline@o.md:3:14',
        'niveau-manquant@o.md:7:14',
        'pourcentages-somme-100@a.md:11:14',
        'hierarchie-deduite@r.md:1:1',
      ].sort(),
    );
  });

  it('reports a missing root, and children not adding up', () => {
    expect(at(parseReferentielFiles([{ path: 'x.md', content: '# X\n```yaml\nidentifiant: 1\n```\n' }]).diagnostics)).toEqual(['racine-manquante@x.md:1:1']);
    const r = parseReferentielFiles([{ path: 'r.md', content: ROOT.replace('identifiant: ""', 'identifiant: ""\npoints: 10') + '# A\n```yaml\nidentifiant: 1\npoints: 4\n```\n' }]);
    expect(at(r.diagnostics.filter((d) => d.severity === 'error'))).toEqual(['points-incoherents@r.md:4:9']);
  });

  it('never throws nor hangs, whatever the input', () => {
    const garbage = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
    const headings = ROOT + Array.from({ length: 30_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} T${i}\n`).join('');
    const bomb = ROOT + '# A\n```yaml\nidentifiant: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n```\n';
    const unclosed = ROOT + '# A\n```yaml\nidentifiant: 1\n';
    for (const content of [garbage, headings, bomb, unclosed, '', '\u0000\u0001', '---\n', '```\n', '# \n```yaml\n:\n```\n', ROOT + '```yaml\n- 1\n```\n']) {
      const r = parseReferentielFiles([{ path: 'f.md', content }]);
      expect(Array.isArray(r.diagnostics)).toBe(true);
    }
    const r = parseReferentielFiles([{ path: 'f.md', content: bomb }]);
    expect(r.diagnostics.some((d) => d.code === 'yaml-invalide')).toBe(true);
    expect(hasErrors(parseReferentielFiles([{ path: 'f.md', content: headings }]).diagnostics)).toBe(true);
  });
});

describe('property: no input makes the parsers throw', () => {
  const piece = fc.constantFrom('# T\n', '## Actions\n', '### S\n', '```yaml\n', '```\n', 'identifiant: 1\n', 'identifiant: 1.1\n', 'identifiant: ""\n', 'referentiel: x\n', 'pourcentage: 50\n', 'points: 3\n', '---\n', '<!--\n', 'a: &a [*a]\n', 'texte\n', '\t- x\n');
  const doc = fc.oneof(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 400 }));
  it('parseReferentielFiles, parseQuestionsFiles, parseReglesFiles, parsePreuvesFiles', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), (contents) => {
        const files = contents.map((content, i) => ({ path: `${i}.md`, content }));
        for (const r of [parseReferentielFiles(files), parseQuestionsFiles(files), parseReglesFiles(files), parsePreuvesFiles(files)]) {
          expect(r.diagnostics.every((d) => d.code !== 'erreur-interne' && d.code !== 'markdown-illisible')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('companion files', () => {
  it('questions: duplicates, unknown types, choix without choices', () => {
    const { questions, diagnostics } = parseQuestionsFiles([
      {
        path: 'q.md',
        content:
          '# Q1 ?\n```yaml\nid: q1\ntype: binaire\nthematique_id: t\nactions: [cae_1]\n```\n# Q1 bis\n```yaml\nid: q1\ntype: binaire\n```\n' +
          '# Q2\n```yaml\nid: q2\ntype: texte\n```\n# Q3\n```yaml\nid: q3\ntype: choix\n```\n# Q4\n```yaml\nid: q4\ntype: choix\n```\n## Choix\n### Oui\n```yaml\nid: q4_a\n```\n### Non\n```yaml\nid: q4_b\n```\n',
      },
    ]);
    expect(at(diagnostics)).toEqual(['question-dupliquee@q.md:10:5', 'question-type-inconnu@q.md:16:7', 'question-choix-vide@q.md:18:1']);
    expect(questions.map((x) => x.id)).toEqual(['q1', 'q3', 'q4']);
    expect(questions[2]!.choix.map((c) => `${c.id}:${c.label}`)).toEqual(['q4_a:Oui', 'q4_b:Non']);
  });

  it('règles: duplicate entry, two rules of a type, unknown type, formula position', () => {
    const { entries, diagnostics } = parseReglesFiles([
      {
        path: 'r.md',
        content:
          '# E1\n```yaml\naction_id: cae_1\n```\n## Règles\n### Désactivation\n```formule\n  identite(type, EPCI)\n```\nParce que.\n### Désactivation\n```formule\nVRAI\n```\n### Bonus\n```formule\n1\n```\n' +
          '# E1 bis\n```yaml\naction_id: cae_1\n```\n## Règles\n### Score réalisé\n```formule\n1\n```\n',
      },
    ]);
    expect(at(diagnostics)).toEqual(['regle-type-duplique@r.md:11:1', 'regle-type-inconnu@r.md:15:5', 'regle-dupliquee@r.md:21:12']);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.regles).toEqual([
      { type: 'desactivation', titre: 'Désactivation', formule: '  identite(type, EPCI)', formulePosition: { file: 'r.md', line: 8, column: 3 }, description: 'Parce que.', position: { file: 'r.md', line: 6, column: 1 } },
    ]);
  });

  it('preuves: ids of at most 50 characters, unique', () => {
    const long = 'x'.repeat(51);
    const { preuves, diagnostics } = parsePreuvesFiles([
      { path: 'p.md', content: `# P\n\`\`\`yaml\nid: p1\nactions: [cae_1]\n\`\`\`\n# P bis\n\`\`\`yaml\nid: p1\n\`\`\`\n# Long\n\`\`\`yaml\nid: ${long}\n\`\`\`\n` },
    ]);
    expect(at(diagnostics)).toEqual(['preuve-dupliquee@p.md:8:5', 'preuve-id-trop-long@p.md:12:5']);
    expect(preuves.map((p) => p.id)).toEqual(['p1', long]);
  });
});
