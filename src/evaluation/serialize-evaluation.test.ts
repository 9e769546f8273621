/**
 * The serialisers (text and bytes) write exactly JSON.stringify over evaluationToJson, on random
 * dossiers with answers (CAE and ECI of ../shared/tet, and the embedded référentiel), at every
 * level of detail, with and without explanations, in chunks of any size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import { describeCorpus, tet } from '../../test/support/corpus.js';
import { type EvaluationContext, evaluateDossier } from './evaluate-dossier.js';
import { evaluationToJson } from './evaluation-to-json.js';
import { loadEvaluationContext } from './load-context.js';
import { NIVEAUX } from './niveau.js';
import { readDossier } from './read-dossier.js';
import { JsonBytes } from './json-bytes.js';
import { evaluationJsonChunks, evaluationJsonInto } from './serialize-evaluation.js';
import { roundedText } from './serialize-scores.js';
import { parseReferentielFiles } from '../referentiel/parse-referentiel.js';
import type { Constat } from '../score/constat.js';
import { hostileString } from '../../test/support/hostile-strings.js';

const simple = fc.constantFrom('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne');
const detaille = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }))
  .filter(([a, b]) => a + b <= 8)
  .map(([a, b]) => ({ fait: a / 8, programme: b / 8, pas_fait: (8 - a - b) / 8 }));

/** A random dossier for the context: statuts on any node, answers to its questions, a label. */
function dossierArb(context: EvaluationContext): fc.Arbitrary<string> {
  const ids = [...context.referentiel.actions.values()].map((a) => a.identifiant);
  const questions = [...(context.personnalisation?.questions.values() ?? [])];
  const reponse = (q: (typeof questions)[number]): fc.Arbitrary<unknown> =>
    q.type === 'binaire' ? fc.constantFrom('OUI', 'NON') : q.type === 'proportion' ? fc.integer({ min: 0, max: 100 }).map((n) => n / 100) : fc.constantFrom(...q.choix);
  const reponses = questions.length === 0 ? fc.constant({}) : fc.subarray(questions).chain((qs) => fc.tuple(...qs.map(reponse)).map((vs) => Object.fromEntries(qs.map((q, i) => [q.id, vs[i]]))));
  return fc
    .record({
      statuts: fc.dictionary(fc.constantFrom(...ids), fc.oneof(simple, detaille), { maxKeys: 300 }),
      reponses,
      type: fc.constantFrom('commune', 'EPCI', 'syndicat'),
      population: fc.integer({ min: 0, max: 400000 }),
      etoile: fc.option(fc.integer({ min: 1, max: 5 })),
      // Evidence: an evidence rule proposes a statut (source `preuve` in the statuts section).
      partenariats: fc.option(
        fc.array(fc.record({ intitule: fc.constant('p'), date: fc.constantFrom('2019-01-01', '2024-01-01', '2026-06-01'), multiActeurs: fc.boolean(), climatAirEnergie: fc.boolean() }), { maxLength: 4 }),
      ),
    })
    .map((d) =>
      JSON.stringify({
        referentiel: context.referentiel.id,
        date: '2026-06-30',
        collectivite: { nom: 'Essai « x »', type: d.type, population: d.population },
        ...(d.etoile ? { labellisation: { etoile: d.etoile } } : {}),
        reponses: d.reponses,
        statuts: d.statuts,
        ...(d.partenariats && context.reglesPreuve?.some((r) => r.preuve === 'partenariats') ? { preuves: { partenariats: d.partenariats } } : {}),
      }),
    );
}

/**
 * A dossier as a collectivité fills one in: a statut on most tâches and sous-actions (non concerné
 * included), an answer to every question, from a seed. Reductions then meet redistribution, and a
 * node's personalised potentiel differs from its potentiel, which dossierArb's sparse statuts
 * never give.
 */
function fullDossierArb(context: EvaluationContext): fc.Arbitrary<string> {
  const leaves = [...context.referentiel.actions.values()].filter((a) => a.type === 'tache' || a.type === 'sous-action').map((a) => a.identifiant);
  const questions = [...(context.personnalisation?.questions.values() ?? [])];
  const words = ['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne'];
  return fc.integer({ min: 1, max: 2 ** 31 - 2 }).map((seed) => {
    let x = seed;
    const rnd = (): number => (x = (x * 48271) % 2147483647) / 2147483647;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const statuts: Record<string, unknown> = {};
    for (const id of leaves) {
      if (rnd() < 0.3) continue;
      statuts[id] = rnd() < 0.15 ? { fait: 0.5, programme: 0.25, pas_fait: 0.25 } : pick(words);
    }
    const reponses: Record<string, unknown> = {};
    for (const q of questions) reponses[q.id] = q.type === 'binaire' ? pick(['OUI', 'NON']) : q.type === 'proportion' ? Math.floor(rnd() * 101) / 100 : pick(q.choix);
    return JSON.stringify({ referentiel: context.referentiel.id, date: '2026-06-30', collectivite: { nom: 'Pleine', type: pick(['commune', 'EPCI', 'syndicat']), population: Math.floor(rnd() * 400000) }, reponses, statuts });
  });
}

