/**
 * The fast path of reading a dossier (owned-dossier.ts, and the faster check of the statuts) gives
 * exactly what the reference path gives: the same dossier (same keys in the same order, deeply
 * frozen) and the same diagnostics (codes, messages, pointers, positions, order), on valid
 * dossiers and on random mutations of their text: keys written twice, `__proto__` (even escaped),
 * escaped colons and other escapes, colons in keys and values, unknown statut keys, parents and
 * children both given a statut, refused answers, huge numbers, astral characters, a BOM.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { mutatedDossier, validDossier } from '../../test/support/dossier-arbitraries.js';
import { checkDossier } from '../evaluation/check-dossier.js';
import { evaluateDossier } from '../evaluation/evaluate-dossier.js';
import { evaluationJsonLine } from '../evaluation/serialize-evaluation.js';
import { statutKeys } from './dossier-inputs.js';
import type { Dossier } from './dossier-schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkStatutsReference } from '../../test/support/check-statuts-reference.js';
import type { EvaluationContext } from '../evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../evaluation/load-context.js';
import { readDossierWith } from '../evaluation/read-dossier-core.js';
import { locateDiagnostics } from '../evaluation/read-dossier-core.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { sumsToOne, sumsToOneExact } from './dossier-values.js';
import { ownedDossier } from './owned-dossier.js';
import { parseDossierTextReference } from './parse-dossier-core.js';
import { parseDossierText, schemaValidation } from './parse-dossier.js';

/** Every object reachable from `v` is frozen. */
function deeplyFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  return Object.isFrozen(v) && Object.values(v).every(deeplyFrozen);
}

/** Whether the fast path took the text (it must not hand every dossier over to the reference). */
function fastPathTakes(text: string): boolean {
  try {
    return ownedDossier(text, JSON.parse(text)) !== null;
  } catch {
    return false;
  }
}

/** Compares both paths on `text`; whether the reference accepted it. */
function expectSameParse(text: string): boolean {
  const fast = parseDossierText(text, 'd.json');
  const reference = parseDossierTextReference(text, 'd.json', schemaValidation)!;
  expect(fast.diagnostics, text).toStrictEqual(reference.diagnostics);
  expect(fast.dossier === null, text).toBe(reference.dossier === null);
  if (fast.dossier) {
    expect(JSON.stringify(fast.dossier), text).toBe(JSON.stringify(reference.dossier));
    expect(deeplyFrozen(fast.dossier)).toBe(true);
    expect(Object.keys(fast.dossier.statuts ?? {})).toEqual(Object.keys(reference.dossier!.statuts ?? {}));
  }
  return reference.dossier !== null;
}

const PLAIN: TextOps = { dup: -1, dupValue: undefined, proto: -1, protoEscaped: false, escapeEvery: 0, indent: false };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface TextOps {
  /** The n-th key written (in writing order) is written twice: again with the same value or another. */
  dup: number;
  dupValue: Json | undefined;
  /** The n-th object written gets a `__proto__` key, plainly or escaped. */
  proto: number;
  protoEscaped: boolean;
  /** Strings written with every character escaped (`\u0061`), by writing order modulo this. */
  escapeEvery: number;
  indent: boolean;
}

/** JSON text of `v` as a writer might make it, with the mutations of `ops`. */
function write(v: Json, ops: TextOps): string {
  let keys = 0;
  let objects = 0;
  let strings = 0;
  const str = (s: string): string => {
    strings++;
    if (ops.escapeEvery > 0 && strings % ops.escapeEvery === 0) return `"${[...s].map((c) => [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join('')}"`;
    return JSON.stringify(s);
  };
  const nl = ops.indent ? '\n  ' : '';
  const go = (x: Json): string => {
    if (x === null || typeof x !== 'object') return typeof x === 'string' ? str(x) : JSON.stringify(x);
    if (Array.isArray(x)) return `[${x.map(go).join(',')}]`;
    const parts: string[] = [];
    if (objects++ === ops.proto) parts.push(`${ops.protoEscaped ? '"__pr\\u006fto__"' : '"__proto__"'}:"fait"`);
    for (const [k, c] of Object.entries(x)) {
      parts.push(`${str(k)}: ${go(c)}`);
      if (keys++ === ops.dup) parts.push(`${str(k)}:${go(ops.dupValue === undefined ? c : ops.dupValue)}`);
    }
    return `{${nl}${parts.join(`,${nl}`)}}`;
  };
  return go(v);
}

