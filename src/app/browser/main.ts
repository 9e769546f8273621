/**
 * The self-assessment page's entry (bundled by esbuild into dist/app/page.js at build time): reads
 * the inline bundle, loads it with the engine, and builds the views. Nothing goes to the network.
 */
import { formatDiagnostic, loadBundle, type Bundle } from '../../index.js';
import { bundleQuestions } from '../../evaluation/bundle.js';
import type { DossierPage } from '../dossier-edit.js';
import { creerEtat, oublierVues } from './etat.js';
import { el } from './dom.js';
import { vueArbre } from './vue-arbre.js';
import { vueCollectivite } from './vue-collectivite.js';
import { vueFichiers } from './vue-fichiers.js';
import { vueQuestions } from './vue-questions.js';
import { vueResultat } from './vue-resultat.js';

function demarrer(): void {
  const racine = document.getElementById('app')!;
  const bundle = JSON.parse(document.getElementById('cae-bundle')!.textContent ?? 'null') as Bundle;
  const { context, diagnostics } = loadBundle(bundle);
  if (!context) {
    racine.replaceChildren(el('h1', {}, 'Référentiel invalide'), el('ul', {}, ...diagnostics.map((d) => el('li', {}, formatDiagnostic(d)))));
    return;
  }
  // Compiled in the bundle: the page needs no Markdown parser (their problems were said by loadBundle).
  const questions = bundleQuestions(bundle);
  const monter = (dossier: DossierPage): void => {
    oublierVues();
    const etat = creerEtat(context, dossier);
    racine.replaceChildren(
      el('h1', {}, `Autoévaluation — ${context.referentiel.nom}`),
      el('p', { class: 'aide' }, 'Renseignez la collectivité, répondez aux questions puis donnez le statut de chaque tâche : les scores et l’étoile se mettent à jour à chaque saisie. Tout reste sur cet ordinateur.'),
      vueResultat(etat),
      vueFichiers(etat, monter),
      vueCollectivite(etat),
      vueQuestions(etat, questions),
      vueArbre(etat, context.referentiel),
    );
  };
  monter({ referentiel: context.referentiel.id, collectivite: { type: 'commune' } });
}

demarrer();
