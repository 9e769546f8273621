/**
 * Shared pieces of the fuzz properties (`test/fuzz/*.fuzz.test.ts`).
 *
 * Budget: every property runs `FUZZ_RUNS × weight` cases. `npm test` runs them with a small budget
 * (FUZZ_RUNS defaults to 200; CI sets 2000); `npm run fuzz` (scripts/fuzz.js) sets the budget for
 * 10⁶ cases in total and sums the cases actually run from the report lines written to FUZZ_REPORT.
 *
 * Inputs are mutations of real ones (the embedded référentiel and its evidence rules, the fixture
 * dossiers, and the TeT corpus when ../shared/tet is present, read at run time, never copied),
 * so the parsers are driven deep into their logic instead of failing on the first byte.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { EMBEDDED_DIR, PROJECT_DIR, hasCorpus, tet } from '../support/corpus.js';

export const FUZZ_RUNS = Math.max(1, Number.parseInt(process.env.FUZZ_RUNS ?? '', 10) || 200);

/** Runs a fast-check property with `FUZZ_RUNS × weight` cases and reports the count. */
export function fuzz<T>(name: string, weight: number, arb: fc.Arbitrary<T>, check: (value: T) => void): void {
  const numRuns = Math.max(1, Math.round(FUZZ_RUNS * weight));
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const started = performance.now();
  let runs = 0;
  fc.assert(
    fc.property(arb, (value) => {
      runs++;
      check(value);
    }),
    { numRuns, ...(seed !== undefined ? { seed } : {}) },
  );
  const report = process.env.FUZZ_REPORT;
  if (report) appendFileSync(report, `${JSON.stringify({ name, numRuns, runs, ms: Math.round(performance.now() - started) })}\n`);
}

/** Timeout for a vitest `it` running `weight × FUZZ_RUNS` cases at up to `msPerCase`. */
export const fuzzTimeout = (weight: number, msPerCase = 5): number => Math.max(60_000, FUZZ_RUNS * weight * msPerCase);

// ---------------------------------------------------------------------------------------------
// Seeds

export interface SeedFile {
  path: string;
  content: string;
}

export function readMd(dir: string, names?: readonly string[]): SeedFile[] {
  if (!existsSync(dir)) return [];
  const list = names ?? readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  return list.filter((n) => existsSync(join(dir, n))).map((n) => ({ path: n, content: readFileSync(join(dir, n), 'utf8') }));
}

/** Référentiels as sets of files: the embedded one, and (with the corpus) root + axe + one mesure. */
export function referentielSeeds(): SeedFile[][] {
  const seeds: SeedFile[][] = [readMd(join(EMBEDDED_DIR, 'cae'))];
  if (hasCorpus) {
    const dir = tet('referentiels', 'cae');
    for (const mesure of ['1.1.1.md', '3.2.1.md', '6.4.1.md', '2.2.4.md', '4.1.2.md']) {
      const axe = `${mesure.split('.')[0]}.md`;
      const files = readMd(dir, ['cae.md', axe, mesure]);
      if (files.length === 3) seeds.push(files);
    }
    const eci = readMd(tet('referentiels', 'eci'), ['eci.md', '1.md', '1.1.md']);
    if (eci.length > 0) seeds.push(eci);
  }
  return seeds;
}

export const corpusFiles = (kind: 'questions' | 'personnalisations' | 'preuves'): SeedFile[] => (hasCorpus ? readMd(tet(kind)) : []);

export function reglesPreuveSeeds(): SeedFile[] {
  return readMd(join(EMBEDDED_DIR, 'regles-preuve'));
}

export function dossierSeeds(): string[] {
  const dir = join(PROJECT_DIR, 'fixtures', 'dossiers');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => readFileSync(join(dir, n), 'utf8'));
}

