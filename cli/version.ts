import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Read from package.json so `cae --version` never disagrees with the published version.
// Compiled code lives in dist/cli/, sources in cli/: look one or two levels up.
function readVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (!existsSync(path)) continue;
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'label-cae' && pkg.version) return pkg.version;
  }
  return '0.0.0';
}
export const VERSION: string = readVersion();
