/**
 * Checks of dossier values shared by the zod schema (dossier-schema.ts) and the compiled
 * validator (dossier-shape.ts), without zod.
 */
import { Rational } from '../exact/rational.js';

/**
 * True when the three fractions of a détaillé statut sum to exactly 1, each read as the decimal
 * it is written as (Rational.fromNumber: 0.1 + 0.2 + 0.7 sums to 1).
 */
export function sumsToOne(t: { fait: number; programme: number; pas_fait: number }): boolean {
  const a = micro(t.fait);
  const b = micro(t.programme);
  const c = micro(t.pas_fait);
  if (a !== null && b !== null && c !== null) return a + b + c === MICRO;
  return sumsToOneExact(t);
}

/** The reference of sumsToOne: exact arithmetic on every value. */
export function sumsToOneExact(t: { fait: number; programme: number; pas_fait: number }): boolean {
  return Rational.fromNumber(t.fait).add(Rational.fromNumber(t.programme)).add(Rational.fromNumber(t.pas_fait)).equals(Rational.ONE);
}

const MICRO = 1e6;

/**
 * `x` in millionths when it is the double nearest to j / 10⁶ for an integer j (|x| ≤ 1000): then
 * its shortest decimal (what Rational.fromNumber reads) is j / 10⁶ exactly, since any other
 * decimal of at most 6 places is 10⁻⁶ away, far beyond x's rounding error; null otherwise.
 */
function micro(x: number): number | null {
  if (!(x >= -1000 && x <= 1000)) return null;
  const j = Math.round(x * MICRO);
  return j / MICRO === x ? j : null;
}

/** True for a date that exists in the calendar (`2024-02-29` yes, `2026-02-30` and `2026-13-01` no). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Deepest nesting of a parsed JSON value, measured without recursion. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

/** Free-form evidence may not nest deeper than this (the rest of a dossier has a fixed shape). */
export const MAX_PREUVES_DEPTH = 32;
