// Part of `npm run build`: bundles the `cae` command (dist/cli/, compiled by tsc) into dist/cae/,
// which bin/cae.js runs. Start-up was mostly module loading (~140 files for `cae score`); bundled,
// `cae score` loads four files of it (see the rollup pass at the end).
//
// The CLI imports the library through its public entries only (`label-cae`, `label-cae/node`…;
// test/architecture/cli-public-entries.test.ts). An entry is a list of re-exports, and a bundler
// splitting code counts every module an entry re-exports as reachable from whoever imports it: every
// command's code, and zod, would then load at every start. So, as bundlers' "barrel" optimisations
// do, each `import { x } from 'label-cae…'` of dist/cli/ is resolved here, through the entry's own
// `export { x } from './m.js'` lines, to the module that defines x: the same module the entry
// gives, hence the same code and the same instance, without the entry's other modules.
//
// Code is split at the dynamic imports, so each command loads only its own code: `cae score` loads
// neither the linter nor the dependencies kept external (zod, yaml, fastify, write-excel-file,
// csv-parse, remark); they load from node_modules when a command needs them. jsonc-parser (read on
// every start) is bundled from its ES build. The batch worker is built on its own, as
// dist/cae/batch-worker.js (its chunks in dist/cae/worker/), where batch-pool's
// `new URL('./batch-worker.js', import.meta.url)` finds it from the command's chunk.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let esbuild, rollup;
try {
  esbuild = await import('esbuild');
  ({ rollup } = await import('rollup'));
} catch {
  process.stderr.write('build-cli : esbuild ou rollup absent (dépendances de développement) ; la commande cae n’est pas construite [bundler-absent]\n');
  process.exit(1);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BUNDLED = new Set(['jsonc-parser']);
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]);

/** The `export { … } from '…'` lines of a module: exported name → [module, its name there]. */
const reExportCache = new Map();
function reExports(file) {
  let names = reExportCache.get(file);
  if (names) return names;
  names = new Map();
  for (const m of readFileSync(file, 'utf8').matchAll(/^export \{([^}]*)\} from '(\.[^']+)';$/gm)) {
    for (const part of m[1].split(',').map((p) => p.trim()).filter(Boolean)) {
      const [name, alias = name] = part.split(/\s+as\s+/);
      names.set(alias, [resolve(dirname(file), m[2]), name]);
    }
  }
  reExportCache.set(file, names);
  return names;
}

/** The module that defines `name` as `file` exports it, following re-exports. */
function definition(file, name) {
  const next = reExports(file).get(name);
  return next ? definition(next[0], next[1]) : [file, name];
}

/** `label-cae…` → its file, from package.json exports. */
function entryFiles() {
  const files = new Map();
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (typeof target !== 'object' || !target.import || key.includes('*')) continue;
    files.set(key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`, join(root, target.import));
  }
  return files;
}

const barrels = {
  name: 'resolve-public-entries',
  setup(build) {
    const entries = entryFiles();
    build.onLoad({ filter: /[\\/]dist[\\/]cli[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const contents = text.replace(/^(import|export) \{([^}]*)\} from '(label-cae(?:\/[a-z-]+)?)';$/gm, (all, kind, list, spec) => {
        const entry = entries.get(spec);
        if (!entry) throw new Error(`${args.path} : ${spec} n'est pas une entrée de package.json`);
        return list
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
          .map((part) => {
            const [name, local = name] = part.split(/\s+as\s+/);
            if (!reExports(entry).has(name)) throw new Error(`${args.path} : ${name} n'est pas réexporté par ${spec} (${entry})`);
            const [file, original] = definition(entry, name);
            return `${kind} { ${original} as ${local} } from ${JSON.stringify(file)};`;
          })
          .join('\n');
      });
      if (/from 'label-cae|import\('label-cae/.test(contents)) throw new Error(`${args.path} : import de label-cae non résolu`);
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const outdir = join(root, 'dist', 'cae');
// esbuild writes here; the rollup pass below writes dist/cae/ from it.
const stage = join(root, 'dist', '.cae-esbuild');
rmSync(outdir, { recursive: true, force: true });
rmSync(stage, { recursive: true, force: true });
const options = {
  outdir: stage,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  external,
  plugins: [barrels],
  legalComments: 'none',
  logLevel: 'warning',
  metafile: Boolean(process.env.CAE_METAFILE),
};
// The worker is built on its own: sharing chunks with the command would cut both into more files.
const result = await esbuild.build({ ...options, entryPoints: { main: join(root, 'dist', 'cli', 'main.js') }, chunkNames: 'chunk-[hash]' });
await esbuild.build({ ...options, entryPoints: { 'batch-worker': join(root, 'dist', 'cli', 'shared', 'batch-worker.js') }, chunkNames: 'worker/chunk-[hash]' });
// CAE_METAFILE=path writes esbuild's metafile of the command (which module went into which chunk).
if (process.env.CAE_METAFILE) writeFileSync(process.env.CAE_METAFILE, JSON.stringify(result.metafile));

