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
}

const templatesCache = new WeakMap<Referentiel, Templates>();

function templatesOf(referentiel: Referentiel): Templates {
  let t = templatesCache.get(referentiel);
  if (t) return t;
  const tree = flatTree(referentiel);
  t = { ids: tree.nodes.map((n) => n.id), key: [], head: [], taches: [] };
  for (let i = 0; i < tree.nodes.length; i++) {
    const key = `${JSON.stringify(tree.nodes[i]!.id)}:`;
    t.key.push(key);
    t.head.push(`${key}{"pointReferentiel":${pt(tree.points[i]!)},"pointPotentiel":`);
    t.taches.push(`,"totalTachesCount":${tree.leafCount[i]!},"completedTachesCount":`);
  }
  templatesCache.set(referentiel, t);
  return t;
}

/** One node's `"id":{…}`, from the columns; null when it must take the ordinary path. */
function nodeJson(c: ScoreColumns, t: Templates, i: number): string | null {
  const p = c.potentiel;
  const pUnits = p instanceof UnitColumn ? p.unitsAt(i) : Number.NaN;
  // A zero potentiel off the integer path (an override): the ordinary path.
  if (pUnits !== pUnits && p.sign(i) === 0) return null;
  const total = c.totalTaches[i]!;
  const completed = c.completedTaches(i);
  const completude = total === 0 ? '0' : (roundUnits(completed, total, RATIO_DECIMALS, RATIO_SCALE) ?? Rational.roundQuotient(Rational.of(completed), Rational.of(total), RATIO_DECIMALS));
  const ratios = pUnits === 0 ? tacheRatios(c, i, total, completed) : `"ratioFait":${ratioOver(c.fait, p, pUnits, i)},"ratioProgramme":${ratioOver(c.programme, p, pUnits, i)},"ratioPasFait":${ratioOver(c.pasFait, p, pUnits, i)},"ratioNonRenseigne":${ratioOver(c.nonRenseigne, p, pUnits, i)}`;
  if (ratios === null) return null;
  return `${t.head[i]}${point(p, i)},"pointPotentielPerso":${c.hasFacteur[i] ? pt(c.perso.at(i)) : null},"pointFait":${point(c.fait, i)},"pointProgramme":${point(c.programme, i)},"pointPasFait":${point(c.pasFait, i)},"pointNonRenseigne":${point(c.nonRenseigne, i)},"concerne":${c.isConcerne(i)},"desactive":${c.isDesactive(i)},"renseigne":${c.isRenseigne(i)}${t.taches[i]}${completed},"faitTachesAvancement":${point(c.faitTaches, i)},"programmeTachesAvancement":${point(c.programmeTaches, i)},"pasFaitTachesAvancement":${point(c.pasFaitTaches, i)},"pasConcerneTachesAvancement":${c.pasConcerneTaches(i)},${ratios},"completude":${completude}}`;
}

/** The four ratios of a node whose potentiel is zero: tâche counts over its tâches (scoreRatios). */
function tacheRatios(c: ScoreColumns, i: number, total: number, completed: number): string | null {
  if (total === 0) return '"ratioFait":0,"ratioProgramme":0,"ratioPasFait":0,"ratioNonRenseigne":0';
  const fait = tacheRatio(c.faitTaches, i, total);
  const programme = tacheRatio(c.programmeTaches, i, total);
  const pasFait = tacheRatio(c.pasFaitTaches, i, total);
  const nonRenseigne = total === completed ? '0' : roundUnits(total - completed, total, RATIO_DECIMALS, RATIO_SCALE);
  if (fait === null || programme === null || pasFait === null || nonRenseigne === null) return null;
  return `"ratioFait":${fait},"ratioProgramme":${programme},"ratioPasFait":${pasFait},"ratioNonRenseigne":${nonRenseigne}`;
}

/**
 * The members of the `scores` object (without its braces) for the nodes `indices` (flat-tree
 * order; every node when null), in chunks of at most `perChunk` nodes: small strings that die
 * young rather than one large string per dossier.
 */
export function* scoresJsonChunks(ev: Evaluation, indices: Int32Array | null, perChunk = 64): Generator<string> {
  const table = ev.result.scores;
  // The reference engine (integer overflow) has no columns: every node takes the ordinary path.
  const c = table.columns?.();
  const t = templatesOf(ev.referentiel);
  const indicatifs = ev.scoresIndicatifs;
  const count = indices ? indices.length : t.key.length;
  let chunk = '';
  let inChunk = 0;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k]! : k;
    let json = c === undefined || (indicatifs.size > 0 && indicatifs.has(t.ids[i]!)) ? null : nodeJson(c, t, i);
    if (json === null) {
      const s = table.at(i);
      json = `${t.key[i]}${JSON.stringify(indicatifs.has(s.actionId) ? actionScoreJsonOf(ev, s.actionId) : actionScoreToJson(s))}`;
    }
    chunk += k === 0 ? json : `,${json}`;
    if (++inChunk >= perChunk) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (chunk !== '') yield chunk;
}
