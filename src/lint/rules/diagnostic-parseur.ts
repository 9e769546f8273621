/**
 * diagnostic-parseur — tout autre problème signalé par les parseurs (Markdown illisible, hiérarchie
 * déduite d'un référentiel inconnu, choix sur une question qui n'est pas de type `choix`, erreur
 * interne…), avec la sévérité du parseur et son code entre parenthèses. Règle « filet » : aucun
 * problème connu des parseurs n'est perdu.
 */
import type { LintRule } from '../types.js';
import { REFERENTIEL_OK } from './example-support.js';

export const FALLBACK_RULE_ID = 'diagnostic-parseur';

export const diagnosticParseur: LintRule = {
  id: FALLBACK_RULE_ID,
  severity: 'error',
  keepSeverity: true,
  fixable: false,
  summary: 'Autre problème signalé par un parseur, avec sa propre sévérité (règle filet).',
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'test.md': REFERENTIEL_OK.replace('referentiel: cae', 'referentiel: test') } }, expected: [
        "test.md:1:1  info  Référentiel `test` inconnu : hiérarchie déduite de la profondeur des identifiants (referentiel > axe > sous-axe > mesure > sous-action > tache) (hierarchie-deduite)  diagnostic-parseur",
      ] },
  ],
};
