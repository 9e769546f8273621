#!/usr/bin/env node
/**
 * Batch streaming benchmark: writes N random CAE dossiers as NDJSON, runs
 * `cae score --batch` on them with the real référentiel and rules, output to /dev/null,
 * and reports the wall time and the peak RSS of the scoring process (target: flat, ≤ 200 MB).
 * Usage: node scripts/bench-batch.mjs [N=35000]   (needs ../shared/tet and a built dist/)
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tet = join(root, '..', 'shared', 'tet');
if (!existsSync(join(tet, 'referentiels', 'cae'))) {
  console.log('Corpus ../shared/tet absent : benchmark ignoré.');
  process.exit(0);
}
const { parseReferentiel } = await import(join(root, 'dist/src/node/index.js'));
const { referentiel } = await parseReferentiel(join(tet, 'referentiels', 'cae'));
const n = Number(process.argv[2] ?? 35000);
const dir = mkdtempSync(join(tmpdir(), 'cae-batch-'));
const file = join(dir, 'dossiers.jsonl');
const out = createWriteStream(file);
const leaves = [...referentiel.actions.values()].filter((a) => a.type === 'tache' || a.type === 'sous-action');
let x = 12345;
const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = 0; i < n; i++) {
  const statuts = {};
  for (const a of leaves) {
    const r = rnd();
    if (r < 0.5) continue;
    const k = rnd();
    statuts[a.identifiant] = k < 0.3 ? 'fait' : k < 0.5 ? 'programme' : k < 0.7 ? 'pas_fait' : k < 0.8 ? 'non_concerne' : { fait: 0.5, programme: 0.25, pas_fait: 0.25 };
  }
  const line = JSON.stringify({ referentiel: 'cae', collectivite: { type: rnd() < 0.5 ? 'commune' : 'EPCI', population: Math.floor(rnd() * 300000) }, reponses: { AOM_1: rnd() < 0.5 ? 'OUI' : 'NON' }, statuts });
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const t0 = performance.now();
const r = spawnSync(
  '/usr/bin/time',
  ['-f', '%M', process.execPath, ...(process.env.CAE_NODE_FLAGS ? process.env.CAE_NODE_FLAGS.split(' ') : []), join(root, 'bin/cae.js'), 'score', '--batch', file, '--referentiel', join(tet, 'referentiels', 'cae'), '--personnalisations', join(tet, 'personnalisations'), '--questions', join(tet, 'questions'), '-o', '/dev/null'],
  { encoding: 'utf8', maxBuffer: 1 << 26 },
);
const seconds = (performance.now() - t0) / 1000;
const rssKb = Number(r.stderr.trim().split('\n').at(-1));
console.log(`${n} dossiers : ${seconds.toFixed(1)} s (${((seconds * 1000) / n).toFixed(2)} ms/dossier), RSS max ${(rssKb / 1024).toFixed(0)} Mo, code ${r.status}`);
console.log(r.stderr.split('\n').slice(-3, -1).join('\n'));
rmSync(dir, { recursive: true, force: true });
