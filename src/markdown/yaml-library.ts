/**
 * The `yaml` package, loaded on first use under Node: the fast path of yaml-meta reads the simple
 * blocks that make up nearly all of a référentiel, so a CLI run often never needs it (loading it
 * costs 25–100 ms). No Node built-in is imported: `process.getBuiltinModule` (Node ≥ 20.16) gives
 * `createRequire` at run time. Browser bundlers take yaml-library.browser.js instead (the
 * `browser` field of package.json), which imports yaml normally.
 */
import type * as YamlModule from 'yaml';

let yamlModule: typeof YamlModule | undefined;

interface NodeProcess {
  getBuiltinModule?: (id: string) => { createRequire: (url: string) => (id: string) => unknown } | undefined;
}

export function yamlLibrary(): typeof YamlModule {
  if (yamlModule) return yamlModule;
  const nodeModule = (globalThis as { process?: NodeProcess }).process?.getBuiltinModule?.('node:module');
  if (!nodeModule) throw new Error("label-cae : le module yaml n'a pas pu être chargé ; dans un navigateur, passez par un bundler qui lit le champ « browser » de package.json");
  yamlModule = nodeModule.createRequire(import.meta.url)('yaml') as typeof YamlModule;
  return yamlModule;
}
