/**
 * section-inconnue — une section (titre d'un niveau sous une action) que le format ne connaît pas
 * (« Retours d'expérience », « Preuve »… : ignorée par le parseur de TeT), ou connue mais mal placée
 * (« Contexte » sur une tâche). Sections connues : Description partout ; Contexte, Ressources,
 * Réduction de potentiel, Périmètre de l'évaluation sur les mesures ; Exemples sur les mesures, les
 * sous-actions et les tâches ; Critère sur les sous-actions et les tâches.
 */
import type { NiveauAction } from '../../referentiel/model.js';
import { walkOutline } from '../../markdown/outline.js';
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

const TITRES: Record<string, string> = {
  description: 'Description',
  contexte: 'Contexte',
  exemples: 'Exemples',
  ressources: 'Ressources',
  reduction_potentiel: 'Réduction de potentiel',
  perimetre_evaluation: "Périmètre de l'évaluation",
  critere: 'Critère',
};

const PLACES: Record<string, readonly NiveauAction[]> = {
  description: ['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache'],
  contexte: ['mesure'],
  ressources: ['mesure'],
  reduction_potentiel: ['mesure'],
  perimetre_evaluation: ['mesure'],
  exemples: ['mesure', 'sous-action', 'tache'],
  critere: ['sous-action', 'tache'],
};

const NOMS: Record<NiveauAction, string> = { referentiel: 'la racine', axe: 'un axe', 'sous-axe': 'un sous-axe', mesure: 'une mesure', 'sous-action': 'une sous-action', tache: 'une tâche' };

export const sectionInconnue: LintRule = {
  id: 'section-inconnue',
  severity: 'warning',
  fixable: false,
  summary: 'Section inconnue du format (ignorée) ou placée à un niveau où elle n\'a pas cours.',
  check(ctx, report) {
    for (const file of ctx.ofKind('referentiel')) {
      for (const item of walkOutline(ctx.outline(file))) {
        const node = ctx.nodeAt(file.name, item.position.line);
        for (const s of item.sections) {
          if (s.title === null) continue;
          const places = PLACES[s.key];
          if (!places) {
            report(
              `Section « ${s.title} » inconnue, attendu ${Object.values(TITRES).map((t) => `« ${t} »`).join(', ')} : son texte est ignoré`,
              s.position,
            );
          } else if (node && !places.includes(node.type)) {
            report(`Section « ${s.title} » inattendue sur ${NOMS[node.type]} (\`${node.identifiant}\`), attendue sur ${places.map((p) => NOMS[p]).join(', ')}`, s.position);
          }
        }
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n#### Description\nTexte.\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n#### Retours d\'expérience\nTexte.\n#### Contexte\nTexte.\n') } }, expected: [
        "cae.md:12:1  warning  Section « Retours d'expérience » inconnue, attendu « Description », « Contexte », « Exemples », « Ressources », « Réduction de potentiel », « Périmètre de l'évaluation », « Critère » : son texte est ignoré  section-inconnue",
        "cae.md:14:1  warning  Section « Contexte » inattendue sur un axe (`1`), attendue sur une mesure  section-inconnue",
      ] },
  ],
};
