/**
 * The rows of the page's tree: every action below the root in référentiel order, with what the
 * page shows and whether the collectivité sets its statut there (the tâches, the leaves).
 */
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import type { ActionScoreJson } from '../score/score-json.js';

export interface LigneArbre {
  id: string;
  identifiant: string;
  nom: string;
  /** 1 for axes, and so on: the indentation. */
  niveau: number;
  /** True for a leaf: its statut is set on the page. */
  saisie: boolean;
}

export function lignesArbre(referentiel: Referentiel): LigneArbre[] {
  const lignes: LigneArbre[] = [];
  const visit = (node: ActionNode): void => {
    if (node.depth > 0) lignes.push({ id: node.id, identifiant: node.identifiant, nom: node.nom, niveau: node.depth, saisie: node.children.length === 0 });
    for (const child of node.children) visit(child);
  };
  visit(referentiel.root);
  return lignes;
}

const nombre = (x: number, decimales: number): string => x.toLocaleString('fr-FR', { maximumFractionDigits: decimales });

/** « 1,5 / 3 pts · 50 % », or « non concerné » / « désactivé ». */
export function texteScore(score: ActionScoreJson | undefined): string {
  if (!score) return '';
  if (score.desactive) return 'désactivé';
  if (!score.concerne) return 'non concerné';
  return `${nombre(score.pointFait, 3)} / ${nombre(score.pointPotentiel, 3)} pts · ${nombre(score.ratioFait * 100, 1)} %`;
}
