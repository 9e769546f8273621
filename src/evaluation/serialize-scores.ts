/**
 * The `scores` map of the evaluation document written straight from the engine's columns: the
 * same text as `JSON.stringify(actionScoreToJson(score))` per node, without building an
 * ActionScore, its Rationals or a JSON object (a CAE line is 1,471 nodes of 21 fields). Key
 * names and per-node constants (id, référentiel points, tâche count) are written once per
 * référentiel; integer-path values are rounded with integer arithmetic, exactly as
 * `Rational.round`; a zero potentiel's ratios come from tâche counts as in scoreRatios; any
 * other value (a score override) takes the ordinary path.
 */
import { Rational } from '../exact/rational.js';
import type { Referentiel } from '../referentiel/model.js';
import { type ExactColumn, UnitColumn } from '../score/exact-column.js';
import { flatTree } from '../score/flat-tree.js';
import { POINT_DECIMALS, RATIO_DECIMALS, actionScoreToJson, pt } from '../score/score-json.js';
import type { ScoreColumns } from '../score/score-table.js';
import type { Evaluation } from './evaluate-dossier.js';
import { actionScoreJsonOf } from './evaluation-to-json.js';
import { type JsonBytes, MAX_NUMBER_BYTES, asciiAt, copyAt, decimalAt, integerAt, utf8 } from './json-bytes.js';

const POINT_SCALE = 10 ** POINT_DECIMALS;
const RATIO_SCALE = 10 ** RATIO_DECIMALS;
const MAX = Number.MAX_SAFE_INTEGER;

/**
 * n ÷ d rounded to `decimals` places, half away from zero (Rational.round's fast path), as
 * integer units of 10^-decimals; NaN when a product is not a safe integer.
 */
function roundedUnits(n: number, d: number, scale: number): number {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const a = 2 * Math.abs(n) * scale + d;
  const b = 2 * d;
  if (!(a <= MAX && b <= MAX)) return Number.NaN;
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return n < 0 ? -q : q;
}

/** roundedUnits as the text JSON.stringify gives the rounded number; null off safe integers. */
function roundUnits(n: number, d: number, decimals: number, scale: number): string | null {
  const q = roundedUnits(n, d, scale);
  return q === q ? decimalText(q, decimals, scale) : null;
}

/** n ÷ d rounded to 3 or 4 decimals as JSON text, or null beyond safe integers (exported for its test). */
export function roundedText(n: number, d: number, decimals: 3 | 4): string | null {
  return roundUnits(n, d, decimals, 10 ** decimals);
}

const ZEROS = ['', '0', '00', '000', '0000'];

/**
 * q ÷ 10^decimals as JavaScript prints that number: below 10^15 significant digits the shortest
 * text that reads back as the same double is the decimal itself, trailing zeros removed; integer
 * formatting is several times cheaper than printing a double. Beyond that, the double is printed.
 */
function decimalText(q: number, decimals: number, scale: number): string {
  if (q === 0) return '0';
  const abs = q < 0 ? -q : q;
  if (abs >= 1e15) return String(q / scale + 0);
  const whole = Math.floor(abs / scale);
  let frac = abs - whole * scale;
  const sign = q < 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  let digits = decimals;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  const text = String(frac);
  return `${sign}${whole}.${ZEROS[digits - text.length]}${text}`;
}

/** Node i of a column as a JSON point (3 decimals). */
function point(col: ExactColumn, i: number): string | number {
  if (col instanceof UnitColumn) {
    const u = col.unitsAt(i);
    if (u === 0) return '0';
    if (u === u) {
      const r = roundUnits(u, col.denominator, POINT_DECIMALS, POINT_SCALE);
      if (r !== null) return r;
    }
  }
  return pt(col.at(i));
}

/** x ÷ p of node i rounded to 4 decimals, p not zero; 0 when x is zero (as actionScoreToJson). */
function ratioOver(x: ExactColumn, p: ExactColumn, pUnits: number, i: number): string | number {
  if (x instanceof UnitColumn && p instanceof UnitColumn && x.denominator === p.denominator) {
    const u = x.unitsAt(i);
    if (u === 0) return '0';
    if (u === u && pUnits === pUnits) {
      const r = roundUnits(u, pUnits, RATIO_DECIMALS, RATIO_SCALE);
      if (r !== null) return r;
    }
  }
  const xv = x.at(i);
  return xv.isZero() ? 0 : Rational.roundQuotient(xv, p.at(i), RATIO_DECIMALS);
}

/**
 * x of node i ÷ `total` tâches, rounded to 4 decimals: the ratios of a node whose potentiel is
 * zero (scoreRatios); null off the integer path.
 */
