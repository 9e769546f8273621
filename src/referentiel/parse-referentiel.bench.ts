/**
 * Parse + build (points included) of the whole CAE corpus, then compile to JSON.
 * Target: ≤ 100 ms warm, in process. Skipped when ../shared/tet is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { parseReferentielFiles } from './parse-referentiel.js';
import { compileReferentiel } from './compile-referentiel.js';
import { remarkBlocks } from '../markdown/remark-blocks.js';

const dir = fileURLToPath(new URL('../../../shared/tet/referentiels/cae/', import.meta.url));
const present = existsSync(join(dir, 'cae.md'));
const files = present ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ path: f, content: readFileSync(join(dir, f), 'utf8') })) : [];

describe.skipIf(!present)('référentiel CAE complet (1 471 actions)', () => {
  bench('parseReferentielFiles (scanner)', () => {
    parseReferentielFiles(files);
  });
  bench('parseReferentielFiles + compileReferentiel + JSON.stringify', () => {
    JSON.stringify(compileReferentiel(parseReferentielFiles(files).referentiel!));
  });
  bench('parseReferentielFiles with the remark tokenizer (reference)', () => {
    parseReferentielFiles(files, { tokenizer: remarkBlocks });
  }, { iterations: 3 });
});
