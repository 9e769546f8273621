/** Every rule, one module each; the order is the order of the documentation table. */
import type { LintRule } from '../types.js';
import { categorieInconnue } from './categorie-inconnue.js';
import { cleYamlDupliquee } from './cle-yaml-dupliquee.js';
import { cleYamlInconnue } from './cle-yaml-inconnue.js';
import { contenuHorsTitre } from './contenu-hors-titre.js';
import { controleLint } from './controle-lint.js';
import { diagnosticParseur, FALLBACK_RULE_ID } from './diagnostic-parseur.js';
import { espacesDoubles } from './espaces-doubles.js';
import { espacesFinDeLigne } from './espaces-fin-de-ligne.js';
import { formuleArite } from './formule-arite.js';
import { formuleReferenceInconnue } from './formule-reference-inconnue.js';
import { formuleSyntaxe } from './formule-syntaxe.js';
import { formuleType } from './formule-type.js';
import { identifiantDuplique } from './identifiant-duplique.js';
import { identifiantHorsHierarchie } from './identifiant-hors-hierarchie.js';
import { identifiantInvalide } from './identifiant-invalide.js';
import { identifiantManquant } from './identifiant-manquant.js';
import { identifiantNumerique } from './identifiant-numerique.js';
import { metadonneesForme } from './metadonnees-forme.js';
import { pointsIncoherents } from './points-incoherents.js';
import { pourcentagesSomme100 } from './pourcentages-somme-100.js';
import { preuveActionInconnue } from './preuve-action-inconnue.js';
import { questionChoixVide } from './question-choix-vide.js';
import { questionJamaisPosee } from './question-jamais-posee.js';
import { questionDupliquee } from './question-dupliquee.js';
import { racineInvalide } from './racine-invalide.js';
import { regleActionInconnue } from './regle-action-inconnue.js';
import { regleInvalide } from './regle-invalide.js';
import { regleTitreAction } from './regle-titre-action.js';
import { personnalisationImpossible } from './personnalisation-impossible.js';
import { regleVide } from './regle-vide.js';
import { sectionInconnue } from './section-inconnue.js';
import { titreManquant } from './titre-manquant.js';
import { titreNiveau } from './titre-niveau.js';
import { valeurInvalide } from './valeur-invalide.js';
import { yamlInvalide } from './yaml-invalide.js';

export { FALLBACK_RULE_ID };

/**
 * Every lint rule, in the order of docs/lint.md: a stable id, a default severity, whether it can
 * be fixed, a French summary and examples.
 *
 * @example
 * for (const r of lintRules) console.log(r.id, r.severity);
 */
export const rules: readonly LintRule[] = [
  // Markdown and YAML
  yamlInvalide,
  cleYamlInconnue,
  cleYamlDupliquee,
  valeurInvalide,
  titreManquant,
  titreNiveau,
  sectionInconnue,
  contenuHorsTitre,
  espacesFinDeLigne,
  espacesDoubles,
  metadonneesForme,
  // Identifiants and tree
  racineInvalide,
  identifiantManquant,
  identifiantInvalide,
  identifiantDuplique,
  identifiantHorsHierarchie,
  identifiantNumerique,
  // Points
  pourcentagesSomme100,
  pointsIncoherents,
  categorieInconnue,
  // Personnalisation rules and formulas
  formuleSyntaxe,
  formuleReferenceInconnue,
  formuleArite,
  formuleType,
  regleActionInconnue,
  regleTitreAction,
  regleInvalide,
  regleVide,
  personnalisationImpossible,
  questionJamaisPosee,
  // Questions and proofs
  questionDupliquee,
  questionChoixVide,
  preuveActionInconnue,
  // The linter itself
  controleLint,
  diagnosticParseur,
];

export const ruleById = (id: string): LintRule | undefined => rules.find((r) => r.id === id);