function tacheRatio(x: ExactColumn, i: number, total: number): string | null {
  if (!(x instanceof UnitColumn)) return null;
  const u = x.unitsAt(i);
  if (u === 0) return '0';
  const d = x.denominator * total;
  if (u !== u || !(d <= MAX)) return null;
  return roundUnits(u, d, RATIO_DECIMALS, RATIO_SCALE);
}

interface Templates {
  ids: string[];
  /** `"id":` per node. */
  key: string[];
  /** `"id":{"pointReferentiel":R,"pointPotentiel":` per node. */
  head: string[];
  /** `,"totalTachesCount":T,"completedTachesCount":` per node. */
  taches: string[];
  /** head and taches as UTF-8 bytes (scoresJsonInto). */
  headBytes: Uint8Array[];
  tachesBytes: Uint8Array[];
  /** flagsOf's templates, by node and value of the booleans. */
  flags: (Uint8Array | undefined)[];
  /** The most bytes a node's `"id":{…}` takes on the fast path (its room is checked once). */
  maxBytes: number[];
}

const templatesCache = new WeakMap<Referentiel, Templates>();

function templatesOf(referentiel: Referentiel): Templates {
  let t = templatesCache.get(referentiel);
  if (t) return t;
  const tree = flatTree(referentiel);
  t = { ids: tree.nodes.map((n) => n.id), key: [], head: [], taches: [], headBytes: [], tachesBytes: [], flags: [], maxBytes: [] };
  for (let i = 0; i < tree.nodes.length; i++) {
    const key = `${JSON.stringify(tree.nodes[i]!.id)}:`;
    t.key.push(key);
    t.head.push(`${key}{"pointReferentiel":${pt(tree.points[i]!)},"pointPotentiel":`);
    t.taches.push(`,"totalTachesCount":${tree.leafCount[i]!},"completedTachesCount":`);
    t.headBytes.push(utf8(t.head[i]!));
    t.tachesBytes.push(utf8(t.taches[i]!));
    t.maxBytes.push(t.headBytes[i]!.length + t.tachesBytes[i]!.length + 16 + KEYS_LENGTH + KEYS.length * MAX_NUMBER_BYTES + 2);
  }
  templatesCache.set(referentiel, t);
  return t;
}

/**
 * The text before each of a node's values after its head; index 9 is the node's own `taches`
 * template (null here).
 */
const KEYS: readonly (string | null)[] = [
  '',
  ',"pointPotentielPerso":',
  ',"pointFait":',
  ',"pointProgramme":',
  ',"pointPasFait":',
  ',"pointNonRenseigne":',
  ',"concerne":',
  ',"desactive":',
  ',"renseigne":',
  null,
  ',"faitTachesAvancement":',
  ',"programmeTachesAvancement":',
  ',"pasFaitTachesAvancement":',
  ',"pasConcerneTachesAvancement":',
  ',"ratioFait":',
  ',"ratioProgramme":',
  ',"ratioPasFait":',
  ',"ratioNonRenseigne":',
  ',"completude":',
];
const KEY_BYTES = KEYS.map((k) => utf8(k ?? ''));
const KEYS_LENGTH = KEY_BYTES.reduce((n, k) => n + k.length, 0);
type Value = string | number | boolean | null;
/** A node's values, in KEYS order: one array reused for every node. */
const values: Value[] = new Array<Value>(KEYS.length).fill(null);

/** Node i's values into `values`, from the columns; false when it must take the ordinary path. */
function nodeValues(c: ScoreColumns, i: number): boolean {
  const p = c.potentiel;
  const pUnits = p instanceof UnitColumn ? p.unitsAt(i) : Number.NaN;
  // A zero potentiel off the integer path (an override): the ordinary path.
  if (pUnits !== pUnits && p.sign(i) === 0) return false;
  const total = c.totalTaches[i]!;
  const completed = c.completedTaches(i);
  const v = values;
  if (pUnits === 0) {
    if (!tacheRatios(c, i, total, completed)) return false;
  } else {
    v[14] = ratioOver(c.fait, p, pUnits, i);
    v[15] = ratioOver(c.programme, p, pUnits, i);
    v[16] = ratioOver(c.pasFait, p, pUnits, i);
    v[17] = ratioOver(c.nonRenseigne, p, pUnits, i);
  }
  v[0] = point(p, i);
  v[1] = c.hasFacteur[i] ? pt(c.perso.at(i)) : null;
  v[2] = point(c.fait, i);
  v[3] = point(c.programme, i);
  v[4] = point(c.pasFait, i);
  v[5] = point(c.nonRenseigne, i);
  v[6] = c.isConcerne(i);
  v[7] = c.isDesactive(i);
  v[8] = c.isRenseigne(i);
  v[9] = completed;
  v[10] = point(c.faitTaches, i);
  v[11] = point(c.programmeTaches, i);
  v[12] = point(c.pasFaitTaches, i);
  v[13] = c.pasConcerneTaches(i);
  v[18] = total === 0 ? '0' : (roundUnits(completed, total, RATIO_DECIMALS, RATIO_SCALE) ?? Rational.roundQuotient(Rational.of(completed), Rational.of(total), RATIO_DECIMALS));
  return true;
}

