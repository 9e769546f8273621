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
import { JsonBytes, utf8 } from './json-bytes.js';

const POINT_SCALE = 10 ** POINT_DECIMALS;
const RATIO_SCALE = 10 ** RATIO_DECIMALS;
const MAX = Number.MAX_SAFE_INTEGER;

/**
 * n ÷ d rounded to `decimals` places, half away from zero (Rational.round's fast path), as the
 * text JSON.stringify gives the rounded number; null when a product is not a safe integer.
 */
function roundUnits(n: number, d: number, decimals: number, scale: number): string | null {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const a = 2 * Math.abs(n) * scale + d;
  const b = 2 * d;
  if (!(a <= MAX && b <= MAX)) return null;
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return decimalText(n < 0 ? -q : q, decimals, scale);
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
}

const templatesCache = new WeakMap<Referentiel, Templates>();

function templatesOf(referentiel: Referentiel): Templates {
  let t = templatesCache.get(referentiel);
  if (t) return t;
  const tree = flatTree(referentiel);
  t = { ids: tree.nodes.map((n) => n.id), key: [], head: [], taches: [], headBytes: [], tachesBytes: [] };
  for (let i = 0; i < tree.nodes.length; i++) {
    const key = `${JSON.stringify(tree.nodes[i]!.id)}:`;
    t.key.push(key);
    t.head.push(`${key}{"pointReferentiel":${pt(tree.points[i]!)},"pointPotentiel":`);
    t.taches.push(`,"totalTachesCount":${tree.leafCount[i]!},"completedTachesCount":`);
    t.headBytes.push(utf8(t.head[i]!));
    t.tachesBytes.push(utf8(t.taches[i]!));
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
const CLOSE = utf8('}');
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

/** nodeJson's bytes into `out`; false (nothing written) when it must take the ordinary path. */
function nodeInto(out: JsonBytes, c: ScoreColumns, t: Templates, i: number): boolean {
  if (!nodeValues(c, i)) return false;
  out.bytes(t.headBytes[i]!);
  for (let f = 0; f < KEYS.length; f++) {
    out.bytes(f === 9 ? t.tachesBytes[i]! : KEY_BYTES[f]!);
    // Numbers, booleans and null, or the decimal text of a rounded number: ASCII.
    out.ascii(String(values[f]));
  }
  out.bytes(CLOSE);
  return true;
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
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k]! : k;
    if (k > 0) out.bytes(COMMA);
    if (c !== undefined && !(indicatifs.size > 0 && indicatifs.has(t.ids[i]!)) && nodeInto(out, c, t, i)) continue;
    out.text(ordinaryNodeJson(ev, t, i));
  }
}
