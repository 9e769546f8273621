/**
 * The référentiel as a table: every action with its score, updated on each change, and on each
 * tâche a statut (fait, programmé, pas fait, non concerné, détaillé with three percentages).
 */
import type { Referentiel } from '../../referentiel/model.js';
import { type StatutSaisi, detailleFromPourcents, withStatut } from '../dossier-edit.js';
import { lignesArbre, texteScore } from '../arbre.js';
import { type Etat, abonner, changer } from './etat.js';
import { el, options } from './dom.js';

const STATUTS: [string, string][] = [['', '(non renseigné)'], ['fait', 'Fait'], ['programme', 'Programmé'], ['pas_fait', 'Pas fait'], ['non_concerne', 'Non concerné'], ['detaille', 'Détaillé…']];

const pourcent = (x: number | undefined): string => (x === undefined ? '' : String(Math.round(x * 10000) / 100));

function saisieStatut(etat: Etat, identifiant: string, nom: string): HTMLElement {
  const actuel = etat.dossier.statuts?.[identifiant];
  const select = options(el('select', { id: `statut-${identifiant}`, 'aria-label': `Statut de ${identifiant} ${nom}` }), STATUTS, typeof actuel === 'object' ? 'detaille' : (actuel ?? ''));
  const detail = typeof actuel === 'object' ? actuel : undefined;
  const parts = (['fait', 'programme', 'pas_fait'] as const).map((k, i) =>
    el('input', { id: `detail-${k}-${identifiant}`, type: 'number', min: '0', max: '100', step: 'any', value: pourcent(detail?.[k]), 'aria-label': `${['Fait', 'Programmé', 'Pas fait'][i]} (%) pour ${identifiant}` }),
  );
  const boite = el('span', { class: 'detaille', hidden: typeof actuel !== 'object' }, ...parts.flatMap((p, i) => [p, i < 2 ? ' + ' : ' %']));
  const appliquer = (): void => {
    let statut: StatutSaisi | null = (select.value || null) as StatutSaisi | null;
    boite.hidden = select.value !== 'detaille';
    if (select.value === 'detaille') statut = detailleFromPourcents(parts[0]!.value || '0', parts[1]!.value || '0', parts[2]!.value || '0') ?? { fait: Number.NaN, programme: 0, pas_fait: 0 };
    changer(etat, withStatut(etat.dossier, identifiant, statut));
  };
  select.addEventListener('change', appliquer);
  for (const p of parts) p.addEventListener('input', appliquer);
  return el('span', {}, select, boite);
}

export function vueArbre(etat: Etat, referentiel: Referentiel): HTMLElement {
  const cellules = new Map<string, HTMLElement>();
  const corps = el('tbody');
  for (const l of lignesArbre(referentiel)) {
    const score = el('td', { id: `score-${l.identifiant}`, class: 'score' });
    cellules.set(l.id, score);
    corps.append(el('tr', { class: `niveau-${Math.min(l.niveau, 6)}` }, el('th', { scope: 'row' }, el('span', { class: 'ident' }, l.identifiant), ' ', l.nom), el('td', {}, l.saisie ? saisieStatut(etat, l.identifiant, l.nom) : ''), score));
  }
  const maj = (e: Etat): void => {
    if (!e.resultat.ok) return;
    for (const [id, cell] of cellules) cell.textContent = texteScore(e.resultat.document.scores[id]);
  };
  maj(etat);
  abonner(maj);
  const table = el('table', {}, el('caption', {}, 'Statut de chaque tâche et scores'), el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Action'), el('th', { scope: 'col' }, 'Statut'), el('th', { scope: 'col' }, 'Score'))), corps);
  return el('section', { 'aria-labelledby': 'titre-arbre' }, el('h2', { id: 'titre-arbre' }, referentiel.nom), table);
}
