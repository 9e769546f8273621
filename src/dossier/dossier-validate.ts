/**
 * The dossier schema (dossier-schema.ts) as plain code, for the errors: the same issues zod 4
 * reports with its French locale (code, path, message, in zod's order) and the same output, with no
 * zod in the graph (the engine must stay small in a browser). dossier-shape.ts is the fast path
 * for a valid dossier; this one runs when it refuses. zod stays the reference: dossier-validate.test.ts
 * compares the two on generated dossiers, valid and not.
 */
import { Rational } from '../exact/rational.js';
import { MAX_PREUVES_DEPTH, isCalendarDate, jsonDepth } from './dossier-values.js';

export interface SchemaIssue {
  code: 'invalid_type' | 'invalid_value' | 'too_big' | 'too_small' | 'invalid_format' | 'unrecognized_keys' | 'invalid_key' | 'invalid_union' | 'custom';
  path: (string | number)[];
  message: string;
  /** unrecognized_keys only. */
  keys?: string[];
  /** As zod's flag: true when the issue lets the checks after it run (it does not abort). */
  continue?: boolean;
}

interface Result {
  value: unknown;
  issues: SchemaIssue[];
}
type Check = (v: unknown) => Result;

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
function number(opts: { int?: boolean; min?: number; max?: number } = {}): Check {
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

function string(opts: { min?: number; max?: number } = {}): Check {
  return (v) => {
    if (typeof v !== 'string') return invalidType('string', v);
    const issues: SchemaIssue[] = [];
    const n = codePoints(v);
    if (opts.min !== undefined && n < opts.min) issues.push(tooSmall('chaîne de caractères', opts.min, 'caractères'));
    if (opts.max !== undefined && n > opts.max) issues.push(tooBig('chaîne de caractères', opts.max, 'caractères'));
    return { value: v, issues };
  };
}

const boolean: Check = (v) => (typeof v === 'boolean' ? ok(v) : invalidType('boolean', v));

function oneOf(values: readonly string[]): Check {
  const set = new Set<unknown>(values);
  const message = `Option invalide : une valeur parmi ${values.map((x) => `"${x}"`).join('|')} attendue`;
  return (v) => (set.has(v) ? ok(v) : fail({ code: 'invalid_value', message }));
}

/** A check that runs when nothing before it aborted (zod's `.refine`, `.regex`). */
function refine(inner: Check, test: (v: never) => boolean, message: string, code: SchemaIssue['code'] = 'custom'): Check {
  return (v) => {
    const r = inner(v);
    if (!aborted(r.issues) && !test(r.value as never)) r.issues.push({ code, path: [], message, continue: true });
    return r;
  };
}

function optional(inner: Check): Check & { optional: true } {
  return Object.assign((v: unknown) => (v === undefined ? ok(undefined) : inner(v)), { optional: true as const });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `z.object(shape)`, `.strict()` (rest: 'strict') or `.catchall(z.unknown())` (rest: 'keep'):
 * shape keys in order, then the other keys.
 */
function object(shape: Record<string, Check & { optional?: true }>, rest: 'strict' | 'keep'): Check {
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
function record(value: Check, key?: Check): Check {
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

function array(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return invalidType('array', v);
    const issues: SchemaIssue[] = [];
    const out = v.map((x, i) => {
      const r = item(x);
      issues.push(...prefix(i, r.issues));
      return r.value;
    });
    return { value: out, issues };
  };
}

/** `z.union`: the first option that passes; else the issues of the only option that did not abort, else `invalid_union`. */
function union(options: readonly Check[]): Check {
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

const fraction = number({ min: 0, max: 1 });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = refine(
  refine(string(), (t: string) => DATE.test(t), 'Date attendue au format AAAA-MM-JJ', 'invalid_format'),
  (t: string) => !DATE.test(t) || isCalendarDate(t),
  'Date inexistante, attendu une date du calendrier au format AAAA-MM-JJ (mois de 01 à 12, jour valide pour le mois)',
);
const sumIsOne = (t: { fait: number; programme: number; pas_fait: number }): boolean =>
  Rational.fromNumber(t.fait).add(Rational.fromNumber(t.programme)).add(Rational.fromNumber(t.pas_fait)).equals(Rational.ONE);

const statut = union([
  oneOf(['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne']),
  refine(object({ fait: fraction, programme: fraction, pas_fait: fraction }, 'strict'), sumIsOne, 'Fractions détaillées invalides : fait + programme + pas_fait doit valoir exactement 1'),
]);
const partenariat = object({ intitule: string(), date, multiActeurs: boolean, climatAirEnergie: boolean }, 'strict');
const preuves = refine(object({ partenariats: optional(array(partenariat)) }, 'keep'), (p: unknown) => jsonDepth(p) <= MAX_PREUVES_DEPTH, `Preuves trop imbriquées : au plus ${MAX_PREUVES_DEPTH} niveaux`);

const dossier = object(
  {
    $schema: optional(string()),
    referentiel: optional(string()),
    date: optional(date),
    collectivite: optional(
      object(
        {
          nom: optional(string()),
          type: optional(oneOf(['commune', 'EPCI', 'syndicat'])),
          population: optional(number({ int: true, min: 0, max: 1e9 })),
          localisation: optional(oneOf(['DOM', 'Metropole'])),
          dansAireUrbaine: optional(boolean),
        },
        'strict',
      ),
    ),
    labellisation: optional(object({ etoile: number({ int: true, min: 1, max: 5 }), date: optional(date) }, 'strict')),
    reponses: optional(record(union([oneOf(['OUI', 'NON']), boolean, string({ min: 1, max: 200 }), fraction]))),
    statuts: optional(record(statut)),
    preuves: optional(preuves),
    indicateurs: optional(
      record(
        object({ resultat: optional(number()), objectif: optional(number()), cible: optional(number()), limite: optional(number()) }, 'strict'),
        string({ min: 1, max: 200 }),
      ),
    ),
  },
  'strict',
);

/**
 * A parsed dossier → zod's output (`dossierSchema.parse`) or zod's issues, French messages. Pure.
 *
 * @example
 * const r = validateDossierSchema(JSON.parse(text));
 * if (!r.ok) for (const i of r.issues) console.log(i.path.join('.'), i.message);
 */
export function validateDossierSchema(raw: unknown): { ok: true; value: unknown } | { ok: false; issues: SchemaIssue[] } {
  const r = dossier(raw);
  return r.issues.length === 0 ? { ok: true, value: r.value } : { ok: false, issues: r.issues };
}
