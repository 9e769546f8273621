/**
 * The page's state: the context (loaded once from the inline bundle), the dossier being edited and
 * its latest score. Every change goes through `changer`, which rescores and tells the views.
 */
import { type EvaluationContext, type ScoreDossierResult, scoreDossier } from '../../index.js';
import type { DossierPage } from '../dossier-edit.js';

export interface Etat {
  context: EvaluationContext;
  dossier: DossierPage;
  resultat: ScoreDossierResult;
}

type Vue = (etat: Etat) => void;
const vues: Vue[] = [];

export const abonner = (vue: Vue): void => void vues.push(vue);

/** Forgets the views: the page is rebuilt (a dossier was loaded). */
export const oublierVues = (): void => void vues.splice(0);

export function creerEtat(context: EvaluationContext, dossier: DossierPage): Etat {
  return { context, dossier, resultat: scoreDossier(context, dossier) };
}

export function changer(etat: Etat, dossier: DossierPage): void {
  etat.dossier = dossier;
  etat.resultat = scoreDossier(etat.context, dossier);
  for (const vue of vues) vue(etat);
}