const sink = new JsonBytes();

function checkBytes(context: EvaluationContext, runs: number, dossiers = dossierArb(context), seed?: number): { persoDiffers: number } {
  const seen = new Set<string>();
  // Nodes whose personalised potentiel is not their potentiel (a reduction, then redistribution).
  let persoDiffers = 0;
  const options = fc.record({ niveau: fc.constantFrom(...NIVEAUX), explain: fc.boolean(), ligne: fc.option(fc.nat()), perChunk: fc.integer({ min: 1, max: 200 }) });
  fc.assert(
    fc.property(dossiers, options, (text, o) => {
      const { dossier } = readDossier(context, text);
      if (!dossier) return; // a statut under a renseigné parent and the like: not what is tested here
      const ev = evaluateDossier(context, dossier);
      const opts = { niveau: o.niveau, explain: o.explain };
      const doc = evaluationToJson(ev, opts);
      // A level of detail keeps its nodes only, in scores, statuts and explications alike.
      const kept = new Set(Object.keys(evaluationToJson(ev, { niveau: o.niveau }).scores));
      for (const id of [...Object.keys(doc.statuts ?? {}), ...Object.keys(doc.explications ?? {})]) expect(kept.has(id), id).toBe(true);
      const expected = `${JSON.stringify(o.ligne === null ? doc : { ligne: o.ligne, ...doc })}\n`;
      for (const s of Object.values(doc.statuts ?? {})) seen.add(s.source);
      for (const s of Object.values(doc.scores)) if (s.pointPotentielPerso !== null && s.pointPotentielPerso !== s.pointPotentiel) persoDiffers++;
      expect([...evaluationJsonChunks(ev, opts, o.ligne ?? undefined, o.perChunk)].join('')).toBe(expected);
      // The batch's bytes: the same text, UTF-8 (the sink is reused, as in a batch).
      evaluationJsonInto(sink, ev, opts, o.ligne ?? undefined);
      expect(new TextDecoder().decode(sink.take())).toBe(expected);
    }),
    seed === undefined ? { numRuns: runs } : { numRuns: runs, seed },
  );
  // The statuts section met each of its sources (from evidence where a rule reads some).
  expect([...seen].sort()).toEqual(context.reglesPreuve?.length ? ['dossier', 'parent', 'preuve'] : ['dossier', 'parent']);
  return { persoDiffers };
}

describe('evaluationJsonChunks', () => {
  it('writes the bytes of JSON.stringify on the embedded référentiel', async () => {
    const { context } = await loadEvaluationContext();
    checkBytes(context!, 150);
  });

  it('rounds from integer counts exactly as Rational.round, and prints as JSON.stringify', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(3, 4), (n, d, decimals) => {
        expect(roundedText(n, d, decimals)).toBe(JSON.stringify(Rational.of(n, d).round(decimals)));
      }),
      { numRuns: 5000 },
    );
    // Halves, exact integers, values just under a unit; beyond safe products it declines.
    for (const [n, d] of [[1, 2000], [-1, 2000], [5, 1], [999999, 1000000], [-2999, 2000]] as const) {
      expect(roundedText(n, d, 3)).toBe(JSON.stringify(Rational.of(n, d).round(3)));
    }
    expect(roundedText(Number.MAX_SAFE_INTEGER, 3, 3)).toBeNull();
  });
});

