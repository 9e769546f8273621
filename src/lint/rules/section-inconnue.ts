/**
 * section-inconnue — une section (titre d'un niveau sous une action) que le format ne connaît pas
 * (« Retours d'expérience », « Preuve »… : ignorée par le parseur de TeT), ou connue mais mal placée
 * (« Contexte » sur une tâche). Sections connues : Description partout ; Contexte, Ressources,
 * Réduction de potentiel, Périmètre de l'évaluation sur les mesures ; Exemples sur les mesures, les
 * sous-actions et les tâches ; Critère sur les sous-actions et les tâches ; Score indicatif (un bloc ```formule) partout sauf à la racine.
 */
import type { NiveauAction } from '../../referentiel/model.js';
import { sectionKey } from '../../markdown/outline.js';
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
  score_indicatif: 'Score indicatif',
};

const PLACES: Record<string, readonly NiveauAction[]> = {
  description: ['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache'],
  contexte: ['mesure'],
  ressources: ['mesure'],
  reduction_potentiel: ['mesure'],
  perimetre_evaluation: ['mesure'],
  exemples: ['mesure', 'sous-action', 'tache'],
  critere: ['sous-action', 'tache'],
  score_indicatif: ['axe', 'sous-axe', 'mesure', 'sous-action', 'tache'],
};

const NOMS: Record<NiveauAction, string> = { referentiel: 'la racine', axe: 'un axe', 'sous-axe': 'un sous-axe', mesure: 'une mesure', 'sous-action': 'une sous-action', tache: 'une tâche' };

export const sectionInconnue: LintRule = {
  id: 'section-inconnue',
  severity: 'warning',
  fixable: false,
  summary: 'Section inconnue du format (ignorée) ou placée à un niveau où elle n\'a pas cours.',
  check(ctx, report) {
    // The outline's heading roles (src/markdown/outline.ts), without re-slicing the content: an item
    // heading (level 1, or one below an open `Actions`), then sections one level below the item.
    for (const file of ctx.ofKind('referentiel')) {
      const stack: { depth: number; keywordDepth: number | null; line: number }[] = [];
      for (const b of file.blocks) {
        if (b.kind !== 'heading') continue;
        const d = b.depth;
        let k = stack.length;
        while (k > 0 && stack[k - 1]!.depth >= d) k--;
        const top = k > 0 ? stack[k - 1]! : null;
        if (d === 1 || (top && top.keywordDepth !== null && d === top.keywordDepth + 1)) {
          stack.length = k;
          stack.push({ depth: d, keywordDepth: null, line: b.line });
          continue;
        }
        if (!top || d !== top.depth + 1) continue; // irregular: reported by titre-niveau
        stack.length = k;
        const key = sectionKey(b.text);
        if (key === 'actions') {
          top.keywordDepth = d;
          continue;
        }
        const where = { file: file.name, line: b.line, column: b.column };
        const end = { end: { line: b.line, column: b.textColumn + b.text.length } };
        const places = Object.hasOwn(PLACES, key) ? PLACES[key] : undefined;
        const node = ctx.nodeAt(file.name, top.line);
        if (!places) {
          report(`Section « ${b.text} » inconnue, attendu ${Object.values(TITRES).map((t) => `« ${t} »`).join(', ')} : son texte est ignoré`, where, end);
        } else if (node && !places.includes(node.type)) {
          report(`Section « ${b.text} » inattendue sur ${NOMS[node.type]} (\`${node.identifiant}\`), attendue sur ${places.map((p) => NOMS[p]).join(', ')}`, where, end);
        }
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n#### Description\nTexte.\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n#### Retours d\'expérience\nTexte.\n#### Contexte\nTexte.\n') } }, expected: [
        "cae.md:12:1  warning  Section « Retours d'expérience » inconnue, attendu « Description », « Contexte », « Exemples », « Ressources », « Réduction de potentiel », « Périmètre de l'évaluation », « Critère », « Score indicatif » : son texte est ignoré  section-inconnue",
        "cae.md:14:1  warning  Section « Contexte » inattendue sur un axe (`1`), attendue sur une mesure  section-inconnue",
      ] },
  ],
};
