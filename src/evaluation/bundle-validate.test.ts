/**
 * The hand-written bundle validator and the zod schema, the reference, with zod's French locale:
 * same verdict, same output, same issues, on a bundle with questions, rules and evidence rules,
 * and on random mutations of it.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { fr } from 'zod/locales';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, anyValue, mutate, paths } from '../../test/support/dossier-arbitraries.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMiniSet } from '../../test/support/mini-set.js';
import { bundleSchema } from './bundle-schema.js';
import { validateBundle } from './bundle-validate.js';
import { buildBundle } from './load-context.js';

const shortIssues = (issues: readonly { code: string; path: readonly PropertyKey[]; message: string }[]) => issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));

function expectSame(value: unknown): void {
  const reference = bundleSchema.safeParse(value, { error: fr().localeError });
  const mine = validateBundle(value);
  expect(mine.ok, JSON.stringify(value).slice(0, 300)).toBe(reference.success);
  if (mine.ok && reference.success) expect(JSON.stringify(mine.value)).toBe(JSON.stringify(reference.data));
  if (!mine.ok && !reference.success) expect(shortIssues(mine.issues)).toStrictEqual(shortIssues(reference.error.issues as z.core.$ZodIssue[]));
}

describe('validateBundle words the errors as zod does', () => {
  let bundle: Json;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'label-cae-bundle-'));
    const referentiel = writeMiniSet(root);
    const built = await buildBundle({ referentiel, questions: join(root, 'questions'), personnalisations: join(root, 'personnalisations'), reglesPreuve: join(root, 'regles-preuve') });
    expect(built.bundle).not.toBeNull();
    // The référentiel is checked by loadReferentiel: a small one keeps the mutations on the companions.
    bundle = { ...(JSON.parse(JSON.stringify(built.bundle)) as Record<string, Json>), referentiel: { format: 'x' } };
  });

  it('on a bundle: the same output', () => {
    expectSame(bundle);
  });

  it('on mutations of it: the same issues, in the same order', () => {
    const mutation = fc.record({ pick: fc.nat(), how: fc.constantFrom('replace', 'remove', 'add'), value: fc.oneof(anyValue, fc.constantFrom('binaire', 'choix', 'reduction', 'ans', -1, 0, 1.5)), key: fc.oneof(fc.constantFrom('endLine', 'visibilite', 'x', ''), fc.string()) });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let v = bundle;
        for (const m of mutations) {
          const all = paths(v);
          v = mutate(v, all[m.pick % all.length]!, m.how as 'replace' | 'remove' | 'add', m.value as Json, m.key);
        }
        expectSame(v);
      }),
      { numRuns: 1500 },
    );
  });
});