/** The four ratios of a node whose potentiel is zero: tâche counts over its tâches (scoreRatios). */
function tacheRatios(c: ScoreColumns, i: number, total: number, completed: number): boolean {
  const v = values;
  if (total === 0) {
    v[14] = v[15] = v[16] = v[17] = '0';
    return true;
  }
  v[14] = tacheRatio(c.faitTaches, i, total);
  v[15] = tacheRatio(c.programmeTaches, i, total);
  v[16] = tacheRatio(c.pasFaitTaches, i, total);
  v[17] = total === completed ? '0' : roundUnits(total - completed, total, RATIO_DECIMALS, RATIO_SCALE);
  return v[14] !== null && v[15] !== null && v[16] !== null && v[17] !== null;
}

/** One node's `"id":{…}`, from the columns; null when it must take the ordinary path. */
function nodeJson(c: ScoreColumns, t: Templates, i: number): string | null {
  if (!nodeValues(c, i)) return null;
  let s = t.head[i]!;
  for (let f = 0; f < KEYS.length; f++) s += `${KEYS[f] ?? t.taches[i]}${values[f]}`;
  return `${s}}`;
}

/**
 * Node i of a column (its units `u`, unitsOf) as a JSON point at `at` of `b`, followed by the key
 * of field f + 1 (a zero and that key in one copy); returns the end.
 */
function pointAt(b: Uint8Array, at: number, col: ExactColumn, u: number, i: number, f: number): number {
  if (col instanceof UnitColumn) {
    if (u === 0) return copyAt(b, at, ZERO_AFTER[f]!);
    if (u === u) {
      const q = roundedUnits(u, col.denominator, POINT_SCALE);
      if (q === q) return copyAt(b, decimalAt(b, at, q, POINT_DECIMALS), AFTER[f]!);
    }
  }
  return copyAt(b, asciiAt(b, at, String(pt(col.at(i)))), AFTER[f]!);
}

/** Node i's count of units in a column; NaN when not on the integer path. */
function unitsOf(col: ExactColumn, i: number): number {
  return col instanceof UnitColumn ? col.unitsAt(i) : Number.NaN;
}

/** ratioOver at `at` of `b`, followed by the key of field f + 1; returns the end. */
function ratioAt(b: Uint8Array, at: number, x: ExactColumn, u: number, p: ExactColumn, pUnits: number, i: number, f: number): number {
  if (x instanceof UnitColumn && p instanceof UnitColumn && x.denominator === p.denominator) {
    if (u === 0) return copyAt(b, at, ZERO_AFTER[f]!);
    if (u === u && pUnits === pUnits) {
      const q = roundedUnits(u, pUnits, RATIO_SCALE);
      if (q === q) return copyAt(b, decimalAt(b, at, q, RATIO_DECIMALS), AFTER[f]!);
    }
  }
  const xv = x.at(i);
  return copyAt(b, asciiAt(b, at, String(xv.isZero() ? 0 : Rational.roundQuotient(xv, p.at(i), RATIO_DECIMALS))), AFTER[f]!);
}

/** tacheRatio at `at` of `b`, followed by the key of field f + 1; -1 off the integer path. */
function tacheRatioAt(b: Uint8Array, at: number, x: ExactColumn, i: number, total: number, f: number): number {
  if (!(x instanceof UnitColumn)) return -1;
  const u = x.unitsAt(i);
  if (u === 0) return copyAt(b, at, ZERO_AFTER[f]!);
  const d = x.denominator * total;
  if (u !== u || !(d <= MAX)) return -1;
  const q = roundedUnits(u, d, RATIO_SCALE);
  return q === q ? copyAt(b, decimalAt(b, at, q, RATIO_DECIMALS), AFTER[f]!) : -1;
}

/**
 * What follows field f's value: the next key (none after pointNonRenseigne, whose booleans and
 * tâche counts are the node's `flags` template), and the same after a zero.
 */
