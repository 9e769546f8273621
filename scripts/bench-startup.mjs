#!/usr/bin/env node
/**
 * Start-up of whole `cae` processes, as hyperfine measures it: R runs of each command after two
 * warm-up runs, min / median / mean, beside `node -e 0` (Node's own start-up on this machine).
 * Target: `cae score` on the embedded référentiel ≤ 150 ms.
 * Usage: node scripts/bench-startup.mjs [R=20]   (needs a built dist/)
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 20);
const bin = join(root, 'bin', 'cae.js');
const commands = [
  ['node -e 0', ['-e', '0']],
  ['cae --version', [bin, '--version']],
  ['cae score (embarqué, texte)', [bin, 'score', join(root, 'fixtures/dossiers/saint-exemple.json')]],
  ['cae score --format json', [bin, 'score', join(root, 'fixtures/dossiers/saint-exemple.json'), '--format', 'json']],
];

function time(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} : code ${r.status}\n${r.stderr}`);
  return ms;
}

console.log(`${runs} exécutions par commande ; charge ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const [name, args] of commands) {
  time(args);
  time(args);
  const times = Array.from({ length: runs }, () => time(args)).sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / runs;
  console.log(`${name.padEnd(30)} min ${times[0].toFixed(0).padStart(4)} ms   médiane ${times[Math.floor(runs / 2)].toFixed(0).padStart(4)} ms   moyenne ${mean.toFixed(0).padStart(4)} ms`);
}
