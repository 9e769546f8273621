/**
 * Small validators that report what zod 4 reports with its French locale (same issue codes, paths,
 * messages and order, same output), for the schemas the engine checks at run time: the dossier
 * (dossier-validate.ts), the compiled référentiel and the bundle. zod stays the source of the
 * types and of the published JSON Schemas; property tests compare each validator with its zod
 * schema. Here so that zod (100 KB minified) stays out of the engine's browser graph.
 */

export interface SchemaIssue {
  code: 'invalid_type' | 'invalid_value' | 'too_big' | 'too_small' | 'invalid_format' | 'unrecognized_keys' | 'invalid_key' | 'invalid_union' | 'custom';
  path: (string | number)[];
  message: string;
  /** unrecognized_keys only. */
  keys?: string[];
  /** As zod's flag: true when the issue lets the checks after it run (it does not abort). */
  continue?: boolean;
}

export interface Result {
  value: unknown;
  issues: SchemaIssue[];
}
export type Check = (v: unknown) => Result;

const TYPES: Record<string, string> = { string: 'chaîne de caractères', number: 'nombre', int: 'entier', boolean: 'booléen', bigint: 'grand entier', symbol: 'symbole', undefined: 'indéfini', null: 'null', array: 'tableau', object: 'objet', record: 'record', nan: 'NaN', function: 'fonction' };

/** zod's `util.parsedType`: what the message says was received. */
function received(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : 'number';
  if (typeof v === 'object') {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (Object.getPrototypeOf(v) !== Object.prototype && 'constructor' in v && v.constructor) return (v.constructor as { name: string }).name;
  }
  return typeof v;
}

const ok = (value: unknown): Result => ({ value, issues: [] });
const fail = (issue: Omit<SchemaIssue, 'path'>): Result => ({ value: undefined, issues: [{ ...issue, path: [] }] });
const aborted = (issues: readonly SchemaIssue[]): boolean => issues.some((i) => i.continue !== true);
const prefix = (key: string | number, issues: readonly SchemaIssue[]): SchemaIssue[] => issues.map((i) => ({ ...i, path: [key, ...i.path] }));

function invalidType(expected: string, v: unknown): Result {
  const got = received(v);
  return fail({ code: 'invalid_type', message: `Entrée invalide : ${TYPES[expected] ?? expected} attendu, ${TYPES[got] ?? got} reçu` });
}
const tooSmall = (what: string, min: number, unit = ''): SchemaIssue => ({ code: 'too_small', path: [], continue: true, message: unit ? `Trop petit : ${what} doit avoir >=${min} ${unit}` : `Trop petit : ${what} doit être >=${min}` });
const tooBig = (what: string, max: number, unit = ''): SchemaIssue => ({ code: 'too_big', path: [], continue: true, message: unit ? `Trop grand : ${what} doit avoir <=${max} ${unit}` : `Trop grand : ${what} doit être <=${max}` });

/** `z.number()` with its checks in order (`min`, `max`, `int` first when asked), as zod runs them. */
export function number(opts: { int?: boolean; min?: number; max?: number } = {}): Check {
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return invalidType('number', v);
    const issues: SchemaIssue[] = [];
    if (opts.int) {
      if (!Number.isInteger(v)) return { value: v, issues: [{ code: 'invalid_type', path: [], message: 'Entrée invalide : entier attendu, nombre reçu' }] };
      // Out of the safe range does not abort: the bounds are checked too.
      if (!Number.isSafeInteger(v)) issues.push(v > 0 ? tooBig('entier', Number.MAX_SAFE_INTEGER) : tooSmall('entier', Number.MIN_SAFE_INTEGER));
    }
    if (opts.min !== undefined && v < opts.min) issues.push(tooSmall('nombre', opts.min));
    if (opts.max !== undefined && v > opts.max) issues.push(tooBig('nombre', opts.max));
    return { value: v, issues };
  };
}

/** zod measures strings in code points. */
const codePoints = (s: string): number => (/[\uD800-\uDFFF]/.test(s) ? [...s].length : s.length);

/**
 * zod's length checks run on any value that has a length, even after a type error (`""` given for
 * an array is also too short).
 */
function lengthIssues(v: unknown, min: number | undefined, max: number | undefined): SchemaIssue[] {
  if (v === null || v === undefined || (v as { length?: unknown }).length === undefined) return [];
  const what = typeof v === 'string' ? 'chaîne de caractères' : Array.isArray(v) ? 'tableau' : 'valeur';
  const unit = typeof v === 'string' ? 'caractères' : Array.isArray(v) ? 'éléments' : '';
  const n = typeof v === 'string' ? codePoints(v) : Number((v as { length: unknown }).length);
  if (min !== undefined && n < min) return [tooSmall(what, min, unit)];
  if (max !== undefined && n > max) return [tooBig(what, max, unit)];
  return [];
}

