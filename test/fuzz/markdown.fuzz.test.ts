/**
 * Fuzzing the Markdown/YAML parsers with mutations of real files: whatever the input, they return
 * well-formed diagnostics, never throw, never hit their internal-error safety net, never pollute a
 * prototype; a référentiel they accept compiles, loads back and scores.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { parsePreuvesFiles } from '../../src/preuves/parse-preuves.js';
import { parseQuestionsFiles } from '../../src/personnalisation/parse-questions.js';
import { compileReferentiel } from '../../src/referentiel/compile-referentiel.js';
import { loadReferentiel } from '../../src/referentiel/load-referentiel.js';
import { parseReferentielFiles } from '../../src/referentiel/parse-referentiel.js';
import { parseReglesPreuveFiles } from '../../src/preuves/parse-regles-preuve.js';
import { parseReglesFiles } from '../../src/personnalisation/parse-regles.js';
import { computeScores } from '../../src/score/compute-scores.js';
import {
  MARKDOWN_TOKENS,
  type SeedFile,
  corpusFiles,
  expectSaneDiagnostics,
  fuzz,
  fuzzTimeout,
  mutatedFiles,
  mutatedText,
  referentielSeeds,
  reglesPreuveSeeds,
} from './support.js';

const single = (files: SeedFile[]): SeedFile[][] => files.map((f) => [f]);

/** Companion files: the corpus ones when present, else a small hand-written sample of each kind. */
const QUESTIONS_SAMPLE: SeedFile = {
  path: 'q.md',
  content: '# Question binaire\n```yaml\nid: dechets_1\ntype: binaire\nactions: [cae_1.2.3]\n```\n\n# Proportion\n```yaml\nid: habitat_2\ntype: proportion\n```\n\n# Choix\n```yaml\nid: EP_1\ntype: choix\n```\n## Choix\n### A\n```yaml\nid: EP_1_a\n```\n### B\n```yaml\nid: EP_1_b\n```\n',
};
const REGLES_SAMPLE: SeedFile = {
  path: 'cae_6.md',
  content: '# cae_6.1.1.3.5\n```yaml\naction_id: cae_6.1.1.3.5\n```\n## Règles\n### Réduction de potentiel\n```formule\nsi identite(population, moins_de_3000) alors 0.5 sinon 1\n```\n### Désactivation\n```formule\nreponse(dechets_1, NON)\n```\n',
};
const PREUVES_SAMPLE: SeedFile = {
  path: 'cae_6.md',
  content: '# Délibération\n```yaml\nid: cae_6.1.1.3.5_1\nactions: [cae_6.1.1.3.5]\n```\nUne délibération.\n',
};

const questionSeeds = single(corpusFiles('questions').length > 0 ? corpusFiles('questions') : [QUESTIONS_SAMPLE]);
const reglesSeeds = single(corpusFiles('personnalisations').length > 0 ? corpusFiles('personnalisations') : [REGLES_SAMPLE]);
const preuvesSeeds = single(corpusFiles('preuves').length > 0 ? corpusFiles('preuves') : [PREUVES_SAMPLE]);

describe('fuzz: Markdown and YAML parsers', () => {
  it('parseReferentielFiles on mutated référentiels', () => {
    fuzz('parseReferentielFiles', 2, mutatedFiles(referentielSeeds(), MARKDOWN_TOKENS), (files) => {
      const { referentiel, diagnostics } = parseReferentielFiles(files);
      expectSaneDiagnostics(diagnostics);
      if (referentiel && !hasErrors(diagnostics)) {
        const compiled = compileReferentiel(referentiel);
        const loaded = loadReferentiel(JSON.parse(JSON.stringify(compiled)));
        expectSaneDiagnostics(loaded.diagnostics);
        if (hasErrors(loaded.diagnostics)) throw new Error(`référentiel compilé refusé au rechargement : ${loaded.diagnostics[0]!.message}`);
        computeScores(referentiel, { statuts: new Map(), consequences: new Map() });
      }
    });
  }, fuzzTimeout(2, 20));

  it('parseReferentielFiles on random text beside real files', () => {
    const seeds = referentielSeeds()[0]!;
    const garbage = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(fc.constantFrom(...MARKDOWN_TOKENS), { maxLength: 60 }).map((t) => t.join('')));
    fuzz('parseReferentielFiles-random', 0.5, garbage, (text) => {
      const { diagnostics } = parseReferentielFiles([...seeds, { path: 'x.md', content: text }]);
      expectSaneDiagnostics(diagnostics);
    });
  }, fuzzTimeout(0.5, 10));

  it('parseQuestionsFiles on mutated question files', () => {
    fuzz('parseQuestionsFiles', 1, mutatedFiles(questionSeeds, MARKDOWN_TOKENS), (files) => {
      expectSaneDiagnostics(parseQuestionsFiles(files).diagnostics);
    });
  }, fuzzTimeout(1, 10));

  it('parseReglesFiles on mutated personalisation rules', () => {
    fuzz('parseReglesFiles', 1, mutatedFiles(reglesSeeds, MARKDOWN_TOKENS), (files) => {
      expectSaneDiagnostics(parseReglesFiles(files).diagnostics);
    });
  }, fuzzTimeout(1, 10));

  it('parsePreuvesFiles on mutated proof files', () => {
    fuzz('parsePreuvesFiles', 1, mutatedFiles(preuvesSeeds, MARKDOWN_TOKENS), (files) => {
      expectSaneDiagnostics(parsePreuvesFiles(files).diagnostics);
    });
  }, fuzzTimeout(1, 10));

  it('parseReglesPreuveFiles on mutated evidence rules', () => {
    const seeds = reglesPreuveSeeds().map((f) => f.content);
    fuzz('parseReglesPreuveFiles', 1, mutatedText(seeds, MARKDOWN_TOKENS), (content) => {
      expectSaneDiagnostics(parseReglesPreuveFiles([{ path: 'cae.md', content }]).diagnostics);
    });
  }, fuzzTimeout(1, 10));
});
