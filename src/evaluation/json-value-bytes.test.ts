/**
 * jsonValueInto and constatsJsonInto write the UTF-8 bytes of JSON.stringify, on random JSON
 * values and on hostile strings (quotes, backslashes, control characters, lone surrogates,
 * emoji, U+2028), short and long (each string path), and on what JSON.stringify treats
 * specially (undefined, functions, symbols, toJSON, boxed primitives, non-finite numbers).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Constat } from '../score/constat.js';
import { JsonBytes } from './json-bytes.js';
import { jsonValueInto } from './json-value-bytes.js';
import { constatsJsonInto } from './serialize-constats.js';
import { HOSTILE, hostileString } from '../../test/support/hostile-strings.js';

const plainLong = fc.string({ unit: fc.constantFrom('a', 'é', '«', ' ', '€', '😀', '·'), minLength: 41, maxLength: 120 });

const encoder = new TextEncoder();
const sink = new JsonBytes();

/** The bytes written, compared with JSON.stringify's text encoded (well-formed: lone surrogates are escaped). */
function expectSameBytes(write: (out: JsonBytes) => boolean | void, expected: string | undefined): void {
  sink.length = 0;
  // Something before, as in a line: the writers append.
  sink.ascii('[');
  const wrote = write(sink);
  const got = sink.take();
  if (expected === undefined) {
    expect(wrote).toBe(false);
    expect([...got]).toEqual([91]);
  } else {
    expect(wrote).not.toBe(false);
    expect(Buffer.from(got).equals(Buffer.from(encoder.encode(`[${expected}`)))).toBe(true);
  }
}

const leaf = fc.oneof(
  hostileString,
  plainLong,
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 1e-7, 123.456, -1e15, 1e15, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(undefined, () => 1, Symbol('s')),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(new Number(3), new String('x"y'), new Boolean(false), { toJSON: (k: string) => `clé ${k}` }, { toJSON: () => undefined }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(fc.oneof(hostileString, fc.constantFrom('1', '0', '__proto__', 'code', 'message')), tie('value'), { maxKeys: 6 }),
}));

describe('jsonValueInto', () => {
  it('writes the bytes of JSON.stringify for random values with hostile strings', () => {
    fc.assert(
      fc.property(value, (v) => expectSameBytes((out) => jsonValueInto(out, v), JSON.stringify(v))),
      { numRuns: 3000 },
    );
  });

  it('writes the bytes of JSON.stringify for JSON documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => expectSameBytes((out) => jsonValueInto(out, v), JSON.stringify(v))),
      { numRuns: 1000 },
    );
  });

  it('writes each hostile character alone, in short and long strings, as JSON.stringify', () => {
    for (const c of HOSTILE) {
      for (const s of [c, `a${c}b`, `${'x'.repeat(50)}${c}`, `${c}${'é'.repeat(50)}`, `${'«'.repeat(45)}${c}${'y'.repeat(3)}`]) {
        expectSameBytes((out) => jsonValueInto(out, s), JSON.stringify(s));
        expectSameBytes((out) => jsonValueInto(out, { [s]: s }), JSON.stringify({ [s]: s }));
      }
    }
    // A surrogate pair split at the end, or reversed.
    for (const s of ['😀'.slice(0, 1), '😀'.slice(1), '\udc00\ud800', `${'z'.repeat(60)}${'😀'.slice(0, 1)}`]) {
      expectSameBytes((out) => jsonValueInto(out, s), JSON.stringify(s));
    }
  });

  it('passes toJSON the member key (index in arrays) and leaves out what has no JSON form', () => {
    const echo = { toJSON: (k: string) => `k=${k}` };
    const v = { a: echo, b: [echo, undefined, () => 1, Symbol('x')], c: undefined, d: () => 2, [Symbol('e')]: 1, 2: echo };
    expectSameBytes((out) => jsonValueInto(out, v, 'racine'), JSON.stringify(v));
    expectSameBytes((out) => jsonValueInto(out, undefined), undefined);
    expectSameBytes((out) => jsonValueInto(out, () => 1), undefined);
    expectSameBytes((out) => jsonValueInto(out, { toJSON: () => undefined }), undefined);
    expect(() => jsonValueInto(sink, { n: 1n })).toThrow(TypeError);
  });

  it('hands very deep or cyclic values to JSON.stringify (its TypeError on a cycle)', () => {
    let deep: unknown = 'fond';
    for (let k = 0; k < 600; k++) deep = k % 2 ? [deep] : { k: deep };
    expectSameBytes((out) => jsonValueInto(out, deep), JSON.stringify(deep));
    const cycle: Record<string, unknown> = {};
    cycle.self = { cycle };
    expect(() => jsonValueInto(sink, cycle)).toThrow(TypeError);
  });
});

const constat = fc.record(
  {
    code: fc.oneof(fc.constantFrom('statut-parent-ecrase-enfants', 'reponse-ignoree'), hostileString),
    severity: fc.constantFrom('error', 'warning', 'info'),
    actionId: fc.option(fc.oneof(fc.constantFrom('cae_1.1.1'), hostileString)),
    message: fc.oneof(hostileString, plainLong),
    pointer: fc.oneof(fc.constantFrom('/statuts/1.1.1.1', '/reponses/dechets_2', '/statuts/a~1b'), hostileString),
  },
  { requiredKeys: ['code', 'severity', 'actionId', 'message'] },
);
/** Constats as the engine makes them, and others: keys in another order, missing, extra, values without a JSON form. */
const oddConstat = fc.oneof(
  constat.map((c) => ({ pointer: '/x', ...c })),
  constat.map(({ code: _code, ...c }) => c),
  constat.map((c) => ({ ...c, code: undefined })),
  constat.map((c) => ({ ...c, message: undefined, actionId: () => 1 })),
  constat.map((c) => ({ ...c, extra: 1 })),
  constat.map((c) => ({ ...c, pointer: undefined })),
  constat.map((c) => ({ ...c, toJSON: () => 'autre' })),
  constat.map((c) => ({ ...c, code: new String('boxed') })),
  fc.constantFrom(null, undefined, 3, 'texte'),
);

describe('constatsJsonInto', () => {
  it('writes the bytes of JSON.stringify for constats of any shape, with hostile strings', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: constat }, { weight: 1, arbitrary: oddConstat }), { maxLength: 12 }), (cs) =>
        expectSameBytes((out) => constatsJsonInto(out, cs as Constat[]), JSON.stringify(cs)),
      ),
      { numRuns: 2000 },
    );
  });
});
