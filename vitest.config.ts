import { defineConfig } from 'vitest/config';

export default defineConfig({
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