describe('evaluationJsonInto with hostile strings', () => {
  // The sections other than scores and statuts are stringified then encoded: strings of the
  // dossier and of the constats (messages, pointers, answers, names) of any content.
  it('writes the bytes of JSON.stringify when constats, answers and the collectivité carry any text', async () => {
    const { context } = await loadEvaluationContext();
    const texts = fc.array(hostileString, { minLength: 1, maxLength: 6 });
    const constat = fc.record({ code: hostileString, severity: fc.constantFrom('error', 'warning', 'info'), actionId: fc.option(hostileString), message: hostileString, pointer: hostileString }, { requiredKeys: ['code', 'severity', 'actionId', 'message'] });
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(dossierArb(context!), fc.array(constat, { maxLength: 8 }), texts, fc.dictionary(hostileString, fc.oneof(hostileString, fc.double(), fc.boolean())), fc.constantFrom(...NIVEAUX), (text, constats, noms, reponses, niveau) => {
        const { dossier } = readDossier(context!, text);
        if (!dossier) return;
        const base = evaluateDossier(context!, dossier);
        const ev = { ...base, constats: [...base.constats, ...(constats as Constat[])], dossier: { ...base.dossier, collectivite: { ...base.dossier.collectivite, nom: noms.join('') }, reponses: { ...base.dossier.reponses, ...reponses } } };
        const expected = `${JSON.stringify({ ligne: 1, ...evaluationToJson(ev, { niveau }) })}\n`;
        evaluationJsonInto(sink, ev, { niveau }, 1);
        // Bytes compared: JSON.stringify's text is well-formed (lone surrogates escaped), so its UTF-8 is exact.
        expect(Buffer.from(sink.take()).equals(Buffer.from(encoder.encode(expected)))).toBe(true);
        expect([...evaluationJsonChunks(ev, { niveau }, 1)].join('')).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('evaluationJsonInto with indicative scores', () => {
  // A mesure with an indicative score: its node takes the ordinary path, the others the columns.
  const formule = 'si val(cae_7) < limite(cae_7) alors 0\nsinon si val(cae_7) > cible(cae_7) alors 1\nsinon (val(cae_7) - limite(cae_7)) / (cible(cae_7) - limite(cae_7))';
  const md = (id: string, body: string): string => `# N ${id}\n\`\`\`yaml\nidentifiant: ${id}\n${body}\`\`\`\n`;
  const parsed = parseReferentielFiles([
    { path: 'cae.md', content: '# Racine\n```yaml\nidentifiant: ""\nreferentiel: "cae"\n```\n' },
    { path: '1.md', content: `${md('1', 'points: 10\n')}## Actions\n### Sous-axe\n\`\`\`yaml\nidentifiant: 1.1\n\`\`\`\n` },
    { path: '1.1.1.md', content: `${md('1.1.1', 'points: 7\n')}## Score indicatif\n\`\`\`formule\n${formule}\n\`\`\`\n` },
    { path: '1.1.2.md', content: md('1.1.2', 'points: 3\n') },
  ]);

  it('writes the bytes of JSON.stringify at every level, with and without explanations', () => {
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const context = { referentiel: parsed.referentiel! };
    const statut = fc.constantFrom('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne');
    let indicatifs = 0;
    const indicateur = fc.record({ resultat: fc.integer({ min: -50, max: 50 }), objectif: fc.double({ min: -10, max: 10, noNaN: true }), cible: fc.integer({ min: 0, max: 20 }), limite: fc.integer({ min: -20, max: 5 }) });
    fc.assert(
      fc.property(statut, statut, fc.option(indicateur), fc.constantFrom(...NIVEAUX), fc.boolean(), (a, b, i, niveau, explain) => {
        const ev = evaluateDossier(context, { collectivite: { type: 'commune' }, statuts: { '1.1.1': a, '1.1.2': b }, ...(i ? { indicateurs: { cae_7: i } } : {}) });
        if (ev.scoresIndicatifs.size > 0) indicatifs++;
        const expected = `${JSON.stringify({ ligne: 3, ...evaluationToJson(ev, { niveau, explain }) })}\n`;
        evaluationJsonInto(sink, ev, { niveau, explain }, 3);
        expect(new TextDecoder().decode(sink.take())).toBe(expected);
        expect([...evaluationJsonChunks(ev, { niveau, explain }, 3, 1)].join('')).toBe(expected);
      }),
      { numRuns: 200 },
    );
    // The indicative path was taken (the node with the formula, when indicateurs are given).
    expect(indicatifs).toBeGreaterThan(20);
  });
});

describeCorpus('evaluationJsonChunks on the real référentiels', () => {
  for (const ref of ['cae', 'eci']) {
    it(`writes the bytes of JSON.stringify for ${ref.toUpperCase()} dossiers with answers`, async () => {
      const { context } = await loadEvaluationContext({ referentiel: tet('referentiels', ref), personnalisations: tet('personnalisations'), questions: tet('questions') });
      checkBytes(context!, 40);
      // Dossiers filled in as a collectivité does: the personalised potentiel and the potentiel
      // differ on some nodes, so the bytes of both are checked apart.
      // Fixed seeds: not every dossier has such a node (ECI's rules reduce few actions).
      expect(checkBytes(context!, 15, fullDossierArb(context!), 20261129).persoDiffers).toBeGreaterThan(0);
    }, 180_000);
  }
});