/** Formulas in fenced ```formule blocks of Markdown files. */
export function formulesOf(files: readonly SeedFile[]): string[] {
  const out: string[] = [];
  for (const f of files) for (const m of f.content.matchAll(/```formule\n([\s\S]*?)\n```/g)) out.push(m[1]!);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** Fragments that matter to the parsers: Markdown and YAML syntax, keys, hostile keys and bytes. */
export const MARKDOWN_TOKENS = [
  '\n', '\n\n', '# ', '## ', '### ', '#### ', '##### ', '###### ', '####### ', '## Actions\n', '## Choix\n', '## Règles\n',
  '```', '```yaml\n', '```formule\n', '\n```\n', '~~~', '````', '---\n', '---', ': ', ':', '- ', '  ', '\t', '[', ']', '{', '}', '"', "'", ',',
  '&a ', '*a', '&b [*a,*a,*a,*a]', '<<: *a', '!!binary ', '!!js/function ', '? ', '|\n  ', '>\n  ', '%YAML 1.2\n', '...',
  'identifiant: ', 'identifiant: ""', 'identifiant: 6.1.1.9', 'identifiant: 1.10', 'points: ', 'points: -3', 'points: 1e400',
  'pourcentage: ', 'pourcentage: 150', 'categorie: ', 'categorie: constructor', 'referentiel: cae', 'referentiel: constructor',
  'climat_pratic_id: ', 'action_id: cae_6.1.1.3.5', 'action_ids: [cae_1.1.1]', 'actions: [constructor]', 'type: choix', 'types_concernes: [EPCI]',
  'preuve: partenariats', 'conditions: [__proto__]', 'periode: 4 ans', 'periode: 99999999999 ans', 'champ_date: constructor',
  '__proto__', '__proto__: {points: 9}', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  '## Description\n', '## Réduction de potentiel\n', '## Désactivation\n', '## Score réalisé\n', '## Seuil\n', '## Constructor\n', '## __proto__\n',
  '1.10', '6.1.1.9', '0', '-1', '1e400', '0.0000001', '9007199254740993', 'NaN', 'Infinity', '.5', '1/3',
  '<!--', '-->', '<!-- lint disable -->', '<pre>', '</pre>', '<div>', '\\', '`', '*', '_',
  '\r\n', '\r', '\u0000', '\uFFFD', '\uD800', '\uDC00', '\u200B', '\uFEFF', 'é', 'œ', '’', '😀',
  'si ', ' alors ', ' sinon ', ' et ', ' ou ', 'identite(type, commune)', 'reponse(dechets_1, OUI)', 'score(cae_1.1.1)', 'min(', 'max(', '(', ')',
];

export const JSON_TOKENS = [
  '{', '}', '[', ']', ',', ':', '"', '""', '\\', '\\u0000', '\\ud800', 'null', 'true', 'false', '0', '-0', '1', '-1', '0.5', '1.5', '1e400', '-1e-400',
  '9007199254740993', '0.1', '0.30000000000000004', '1e-7', '2500.5', ' ', '\n', '\t',
  '"__proto__"', '"constructor"', '"prototype"', '"toString"', '"__proto__": {}', '"constructor": {"prototype": {}}',
  '"fait"', '"programme"', '"pas_fait"', '"non_concerne"', '"non_renseigne"', '"fini"', '"FAIT"',
  '{"fait": 0.5, "programme": 0.25, "pas_fait": 0.25}', '{"fait": 1.5, "programme": -0.5, "pas_fait": 0}', '{"fait": 0.1, "programme": 0.2, "pas_fait": 0.7}',
  '"6.1.1.1.1"', '"cae_6.1.1.3.5"', '"6.1.1"', '"9.9.9"', '""', '"6.1.1.3.5"', '"statuts"', '"reponses"', '"preuves"', '"collectivite"',
  '"population"', '"type"', '"commune"', '"EPCI"', '"syndicat"', '"DOM"', '"date"', '"2026-06-30"', '"2024-02-30"', '"0000-00-00"', '"9999-99-99"',
  '"partenariats"', '"multiActeurs"', '"climatAirEnergie"', '"intitule"', '"OUI"', '"NON"', '"referentiel"', '"eci"',
  '\u0000', '\uFFFD', '\uD800', 'é', '😀', '/*', '*/', '//',
];

/** Values that name Object.prototype members, or are otherwise odd, put in place of a real value. */
export const HOSTILE_VALUES = [
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf',
  '""', "''", '[]', '{}', 'null', '~', '-1', '1e400', '.nan', '.inf', '0x10', '1_000', '01', '1.10', '"6"', '[constructor]', '{__proto__: 1}',
];

export type Mutation =
  | { op: 'insert'; at: number; token: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number }
  | { op: 'replace'; at: number; len: number; token: string }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'replaceLine'; line: number; token: string }
  | { op: 'hostileValue'; which: number; value: string }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; from: number; len: number };

