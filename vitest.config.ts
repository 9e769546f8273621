import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The CLI imports the package's public entries (`label-cae`, `label-cae/node`…). Under vitest they
// resolve to their sources, as the CLI's other imports do, so in-process tests run one copy of the
// library; `node bin/cae.js` (end-to-end tests) runs the built package.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
const entryAliases = Object.entries(pkg.exports).flatMap(([key, target]) => {
  const types = typeof target === 'object' && target !== null ? (target as { types?: string }).types : undefined;
  const source = types?.match(/^\.\/dist\/(src\/.+)\.d\.ts$/)?.[1];
  if (!source) return []; // label-cae/embedded is generated at build time: it stays in dist/.
  const name = key === '.' ? 'label-cae' : `label-cae/${key.slice(2)}`;
  return [{ find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`), replacement: fileURLToPath(new URL(`./${source}.ts`, import.meta.url)) }];
});

export default defineConfig({
  resolve: { alias: entryAliases },
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
    benchmark: { include: ['src/**/*.bench.ts', 'test/**/*.bench.ts'] },
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    // Benchmarks import the built package (dist/): load it as Node does, not through the test
    // runner's module transform, so the figures are those of the code users run.
    server: { deps: { external: [/\/dist\//] } },
    hookTimeout: 60_000,
  },
});
