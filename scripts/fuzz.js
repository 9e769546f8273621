#!/usr/bin/env node
/**
 * `npm run fuzz`: the fuzz properties of test/fuzz/*.fuzz.test.ts with the big budget.
 *
 * Every property runs FUZZ_RUNS × its weight cases (weights sum to about 17), so the default
 * FUZZ_RUNS=60000 gives just over 10⁶ cases in total. Set FUZZ_RUNS for another budget, FUZZ_SEED
 * to replay a run. The cases actually run are summed from the report each property appends to.
 * `npm test` runs the same files with a small budget (FUZZ_RUNS defaults to 200 there).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = process.env.FUZZ_RUNS ?? '60000';
const dir = mkdtempSync(join(tmpdir(), 'cae-fuzz-'));
const report = join(dir, 'report.jsonl');
const started = Date.now();
console.log(`cae fuzz : FUZZ_RUNS=${runs}${process.env.FUZZ_SEED ? `, FUZZ_SEED=${process.env.FUZZ_SEED}` : ''}`);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: report, CAE_SKIP_BUILD: '1' },
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const lines = existsSync(report) ? readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
let total = 0;
for (const l of lines) {
  total += l.runs;
  console.log(`  ${l.name.padEnd(32)} ${String(l.runs).padStart(9)} cas  ${(l.ms / 1000).toFixed(1).padStart(7)} s`);
}
console.log(`cae fuzz : ${total.toLocaleString('fr-FR')} cas en ${seconds} s, ${lines.length} propriétés, code ${result.status ?? result.signal}`);
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
