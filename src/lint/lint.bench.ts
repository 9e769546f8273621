/** In-process cost of linting the whole CAE corpus with its rules and questions (files already in memory). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { hasCorpus, tet } from '../../test/support/corpus.js';
import { lintReferentiel } from './lint-referentiel.js';
import type { LintFile } from './types.js';

const read = (dir: string): LintFile[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => ({ path: join(dir, n), displayPath: n, content: readFileSync(join(dir, n), 'utf8') }));

describe.skipIf(!hasCorpus)('lint CAE (corpus ../shared/tet)', () => {
  const referentiel = hasCorpus ? read(tet('referentiels', 'cae')) : [];
  const questions = hasCorpus ? read(tet('questions')) : [];
  const personnalisations = hasCorpus ? read(tet('personnalisations')) : [];
  const preuves = hasCorpus ? read(tet('preuves')) : [];
  bench('référentiel + questions + personnalisations', () => {
    lintReferentiel(referentiel, { questions, personnalisations });
  });
  bench('référentiel + questions + personnalisations + preuves', () => {
    lintReferentiel(referentiel, { questions, personnalisations, preuves });
  });
});
