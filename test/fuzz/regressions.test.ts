/**
 * Regression tests: each failure found while attacking the engine (by hand with hostile inputs and
 * by the fuzz properties), minimised to the smallest input that showed it.
 */
import { describe, expect, it } from 'vitest';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { etoilesConfigFor } from '../../src/etoiles/etoiles-config.js';
import { buildOutline, sectionKey } from '../../src/markdown/outline.js';
import { parseReferentielFiles } from '../../src/referentiel/parse-referentiel.js';
import { parseReglesFiles } from '../../src/personnalisation/parse-regles.js';
import { defaultSeuils } from '../../src/report/etoile-gauge.js';

const ROOT = (name: string, extra = ''): string => `# Racine\n\`\`\`yaml\nidentifiant: ""\nreferentiel: ${name}\npoints: 10\n${extra}\`\`\`\n# Axe\n\`\`\`yaml\nidentifiant: 1\n\`\`\`\n`;

describe('regressions found by hostile inputs and fuzzing', () => {
  it('referentiel: constructor crashed the parser (Object.prototype lookup in the known hierarchies)', () => {
    const { referentiel, diagnostics } = parseReferentielFiles([{ path: 'r.md', content: ROOT('constructor') }]);
    expect(diagnostics.filter((d) => d.code === 'erreur-interne')).toEqual([]);
    expect(referentiel?.id).toBe('constructor');
    expect(etoilesConfigFor('constructor').seuils.length).toBeGreaterThan(0);
    expect(defaultSeuils('constructor').length).toBeGreaterThan(0);
  });

  it('categorie: constructor resolved to the Object function, without a warning', () => {
    const { referentiel, diagnostics } = parseReferentielFiles([{ path: 'r.md', content: ROOT('cae').replace('identifiant: 1\n', 'identifiant: 1\ncategorie: constructor\n') }]);
    expect(referentiel?.actions.get('cae_1')?.categorie).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('categorie-inconnue');
  });

  it("a '## Constructor' section got the key 'function Object() { [native code] }'", () => {
    expect(sectionKey('Constructor')).toBe('constructor');
    expect(sectionKey('__proto__')).toBe('__proto__');
    const { referentiel } = parseReferentielFiles([{ path: 'r.md', content: `${ROOT('cae')}## Constructor\ntexte\n## __proto__\nautre\n` }]);
    const sections = referentiel?.actions.get('cae_1')?.sections ?? {};
    expect(Object.keys(sections)).toEqual(['constructor']);
    expect(Object.getPrototypeOf(sections)).toBe(Object.prototype);
  });

  it('a YAML key __proto__ set the prototype of `extra` (and was lost from it)', () => {
    const { referentiel, diagnostics } = parseReferentielFiles([{ path: 'r.md', content: ROOT('cae', '__proto__: {points: 99}\n') }]);
    const root = referentiel!.root;
    expect(Object.getPrototypeOf(root.extra)).toBe(Object.prototype);
    expect((root.extra as Record<string, unknown>).points).toBeUndefined();
    expect(Object.getPrototypeOf(root.keyPositions)).toBe(Object.prototype);
    expect(diagnostics.find((d) => d.code === 'cle-yaml-inconnue')?.message).toContain('ignorée (nom réservé)');
  });

  it("a rule titled '### Constructor' was typed as the Object function", () => {
    const content = '# cae_1\n```yaml\naction_id: cae_1\n```\n## Règles\n### Constructor\n```formule\nVRAI\n```\n';
    const { diagnostics } = parseReglesFiles([{ path: 'p.md', content }]);
    expect(diagnostics.map((d) => d.code)).toContain('regle-type-inconnu');
  });

  it('a statut keyed __proto__ vanished silently (zod drops the key): now refused at its place', () => {
    const r = parseDossierText('{"statuts":{"__proto__":"fait"}}', 'd.json');
    expect(r.dossier).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.pointer, d.position?.line, d.position?.column])).toEqual([['dossier-cle-interdite', '/statuts/__proto__', 1, 13]]);
  });

  // Quadratic, 60,000 headings took 10 s, so 200,000 would take about 2 minutes; linear, they take
  // well under a second. The test's timeout is the guard (100x margin either way); speed itself is
  // measured by src/markdown/outline.bench.ts, not here.
  it('200,000 section headings in one file: every one kept (the outline was quadratic)', () => {
    const text = `# Item\n${Array.from({ length: 200_000 }, (_, i) => `## S${i}\n`).join('')}`;
    const items = buildOutline(text, { file: 'x.md', keywords: [] }, []);
    expect(items[0]!.sections).toHaveLength(200_000);
    expect(items[0]!.sections.at(-1)!.title).toBe('S199999');
  }, 30_000);

  it('a YAML collection used as a key printed a Node warning on stderr', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      parseReferentielFiles([{ path: 'r.md', content: ROOT('cae', 'x:\n  ? [a, b]\n  : 1\n') }]);
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('a NUL byte in a Markdown file: reported as binary, file ignored', () => {
    const diagnostics: import('../../src/diagnostics/diagnostic.js').Diagnostic[] = [];
    expect(buildOutline('# T\nab\u0000c', { file: 'b.md', keywords: [] }, diagnostics)).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.position?.line, d.position?.column])).toEqual([['markdown-binaire', 2, 3]]);
  });
});

describe('regressions found by npm run fuzz', () => {
  it('points: 1e400 was accepted, compiled to "points": null, and the compiled JSON did not load back', async () => {
    const { compileReferentiel } = await import('../../src/referentiel/compile-referentiel.js');
    const { loadReferentiel } = await import('../../src/referentiel/load-referentiel.js');
    const content = `${ROOT('cae')}`.replace('points: 10\n', 'points: 1e400\n');
    const { referentiel, diagnostics } = parseReferentielFiles([{ path: 'r.md', content }]);
    const d = diagnostics.find((x) => x.code === 'points-invalides');
    expect(d?.message).toBe("Valeur de `points` inattendue `1e400`, attendu un nombre positif ou nul d'au plus 1e308");
    expect(d?.position).toMatchObject({ line: 5, column: 9 });
    // Whatever the parser keeps, what it compiles loads back.
    if (referentiel) expect(loadReferentiel(JSON.parse(JSON.stringify(compileReferentiel(referentiel)))).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });
});
