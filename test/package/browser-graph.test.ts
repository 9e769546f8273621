/**
 * `label-cae` is browser-safe: esbuild bundles every export of it for the browser, and no Node
 * built-in, no remark/unified package and no `createRequire` is in the graph. Also reports the
 * size of the engine alone (loadBundle + scoreDossier), the figure of the README (`npm run size`).
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';
// @ts-expect-error -- a plain ES module script, without declarations
import { engineSize } from '../../scripts/engine-size.mjs';

async function graph(contents: string) {
  const r = await build({ stdin: { contents, resolveDir: PROJECT_DIR, loader: 'js' }, bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  return { inputs: Object.keys(r.metafile.inputs), code: r.outputFiles[0]!.text };
}

describe('label-cae in a browser bundle', () => {
  it('bundles with --platform=browser: no Node built-in, no remark, no createRequire', async () => {
    const { inputs, code } = await graph(`export * from 'label-cae'; export * from 'label-cae/embedded';`);
    expect(inputs.filter((f) => f.startsWith('node:') || /^(fs|path|url|module|os)$/.test(f))).toEqual([]);
    expect(inputs.filter((f) => /node_modules\/(remark|unified|micromark|mdast)/.test(f))).toEqual([]);
    expect(inputs.some((f) => f.includes('yaml/browser'))).toBe(true);
    expect(code).not.toMatch(/createRequire|getBuiltinModule/);
  });

  it('label-cae/node is not browser-safe, as it says (the check above can fail)', async () => {
    await expect(graph(`export * from 'label-cae/node';`)).rejects.toThrow(/node:/);
  });

  it('the engine alone (loadBundle + scoreDossier) stays under its measured size', async () => {
    const { minified, gzipped } = await engineSize();
    console.log(`[label-cae] moteur seul (loadBundle + scoreDossier) : ${minified} octets minifiés, ${gzipped} octets gzip`);
    // Issue 14's target: at most 60 KB gzipped (measured 43 KB, README « the library »).
    expect(gzipped).toBeLessThanOrEqual(60_000);
  });
});