export function string(opts: { min?: number; max?: number } = {}): Check {
  return (v) => {
    const r = typeof v === 'string' ? ok(v) : invalidType('string', v);
    r.issues.push(...lengthIssues(v, opts.min, opts.max));
    return r;
  };
}

export const boolean: Check = (v) => (typeof v === 'boolean' ? ok(v) : invalidType('boolean', v));

export function oneOf(values: readonly string[]): Check {
  const set = new Set<unknown>(values);
  const message = `Option invalide : une valeur parmi ${values.map((x) => `"${x}"`).join('|')} attendue`;
  return (v) => (set.has(v) ? ok(v) : fail({ code: 'invalid_value', message }));
}

/** A check that runs when nothing before it aborted (zod's `.refine`, `.regex`). */
export function refine(inner: Check, test: (v: never) => boolean, message: string, code: SchemaIssue['code'] = 'custom'): Check {
  return (v) => {
    const r = inner(v);
    if (!aborted(r.issues) && !test(r.value as never)) r.issues.push({ code, path: [], message, continue: true });
    return r;
  };
}

export function optional(inner: Check): Check & { optional: true } {
  return Object.assign((v: unknown) => (v === undefined ? ok(undefined) : inner(v)), { optional: true as const });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `z.object(shape)`, `.strict()` (rest: 'strict') or `.catchall(z.unknown())` (rest: 'keep'):
 * shape keys in order, then the other keys.
 */
export function object(shape: Record<string, Check & { optional?: true }>, rest: 'strict' | 'keep'): Check {
  return (v) => {
    if (!isObject(v)) return invalidType('object', v);
    const out: Record<string, unknown> = {};
    const issues: SchemaIssue[] = [];
    for (const key of Object.keys(shape)) {
      const present = key in v;
      const check = shape[key]!;
      if (!present && check.optional) continue;
      const r = check(v[key]);
      issues.push(...prefix(key, r.issues));
      if (r.value !== undefined) out[key] = r.value;
      else if (present) out[key] = undefined;
    }
    const unrecognized: string[] = [];
    for (const key in v) {
      if (Object.hasOwn(shape, key)) continue;
      if (rest === 'strict') unrecognized.push(key);
      else if (key !== '__proto__') out[key] = v[key];
    }
    if (unrecognized.length > 0) {
      const s = unrecognized.length > 1 ? 's' : '';
      issues.push({ code: 'unrecognized_keys', path: [], keys: unrecognized, continue: true, message: `Clé${s} non reconnue${s} : ${unrecognized.map((k) => `"${k}"`).join(', ')}` });
    }
    return { value: out, issues };
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const ctor = (v as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}

/** `z.record(key, value)`: every own enumerable key, a key refused being `invalid_key`. */
export function record(value: Check, key?: Check): Check {
  return (v) => {
    if (!isPlainObject(v)) return invalidType('record', v);
    const out: Record<string, unknown> = {};
    const issues: SchemaIssue[] = [];
    for (const k of Object.keys(v)) {
      if (k === '__proto__') continue;
      if (key && key(k).issues.length > 0) {
        issues.push({ code: 'invalid_key', path: [k], message: 'Clé invalide dans record' });
        continue;
      }
      const r = value(v[k]);
      issues.push(...prefix(k, r.issues));
      out[k] = r.value;
    }
    return { value: out, issues };
  };
}

export function array(item: Check, opts: { min?: number } = {}): Check {
  return (v) => {
    if (!Array.isArray(v)) {
      const r = invalidType('array', v);
      r.issues.push(...lengthIssues(v, opts.min, undefined));
      return r;
    }
    const issues: SchemaIssue[] = [];
    const out = v.map((x, i) => {
      const r = item(x);
      issues.push(...prefix(i, r.issues));
      return r.value;
    });
    issues.push(...lengthIssues(v, opts.min, undefined));
    return { value: out, issues };
  };
}

export function literal(value: string): Check {
  const message = `Entrée invalide : "${value}" attendu`;
  return (v) => (v === value ? ok(v) : fail({ code: 'invalid_value', message }));
}

export const nullable = (inner: Check): Check => (v) => (v === null ? ok(null) : inner(v));

export const unknown: Check = ok;

/** `z.string().regex(pattern, message?)`. */
export function regex(inner: Check, pattern: RegExp, message = `Chaîne de caractères invalide : doit correspondre au motif ${pattern.toString()}`): Check {
  return refine(inner, (t: string) => pattern.test(t), message, 'invalid_format');
}

/** `z.union`: the first option that passes; else the issues of the only option that did not abort, else `invalid_union`. */
export function union(options: readonly Check[]): Check {
  return (v) => {
    const results: Result[] = [];
    for (const o of options) {
      const r = o(v);
      if (r.issues.length === 0) return r;
      results.push(r);
    }
    const live = results.filter((r) => !aborted(r.issues));
    if (live.length === 1) return live[0]!;
    return fail({ code: 'invalid_union', message: 'Entrée invalide' });
  };
}

