/**
 * Property: for random dossiers and random mutations of them (typos in answer ids and choices,
 * wrong types, a key written twice, a node under both of its names, a statut mistyped), the CLI
 * either scores exactly as it scores the clean dossier, or exits 1 naming the mutated place
 * (its JSON pointer, at a `file:line:col`). Never anything in between: no other exit code, no
 * score of the mutated input.
 *
 * The CLI runs in process (`main(argv, io)`, the same code as `node bin/cae.js` minus the process),
 * on the self-contained mini set and, when ../shared/tet is there, on CAE with its questions and rules.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import type { QuestionCatalogue } from '../../src/formule/check.js';
import { TET_DIR, hasCorpus } from '../support/corpus.js';
import { FUZZ_RUNS, fuzzTimeout } from '../fuzz/support.js';
import { writeMiniSet } from '../support/mini-set.js';

const work = mkdtempSync(join(tmpdir(), 'cae-mutations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cae(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTty: false,
    stderrIsTty: false,
    env: {},
    readStdin: async () => new Uint8Array(),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A dossier as an ordered list of entries, so a key can be written twice in its text. */
interface DossierText {
  collectivite: { type: string; population: number };
  reponses: [string, unknown][];
  statuts: [string, unknown][];
}

const pointerOf = (...path: string[]): string => path.map((p) => `/${p.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

function toText(d: DossierText): string {
  const entries = (list: [string, unknown][]): string => list.map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  return `{\n  "collectivite": ${JSON.stringify(d.collectivite)},\n  "reponses": {\n${entries(d.reponses)}\n  },\n  "statuts": {\n${entries(d.statuts)}\n  }\n}\n`;
}

function validAnswer(q: QuestionCatalogue): fc.Arbitrary<unknown> {
  if (q.type === 'binaire') return fc.constantFrom('OUI', 'NON', true, false);
  if (q.type === 'choix') return fc.constantFrom(...q.choix);
  return fc.integer({ min: 0, max: 20 }).map((n) => n / 20);
}

const simpleStatut = fc.constantFrom('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne');
const statutValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: simpleStatut },
  { weight: 1, arbitrary: fc.constantFrom({ fait: 0.5, programme: 0.25, pas_fait: 0.25 }, { fait: 0, programme: 1, pas_fait: 0 }) },
);

function dossierArb(context: EvaluationContext): fc.Arbitrary<DossierText> {
  const questions = [...(context.personnalisation?.questions.values() ?? [])];
  // Tâches and sous-actions, each under one name (identifiant or action id), at most once.
  const nodes = [...context.referentiel.actions.values()].filter((a) => a.type === 'tache');
  return fc.record({
    collectivite: fc.record({ type: fc.constantFrom('commune', 'EPCI'), population: fc.integer({ min: 500, max: 200_000 }) }),
    reponses: fc.subarray(questions, { maxLength: Math.min(12, questions.length) }).chain((qs) => fc.tuple(...qs.map((q) => validAnswer(q).map((v) => [q.id, v] as [string, unknown])))),
    statuts: fc
      .uniqueArray(fc.constantFrom(...nodes), { maxLength: 30, selector: (n) => n.id })
      .chain((ns) => fc.tuple(...ns.map((n) => fc.tuple(fc.boolean(), statutValue).map(([byId, v]) => [byId ? n.id : n.identifiant, v] as [string, unknown])))),
  });
}

interface Mutation {
  mutated: DossierText;
  /** The pointer the CLI must name when it refuses the dossier. */
  pointer: string;
}

const typo = (s: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(s.toUpperCase()),
    fc.constant(s.toLowerCase()),
    fc.constant(s.slice(0, -1)),
    fc.constant(`${s}x`),
    fc.integer({ min: 0, max: Math.max(0, s.length - 1) }).map((i) => `${s.slice(0, i)}${s[i] === 'z' ? 'y' : 'z'}${s.slice(i + 1)}`),
  );

function mutationArb(context: EvaluationContext, d: DossierText): fc.Arbitrary<Mutation> {
  const questions = context.personnalisation?.questions;
  const options: fc.Arbitrary<Mutation>[] = [];
  const withReponse = (i: number, entry: [string, unknown]): DossierText => ({ ...d, reponses: d.reponses.map((e, j) => (j === i ? entry : e)) });
  const withStatuts = (statuts: [string, unknown][]): DossierText => ({ ...d, statuts });
  d.reponses.forEach(([id, value], i) => {
    const q = questions?.get(id);
    options.push(typo(id).map((t) => ({ mutated: withReponse(i, [t, value]), pointer: pointerOf('reponses', t) })));
    if (q?.type === 'choix') options.push(typo(String(value)).map((t) => ({ mutated: withReponse(i, [id, t]), pointer: pointerOf('reponses', id) })));
    const wrong: unknown[] = q?.type === 'binaire' ? [1, 'oui', 'non', 'Oui'] : q?.type === 'proportion' ? ['0.5', true, 1.5, -0.1] : [true, 0.5];
    options.push(fc.constantFrom(...wrong).map((w) => ({ mutated: withReponse(i, [id, w]), pointer: pointerOf('reponses', id) })));
  });
  d.statuts.forEach(([key, value], i) => {
    const node = context.referentiel.actions.get(key) ?? [...context.referentiel.actions.values()].find((a) => a.identifiant === key)!;
    const other = key === node.id ? node.identifiant : node.id;
    // The same key again (JSON would keep the last one), or the same node under its other name.
    options.push(statutValue.map((v) => ({ mutated: withStatuts([...d.statuts, [key, v]]), pointer: pointerOf('statuts', key) })));
    options.push(statutValue.map((v) => ({ mutated: withStatuts([...d.statuts, [other, v]]), pointer: pointerOf('statuts', other) })));
    if (typeof value === 'string') {
      options.push(fc.constantFrom(value.toUpperCase(), `${value} `, 'fini', 'detaille').map((v) => ({ mutated: withStatuts(d.statuts.map((e, j) => (j === i ? [key, v] : e))), pointer: pointerOf('statuts', key) })));
    }
  });
  return options.length === 0 ? fc.constant({ mutated: d, pointer: '' }) : fc.oneof(...options);
}

async function checkSet(name: string, referentiel: string, context: EvaluationContext, runs: number): Promise<void> {
  let refused = 0;
  let same = 0;
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      dossierArb(context).chain((d) => mutationArb(context, d).map((m) => ({ d, m }))),
      async ({ d, m }) => {
        n++;
        const clean = join(work, `${name}-propre.json`);
        const mutated = join(work, `${name}-mute.json`);
        writeFileSync(clean, toText(d));
        writeFileSync(mutated, toText(m.mutated));
        const args = ['--referentiel', referentiel, '--format', 'json'];
        const a = await cae(['score', clean, ...args]);
        expect(a.code, a.stderr).toBe(0);
        const b = await cae(['score', mutated, ...args]);
        expect([0, 1]).toContain(b.code);
        if (b.code === 0) {
          // A mutation that changes nothing the engine reads (a case change on a digit…).
          same++;
          expect(b.stdout).toBe(a.stdout);
        } else {
          refused++;
          expect(b.stdout).toBe('');
          const escaped = m.pointer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          expect(b.stderr).toMatch(new RegExp(`^${mutated.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: erreur \\[[a-z-]+\\] .* \\(${escaped}\\)$`, 'm'));
        }
      },
    ),
    { numRuns: runs, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
  );
  // Nearly every mutation must be refused; the few accepted ones scored exactly as the clean dossier.
  expect(refused).toBeGreaterThan(n * 0.8);
  console.info(`[label-cae] mutations (${name}) : ${n} cas, ${refused} refusés à leur place, ${same} sans effet et notés à l'identique`);
}

describe('mutated dossiers: scored as the clean one, or refused at the mutated place', () => {
  const runs = Math.max(20, Math.round(FUZZ_RUNS / 4));

  it('on the mini set (embedded référentiel, three questions, two rules)', { timeout: fuzzTimeout(runs, 40) }, async () => {
    const ref = writeMiniSet(join(work, 'mini'));
    const { context } = await loadEvaluationContext({ referentiel: ref, questions: join(work, 'mini', 'questions'), personnalisations: join(work, 'mini', 'personnalisations') });
    await checkSet('mini', ref, context!, runs);
  });

  it.skipIf(!hasCorpus)('on CAE with its questions and rules (../shared/tet)', { timeout: fuzzTimeout(runs, 200) }, async () => {
    const ref = join(TET_DIR, 'referentiels', 'cae');
    const { context } = await loadEvaluationContext({ referentiel: ref, questions: join(TET_DIR, 'questions'), personnalisations: join(TET_DIR, 'personnalisations') });
    await checkSet('cae', ref, context!, runs);
  });
  if (!hasCorpus) console.warn('[label-cae] ../shared/tet absent : la propriété des mutations sur CAE est sautée');
});
