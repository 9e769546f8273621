#!/usr/bin/env node
/**
 * Start-up of whole `cae` processes, as hyperfine measures it: R runs of each command after two
 * warm-up runs, min / median, beside `node -e 0` (Node's own start-up on this machine).
 * Target (issue 15): `cae score` on the embedded référentiel ≤ 150 ms.
 * With `--base DIR` (another built checkout, e.g. the commit before a change), each command of DIR
 * runs alternated with this one's, round by round, so both see the same load.
 * Usage: node scripts/bench-startup.mjs [R=20] [--base DIR]   (needs a built dist/)
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const base = baseAt >= 0 ? args.splice(baseAt, 2)[1] : null;
const runs = Number(args[0] ?? 20);
const saint = join(root, 'fixtures/dossiers/saint-exemple.json');
const commands = [
  ['cae --version', ['--version']],
  ['cae score (embarqué, texte)', ['score', saint]],
  ['cae score --format json', ['score', saint, '--format', 'json']],
  ['cae score --format html', ['score', saint, '--format', 'html']],
  ['cae lint (embarqué)', ['lint']],
];
const variants = [['node -e 0', ['-e', '0']]];
for (const [name, a] of commands) {
  if (base) variants.push([`${name} [base]`, [join(base, 'bin', 'cae.js'), ...a]]);
  variants.push([name, [join(root, 'bin', 'cae.js'), ...a]]);
}

function time(argv) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} : code ${r.status}\n${r.stderr}`);
  return ms;
}

const before = loadavg();
for (const [, argv] of variants) {
  time(argv);
  time(argv);
}
// Round by round: every variant once per round, so a change of load touches them all alike.
const times = variants.map(() => []);
for (let i = 0; i < runs; i++) variants.forEach(([, argv], k) => times[k].push(time(argv)));
const fmt = (l) => l.map((x) => x.toFixed(1)).join(' ');
console.log(`${runs} exécutions par commande, alternées ; charge (1, 5, 15 min) avant ${fmt(before)}, après ${fmt(loadavg())}`);
variants.forEach(([name], k) => {
  const s = times[k].sort((a, b) => a - b);
  console.log(`${name.padEnd(36)} min ${s[0].toFixed(0).padStart(4)} ms   médiane ${s[Math.floor(runs / 2)].toFixed(0).padStart(4)} ms`);
});
