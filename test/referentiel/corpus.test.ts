import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeCorpus, hasCorpus, tet } from '../support/corpus.js';
import { hasErrors, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { Rational, q } from '../../src/exact/rational.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import { parseReferentiel } from '../../src/referentiel/read-referentiel.js';
import { parsePreuves, parseQuestions, parseRegles } from '../../src/node/read-companions.js';
import { scanBlocks } from '../../src/markdown/scan.js';
import { remarkBlocks } from '../../src/markdown/remark-blocks.js';
import { buildOutline, walkOutline } from '../../src/markdown/outline.js';
import { readSimpleYaml, readYamlWithLibrary } from '../../src/markdown/yaml-meta.js';
import { compileReferentiel } from '../../src/referentiel/compile-referentiel.js';
import { loadReferentiel } from '../../src/referentiel/load-referentiel.js';
import { compiledReferentielSchema } from '../../src/referentiel/compiled-schema.js';

const countBy = (ref: Referentiel): Record<string, number> => {
  const c: Record<string, number> = {};
  for (const n of ref.actions.values()) c[n.type] = (c[n.type] ?? 0) + 1;
  return c;
};
const leaves = (ref: Referentiel): number => [...ref.actions.values()].filter((n) => n.children.length === 0).length;
const pts = (ref: Referentiel, id: string): Rational => {
  const n = ref.actions.get(id);
  if (!n) throw new Error(`absent : ${id}`);
  return n.points;
};
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.position?.file}:${d.code}`);

describeCorpus('référentiel CAE', () => {
  let cae: Referentiel;
  let diags: Diagnostic[];
  beforeAll(async () => {
    const r = await parseReferentiel(tet('referentiels', 'cae'));
    diags = r.diagnostics;
    cae = r.referentiel!;
  });

  it('parses without error, with the expected counts', () => {
    expect(hasErrors(diags), diags.map((d) => d.message).join('\n')).toBe(false);
    expect(cae.id).toBe('cae');
    expect(cae.hierarchie.actionLevel).toBe(3);
    expect(cae.actions.size).toBe(1471);
    expect(countBy(cae)).toEqual({ referentiel: 1, axe: 6, 'sous-axe': 19, mesure: 61, 'sous-action': 325, tache: 1059 });
    expect(leaves(cae)).toBe(1111);
  });

  it('computes the points exactly', () => {
    expect(cae.root.points.equals(q(500))).toBe(true);
    expect(cae.root.children.map((a) => a.points.toFraction())).toEqual(['100', '64', '94', '96', '46', '100']);
    expect(pts(cae, 'cae_1.1.1.1.1').toFraction()).toBe('3/10');
    expect(pts(cae, 'cae_1.2.3.3.1').toFraction()).toBe('1');
    expect(pts(cae, 'cae_1.1.1.5').equals(q('3.6'))).toBe(true);
    expect(cae.actions.get('cae_1.1.1.5')!.children).toHaveLength(0);
  });

  it('has children summing exactly to their parent, sorted numerically', () => {
    for (const n of cae.actions.values()) {
      if (n.children.length === 0) continue;
      expect(Rational.sum(n.children.map((c) => c.points)).equals(n.points), n.id).toBe(true);
      const last = n.children.map((c) => Number(c.identifiant.split('.').at(-1)));
      expect(last, n.id).toEqual([...last].sort((a, b) => a - b));
    }
    expect(cae.actions.get('cae_1.2.3.2')!.children.map((c) => c.identifiant).slice(8, 11)).toEqual(['1.2.3.2.9', '1.2.3.2.10', '1.2.3.2.11']);
  });

  it('handles the irregularities of §1.8', () => {
    // 2.2.4.3 uses `##### Description`: still the right tree, heading text kept in the description.
    const s = cae.actions.get('cae_2.2.4.3')!;
    expect(s.type).toBe('sous-action');
    expect(s.children).toHaveLength(0);
    expect(s.sections.description).toMatch(/^##### Description\n/);
    expect(diags.some((d) => d.code === 'niveau-titre-incoherent' && d.position?.file === '2.2.4.md')).toBe(true);
    // pointsDOM kept in extra, with a warning, on the 5 measures.
    expect(cae.actions.get('cae_3.2.1')!.extra).toEqual({ pointsDOM: 10 });
    expect(diags.filter((d) => d.code === 'cle-yaml-inconnue')).toHaveLength(5);
    // Double spaces kept in names.
    expect(cae.actions.get('cae_1.2.4')!.nom).toContain('rénovation  des');
    // scoring.md says 10; the source has 7 headings with inner double spaces, all of them kept.
    expect([...cae.actions.values()].filter((n) => n.nom.includes('  ')).length).toBe(7);
    // Sections under snake_case names.
    const m = cae.actions.get('cae_1.1.1')!;
    expect(Object.keys(m.sections)).toEqual(expect.arrayContaining(['description', 'contexte', 'ressources', 'exemples', 'reduction_potentiel', 'perimetre_evaluation']));
    expect(m.climatPraticId).toBe('strategie');
    expect(cae.actions.get('cae_1.1.1.1')!.categorie).toBe('bases');
    expect(cae.actions.get('cae_6.1.1.2')!).toMatchObject({ categorie: 'mise_en_oeuvre', categorieSource: 'mise en œuvre' });
    expect(codes(diags).filter((c) => !/cle-yaml-inconnue|niveau-titre-incoherent/.test(c))).toEqual([]);
  });

  it('compiles to a valid document that loads back to the same tree', () => {
    const json = JSON.parse(JSON.stringify(compileReferentiel(cae)));
    expect(compiledReferentielSchema.safeParse(json).success).toBe(true);
    expect(json.actions.find((a: { id: string }) => a.id === 'cae_1.1.1.1.1')).toMatchObject({ points: 0.3, pointsExact: '3/10' });
    const loaded = loadReferentiel(json);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.referentiel).toEqual(cae);
  });
});

