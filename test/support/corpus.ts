/**
 * The real TeT corpus lives outside the project (../shared/tet) and is never copied into it.
 * Tests that need it use `describeCorpus`, which skips with a visible message when it is absent
 * (as on a fresh clone without ../shared).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe } from 'vitest';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const TET_DIR = join(PROJECT_DIR, '..', 'shared', 'tet');
export const hasCorpus = existsSync(join(TET_DIR, 'referentiels', 'cae', 'cae.md'));
export const EMBEDDED_DIR = join(PROJECT_DIR, 'referentiel');

let warned = false;
export function describeCorpus(name: string, fn: () => void): void {
  if (!hasCorpus && !warned) {
    warned = true;
    console.warn(`\n[label-cae] Corpus TeT absent (${TET_DIR}) : les tests sur le corpus réel sont ignorés.\n`);
  }
  describe.skipIf(!hasCorpus)(`${name} (corpus ../shared/tet)`, fn);
}

export const tet = (...parts: string[]): string => join(TET_DIR, ...parts);
