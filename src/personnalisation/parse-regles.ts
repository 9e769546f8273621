/**
 * Personnalisation rules (scoring.md §1.9): `# <titre>`, YAML `action_id`, a `## Règles` keyword,
 * then one `### Désactivation | Réduction de potentiel | Score réalisé` per rule with a
 * ```formule block and an optional explanation. Formulas stay text here (src/formule parses them),
 * with the position of their first character.
 */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import type { Tokenizer } from '../markdown/blocks.js';
import { entryString, firstCharPosition, reportUnknownKeys, sectionText } from '../markdown/companion.js';
import { buildOutline, snakeCase } from '../markdown/outline.js';
import type { SourceFile } from '../markdown/read-files.js';
import { readItemMeta } from '../markdown/yaml-meta.js';
import type { Regle, RegleEntry, RegleType } from './regle.js';
export type { Regle, RegleEntry, RegleType };

export interface ParseReglesResult {
  entries: RegleEntry[];
  diagnostics: Diagnostic[];
}

const TYPE_TITLES: Record<string, RegleType> = {
  desactivation: 'desactivation',
  reduction_de_potentiel: 'reduction',
  score_realise: 'score',
};

/**
 * Personalisation-rule files (path and Markdown text) → rule entries (désactivation, réduction,
 * score formulas by action). Pure; problems are positioned diagnostics. Compile them with
 * `compilePersonnalisation` against the questions.
 *
 * @example
 * const { entries, diagnostics } = parseReglesFiles([{ path: 'personnalisations/cae_6.md', content: text }]);
 */
export function parseReglesFiles(files: readonly SourceFile[], options: { tokenizer?: Tokenizer } = {}): ParseReglesResult {
  const diagnostics: Diagnostic[] = [];
  const entries: RegleEntry[] = [];
  const seen = new Map<string, SourcePosition>();
  try {
    for (const f of files) {
      const file = f.displayPath ?? f.path;
      for (const item of buildOutline(f.content, { file, keywords: ['regles'], tokenizer: options.tokenizer }, diagnostics)) {
        const { meta } = readItemMeta(item.metadata, diagnostics);
        reportUnknownKeys(meta, ['action_id'], diagnostics);
        const actionId = entryString(meta.get('action_id'));
        if (!actionId) {
          diagnostics.push(diagnostic('regle-action-manquante', 'error', `Entrée « ${item.title} » sans \`action_id\`, attendu par exemple \`action_id: cae_1.1.2.1\``, item.position));
          continue;
        }
        const prior = seen.get(actionId);
        if (prior) {
          diagnostics.push(diagnostic('regle-dupliquee', 'error', `Seconde entrée pour \`${actionId}\` inattendue, attendu une seule par action (déjà en ${prior.file}:${prior.line}:${prior.column})`, meta.get('action_id')!.valuePosition));
          continue;
        }
        seen.set(actionId, item.position);
        const regles: Regle[] = [];
        for (const r of item.children) {
          const titleKey = snakeCase(r.title);
          const type = Object.hasOwn(TYPE_TITLES, titleKey) ? TYPE_TITLES[titleKey] : undefined;
          if (!type) {
            diagnostics.push(diagnostic('regle-type-inconnu', 'error', `Type de règle inattendu « ${r.title} », attendu « Désactivation », « Réduction de potentiel » ou « Score réalisé »`, r.titlePosition));
            continue;
          }
          if (regles.some((x) => x.type === type)) {
            diagnostics.push(diagnostic('regle-type-duplique', 'error', `Seconde règle « ${r.title} » inattendue pour \`${actionId}\`, attendu au plus une règle de chaque type`, r.position));
            continue;
          }
          const code = r.codes.find((c) => c.lang === 'formule');
          if (!code) {
            diagnostics.push(diagnostic('formule-manquante', 'error', `Règle « ${r.title} » de \`${actionId}\` sans bloc \`formule\`, attendu \`\`\`formule … \`\`\``, r.position));
            continue;
          }
          regles.push({ type, titre: r.title, formule: code.value, formulePosition: firstCharPosition(code.value, code.contentPosition), description: sectionText(r, 'description'), position: r.position });
        }
        if (item.children.length === 0) {
          diagnostics.push(diagnostic('regles-absentes', 'warning', `Entrée \`${actionId}\` sans règle, attendu \`## Règles\` suivi de \`### Désactivation\`… : elle est ignorée`, item.position));
          continue;
        }
        entries.push({ actionId, titre: item.title, position: item.position, regles });
      }
    }
  } catch (error) {
    diagnostics.push(diagnostic('erreur-interne', 'error', `Erreur interne du parseur de règles : ${String((error as Error)?.message ?? error)}`));
  }
  return { entries, diagnostics };
}
