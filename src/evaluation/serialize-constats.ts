/**
 * The `constats` section as bytes: exactly `JSON.stringify(constats)`, the largest section of a
 * mesure-level line (~150 constats, ~40 kB). The keys, codes and severities are encoded once;
 * a constat of another shape (other keys, or in another order) is written by jsonValueInto.
 */
import type { Constat } from '../score/constat.js';
import { type JsonBytes, utf8 } from './json-bytes.js';
import { jsonStringInto, jsonValueInto } from './json-value-bytes.js';

const CODE = utf8('{"code":');
const SEVERITY = utf8(',"severity":');
const ACTION = utf8(',"actionId":');
const MESSAGE = utf8(',"message":');
const POINTER = utf8(',"pointer":');
const NULL = utf8('null');

/** The keys of a constat in the order its writer gives them, `pointer` last when present. */
const KEYS = ['code', 'severity', 'actionId', 'message', 'pointer'] as const;

/**
 * The number of c's own keys when they are KEYS (or its first four), in that order, else 0:
 * JSON.stringify then writes c's members in that order.
 */
function usualShape(c: object): number {
  const keys = Object.keys(c);
  const n = keys.length;
  if (n !== 4 && n !== 5) return 0;
  for (let k = 0; k < n; k++) if (keys[k] !== KEYS[k]) return 0;
  return n;
}

function put(out: JsonBytes, x: Uint8Array): void {
  const n = x.length;
  const b = out.reserve(n);
  let at = out.length;
  for (let k = 0; k < n; k++) b[at++] = x[k]!;
  out.length = at;
}

/** A member whose value is a string, null or else (jsonValueInto: the member is then left out when it has no JSON form). */
function memberInto(out: JsonBytes, key: Uint8Array, name: string, value: unknown): void {
  if (typeof value === 'string') {
    put(out, key);
    jsonStringInto(out, value);
  } else if (value === null) {
    put(out, key);
    put(out, NULL);
  } else {
    const start = out.length;
    put(out, key);
    if (!jsonValueInto(out, value, name)) out.length = start;
  }
}

function constatInto(out: JsonBytes, c: Constat, keys: number): void {
  // `code` first: when its value has no JSON form the member is left out, and `{` stays alone.
  const start = out.length;
  memberInto(out, CODE, 'code', c.code);
  if (out.length === start) {
    jsonValueInto(out, c);
    return;
  }
  memberInto(out, SEVERITY, 'severity', c.severity);
  memberInto(out, ACTION, 'actionId', c.actionId);
  memberInto(out, MESSAGE, 'message', c.message);
  if (keys === 5) memberInto(out, POINTER, 'pointer', c.pointer);
  out.reserve(1)[out.length++] = 125; // }
}

/** `constats` as JSON.stringify writes it. */
export function constatsJsonInto(out: JsonBytes, constats: readonly Constat[]): void {
  out.ascii('[');
  for (let k = 0; k < constats.length; k++) {
    if (k > 0) out.ascii(',');
    const c = constats[k]!;
    const keys = c !== null && typeof c === 'object' && typeof (c as { toJSON?: unknown }).toJSON !== 'function' ? usualShape(c) : 0;
    if (keys > 0) constatInto(out, c, keys);
    else if (!jsonValueInto(out, c, k)) out.ascii('null');
  }
  out.ascii(']');
}