const AFTER = KEYS.map((_, f) => utf8(f === 5 || f === 8 || f === 9 || f + 1 >= KEYS.length ? '' : KEYS[f + 1]!));
const ZERO_AFTER = AFTER.map((a) => utf8(`0${new TextDecoder().decode(a)}`));
/**
 * Zeros of fields f, f + 1, … each followed by the next key, in one copy: ZERO_RUNS[f][n] for n
 * fields (a tâche not renseignée has runs of zeros in points and ratios alike).
 */
const ZERO_RUNS = KEYS.map((_, f) => {
  const runs: Uint8Array[] = [new Uint8Array(0)];
  let text = '';
  for (let g = f; g < Math.min(f + 4, KEYS.length); g++) {
    text += new TextDecoder().decode(ZERO_AFTER[g]);
    runs.push(utf8(text));
  }
  return runs;
});

/** The columns of a line's values in groups written in a row (points, tâche points). */
interface Groups {
  points: readonly ExactColumn[];
  taches: readonly ExactColumn[];
}

/** Units of a group's values for the node being written (one array reused). */
const groupUnits = new Float64Array(4);

/**
 * The values of `cols` (units in groupUnits) for fields f0… at `at`, each followed by its next
 * key, runs of zeros in one copy; returns the end. Points, or with `p` the ratios over p (a zero
 * count is a zero ratio).
 */
function valuesAt(b: Uint8Array, at: number, cols: readonly ExactColumn[], i: number, f0: number, p: ExactColumn | null = null, pUnits = 0): number {
  const u = groupUnits;
  const n = cols.length;
  for (let k = 0; k < n; ) {
    if (u[k] === 0) {
      let g = k + 1;
      while (g < n && u[g] === 0) g++;
      at = copyAt(b, at, ZERO_RUNS[f0 + k]![g - k]!);
      k = g;
    } else {
      at = p === null ? pointAt(b, at, cols[k]!, u[k]!, i, f0 + k) : ratioAt(b, at, cols[k]!, u[k]!, p, pUnits, i, f0 + k);
      k++;
    }
  }
  return at;
}
const NULL_PERSO = utf8(`null${KEYS[2]}`);
const FLAGS_KEYS = [KEYS[6], KEYS[7], KEYS[8]] as const;

/**
 * `,"concerne":X,"desactive":Y,"renseigne":Z` and the node's tâche counts template, for the eight
 * values of the three booleans (bit 2 concerne, 1 desactive, 0 renseigne), built when first met.
 */
function flagsOf(t: Templates, i: number, v: number): Uint8Array {
  const k = i * 8 + v;
  let x = t.flags[k];
  if (x === undefined) {
    x = utf8(`${FLAGS_KEYS[0]}${(v & 4) !== 0}${FLAGS_KEYS[1]}${(v & 2) !== 0}${FLAGS_KEYS[2]}${(v & 1) !== 0}${t.taches[i]}`);
    t.flags[k] = x;
  }
  return x;
}

/**
 * nodeJson's bytes into `out`, each value written as digits from its integer units (no string
 * per number), keys copied with the value before them when it is a zero or a boolean, after one
 * check of room for the node; false (nothing written) when it must take the ordinary path.
 */
function nodeInto(out: JsonBytes, c: ScoreColumns, g: Groups, t: Templates, i: number, comma: boolean): boolean {
  const p = c.potentiel;
  const pUnits = p instanceof UnitColumn ? p.unitsAt(i) : Number.NaN;
  // A zero potentiel off the integer path (an override): the ordinary path.
  if (pUnits !== pUnits && p.sign(i) === 0) return false;
  const total = c.totalTaches[i]!;
  const completed = c.completedTaches(i);
  const u = groupUnits;
  // Each column's units read once, for its point and its ratio.
  const fait = (u[0] = unitsOf(c.fait, i));
  const programme = (u[1] = unitsOf(c.programme, i));
  const pasFait = (u[2] = unitsOf(c.pasFait, i));
  const nonRenseigne = (u[3] = unitsOf(c.nonRenseigne, i));
  const b = out.reserve(t.maxBytes[i]!);
  let at = out.length;
  if (comma) b[at++] = 44; // ,
  at = copyAt(b, at, t.headBytes[i]!);
  at = pointAt(b, at, p, pUnits, i, 0);
  at = c.hasFacteur[i] ? copyAt(b, asciiAt(b, at, String(pt(c.perso.at(i)))), AFTER[1]!) : copyAt(b, at, NULL_PERSO);
  at = valuesAt(b, at, g.points, i, 2);
  at = copyAt(b, at, flagsOf(t, i, (c.isConcerne(i) ? 4 : 0) | (c.isDesactive(i) ? 2 : 0) | (c.isRenseigne(i) ? 1 : 0)));
  at = copyAt(b, integerAt(b, at, completed), KEY_BYTES[10]!);
  u[0] = unitsOf(c.faitTaches, i);
  u[1] = unitsOf(c.programmeTaches, i);
  u[2] = unitsOf(c.pasFaitTaches, i);
  at = valuesAt(b, at, g.taches, i, 10);
  at = copyAt(b, integerAt(b, at, c.pasConcerneTaches(i)), KEY_BYTES[14]!);
  if (pUnits === 0) at = tacheRatiosAt(b, at, c, i, total, completed);
  else {
    u[0] = fait;
    u[1] = programme;
    u[2] = pasFait;
    u[3] = nonRenseigne;
    at = valuesAt(b, at, g.points, i, 14, p, pUnits);
  }
  // Off the integer path: nothing was kept (length not moved), the ordinary path writes the node.
  if (at < 0) return false;
  if (total === 0) b[at++] = 48;
  else {
    const q = roundedUnits(completed, total, RATIO_SCALE);
    at = q === q ? decimalAt(b, at, q, RATIO_DECIMALS) : asciiAt(b, at, String(Rational.roundQuotient(Rational.of(completed), Rational.of(total), RATIO_DECIMALS)));
  }
  b[at++] = 125; // }
  out.length = at;
  return true;
}