const textOps: fc.Arbitrary<TextOps> = fc.record({
  dup: fc.oneof({ weight: 2, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: 40 }) }),
  dupValue: fc.option(fc.oneof(fc.constantFrom('fait', 'a:b', 1e999 as number, 0.5), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>), { nil: undefined }),
  proto: fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: 6 }) }),
  protoEscaped: fc.boolean(),
  escapeEvery: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }) }),
  indent: fc.boolean(),
});

const oddStrings = fc.constantFrom('a:b', '::', 'x:\u003a', '😀:😀', '\u{1F600}'.repeat(150), '\u{1F600}'.repeat(201), 'é', '~/', '__proto__', 'constructor', '\\', '"', '\ufeff', '1', '42');
/** Values and keys a writer might produce, now and then odd. */
const oddDossier = fc.record(
  {
    collectivite: fc.record({ nom: fc.oneof(fc.string(), oddStrings) }),
    reponses: fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), oddStrings), fc.oneof(fc.constantFrom('OUI', 'NON', 'x:y', 0.5, 2, true), oddStrings), { maxKeys: 5 }),
    statuts: fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), oddStrings), fc.constantFrom('fait', 'non_concerne', { fait: 0.5, programme: 0.25, pas_fait: 0.25 }, { pas_fait: 0, programme: 0.3, fait: 0.7 }), { maxKeys: 80 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Json>;

describe('the fast path of parseDossierText and the reference path', () => {
  it('give the same dossier and diagnostics for valid dossiers, written in any way', () => {
    fc.assert(fc.property(validDossier, textOps, (d, ops) => void expectSameParse(write(JSON.parse(JSON.stringify(d)) as Json, ops))), { numRuns: 1500 });
  });

  it('the fast path takes every dossier the reference accepts when written plainly (short answers, no escaped colon)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(validDossier, (d) => {
        const text = write(JSON.parse(JSON.stringify(d)) as Json, PLAIN);
        if (!expectSameParse(text)) return;
        accepted++;
        expect(fastPathTakes(text), text).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('give the same result for mutated dossiers', () => {
    fc.assert(fc.property(mutatedDossier, textOps, (d, ops) => void expectSameParse(write(d, ops))), { numRuns: 2000 });
  });

  it('give the same result with odd keys and values (colons, escapes, astral characters, many statuts)', () => {
    let fast = 0;
    fc.assert(
      fc.property(oddDossier, textOps, (d, ops) => {
        const text = write(d, ops);
        expectSameParse(text);
        if (fastPathTakes(text)) fast++;
      }),
      { numRuns: 1500 },
    );
    expect(fast).toBeGreaterThan(150);
  });

  it('give the same result on texts at the edges', () => {
    const texts = [
      '\ufeff{"statuts":{}}',
      '{"statuts":{"a":"fait","a":"fait"}}',
      '{"statuts":{"a:b":"fait","c":"fait"}}',
      '{"statuts":{"a\\u003ab":"fait","a:b":"fait"}}',
      '{"statuts":{"a":"fait"},"collectivite":{"nom":"x\\u003a"}}',
      '{"statuts":{"a":{"fait":1e999,"programme":0,"pas_fait":0}}}',
      '{"reponses":{"q":1e999}}',
      '{"collectivite":{"population":1e999}}',
      '{"statuts":{"__proto__":"fait"}}',
      '{"__proto__":{}}',
      '{"statuts":{"1":"fait","0":"fait","1.1":"fait"}}',
      '{"statuts":{"a":{"fait":0.5,"programme":0.5,"pas_fait":0,"fait":0}}}',
      '{"statuts":{"a":{"fait":0.5,"programme":0.5}}}',
      '{"statuts":{"a":{"fait":0.5,"programme":0.5,"pas_fait":0,"x":0}}}',
      '{"statuts":[]}',
      '{"statuts":null}',
      '{"reponses":{"q":""}}',
      '[]',
      '"x"',
      '{"statuts":{"a":"fait"},"statuts":{"b":"fait"}}',
      '{"preuves":{"x":[{"a:b":1,"a:b":2}]}}',
    ];
    for (const text of texts) expectSameParse(text);
  });
});

describe('sumsToOne', () => {
  it('agrees with exact arithmetic on every kind of number', () => {
    const decimal = fc.integer({ min: -2_000_000, max: 2_000_000 }).chain((j) => fc.constantFrom(j / 1e6, j / 1e3, j / 100, j / 1e7, j / 2 ** 20));
    const value = fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, 0.1, 0.2, 0.7, 1 / 3, 2 / 3, 1e-7, 1 - 1e-7, 1e300, 2 ** 53));
    fc.assert(
      fc.property(value, value, value, fc.boolean(), (a, b, c, complete) => {
        const rest = Number((1 - a - b).toFixed(6));
        const t = { fait: a, programme: b, pas_fait: complete && Number.isFinite(rest) ? rest : c };
        expect(sumsToOne(t)).toBe(sumsToOneExact(t));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('readDossier with the fast path and with the reference path', () => {
  let context: EvaluationContext;
  let names: string[];
  beforeAll(async () => {
    context = (await loadEvaluationContext()).context!;
    names = [...context.referentiel.actions.values()].flatMap((a) => [a.identifiant, a.id]);
  });

  /** readDossier's result from parseDossierTextReference and checkDossier, as readDossier composes them. */
  function referenceRead(text: string) {
    const parsed = parseDossierTextReference(text, 'd.json', schemaValidation)!;
    if (!parsed.dossier) return parsed;
    const checks = checkDossier(context, parsed.dossier);
    if (!hasErrors(checks)) return { dossier: parsed.dossier, diagnostics: checks };
    return { dossier: null, diagnostics: locateDiagnostics(checks, text, 'd.json') };
  }

  it('give the same dossier and diagnostics, with parents and children given statuts, unknown keys and aliases', () => {
    const statutValue = fc.constantFrom('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne', { fait: 0.5, programme: 0.25, pas_fait: 0.25 });
    const key = fc.oneof({ weight: 8, arbitrary: fc.nat().map((i) => names[i % names.length]!) }, { weight: 1, arbitrary: fc.constantFrom('9.9.9', 'cae_9', 'x/y~z', 'a:b') });
    const dossier = fc.record({ referentiel: fc.constantFrom('cae', 'eci'), statuts: fc.dictionary(key, statutValue, { minKeys: 0, maxKeys: 300 }) }, { requiredKeys: ['statuts'] });
    fc.assert(
      fc.property(dossier, textOps, (d, ops) => {
        const text = write(d as Json, ops);
        const fast = readDossierWith(context, text, 'd.json', schemaValidation)!;
        const reference = referenceRead(text);
        expect(fast.diagnostics, text).toStrictEqual(reference.diagnostics);
        expect(JSON.stringify(fast.dossier)).toBe(JSON.stringify(reference.dossier));
        // The check of the statuts is the plain one's (test/support/check-statuts-reference.ts).
        const statutsChecked = (ds: readonly Diagnostic[]) => ds.filter((x) => x.pointer?.startsWith('/statuts/'));
        const parsed = parseDossierTextReference(text, 'd.json', schemaValidation)!;
        if (parsed.dossier) expect(statutsChecked(checkDossier(context, parsed.dossier)), text).toStrictEqual(checkStatutsReference(context, parsed.dossier));
        if (!fast.dossier) return;
        expect(statutsChecked(fast.diagnostics), text).toStrictEqual(checkStatutsReference(context, fast.dossier));
        // What the reading recorded (statuts-lus.ts) is what the keys resolved afresh give, and
        // the evaluations are the same, byte for byte, constats included.
        expect(statutKeys(context.referentiel, fast.dossier.statuts ?? {})).toStrictEqual(statutKeys(context.referentiel, { ...fast.dossier.statuts }));
        const same = (d: Dossier) => evaluationJsonLine(evaluateDossier(context, d), { niveau: 'mesure' }, 1);
        expect(same(fast.dossier), text).toBe(same(reference.dossier!));
      }),
      { numRuns: 300 },
    );
  });
});
