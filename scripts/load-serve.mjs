#!/usr/bin/env node
/**
 * Load test of `cae serve` on localhost, bounded (it stops by itself): starts the service on a
 * free port, then POST /evaluations?niveau=mesure with realistic dossiers, at 1, 8 and 64
 * concurrent clients (R requests each), and reports p50 / p99 latency, throughput and errors;
 * then sends 100,000 requests (8 clients) and reports the service's RSS (VmRSS of
 * /proc/PID/status) before, at every 20,000 and after: flat memory means no leak. A hand-written
 * keep-alive client (node:http), no dependency. With ../shared/tet: TeT's CAE and its rules;
 * otherwise the embedded référentiel.
 * Usage: node scripts/load-serve.mjs [R=2000] [TOTAL=100000]   (needs a built dist/)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const perLevel = Number(process.argv[2] ?? 2000);
const total = Number(process.argv[3] ?? 100000);
const tet = join(root, '..', 'shared', 'tet');
const withTet = existsSync(join(tet, 'referentiels', 'cae'));

let args = [];
let bodies;
if (withTet) {
  const { dossierLines, tetCae } = await import('./gen-dossiers.mjs');
  const { loadEvaluationContext } = await import(join(root, 'dist/src/node/index.js'));
  const paths = tetCae(tet);
  const { context } = await loadEvaluationContext(paths);
  bodies = [...dossierLines(context, 200)];
  args = ['--referentiel', paths.referentiel, '--personnalisations', paths.personnalisations, '--questions', paths.questions];
} else {
  bodies = [readFileSync(join(root, 'fixtures/dossiers/saint-exemple.json'), 'utf8')];
}

const server = spawn(process.execPath, [join(root, 'bin/cae.js'), 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
const base = await new Promise((resolve, reject) => {
  server.stderr.on('data', (d) => {
    stderr += d;
    const m = /à l'écoute sur (http:\/\/\S+)/.exec(stderr);
    if (m) resolve(new URL(m[1]));
  });
  server.on('exit', () => reject(new Error(stderr)));
});
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(body) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ host: base.hostname, port: base.port, path: '/evaluations?niveau=mesure', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ ms: performance.now() - t0, ok: res.statusCode === 200 }));
    });
    req.on('error', () => resolve({ ms: performance.now() - t0, ok: false }));
    req.end(body);
  });
}

/** `count` requests from `clients` concurrent clients; latencies and errors. */
async function load(clients, count, onProgress) {
  let next = 0;
  let errors = 0;
  const latencies = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const i = next++;
        const r = await request(bodies[i % bodies.length]);
        if (!r.ok) errors++;
        latencies.push(r.ms);
        onProgress?.(i + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: latencies[Math.floor(latencies.length * 0.5)], p99: latencies[Math.floor(latencies.length * 0.99)], rps: count / seconds, errors };
}

console.log(`cae serve, POST /evaluations?niveau=mesure, ${withTet ? 'CAE de ../shared/tet avec réponses' : 'référentiel embarqué'} ; charge ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await load(4, 200); // warm-up
let failed = 0;
for (const clients of [1, 8, 64]) {
  const r = await load(clients, perLevel);
  failed += r.errors;
  console.log(`${String(clients).padStart(2)} clients : p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.rps.toFixed(0)} requêtes/s, ${r.errors} erreur(s) sur ${perLevel}`);
}
const rss = [rssMb()];
const r = await load(8, total, (done) => {
  if (done % 20000 === 0) rss.push(rssMb());
});
failed += r.errors;
rss.push(rssMb());
console.log(`${total} requêtes (8 clients) : ${r.rps.toFixed(0)} requêtes/s, p99 ${r.p99.toFixed(2)} ms, ${r.errors} erreur(s) ; RSS du service ${rss.map((x) => `${x.toFixed(0)} Mo`).join(' → ')}`);
agent.destroy();
const code = await new Promise((resolve) => {
  server.on('exit', resolve);
  server.kill('SIGTERM');
});
console.log(`arrêt par SIGTERM : code ${code} ; charge ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
if (failed > 0 || code !== 0) process.exitCode = 1;