/** tacheRatios at `at` (each ratio followed by the next key); -1 off the integer path. */
function tacheRatiosAt(b: Uint8Array, at: number, c: ScoreColumns, i: number, total: number, completed: number): number {
  if (total === 0) {
    for (let f = 14; f <= 17; f++) at = copyAt(b, at, ZERO_AFTER[f]!);
    return at;
  }
  at = tacheRatioAt(b, at, c.faitTaches, i, total, 14);
  if (at < 0) return -1;
  at = tacheRatioAt(b, at, c.programmeTaches, i, total, 15);
  if (at < 0) return -1;
  at = tacheRatioAt(b, at, c.pasFaitTaches, i, total, 16);
  if (at < 0) return -1;
  if (total === completed) return copyAt(b, at, ZERO_AFTER[17]!);
  const q = roundedUnits(total - completed, total, RATIO_SCALE);
  return q === q ? copyAt(b, decimalAt(b, at, q, RATIO_DECIMALS), AFTER[17]!) : -1;
}

/** A node's `"id":{…}` by the ordinary path (no columns, an indicative score, an override). */
function ordinaryNodeJson(ev: Evaluation, t: Templates, i: number): string {
  const s = ev.result.scores.at(i);
  return `${t.key[i]}${JSON.stringify(ev.scoresIndicatifs.has(s.actionId) ? actionScoreJsonOf(ev, s.actionId) : actionScoreToJson(s))}`;
}

/**
 * The members of the `scores` object (without its braces) for the nodes `indices` (flat-tree
 * order; every node when null), in chunks of at most `perChunk` nodes: small strings that die
 * young rather than one large string per dossier.
 */
export function* scoresJsonChunks(ev: Evaluation, indices: Int32Array | null, perChunk = 64): Generator<string> {
  // The reference engine (integer overflow) has no columns: every node takes the ordinary path.
  const c = ev.result.scores.columns?.();
  const t = templatesOf(ev.referentiel);
  const indicatifs = ev.scoresIndicatifs;
  const count = indices ? indices.length : t.key.length;
  let chunk = '';
  let inChunk = 0;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k]! : k;
    const json = (c === undefined || (indicatifs.size > 0 && indicatifs.has(t.ids[i]!)) ? null : nodeJson(c, t, i)) ?? ordinaryNodeJson(ev, t, i);
    chunk += k === 0 ? json : `,${json}`;
    if (++inChunk >= perChunk) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

const COMMA = utf8(',');

/** scoresJsonChunks' text as bytes, into `out`. */
export function scoresJsonInto(out: JsonBytes, ev: Evaluation, indices: Int32Array | null): void {
  const c = ev.result.scores.columns?.();
  const t = templatesOf(ev.referentiel);
  const indicatifs = ev.scoresIndicatifs;
  const count = indices ? indices.length : t.key.length;
  const g: Groups | null = c ? { points: [c.fait, c.programme, c.pasFait, c.nonRenseigne], taches: [c.faitTaches, c.programmeTaches, c.pasFaitTaches] } : null;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k]! : k;
    if (c !== undefined && !(indicatifs.size > 0 && indicatifs.has(t.ids[i]!)) && nodeInto(out, c, g!, t, i, k > 0)) continue;
    if (k > 0) out.bytes(COMMA);
    out.text(ordinaryNodeJson(ev, t, i));
  }
}
