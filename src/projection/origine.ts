/**
 * The CAE/ECI actions a TE action comes from (HEAD's `actionsOrigine`): read from the TE Markdown
 * (`origine:` YAML key, kept in the node's `extra` by the parser) or from a CSV `Origine` cell
 * (`Cae_1.1.1.1 (1) | Cae_1.1.1.5 (0,5)`). A cell that is free text (`Nouvelle action`) names no
 * origin.
 */
import { Rational } from '../exact/rational.js';
import { readOrigine } from '../import/structure.js';
import type { ActionNode } from '../referentiel/model.js';

export interface OrigineRef {
  /** `cae` or `eci` (the prefix of the action id). */
  referentiel: string;
  /** `cae_1.1.1.1`. */
  actionId: string;
  /** HEAD's `ponderation`; null when the source gives none. */
  ponderation: Rational | null;
}

/** What one TE action says of its origins: a list, free text, or nothing. */
export type Origines = { kind: 'liste'; origines: OrigineRef[] } | { kind: 'texte'; texte: string } | { kind: 'aucune' };

function ref(action: string, poids: Rational | null): OrigineRef {
  const actionId = action.toLowerCase().startsWith('cae_') || action.toLowerCase().startsWith('eci_') ? action.slice(0, 4).toLowerCase() + action.slice(4) : action;
  return { referentiel: actionId.split('_')[0]!, actionId, ponderation: poids };
}

/** Parses a CSV `Origine` cell, `Cae_1.1.1.1 (1) | Eci_2.1 (0,5)` (one per line also reads). */
export function parseOrigineCell(text: string): Origines {
  const read = readOrigine(text.trim());
  if (read === null) return { kind: 'aucune' };
  if (typeof read === 'string') return { kind: 'texte', texte: read };
  return { kind: 'liste', origines: read.map((o) => ref(o.action, o.poids === null ? null : Rational.parseDecimal(o.poids))) };
}

function poidsOf(value: unknown): Rational | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Rational.parseDecimal(String(value)) ?? Rational.fromNumber(value);
  if (typeof value === 'string') return Rational.parseDecimal(value.replace(',', '.'));
  return null;
}

/** The origins of a TE action as the Markdown holds them (`origine:` list of `{ action, poids }`). */
export function originesOfNode(node: ActionNode): Origines {
  const raw = node.extra['origine'];
  if (raw === undefined || raw === null || raw === '') return { kind: 'aucune' };
  if (typeof raw === 'string') return parseOrigineCell(raw);
  if (!Array.isArray(raw)) return { kind: 'aucune' };
  const origines: OrigineRef[] = [];
  for (const item of raw) {
    if (typeof item === 'string') {
      const parsed = parseOrigineCell(item);
      if (parsed.kind === 'liste') origines.push(...parsed.origines);
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const action = (item as Record<string, unknown>)['action'];
    if (typeof action !== 'string' || action === '') continue;
    origines.push(ref(action, poidsOf((item as Record<string, unknown>)['poids'])));
  }
  return origines.length > 0 ? { kind: 'liste', origines } : { kind: 'aucune' };
}

/** HEAD's `dedupeOrigines`: one origin per action id, the first kept. */
export function dedupeOrigines(origines: readonly OrigineRef[]): OrigineRef[] {
  const seen = new Set<string>();
  return origines.filter((o) => (seen.has(o.actionId) ? false : (seen.add(o.actionId), true)));
}

/** HEAD's `sortByReferentielOrder`: CAE first then ECI, input order kept in each; others dropped. */
export function sortByReferentielOrder<T extends { referentiel: string }>(items: readonly T[]): T[] {
  return [...items.filter((i) => i.referentiel === 'cae'), ...items.filter((i) => i.referentiel === 'eci')];
}
