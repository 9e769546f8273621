/** The collectivité (name, type, population, localisation) and the dossier's date. */
import { withCollectivite, withDate } from '../dossier-edit.js';
import { type Etat, changer } from './etat.js';
import { champ, el, options } from './dom.js';

export function vueCollectivite(etat: Etat): HTMLElement {
  const c = etat.dossier.collectivite ?? {};
  const nom = el('input', { id: 'collectivite-nom', type: 'text', value: c.nom ?? '', autocomplete: 'organization' });
  nom.addEventListener('input', () => changer(etat, withCollectivite(etat.dossier, 'nom', nom.value)));
  const type = options(el('select', { id: 'collectivite-type' }), [['', '(non précisé)'], ['commune', 'Commune'], ['EPCI', 'EPCI'], ['syndicat', 'Syndicat']], c.type ?? '');
  type.addEventListener('change', () => changer(etat, withCollectivite(etat.dossier, 'type', (type.value || null) as 'commune' | null)));
  const population = el('input', { id: 'collectivite-population', type: 'number', min: '0', step: '1', inputmode: 'numeric', value: c.population === undefined ? '' : String(c.population) });
  population.addEventListener('input', () => changer(etat, withCollectivite(etat.dossier, 'population', population.value === '' ? null : Number(population.value))));
  const localisation = options(el('select', { id: 'collectivite-localisation' }), [['', '(non précisé)'], ['Metropole', 'Métropole'], ['DOM', 'DOM']], c.localisation ?? '');
  localisation.addEventListener('change', () => changer(etat, withCollectivite(etat.dossier, 'localisation', (localisation.value || null) as 'DOM' | null)));
  const date = el('input', { id: 'dossier-date', type: 'date', value: etat.dossier.date ?? '' });
  date.addEventListener('input', () => changer(etat, withDate(etat.dossier, date.value)));
  return el('section', { 'aria-labelledby': 'titre-collectivite' }, el('h2', { id: 'titre-collectivite' }, 'Collectivité'), el('div', { class: 'grille' }, champ('Nom', nom), champ('Type', type), champ('Population', population), champ('Localisation', localisation), champ('Date du dossier', date)));
}
