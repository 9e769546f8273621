#!/usr/bin/env node
/**
 * Writes N realistic dossiers (statuts on tâches and sous-actions, answers to the référentiel's
 * questions, a date, a label sometimes) as NDJSON, deterministic for a given seed. Used by the
 * batch benchmarks; needs a built dist/ and the référentiel folder (../shared/tet by default).
 * Usage: node scripts/gen-dossiers.mjs N OUT.jsonl [SEED]   (CAE of ../shared/tet)
 */
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** ../shared/tet beside the project; without it a benchmark says so and stops (exit 0). */
export function tetOrSkip() {
  const tet = join(root, '..', 'shared', 'tet');
  if (!existsSync(join(tet, 'referentiels', 'cae'))) {
    console.log('Corpus ../shared/tet absent : benchmark ignoré.');
    process.exit(0);
  }
  return tet;
}

/** The options of loadEvaluationContext (and the CLI) for TeT's CAE with its rules and questions. */
export const tetCae = (tet) => ({ referentiel: join(tet, 'referentiels', 'cae'), personnalisations: join(tet, 'personnalisations'), questions: join(tet, 'questions') });

/** Dossiers for `context` (loadEvaluationContext), one string per dossier. */
export function* dossierLines(context, n, seed = 12345) {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const { referentiel } = context;
  const leaves = [...referentiel.actions.values()].filter((a) => a.type === 'tache' || a.type === 'sous-action');
  const questions = [...(context.personnalisation?.questions.values() ?? [])];
  const types = ['commune', 'EPCI', 'syndicat'];
  for (let i = 0; i < n; i++) {
    const statuts = {};
    for (const a of leaves) {
      if (rnd() < 0.4) continue;
      const k = rnd();
      statuts[a.identifiant] = k < 0.35 ? 'fait' : k < 0.55 ? 'programme' : k < 0.75 ? 'pas_fait' : k < 0.82 ? 'non_concerne' : k < 0.9 ? 'non_renseigne' : { fait: 0.5, programme: 0.25, pas_fait: 0.25 };
    }
    const reponses = {};
    for (const q of questions) {
      if (rnd() < 0.3) continue;
      reponses[q.id] = q.type === 'binaire' ? (rnd() < 0.5 ? 'OUI' : 'NON') : q.type === 'proportion' ? Math.floor(rnd() * 100) / 100 : pick(q.choix);
    }
    const dossier = {
      referentiel: referentiel.id,
      date: `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
      collectivite: { nom: `Collectivité ${i + 1}`, type: pick(types), population: Math.floor(rnd() * 300000), localisation: rnd() < 0.9 ? 'Metropole' : 'DOM' },
      ...(rnd() < 0.3 ? { labellisation: { etoile: 1 + Math.floor(rnd() * 4), date: '2023-05-04' } } : {}),
      reponses,
      statuts,
    };
    yield JSON.stringify(dossier);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tet = join(root, '..', 'shared', 'tet');
  const [nArg, outPath, seed = '12345'] = process.argv.slice(2);
  if (!nArg || !outPath) {
    console.error('Usage : node scripts/gen-dossiers.mjs N SORTIE.jsonl [GRAINE]');
    process.exit(2);
  }
  const { loadEvaluationContext } = await import(join(root, 'dist/src/node/index.js'));
  const { context, diagnostics } = await loadEvaluationContext(tetCae(tet));
  if (!context) {
    console.error(diagnostics.map((d) => d.message).join('\n'));
    process.exit(1);
  }
  const out = createWriteStream(outPath);
  for (const line of dossierLines(context, Number(nArg), Number(seed))) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}
