/**
 * The text `cae projeter` prints: scores before (CAE, ECI) and after (TE) side by side, root and
 * per axe (fait / potentiel) and the étoile, then the TE actions not carried over and why.
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import type { Evaluation } from '../evaluation/evaluate-dossier.js';
import { formatPoints, padEnd } from '../report/format.js';
import type { Projection } from './projeter-vers-te.js';

function cellule(ev: Evaluation, id: string | undefined): string {
  if (id === undefined) return '';
  const s = ev.result.scores.get(id);
  if (!s) return '';
  return `${formatPoints(s.pointFait.round(3))} / ${formatPoints(s.pointPotentiel.round(3))}`;
}

/**
 * The French text `cae projeter` prints: the scores before (CAE, ECI) and after (TE) side by side,
 * root and axes, with the étoile, then the TE actions not carried over and why.
 *
 * @example
 * const projection = projeterVersTe(te, [evCae]);
 * console.log(renderProjection([evCae], evaluateDossier(te, projection.dossier), projection));
 */
export function renderProjection(avant: readonly Evaluation[], apres: Evaluation, projection: Projection): string {
  const colonnes = [...avant, apres];
  const titres = [...avant.map((ev) => `avant (${ev.referentiel.id})`), `après (${apres.referentiel.id})`];
  const lignes: string[][] = [['', ...titres]];
  lignes.push(['racine (fait / potentiel)', ...colonnes.map((ev) => cellule(ev, ev.referentiel.root.id))]);
  lignes.push(['étoile', ...colonnes.map((ev) => String(ev.etoiles.etoile))]);
  const nAxes = Math.max(...colonnes.map((ev) => ev.referentiel.root.children.length));
  for (let i = 0; i < nAxes; i++) lignes.push([`axe ${i + 1}`, ...colonnes.map((ev) => cellule(ev, ev.referentiel.root.children[i]?.id))]);
  const largeurs = lignes[0]!.map((_, j) => Math.max(...lignes.map((l) => l[j]!.length)));
  const out = lignes.map((l) => l.map((c, j) => padEnd(c, largeurs[j]!)).join('  ').trimEnd());
  out.push('', `${projection.reportes.length} statut(s) reporté(s) en ${apres.referentiel.id}, ${projection.nonReportees.length} action(s) non reportée(s).`);
  const parCode = new Map<string, number>();
  for (const n of projection.nonReportees) parCode.set(n.code, (parCode.get(n.code) ?? 0) + 1);
  if (parCode.size > 0) out.push(`Par raison : ${[...parCode].map(([c, k]) => `${c} ${k}`).join(', ')}`);
  for (const n of projection.nonReportees) out.push(`  [${n.code}] ${escapeControl(n.message)}`);
  if (projection.reponsesNonReprises.length > 0) out.push(`Réponses non reprises (question absente de ${apres.referentiel.id}) : ${projection.reponsesNonReprises.map(escapeControl).join(', ')}`);
  return `${out.join('\n')}\n`;
}
