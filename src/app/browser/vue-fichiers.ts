/**
 * Download the dossier as JSON, or load one back: a loaded file is scored first, and only a valid
 * one replaces the dossier; otherwise its diagnostics are shown at their place (`fichier:ligne:col`).
 */
import { type EvaluationContext, formatDiagnostic, scoreDossier } from '../../index.js';
import { type DossierPage, dossierText } from '../dossier-edit.js';
import type { Etat } from './etat.js';
import { el } from './dom.js';

export function vueFichiers(etat: Etat, charger: (dossier: DossierPage) => void): HTMLElement {
  const telecharger = el('button', { id: 'telecharger', type: 'button' }, 'Télécharger le dossier (JSON)');
  telecharger.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([dossierText(etat.dossier)], { type: 'application/json' }));
    const lien = el('a', { href: url, download: `dossier-${etat.context.referentiel.id}.json` });
    document.body.append(lien);
    lien.click();
    lien.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  const fichier = el('input', { id: 'charger', type: 'file', accept: '.json,application/json' });
  const erreurs = el('ul', { id: 'erreurs-chargement', class: 'diagnostics', 'aria-live': 'assertive' });
  fichier.addEventListener('change', async () => {
    const f = fichier.files?.[0];
    if (!f) return;
    const text = await f.text();
    const r = lire(etat.context, text, f.name);
    erreurs.replaceChildren(...r.erreurs.map((m) => el('li', { class: 'error' }, m)));
    if (r.dossier) charger(r.dossier);
  });
  return el('section', { 'aria-labelledby': 'titre-fichiers' }, el('h2', { id: 'titre-fichiers' }, 'Dossier'), el('p', {}, telecharger, ' ', el('label', { for: 'charger' }, 'Charger un dossier : '), fichier), erreurs);
}

function lire(context: EvaluationContext, text: string, nom: string): { dossier: DossierPage | null; erreurs: string[] } {
  const r = scoreDossier(context, text, { file: nom });
  if (!r.ok) return { dossier: null, erreurs: r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)) };
  return { dossier: JSON.parse(text) as DossierPage, erreurs: [] };
}
