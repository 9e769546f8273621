/** The étoile and the root score, always visible, and the diagnostics when the dossier is wrong. */
import { formatDiagnostic } from '../../index.js';
import { texteScore } from '../arbre.js';
import { type Etat, abonner } from './etat.js';
import { el } from './dom.js';

export function vueResultat(etat: Etat): HTMLElement {
  const etoile = el('p', { id: 'etoile', class: 'etoile' });
  const racine = el('p', { id: 'score-racine' });
  const prochaine = el('p', { id: 'prochaine' });
  const erreurs = el('ul', { id: 'diagnostics', class: 'diagnostics' });
  const section = el('section', { 'aria-labelledby': 'titre-resultat', class: 'resultat', 'aria-live': 'polite' }, el('h2', { id: 'titre-resultat' }, 'Résultat'), etoile, racine, prochaine, erreurs);
  const maj = (e: Etat): void => {
    erreurs.replaceChildren(...e.resultat.diagnostics.map((d) => el('li', { class: d.severity }, formatDiagnostic(d))));
    if (!e.resultat.ok) {
      // No stale figures beside an invalid dossier: the scores come back once it is corrected.
      etoile.textContent = 'Dossier invalide : voir les diagnostics ci-dessous';
      etoile.removeAttribute('data-etoile');
      racine.textContent = 'Score : —';
      racine.removeAttribute('data-point-fait');
      prochaine.textContent = '';
      return;
    }
    const doc = e.resultat.document;
    etoile.textContent = `${'★'.repeat(doc.etoile.etoile)}${'☆'.repeat(5 - doc.etoile.etoile)} ${doc.etoile.label}`;
    etoile.setAttribute('data-etoile', String(doc.etoile.etoile));
    racine.textContent = `Score : ${texteScore(doc.scores[e.context.referentiel.root.id])}`;
    racine.setAttribute('data-point-fait', String(doc.etoile.pointFait));
    const p = doc.etoile.prochaine;
    prochaine.textContent = p ? `Prochaine étoile (${p.label}) : ${p.pointsFaitManquants.toLocaleString('fr-FR')} points fait manquants` : 'Dernière étoile atteinte';
  };
  maj(etat);
  abonner(maj);
  return section;
}
