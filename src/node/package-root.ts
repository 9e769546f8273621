/**
 * The installed package's root folder (the one whose package.json is `label-cae`), found by walking
 * up from this module: the same answer from the sources (`src/node/`), the compiled library
 * (`dist/src/node/`) and the bundled command (`dist/cae/`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'label-cae') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package label-cae introuvable au-dessus de ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
