/**
 * Counts the qualifying evidence of a dossier against an evidence rule. An item counts when every
 * condition field is `true` and its date lies in the window that ends on the dossier's date
 * (both ends included: a partnership dated exactly 4 years before the dossier's date counts; one
 * dated after it does not).
 */
import { Rational } from '../exact/rational.js';
import { evaluateFormule, type Reponse } from '../formule/evaluate.js';
import type { Identite } from '../identite/identite.js';
import type { Periode, RegleDePreuve } from './regle-preuve.js';

export interface ResultatPreuve {
  actionId: string;
  /** Qualifying items. */
  compte: number;
  /** Required count, from the rule's threshold formula. */
  seuil: Rational;
  rempli: boolean;
  /** The `intitule` (or index) of each counted item, for the explanation. */
  elements: string[];
  /** Window start (inclusive), `AAAA-MM-JJ`, or null without a period. */
  depuis: string | null;
  lu: string[];
  manquant: string[];
}

export interface ContextePreuve {
  /** The dossier's date, `AAAA-MM-JJ`. */
  date: string;
  preuves: Readonly<Record<string, unknown>>;
  identite: Identite;
  reponses: ReadonlyMap<string, Reponse>;
}

/** `date` minus a period, as `AAAA-MM-JJ` (ISO dates compare as strings). */
export function startOfWindow(date: string, periode: Periode): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) - (periode.unite === 'ans' ? periode.quantite * 12 : periode.quantite);
  const yy = Math.floor(months / 12);
  const mm = (months % 12) + 1;
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Null when the dossier gives no evidence list for the rule: then the rule says nothing. */
export function evaluateRegleDePreuve(regle: RegleDePreuve, ctx: ContextePreuve): ResultatPreuve | null {
  const items = Object.hasOwn(ctx.preuves, regle.preuve) ? ctx.preuves[regle.preuve] : undefined;
  if (!Array.isArray(items)) return null;
  const depuis = regle.periode ? startOfWindow(ctx.date, regle.periode) : null;
  const elements: string[] = [];
  items.forEach((item, index) => {
    if (item === null || typeof item !== 'object') return;
    const record = item as Record<string, unknown>;
    if (!regle.conditions.every((c) => record[c] === true)) return;
    const date = record[regle.champDate];
    if (typeof date !== 'string' || date > ctx.date || (depuis !== null && date < depuis)) return;
    elements.push(typeof record.intitule === 'string' ? record.intitule : `#${index + 1}`);
  });
  const seuilEval = evaluateFormule(regle.seuil.ast, { identite: ctx.identite, reponses: ctx.reponses });
  const seuil = seuilEval.value instanceof Rational ? seuilEval.value : null;
  if (seuil === null) return null;
  return {
    actionId: regle.actionId,
    compte: elements.length,
    seuil,
    rempli: Rational.of(elements.length).gte(seuil),
    elements,
    depuis,
    lu: seuilEval.reads,
    manquant: seuilEval.missing,
  };
}
