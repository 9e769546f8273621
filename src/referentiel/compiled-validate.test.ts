/**
 * The hand-written validator of the compiled référentiel and its zod schema, the reference, with
 * zod's French locale: same verdict, same output, same issues, on the embedded référentiel and on
 * random mutations of it.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { fr } from 'zod/locales';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, anyValue, mutate, paths } from '../../test/support/dossier-arbitraries.js';
import { compileReferentiel } from './compile-referentiel.js';
import { compiledReferentielSchema } from './compiled-schema.js';
import { validateCompiledReferentiel } from './compiled-validate.js';
import { parseEmbeddedReferentiel } from './read-referentiel.js';

const shortIssues = (issues: readonly { code: string; path: readonly PropertyKey[]; message: string }[]) => issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));

function expectSame(value: unknown): void {
  const reference = compiledReferentielSchema.safeParse(value, { error: fr().localeError });
  const mine = validateCompiledReferentiel(value);
  expect(mine.ok, JSON.stringify(value).slice(0, 300)).toBe(reference.success);
  if (mine.ok && reference.success) expect(JSON.stringify(mine.value)).toBe(JSON.stringify(reference.data));
  if (!mine.ok && !reference.success) expect(shortIssues(mine.issues)).toStrictEqual(shortIssues(reference.error.issues as z.core.$ZodIssue[]));
}

describe('validateCompiledReferentiel words the errors as zod does', () => {
  let compiled: Json;
  beforeAll(async () => {
    const r = await parseEmbeddedReferentiel();
    // A few actions keep the mutations close to the values that matter.
    const full = JSON.parse(JSON.stringify(compileReferentiel(r.referentiel!))) as { actions: Json[] };
    compiled = { ...full, actions: full.actions.slice(0, 6) } as Json;
  });

  it('on the embedded référentiel: the same output', () => {
    expectSame(compiled);
  });

  it('on mutations of it: the same issues, in the same order', () => {
    const mutation = fc.record({ pick: fc.nat(), how: fc.constantFrom('replace', 'remove', 'add'), value: fc.oneof(anyValue, fc.constantFrom('3/10', '1.5', 'x', '', 'cae', 'tache', 'axe', 'effets', -1, 0, 1.5)), key: fc.oneof(fc.constantFrom('endLine', 'options', 'x', ''), fc.string()) });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let v = compiled;
        for (const m of mutations) {
          const all = paths(v);
          v = mutate(v, all[m.pick % all.length]!, m.how as 'replace' | 'remove' | 'add', m.value as Json, m.key);
        }
        expectSame(v);
      }),
      { numRuns: 1500 },
    );
  });

  it('on values of the wrong kind', () => {
    for (const v of [null, [], 'x', 3, {}, { format: 'label-cae/referentiel@1' }, { format: 'label-cae/referentiel@1', referentiel: { hierarchie: '' }, actions: [] }]) expectSame(v);
  });
});
