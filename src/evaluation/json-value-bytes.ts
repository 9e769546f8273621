/**
 * Any value as `JSON.stringify(value)` writes it, straight into a JsonBytes sink as UTF-8: the
 * sections of a batch line other than `scores` and `statuts` (constats, personnalisation, etoile,
 * labellisation…, ~55 kB at mesure level) were stringified, then encoded, which was most of the
 * line's writing time. Keys and short ASCII strings (codes, ids, pointers) are copied character
 * by character; other strings are encoded natively when a native scan finds nothing to escape
 * (`"`, `\`, a control character, a surrogate), else left to JSON.stringify. What
 * JSON.stringify treats specially (toJSON, boxed primitives, BigInt) goes through its own rules
 * or JSON.stringify itself. Proven byte-identical to JSON.stringify by json-value-bytes.test.ts.
 */
import { type JsonBytes, asciiAt, integerAt } from './json-bytes.js';

/** Strings up to this length are copied here character by character when they are plain ASCII. */
const SHORT = 40;

/**
 * `"s"` at the sink's end when s is short plain ASCII with nothing to escape (codes, ids,
 * pointers, keys): a few characters copied cost less than a call into native code. False, with
 * nothing written, otherwise.
 */
function shortAsciiInto(out: JsonBytes, s: string, colon: boolean): boolean {
  const n = s.length;
  const b = out.reserve(n + 3);
  let at = out.length;
  b[at++] = 34; // "
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c > 0x7e || c === 34 || c === 92) return false;
    b[at++] = c;
  }
  b[at++] = 34;
  if (colon) b[at++] = 58; // :
  out.length = at;
  return true;
}

/** One ASCII character. */
function char(out: JsonBytes, c: number): void {
  out.reserve(1)[out.length++] = c;
}

/**
 * What JSON.stringify would escape: `"`, `\`, control characters, and lone surrogates (any
 * surrogate here: a string with an emoji goes to JSON.stringify too, which writes it as is).
 * A native scan: a loop over the characters in JavaScript cost more than stringifying.
 */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it. */
export function jsonStringInto(out: JsonBytes, s: string): void {
  if (s.length <= SHORT && shortAsciiInto(out, s, false)) return;
  if (ESCAPED.test(s)) out.text(JSON.stringify(s));
  else {
    char(out, 34); // "
    out.text(s);
    char(out, 34);
  }
}

/** A number as JSON.stringify writes it (non-finite numbers are `null`). */
function numberInto(out: JsonBytes, n: number): void {
  const b = out.reserve(32);
  if (n === Math.floor(n) && n > -1e15 && n < 1e15) out.length = integerAt(b, out.length, n === 0 ? 0 : n);
  else if (Number.isFinite(n)) out.length = asciiAt(b, out.length, String(n));
  else out.length = asciiAt(b, out.length, 'null');
}

/** Objects JSON.stringify reads otherwise than by their own keys: boxed primitives, raw BigInt… */
const boxed = (v: object): boolean => v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt;

/**
 * `value` (the member `key` of its holder, an index in an array: what toJSON is given) as
 * JSON.stringify writes it; false, with nothing written, when it has no JSON form (undefined, a
 * function, a symbol), where JSON.stringify leaves out an object's member.
 */
export function jsonValueInto(out: JsonBytes, value: unknown, key: string | number = ''): boolean {
  return valueInto(out, value, key, 0);
}

/**
 * Nesting beyond which JSON.stringify takes over: it throws its own TypeError on a cycle, where
 * recursion here would overflow the stack.
 */
const DEEP = 256;

function valueInto(out: JsonBytes, value: unknown, key: string | number, depth: number): boolean {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, String(key));
  }
  switch (typeof value) {
    case 'string':
      jsonStringInto(out, value);
      return true;
    case 'number':
      numberInto(out, value);
      return true;
    case 'boolean':
      out.ascii(value ? 'true' : 'false');
      return true;
    case 'object':
      if (value === null) out.ascii('null');
      else if (depth >= DEEP) out.text(JSON.stringify(value));
      else if (Array.isArray(value)) arrayInto(out, value, depth + 1);
      else if (Object.getPrototypeOf(value) !== Object.prototype && boxed(value)) out.text(JSON.stringify(value));
      else objectInto(out, value as Record<string, unknown>, depth + 1);
      return true;
    case 'bigint':
      // JSON.stringify throws its own TypeError.
      JSON.stringify(value);
      return false;
    default:
      return false;
  }
}

function arrayInto(out: JsonBytes, a: readonly unknown[], depth: number): void {
  char(out, 91); // [
  for (let k = 0; k < a.length; k++) {
    if (k > 0) char(out, 44); // ,
    if (!valueInto(out, a[k], k, depth)) out.ascii('null');
  }
  char(out, 93); // ]
}

function objectInto(out: JsonBytes, o: Record<string, unknown>, depth: number): void {
  char(out, 123); // {
  let first = true;
  for (const key of Object.keys(o)) {
    const start = out.length;
    if (!first) char(out, 44); // ,
    if (!shortAsciiInto(out, key, true)) out.text(`${JSON.stringify(key)}:`);
    if (valueInto(out, o[key], key, depth)) first = false;
    else out.length = start;
  }
  char(out, 125); // }
}
