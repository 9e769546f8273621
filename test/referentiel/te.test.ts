/**
 * TE (« Climat Ressources ») as HEAD writes it: identifiants with letter parts (`1.1.6.3.a`) and
 * `alter…` suffixes (`1.1.1alter.1`), the te hierarchy, and the scoring options a root declares
 * (`redistribution: false`, `personnalisation: desactivation`), through the parser, the compiled
 * JSON and the engine. Then HEAD's own TE imported by `cae import`: 664 nodes, 669.9 points.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';
import { compileReferentiel } from '../../src/referentiel/compile-referentiel.js';
import { IDENTIFIANT_PATTERN, compareIdentifiants, identifiantDepth } from '../../src/referentiel/hierarchie.js';
import { loadReferentiel } from '../../src/referentiel/load-referentiel.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import { parseReferentielFiles } from '../../src/referentiel/parse-referentiel.js';
import { parseReferentiel } from '../../src/referentiel/read-referentiel.js';
import { computeScores } from '../../src/score/compute-scores.js';
import { TRIPLE_FAIT } from '../../src/score/statut.js';
import { importHeadContent, loadHeadContext } from '../support/head-content.js';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson, explainAction } from '../../src/evaluation/evaluation-to-json.js';
import { describeTetHead } from '../support/tet-head.js';

const node = (id: string, points?: string): string => `# ${id}\n\`\`\`yaml\nidentifiant: "${id}"\n${points === undefined ? '' : `points: ${points}\n`}\`\`\`\n`;

function teLike(rootYaml: string): Referentiel {
  const content = [
    `# Racine\n\`\`\`yaml\nidentifiant: ""\nreferentiel: "te"\n${rootYaml}\`\`\`\n`,
    node('1'),
    node('1.1'),
    node('1.1.1'),
    node('1.1.1.1', '2'),
    node('1.1.1.1.b'),
    node('1.1.1.1.a'),
    node('1.1.1.2', '2'),
    node('1.1.1.3', '2'),
    node('1.1.1alter'),
    node('1.1.1alter.1', '3'),
    node('1.1.10'),
    node('1.1.10.1', '1'),
    node('1.1.2'),
    node('1.1.2.1', '1'),
  ].join('');
  const { referentiel, diagnostics } = parseReferentielFiles([{ path: 'te.md', content }]);
  expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([]);
  return referentiel!;
}

describe('identifiants as HEAD writes them', () => {
  it('accepts letter parts and alter suffixes, and nothing looser', () => {
    for (const ok of ['', '1', '1.10', '1.1.6.3.a', '1.1.1alter', '1.1.1alter.1', '4.2.1alterepci', '6.3.8altercom.1', '1.1.6.3.ab']) expect(IDENTIFIANT_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['1.A', 'a', 'a.1', '1.a.1', '1..1', '1.', '1alter2', '1.1x', ' 1', '1.1.ALTER']) expect(IDENTIFIANT_PATTERN.test(bad), bad).toBe(false);
  });

  it('orders numbers numerically, a plain number before its alter, numbers before letters', () => {
    const ids = ['1.1.10', '1.1.2', '1.1.1alter', '1.1.1', '1.1.1.b', '1.1.1.a', '1.1.1.1', '1.1.1alter.1', '1.1.1alterepci', '1.1.1.aa'];
    expect([...ids].sort(compareIdentifiants)).toEqual(['1.1.1', '1.1.1.1', '1.1.1.a', '1.1.1.b', '1.1.1.aa', '1.1.1alter', '1.1.1alter.1', '1.1.1alterepci', '1.1.2', '1.1.10']);
    expect(compareIdentifiants('1.10', '1.1')).toBeGreaterThan(0);
    expect(compareIdentifiants('1.1', '1.1')).toBe(0);
    expect(identifiantDepth('1.1.1alter.1')).toBe(4);
    expect(identifiantDepth('1.1.6.3.a')).toBe(5);
  });

  it('builds the tree by prefix: the parent of 1.1.1alter is 1.1, of 1.1.1alter.1 is 1.1.1alter', () => {
    const ref = teLike('');
    expect(ref.actions.get('te_1.1.1alter')!.parentId).toBe('te_1.1');
    expect(ref.actions.get('te_1.1.1alter.1')!.parentId).toBe('te_1.1.1alter');
    expect(ref.actions.get('te_1.1.1.1.a')!.type).toBe('tache');
    expect(ref.actions.get('te_1.1.1alter')!.type).toBe('mesure');
    expect(ref.actions.get('te_1.1')!.children.map((c) => c.identifiant)).toEqual(['1.1.1', '1.1.1alter', '1.1.2', '1.1.10']);
    expect(ref.actions.get('te_1.1.1.1')!.children.map((c) => c.identifiant)).toEqual(['1.1.1.1.a', '1.1.1.1.b']);
    // The alternative counts in its parent's sum, as in HEAD (669.9 points "including the alter").
    expect(ref.actions.get('te_1.1')!.points.toFraction()).toBe('11');
    expect(ref.hierarchie.levels).toEqual(['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache']);
  });

  it('carries the identifiants through the compiled JSON', () => {
    const ref = teLike('');
    const { referentiel, diagnostics } = loadReferentiel(JSON.parse(JSON.stringify(compileReferentiel(ref))));
    expect(diagnostics).toEqual([]);
    expect([...referentiel!.actions.keys()]).toEqual([...ref.actions.keys()]);
  });
});

describe('scoring options declared by the root', () => {
  it('are read from the root YAML, carried by the compiled JSON, absent when not declared', () => {
    const ref = teLike('redistribution: false\npersonnalisation: desactivation\n');
    expect(ref.options).toEqual({ redistribution: false, personnalisation: 'desactivation' });
    const compiled = compileReferentiel(ref);
    expect(compiled.referentiel.options).toEqual({ redistribution: false, personnalisation: 'desactivation' });
    expect(loadReferentiel(JSON.parse(JSON.stringify(compiled))).referentiel!.options).toEqual(ref.options);
    const plain = teLike('');
    expect(plain.options).toBeUndefined();
    expect('options' in compileReferentiel(plain).referentiel).toBe(false);
  });

  it('reject a wrong value, and warn about an option below the root', () => {
    const { diagnostics } = parseReferentielFiles([
      { path: 'x.md', content: `# R\n\`\`\`yaml\nidentifiant: ""\nreferentiel: "x"\nredistribution: non\npersonnalisation: aucune\n\`\`\`\n# A\n\`\`\`yaml\nidentifiant: 1\npoints: 1\nredistribution: false\n\`\`\`\n` },
    ]);
    expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.severity}:${d.code}`)).toEqual(['error:option-invalide', 'error:option-invalide', 'warning:cle-yaml-inattendue']);
  });

  it('redistribution: false keeps the points of a non-concerné sous-action out of its sisters', () => {
    const statuts = new Map([['te_1.1.1.3', { avancement: null, concerne: false }]]);
    const withRedistribution = computeScores(teLike(''), { statuts }).scores;
    const without = computeScores(teLike('redistribution: false\n'), { statuts }).scores;
    expect(withRedistribution.get('te_1.1.1.1')!.pointPotentiel.toFraction()).toBe('3');
    expect(withRedistribution.get('te_1.1.1')!.pointPotentiel.toFraction()).toBe('6');
    expect(without.get('te_1.1.1.1')!.pointPotentiel.toFraction()).toBe('2');
    expect(without.get('te_1.1.1')!.pointPotentiel.toFraction()).toBe('4');
    expect(without.get('te')!.pointPotentiel.toFraction()).toBe('9');
  });

  it('personnalisation: desactivation applies désactivations only', () => {
    const consequences = new Map([
      ['te_1.1.1', { facteur: Rational.of(1, 2) }],
      ['te_1.1.2', { scoreOverride: () => Rational.ZERO }],
      ['te_1.1.10', { desactive: true }],
    ]);
    const statuts = new Map([['te_1.1.2.1', { avancement: TRIPLE_FAIT, concerne: true }]]);
    const toutes = computeScores(teLike(''), { statuts, consequences }).scores;
    const desactivation = computeScores(teLike('personnalisation: desactivation\n'), { statuts, consequences }).scores;
    expect(toutes.get('te_1.1.1')!.pointPotentiel.toFraction()).toBe('3');
    expect(toutes.get('te_1.1.2')!.pointFait.toFraction()).toBe('0');
    expect(desactivation.get('te_1.1.1')!.pointPotentiel.toFraction()).toBe('6');
    expect(desactivation.get('te_1.1.2')!.pointFait.toFraction()).toBe('1');
    expect(desactivation.get('te_1.1.10')!.desactive).toBe(true);
  });
});

describeTetHead("HEAD's TE imported by cae import", () => {
  const work = mkdtempSync(join(tmpdir(), 'cae-te-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("builds HEAD's tree: 664 nodes with the root, 669.9 points, no error, its options", async () => {
    const { referentiel, diagnostics } = await parseReferentiel(await importHeadContent('te', work));
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const ref = referentiel!;
    expect(ref.actions.size).toBe(664);
    expect(ref.root.points.toFraction()).toBe('6699/10');
    expect(ref.options).toEqual({ redistribution: false, personnalisation: 'desactivation' });
    const byType = new Map<string, number>();
    for (const a of ref.actions.values()) byType.set(a.type, (byType.get(a.type) ?? 0) + 1);
    expect(Object.fromEntries(byType)).toEqual({ referentiel: 1, axe: 6, 'sous-axe': 20, mesure: 127, 'sous-action': 431, tache: 79 });
    // 47 alternative mesures: 40 plain `…alter` (HEAD's README count) and 7 `…altercom`, `…alterepci`, `…alteraepci`.
    const alternatives = [...ref.actions.values()].filter((a) => a.type === 'mesure' && a.identifiant.includes('alter'));
    expect(alternatives).toHaveLength(47);
    expect(alternatives.filter((a) => a.identifiant.endsWith('alter'))).toHaveLength(40);
    // HEAD keeps the points of sous-mesures only: te 1.1.5 is the sum of its own (7.5), not the CSV's 6.
    expect(ref.actions.get('te_1.1.5')!.points.toFraction()).toBe('15/2');
    // Tâches share their sous-mesure equally, whatever the CSV writes (HEAD: 2.1 / 7).
    expect(ref.actions.get('te_1.1.6.4.a')!.points.toFraction()).toBe('3/10');
  });
});

describeTetHead("HEAD's TE: alternatives explained, scores per label", () => {
  const work = mkdtempSync(join(tmpdir(), 'cae-te-ev-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const dossier = (type: 'commune' | 'EPCI', reponses: Record<string, string>, statuts: Record<string, string> = {}) => ({
    referentiel: 'te',
    collectivite: { type, population: 50000, localisation: 'Metropole' as const },
    reponses,
    statuts,
  });

  it('names the alternative that applies, or says that both count', async () => {
    const context = await loadHeadContext('te', work);
    const commune = evaluateDossier(context, dossier('commune', {}) as never);
    expect(explainAction(commune, 'te_1.1.5.1')!.alternatives).toEqual({
      groupe: ['te_1.1.5', 'te_1.1.5alter'],
      retenues: ['te_1.1.5alter'],
      message: 'te_1.1.5alter retenue parmi te_1.1.5, te_1.1.5alter : te_1.1.5 désactivée par sa règle',
    });
    const epci = evaluateDossier(context, dossier('EPCI', { PCAET_1: 'OUI' }) as never);
    expect(explainAction(epci, 'te_1.1.1')!.alternatives!.retenues).toEqual(['te_1.1.1', 'te_1.1.1alter']);
    expect(explainAction(epci, 'te_1.1.6')!.alternatives).toBeUndefined();
    const sansPcaet = evaluateDossier(context, dossier('EPCI', { PCAET_1: 'NON' }) as never);
    expect(explainAction(sansPcaet, 'te_1.1.1alter.1')!.alternatives!.retenues).toEqual(['te_1.1.1alter']);
  });

  it('gives the score per label as HEAD sums scoresTag: a labelled action counts whole', async () => {
    const context = await loadHeadContext('te', work);
    const none = evaluationToJson(evaluateDossier(context, dossier('EPCI', {}) as never));
    expect(Object.keys(none.scoresLabel!)).toEqual(['te_cae', 'te_eci']);
    expect(none.scoresLabel!.te_cae!.pointFait).toBe(0);
    // te_1.1.5 is labelled te_eci only: its fait counts for te_eci, not for te_cae.
    const eci = evaluationToJson(evaluateDossier(context, dossier('EPCI', {}, { 'te_1.1.5.1': 'fait' }) as never));
    expect(eci.scoresLabel!.te_eci!.pointFait).toBe(1.8);
    expect(eci.scoresLabel!.te_cae!.pointFait).toBe(0);
    for (const l of Object.values(eci.scoresLabel!)) expect(l.pointPotentiel).toBeLessThanOrEqual(l.pointReferentiel);
  });
});
