#!/usr/bin/env node
/**
 * Where the time of a batch line goes, in process: each stage of `cae score --batch` timed on its
 * own over the same realistic CAE dossiers (gen-dossiers.mjs), best of R rounds, ms per dossier.
 * Usage: node scripts/bench-stages.mjs [N=300] [R=5]   (needs ../shared/tet and a built dist/)
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dossierLines, tetCae, tetOrSkip } from './gen-dossiers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tet = tetOrSkip();
const dist = (p) => import(join(root, 'dist/src', p));
const { loadEvaluationContext } = await dist('node/index.js');
const { readDossierWith } = await dist('evaluation/read-dossier-core.js');
const { parseDossierTextWith } = await dist('dossier/parse-dossier-core.js');
const { checkDossier } = await dist('evaluation/check-dossier.js');
const { evaluateDossier } = await dist('evaluation/evaluate-dossier.js');
const { evaluationJsonChunks, evaluationJsonInto } = await dist('evaluation/serialize-evaluation.js');
const { JsonBytes } = await dist('evaluation/json-bytes.js');
const n = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 5);
const { context } = await loadEvaluationContext(tetCae(tet));
const lines = [...dossierLines(context, n)];

function best(name, fn) {
  let min = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    min = Math.min(min, performance.now() - t0);
  }
  console.log(`${name.padEnd(40)} ${(min / n).toFixed(3).padStart(7)} ms/dossier`);
  return min / n;
}
console.log(`${n} dossiers CAE, meilleur de ${rounds} ; charge ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
best('JSON.parse', (i) => JSON.parse(lines[i]));
best('parse + valider (parseDossierText)', (i) => parseDossierTextWith(lines[i], 'x', null));
const parsed = lines.map((l) => parseDossierTextWith(l, 'x', null).dossier);
best('checkDossier', (i) => checkDossier(context, parsed[i]));
best('lire (readDossier)', (i) => readDossierWith(context, lines[i], 'x', null));
const dossiers = lines.map((l) => readDossierWith(context, l, 'x', null).dossier);
best('evaluateDossier', (i) => evaluateDossier(context, dossiers[i]));
const evs = dossiers.map((d) => evaluateDossier(context, d));
let bytes = { mesure: 0, tache: 0 };
for (const niveau of ['mesure', 'tache']) {
  best(`écrire en texte --niveau ${niveau}`, (i) => {
    let len = 0;
    for (const c of evaluationJsonChunks(evs[i], { niveau }, i + 1)) len += c.length;
    bytes[niveau] = len;
  });
}
const sink = new JsonBytes();
for (const niveau of ['mesure', 'tache']) best(`écrire en octets (batch) --niveau ${niveau}`, (i) => {
  evaluationJsonInto(sink, evs[i], { niveau }, i + 1);
  sink.take();
});
for (const niveau of ['mesure', 'tache']) best(`écrire en texte puis encoder --niveau ${niveau}`, (i) => {
  for (const c of evaluationJsonChunks(evs[i], { niveau }, i + 1)) sink.text(c);
  sink.take();
});
console.log(`ligne : mesure ${(bytes.mesure / 1024).toFixed(0)} Ko, tache ${(bytes.tache / 1024).toFixed(0)} Ko (caractères)`);
