/**
 * `cae compare` in French: a warning when the dossiers are not the same collectivité, the étoile
 * change (by the score and requestable), each node whose potentiel or fait moved, the statuts that
 * changed (in words, never raw codes), the answers and the criteria that changed.
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import type { Comparison } from '../evaluation/compare-evaluations.js';
import type { Referentiel } from '../referentiel/model.js';
import { statutLabelFr } from './audit-labels.js';
import { formatPercent, formatPoints } from './format.js';
import { ETAT_CRITERE_LABELS } from './tree.js';
import { wrapLines } from './text-wrap.js';

const signed = (x: number): string => (x > 0 ? `+${formatPoints(x)}` : x < 0 ? `−${formatPoints(-x)}` : '0');

const reponse = (v: boolean | number | string | null): string => (v === null ? 'sans réponse' : v === true ? 'oui' : v === false ? 'non' : typeof v === 'number' ? String(v).replace('.', ',') : v);

const etat = (e: string | null): string => (e === null ? 'non jugé' : ((ETAT_CRITERE_LABELS as Record<string, string>)[e] ?? e));

/**
 * The comparison of two evaluations (`compareEvaluations`) as the French text of `cae compare`:
 * étoile change, nodes whose potentiel or fait moved, statuts, answers and criteria that changed.
 * Pure.
 *
 * @example
 * process.stdout.write(renderComparison(compareEvaluations(avant, apres), context.referentiel, { width: 100 }));
 */
export function renderComparison(c: Comparison, referentiel: Referentiel, options: { width?: number } = {}): string {
  const name = (id: string): string => {
    const n = referentiel.actions.get(id);
    return n ? `${n.identifiant || n.id} ${n.nom}` : id;
  };
  const lines: string[] = [];
  for (const a of c.avertissements) lines.push(`Attention : ${a}.`);
  if (c.avertissements.length > 0) lines.push('');
  const verdict = c.etoile.apres > c.etoile.avant ? 'gagnée' : c.etoile.apres < c.etoile.avant ? 'perdue' : 'inchangée';
  lines.push(`Étoile atteinte par le score : ${c.etoile.avant} → ${c.etoile.apres} (${verdict})`);
  lines.push(`Étoile demandable : ${c.etoileDemandable.avant ?? 'aucune'} → ${c.etoileDemandable.apres ?? 'aucune'}`);
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
  const statut = (x: string | null): string => (x === null ? 'sans statut' : statutLabelFr(x));
  for (const s of c.statuts) lines.push(`  ${name(s.actionId)} : ${statut(s.avant)} → ${statut(s.apres)}`);
  lines.push('', `Réponses modifiées (${c.reponses.length}) :`);
  if (c.reponses.length === 0) lines.push('  aucune');
  for (const r of c.reponses) lines.push(`  ${r.question} : ${reponse(r.avant)} → ${reponse(r.apres)}`);
  lines.push('', `Critères d'action modifiés (${c.criteres.length}) :`);
  if (c.criteres.length === 0) lines.push('  aucun');
  for (const k of c.criteres) lines.push(`  ${name(k.actionId)} (${k.label}) : ${etat(k.avant)} → ${etat(k.apres)}`);
  // Names and messages come from inputs: one line each, whatever they contain.
  const safe = lines.map(escapeControl);
  return `${(options.width ? wrapLines(safe, options.width) : safe).join('\n')}\n`;
}
