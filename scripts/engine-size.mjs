// `npm run size`: the size of the engine alone in a browser bundle (loadBundle + scoreDossier, no
// data), as a consumer's bundler would make it: esbuild, platform browser, minified, then gzip.
// Prints the figures as JSON; `--metafile` also prints the largest inputs. Run after `npm run build`.
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function engineSize(names = ['loadBundle', 'scoreDossier']) {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from 'label-cae';`, resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytesInOutput }))
    .sort((a, b) => b.bytesInOutput - a.bytesInOutput);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, inputs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { minified, gzipped, inputs } = await engineSize();
  const byPackage = {};
  for (const { file, bytesInOutput } of inputs) {
    const key = file.includes('node_modules/') ? file.split('node_modules/')[1].split('/')[0] : 'label-cae';
    byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
  }
  console.log(JSON.stringify({ engine: 'loadBundle + scoreDossier', minifiedBytes: minified, gzippedBytes: gzipped, minifiedByPackage: byPackage }, null, 2));
  if (process.argv.includes('--metafile')) for (const i of inputs.slice(0, 30)) console.log(i.bytesInOutput, i.file);
}
