import { build } from 'esbuild';
const r = await build({ stdin: { contents: `export { loadBundle, scoreDossier } from 'label-cae';`, resolveDir: process.cwd(), loader: 'js' }, bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, metafile: true, logLevel: 'silent' });
const inputs = r.metafile.inputs;
const importers = {};
for (const [f, v] of Object.entries(inputs)) for (const i of v.imports) (importers[i.path] ??= []).push(f);
const out = r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs;
for (const t of process.argv.slice(2)) { const k = Object.keys(out).find(x=>x.includes(t)); let cur=k; const chain=[cur]; const seen=new Set([cur]); while(importers[cur]) { const n = importers[cur].find(x=>out[x] && !seen.has(x)); if(!n) break; seen.add(n); chain.push(n); cur=n;} console.log(chain.join(' <- ')); }
