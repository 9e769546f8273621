#!/usr/bin/env node
/**
 * Batch streaming benchmark: writes N realistic CAE dossiers with answers (gen-dossiers.mjs) as
 * NDJSON, runs `cae score --batch` on them with the real référentiel and rules under
 * `/usr/bin/time -v`, output to /dev/null, and reports the wall time and the peak RSS of the
 * scoring process (targets: mesure level ≤ 30 s, every node ≤ 90 s, RSS ≤ 200 MB).
 * Usage: node scripts/bench-batch.mjs [N=35000] [cae score options: --niveau mesure --jobs 2]
 * (needs ../shared/tet and a built dist/)
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dossierLines, tetCae, tetOrSkip } from './gen-dossiers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tet = tetOrSkip();
const { loadEvaluationContext } = await import(join(root, 'dist/src/node/index.js'));
const paths = tetCae(tet);
const { context } = await loadEvaluationContext(paths);
const n = Number(process.argv[2] ?? 35000);
const extra = process.argv.slice(3);
const dir = mkdtempSync(join(tmpdir(), 'cae-batch-'));
const file = join(dir, 'dossiers.jsonl');
const out = createWriteStream(file);
for (const line of dossierLines(context, n)) if (!out.write(`${line}\n`)) await once(out, 'drain');
out.end();
await once(out, 'finish');
const loadBefore = loadavg().map((x) => x.toFixed(1)).join(' ');
const t0 = performance.now();
const r = spawnSync(
  '/usr/bin/time',
  ['-v', process.execPath, ...(process.env.CAE_NODE_FLAGS ? process.env.CAE_NODE_FLAGS.split(' ') : []), join(root, 'bin/cae.js'), 'score', '--batch', file, '--referentiel', paths.referentiel, '--personnalisations', paths.personnalisations, '--questions', paths.questions, '-o', '/dev/null', ...extra],
  { encoding: 'utf8', maxBuffer: 1 << 26 },
);
const seconds = (performance.now() - t0) / 1000;
const field = (name) => r.stderr.split('\n').find((l) => l.trim().startsWith(name))?.split(': ').at(-1)?.trim();
const rssKb = Number(field('Maximum resident set size'));
console.log(`${n} dossiers ${extra.join(' ')} : ${seconds.toFixed(1)} s (${((seconds * 1000) / n).toFixed(2)} ms/dossier), RSS max ${(rssKb / 1024).toFixed(0)} Mo (time -v), code ${r.status}, charge au début ${loadBefore}, à la fin ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`time -v : écoulé ${field('Elapsed (wall clock) time')}, CPU ${field('Percent of CPU this job got')}`);
console.log(r.stderr.split('\n').filter((l) => l.startsWith('cae ')).join('\n'));
rmSync(dir, { recursive: true, force: true });