// esbuild cuts a chunk for every set of dynamic imports that reach a module: `cae score` loaded 33
// files, some of 120 bytes, and each file costs its resolution and read (34 empty modules start
// ~20 ms slower than one). esbuild cannot merge chunks (no manual chunks, evanw/esbuild#207), so
// rollup re-bundles its output with one chunk per dynamic import (per command, for `main`): what
// it imports statically, beyond the entry's own imports, in one file. What the first (score)
// shares with the others goes in a chunk of its own, so that `cae lint` does not load the scoring
// code; a module that several others share goes to the first of them. What a command imports
// lazily (the Markdown readers, the dependencies kept external) stays apart, as before.
// `cae score` now loads the entry (a facade of a few bytes) and three chunks; the worker one file.
const rollupExternal = (id) => !id.startsWith('.') && !id.startsWith('/');
/** rollup's manualChunks: each module in the static closure of a dynamic import goes into its chunk. */
function chunkPerDynamicImport(entry) {
  let owner = null;
  return (id, { getModuleInfo }) => {
    if (!owner) {
      const closure = (start) => {
        const seen = new Set();
        const todo = [start];
        while (todo.length) {
          const m = todo.pop();
          if (seen.has(m)) continue;
          seen.add(m);
          for (const next of getModuleInfo(m)?.importedIds ?? []) if (!rollupExternal(next)) todo.push(next);
        }
        return seen;
      };
      // The entry's own imports go with it (a manual chunk holding the entry becomes the entry).
      owner = new Map([...closure(entry)].map((m) => [m, 'entry']));
      const lazy = [...new Set(getModuleInfo(entry).dynamicallyImportedIds)].map(closure);
      lazy.forEach((modules, k) => {
        for (const m of modules) {
          if (owner.has(m)) continue;
          const shared = k === 0 && lazy.some((other, j) => j > 0 && other.has(m));
          owner.set(m, shared ? 'shared' : `lazy-${k}`);
        }
      });
    }
    return owner.get(id);
  };
}
for (const [name, chunkFileNames] of [
  ['main', 'chunk-[hash].js'],
  ['batch-worker', 'worker/chunk-[hash].js'],
]) {
  const input = join(stage, `${name}.js`);
  // esbuild's chunks import each other in cycles and import names they do not all use: no news.
  const quiet = new Set(['CIRCULAR_DEPENDENCY', 'UNUSED_EXTERNAL_IMPORT']);
  const bundle = await rollup({ input: { [name]: input }, external: rollupExternal, onwarn: (w, warn) => quiet.has(w.code) || warn(w) });
  await bundle.write({ dir: outdir, format: 'es', chunkFileNames, manualChunks: chunkPerDynamicImport(input) });
  await bundle.close();
}
rmSync(stage, { recursive: true, force: true });