describeCorpus('référentiel ECI', () => {
  let eci: Referentiel;
  let diags: Diagnostic[];
  beforeAll(async () => {
    const r = await parseReferentiel(tet('referentiels', 'eci'));
    diags = r.diagnostics;
    eci = r.referentiel!;
  });
  it('parses with the expected counts and points', () => {
    expect(diags).toEqual([]);
    expect(eci.hierarchie.actionLevel).toBe(2);
    expect(eci.actions.size).toBe(368);
    expect(countBy(eci)).toEqual({ referentiel: 1, axe: 5, mesure: 21, 'sous-action': 80, tache: 261 });
    expect(leaves(eci)).toBe(274);
    expect(eci.root.points.toFraction()).toBe('500');
    expect(eci.root.children.map((a) => a.points.toFraction())).toEqual(['90', '80', '180', '60', '90']);
    expect(pts(eci, 'eci_2.3.1').toFraction()).toBe('20/3');
    expect(pts(eci, 'eci_2.4.0').isZero()).toBe(true);
    expect(pts(eci, 'eci_1.1.1.1').equals(q('1.2'))).toBe(true);
    expect(pts(eci, 'eci_3.1.1').toFraction()).toBe('35/3');
    for (const n of eci.actions.values()) {
      if (n.children.length > 0) expect(Rational.sum(n.children.map((c) => c.points)).equals(n.points), n.id).toBe(true);
    }
    expect(eci.actions.get('eci_1')!.sections.description).toMatch(/^\[Ressources/);
  });
});

describeCorpus('questions, règles et preuves', () => {
  it('reads the 53 questions', async () => {
    const { questions, diagnostics } = await parseQuestions(tet('questions'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(questions).toHaveLength(53);
    const byType = (t: string) => questions.filter((x) => x.type === t).length;
    expect([byType('binaire'), byType('proportion'), byType('choix')]).toEqual([43, 8, 2]);
    const ep1 = questions.find((x) => x.id === 'EP_1')!;
    expect(ep1.choix.map((c) => c.id)).toEqual(['EP_1_a', 'EP_1_b', 'EP_1_c']);
    expect(ep1.choix[0]!.label).toBe("Oui sur l'ensemble du territoire");
    expect(ep1.actions).toEqual(['cae_2.3.1']);
    expect(questions.find((x) => x.id === 'dechets_4')!.typesConcernes).toEqual(['EPCI']);
  });

  it('reads 104 entries and 116 rules', async () => {
    const { entries, diagnostics } = await parseRegles(tet('personnalisations'));
    // cae_3.2.1.1 really has a `## Règles` with no rule under it.
    expect(diagnostics.map((d) => `${d.code} ${d.position?.file}:${d.position?.line}`)).toEqual(['regles-absentes cae_3.md:63']);
    expect(entries).toHaveLength(104);
    const rules = entries.flatMap((e) => e.regles);
    expect(rules).toHaveLength(116);
    const cae = entries.filter((e) => e.actionId.startsWith('cae_'));
    expect([cae.length, cae.flatMap((e) => e.regles).length]).toEqual([82, 94]);
    const t = (type: string, pre: string) => entries.filter((e) => e.actionId.startsWith(pre)).flatMap((e) => e.regles).filter((r) => r.type === type).length;
    expect([t('desactivation', 'cae_'), t('reduction', 'cae_'), t('score', 'cae_')]).toEqual([39, 54, 1]);
    expect([t('desactivation', 'eci_'), t('reduction', 'eci_')]).toEqual([20, 2]);
    const first = entries.find((e) => e.actionId === 'cae_1.1.2.0.1')!;
    expect(first.regles[0]!.formule).toMatch(/^si identite\(type, commune\) alors VRAI\n/);
    expect(first.regles[0]!.formulePosition).toEqual({ file: 'cae_1.md', line: 8, column: 1 });
    expect(first.regles[0]!.description).toMatch(/^Seuls les EPCI/);
  });

  it('reads the proofs without error', async () => {
    const { preuves, diagnostics } = await parsePreuves(tet('preuves'));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(preuves.length).toBeGreaterThan(100);
    const p = preuves.find((x) => x.id === 'rapport_diag_pcaet')!;
    expect(p.actions).toEqual(['cae_1.1.1.3', 'cae_1.1.2.1']);
    expect(p.description).toMatch(/^PCAET avec EES/);
  });
});

describeCorpus('tokenizers and YAML fast path agree with the reference libraries', () => {
  const dirs = ['referentiels/cae', 'referentiels/eci', 'questions', 'personnalisations', 'preuves'];
  // Read at collection time, so only when the corpus is there (the suite is skipped otherwise).
  const all = hasCorpus ? dirs.flatMap((d) => readdirSync(tet(d)).filter((f) => f.endsWith('.md')).map((f) => ({ file: f, content: readFileSync(tet(d, f), 'utf8') }))) : [];

  it('scanBlocks gives the same blocks as remark-parse on every corpus file', () => {
    for (const f of all) expect(scanBlocks(f.content), f.file).toEqual(remarkBlocks(f.content));
  });

  it('the simple-YAML fast path reads every block it accepts exactly like the yaml package', () => {
    let accepted = 0;
    for (const f of all) {
      for (const item of walkOutline(buildOutline(f.content, { file: f.file, keywords: ['actions', 'choix', 'regles'] }, []))) {
        for (const block of item.metadata) {
          const fast = readSimpleYaml(block);
          if (!fast) continue;
          accepted++;
          expect(fast, `${f.file}:${block.position.line}`).toEqual(readYamlWithLibrary(block, []));
        }
      }
    }
    expect(accepted).toBeGreaterThan(2000);
  });
});
