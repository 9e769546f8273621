#!/usr/bin/env node
/**
 * `cae score --batch` against the platform's engine (../shared/tet-head/head-score.mjs --jsonl),
 * side by side in one run, on the same realistic CAE dossiers with answers (gen-dossiers.mjs):
 * whole processes, wall time per dossier, every node and the mesure level, with the default
 * --jobs and with --jobs 1. Checks that the output bytes are those of the pre-change path,
 * `JSON.stringify({ ligne, ...evaluationToJson(…) })` per line, computed here with the library.
 * Usage: node scripts/bench-scale.mjs [N=400]   (needs ../shared/tet, ../shared/tet-head, dist/)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dossierLines, tetCae } from './gen-dossiers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tet = join(root, '..', 'shared', 'tet');
const head = join(root, '..', 'shared', 'tet-head', 'head-score.mjs');
if (!existsSync(join(tet, 'referentiels', 'cae')) || !existsSync(head)) {
  console.log('Corpus ../shared/tet ou moteur ../shared/tet-head absent : benchmark ignoré.');
  process.exit(0);
}
const lib = { ...(await import(join(root, 'dist/src/index.js'))), ...(await import(join(root, 'dist/src/node/index.js'))) };
const n = Number(process.argv[2] ?? 400);
const paths = tetCae(tet);
const { context } = await lib.loadEvaluationContext(paths);
const dir = mkdtempSync(join(tmpdir(), 'cae-scale-'));
const input = join(dir, 'dossiers.jsonl');
const headInput = join(dir, 'head.jsonl');
const lines = [...dossierLines(context, n)];
writeFileSync(input, `${lines.join('\n')}\n`);
// One dossier: the start-up (Node, the référentiel and rules loaded, the workers started).
const single = join(dir, 'un.jsonl');
writeFileSync(single, `${lines[0]}\n`);

/** The reference engine's dossier format (see ../shared/tet-head/README.md). */
function toHead(line) {
  const d = JSON.parse(line);
  const statuts = {};
  for (const [k, v] of Object.entries(d.statuts)) statuts[`cae_${k}`] = typeof v === 'string' ? v : [v.fait, v.programme, v.pas_fait];
  const reponses = {};
  for (const [k, v] of Object.entries(d.reponses)) reponses[k] = v === 'OUI' ? true : v === 'NON' ? false : v;
  const c = d.collectivite;
  return JSON.stringify({ referentiel: 'cae', identite: { type: c.type, population: c.population, localisation: c.localisation.toLowerCase() }, reponses, statuts });
}
writeFileSync(headInput, `${lines.map(toHead).join('\n')}\n`);

/** Wall time of a whole process, in ms. */
function run(args, stdinFile) {
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: [stdin, 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (typeof stdin === 'number') closeSync(stdin);
  if (r.status !== 0) throw new Error(`${args.join(' ')} : code ${r.status}\n${r.stderr}`);
  return ms;
}

async function sha256(file) {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk);
  return h.digest('hex');
}

/** The pre-change bytes: JSON.stringify of evaluationToJson per line, through the library. */
function expectedSha(niveau) {
  const h = createHash('sha256');
  lines.forEach((line, i) => {
    const { dossier } = lib.readDossier(context, line, 'x');
    const doc = lib.evaluationToJson(lib.evaluateDossier(context, dossier), { niveau });
    h.update(`${JSON.stringify({ ligne: i + 1, ...doc })}\n`);
  });
  return h.digest('hex');
}

const cae = (niveau, jobs, file = input) => {
  const out = join(dir, `cae-${niveau}-${jobs}.jsonl`);
  const ms = run([join(root, 'bin/cae.js'), 'score', '--batch', file, '--referentiel', paths.referentiel, '--personnalisations', paths.personnalisations, '--questions', paths.questions, '--niveau', niveau, '--jobs', String(jobs), '-o', out]);
  return { ms, out };
};

console.log(`${n} dossiers CAE avec réponses ; ${availableParallelism()} cœurs ; charge ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const headMs = run([head, '--jsonl'], headInput);
const perHead = headMs / n;
console.log('                                        processus entier       sans le démarrage');
console.log(`HEAD (head-score.mjs --jsonl)          ${perHead.toFixed(2).padStart(7)} ms/dossier`);
const jobs = availableParallelism();
for (const [niveau, j] of [['tache', jobs], ['tache', 1], ['mesure', jobs], ['mesure', 1]]) {
  const { ms, out } = cae(niveau, j);
  const same = (await sha256(out)) === expectedSha(niveau);
  const startup = cae(niveau, j, single).ms;
  const per = ms / n;
  const marginal = (ms - startup) / (n - 1);
  console.log(`cae --niveau ${niveau.padEnd(6)} --jobs ${j}          ${per.toFixed(2).padStart(7)} ms/dossier (${(perHead / per).toFixed(1)}× HEAD)  ${marginal.toFixed(2).padStart(6)} ms/dossier (${(perHead / marginal).toFixed(1)}×)  démarrage ${startup.toFixed(0)} ms  octets ${same ? 'identiques' : 'DIFFÉRENTS'}`);
  if (!same) process.exitCode = 1;
  rmSync(out, { force: true });
}
console.log(`charge en fin : ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
rmSync(dir, { recursive: true, force: true });
