/**
 * `question-jamais-posee` on HEAD's TE imported by `cae import`: the rules of te_1.1.1–1.1.3 and
 * their `alter` alternatives read PCAET_2 where PCAET_1 is OUI, but PCAET_2 is only asked when
 * PCAET_1 is NON (issue 17).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LintPathsResult, lintPaths } from '../../src/lint/index.js';
import { importHeadContent } from '../support/head-content.js';
import { describeTetHead } from '../support/tet-head.js';

describeTetHead('question-jamais-posee on HEAD TE', () => {
  const work = mkdtempSync(join(tmpdir(), 'cae-jamais-posee-'));
  let result: LintPathsResult;
  beforeAll(async () => {
    const dir = await importHeadContent('te', work);
    result = await lintPaths({ targets: [dir], questions: join(work, 'questions'), personnalisations: join(work, 'personnalisations') });
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds the PCAET_2 reads in the PCAET_1 = OUI branches', () => {
    const found = result.messages.filter((m) => m.ruleId === 'question-jamais-posee');
    const shown = found.map((m) => `${m.file.replace(/^.*[\\/]/, '')}:${m.line}:${m.column} ${m.severity}`);
    // te_1.1.1, 1.1.2, 1.1.3: one read each; their `alter`: two (the PCAET_2 NON and OUI branches).
    expect(shown).toEqual([
      'te_1.md:11:36 warning',
      'te_1.md:35:29 warning',
      'te_1.md:36:36 warning',
      'te_1.md:50:36 warning',
      'te_1.md:73:29 warning',
      'te_1.md:74:36 warning',
      'te_1.md:88:36 warning',
      'te_1.md:111:29 warning',
      'te_1.md:112:36 warning',
    ]);
    const expected = "Question `PCAET_2` lue quand `reponse(PCAET_1, OUI)`, mais elle n'est posée que si `reponse(PCAET_1, NON)` : la réponse sera toujours ignorée";
    expect(found.map((m) => m.message)).toEqual(found.map(() => expected));
  });
});
