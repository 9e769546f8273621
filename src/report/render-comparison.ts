/**
 * `cae compare` in French: the étoile change, then each node whose potentiel or fait moved, then
 * the statuts that changed.
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import type { Comparison } from '../evaluation/compare-evaluations.js';
import type { Referentiel } from '../referentiel/model.js';
import { formatPercent, formatPoints } from './format.js';

const signed = (x: number): string => (x > 0 ? `+${formatPoints(x)}` : x < 0 ? `−${formatPoints(-x)}` : '0');

export function renderComparison(c: Comparison, referentiel: Referentiel): string {
  const name = (id: string): string => {
    const n = referentiel.actions.get(id);
    return n ? `${n.identifiant || n.id} ${n.nom}` : id;
  };
  const lines: string[] = [];
  const verdict = c.etoile.apres > c.etoile.avant ? 'gagnée' : c.etoile.apres < c.etoile.avant ? 'perdue' : 'inchangée';
  lines.push(`Étoile : ${c.etoile.avant} → ${c.etoile.apres} (${verdict})`);
  lines.push(`Fait à la racine : ${formatPercent(c.ratioFait.avant)} → ${formatPercent(c.ratioFait.apres)}`, '');
  lines.push(`Actions dont le potentiel ou le fait change (${c.actions.length}) :`);
  if (c.actions.length === 0) lines.push('  aucune');
  for (const a of c.actions) {
    const parts = [];
    if (a.deltaPotentiel !== 0) parts.push(`potentiel ${formatPoints(a.potentielAvant)} → ${formatPoints(a.potentielApres)} (${signed(a.deltaPotentiel)})`);
    if (a.deltaFait !== 0) parts.push(`fait ${formatPoints(a.faitAvant)} → ${formatPoints(a.faitApres)} (${signed(a.deltaFait)})`);
    lines.push(`  ${name(a.actionId)} : ${parts.join(' ; ')}`);
  }
  lines.push('', `Statuts modifiés (${c.statuts.length}) :`);
  if (c.statuts.length === 0) lines.push('  aucun');
  for (const s of c.statuts) lines.push(`  ${name(s.actionId)} : ${s.avant ?? '—'} → ${s.apres ?? '—'}`);
  // Names and messages come from inputs: one line each, whatever they contain.
  return `${lines.map(escapeControl).join('\n')}\n`;
}