export function mutationArb(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  const token = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });
  const at = fc.nat();
  const len = fc.nat({ max: 200 });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at, token }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at, len }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, len }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), at, len: fc.nat({ max: 20 }), token }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('replaceLine' as const), line: fc.nat(), token }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('hostileValue' as const), which: fc.nat(), value: fc.constantFrom(...HOSTILE_VALUES) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('splice' as const), at, from: fc.nat(), len }) },
  );
}

export function applyMutation(text: string, m: Mutation): string {
  const n = text.length;
  const pos = (x: number): number => (n === 0 ? 0 : x % (n + 1));
  switch (m.op) {
    case 'insert': {
      const p = pos(m.at);
      return text.slice(0, p) + m.token + text.slice(p);
    }
    case 'delete': {
      const p = pos(m.at);
      return text.slice(0, p) + text.slice(p + m.len);
    }
    case 'duplicate': {
      const p = pos(m.at);
      return text.slice(0, p + m.len) + text.slice(p, p + m.len) + text.slice(p + m.len);
    }
    case 'replace': {
      const p = pos(m.at);
      return text.slice(0, p) + m.token + text.slice(p + m.len);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'replaceLine': {
      const lines = text.split('\n');
      lines[m.line % lines.length] = m.token;
      return lines.join('\n');
    }
    case 'hostileValue': {
      // The value of the n-th `key: value` (YAML) or `"key": value` (JSON) in the text.
      const re = /^(\s*(?:"[^"\n]*"|[\w-]+)\s*:)[ \t]*([^\n]*)$/gm;
      const found = [...text.matchAll(re)];
      if (found.length === 0) return text;
      const f = found[m.which % found.length]!;
      const at = f.index + f[1]!.length;
      return `${text.slice(0, at)} ${m.value}${text.slice(f.index + f[0].length)}`;
    }
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'splice': {
      const p = pos(m.at);
      const f = pos(m.from);
      return text.slice(0, p) + text.slice(f, f + m.len) + text.slice(p);
    }
  }
}

export const applyMutations = (text: string, ms: readonly Mutation[]): string => ms.reduce(applyMutation, text);

/** A seed text with 1 to `max` mutations. */
export function mutatedText(seeds: readonly string[], tokens: readonly string[], max = 6): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutationArb(tokens), { minLength: 1, maxLength: max })).map(([s, ms]) => applyMutations(s, ms));
}

/** A set of files where one (or, rarely, two) is mutated. */
export function mutatedFiles(seeds: readonly (readonly SeedFile[])[], tokens: readonly string[]): fc.Arbitrary<SeedFile[]> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.array(mutationArb(tokens), { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 2 }))
    .map(([files, edits]) => {
      const out = files.map((f) => ({ ...f }));
      for (const [which, ms] of edits) {
        const f = out[which % out.length]!;
        f.content = applyMutations(f.content, ms);
      }
      return out;
    });
}

// ---------------------------------------------------------------------------------------------
// Invariants

/** Process warnings (yaml's emitWarning…) are noise on a user's terminal: none may be emitted. */
const processWarnings: string[] = [];
process.on('warning', (w) => processWarnings.push(`${w.name}: ${w.message}`));
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 10));
  const own = processWarnings.filter((w) => !/ExperimentalWarning|MaxListeners/.test(w));
  expect(own, 'avertissements du processus pendant le fuzz').toEqual([]);
});

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** No prototype was polluted by the case just run. */
export function expectNoPollution(): void {
  const keys = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
  if (keys !== PROTOTYPE_KEYS) throw new Error(`Object.prototype pollué : ${keys}`);
  if (Object.getPrototypeOf(Object.prototype) !== null) throw new Error('Object.prototype a reçu un prototype');
}

/** Diagnostics are well formed, and none is the parsers' safety net (a caught crash). */
export function expectSaneDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.code === 'erreur-interne') throw new Error(`erreur interne masquée : ${d.message}`);
    if (typeof d.code !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(d.code)) throw new Error(`code de diagnostic inattendu : ${String(d.code)}`);
    if (d.severity !== 'error' && d.severity !== 'warning' && d.severity !== 'info') throw new Error(`sévérité inattendue : ${String(d.severity)}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') throw new Error(`message vide pour ${d.code}`);
    if (d.position) {
      const { line, column } = d.position;
      if (!Number.isInteger(line) || line < 1 || !Number.isInteger(column) || column < 1) {
        throw new Error(`position invalide ${line}:${column} pour ${d.code}`);
      }
    }
  }
  expectNoPollution();
}

export { expect };
