/**
 * Personnalisation questions (scoring.md §1.9): `# <formulation>`, a YAML block (`id`, `type`,
 * `thematique_id`, `actions`, `types_concernes`, `ordonnancement`), an optional `## Description`,
 * and for `choix` a `## Choix` keyword with `### <label>` + YAML `id`. An optional `## Visibilité`
 * section holds a ```formule block: the question is asked only when it is true (HEAD's `exprVisible`).
 */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import type { Tokenizer } from '../markdown/blocks.js';
import { entryNumber, entryString, entryStringList, reportUnknownKeys, sectionText } from '../markdown/companion.js';
import type { OutlineItem } from '../markdown/outline.js';
import { buildOutline } from '../markdown/outline.js';
import type { SourceFile } from '../markdown/read-files.js';
import { readItemMeta } from '../markdown/yaml-meta.js';
import type { Choix, Question, QuestionType, Visibilite } from './question.js';
import { checkVisibilites, readVisibilite } from './visibilite.js';
export type { Choix, Question, QuestionType, Visibilite };

export interface ParseQuestionsResult {
  questions: Question[];
  diagnostics: Diagnostic[];
}

const TYPES: readonly string[] = ['binaire', 'choix', 'proportion'];
const KEYS = ['id', 'type', 'thematique_id', 'actions', 'types_concernes', 'ordonnancement'];

/**
 * Question files (path and Markdown text) → the personalisation questions (type, choices, who they
 * are asked of, visibility formula). Pure; problems are positioned diagnostics, never exceptions.
 * `options.tokenizer` swaps the Markdown tokenizer (`remarkBlocks` of `label-cae/remark`).
 *
 * @example
 * const { questions, diagnostics } = parseQuestionsFiles([{ path: 'questions/dechets.md', content: text }]);
 */
export function parseQuestionsFiles(files: readonly SourceFile[], options: { tokenizer?: Tokenizer } = {}): ParseQuestionsResult {
  const diagnostics: Diagnostic[] = [];
  const questions: Question[] = [];
  const seen = new Map<string, SourcePosition>();
  try {
    for (const f of files) {
      const file = f.displayPath ?? f.path;
      for (const item of buildOutline(f.content, { file, keywords: ['choix'], tokenizer: options.tokenizer }, diagnostics)) {
        const { meta } = readItemMeta(item.metadata, diagnostics);
        reportUnknownKeys(meta, KEYS, diagnostics);
        const id = entryString(meta.get('id'));
        if (!id) {
          diagnostics.push(diagnostic('question-id-manquant', 'error', `Question « ${item.title} » sans \`id\`, attendu par exemple \`id: dechets_1\``, item.position));
          continue;
        }
        const prior = seen.get(id);
        if (prior) {
          diagnostics.push(diagnostic('question-dupliquee', 'error', `Id de question \`${id}\` inattendu une seconde fois, attendu unique (déjà en ${prior.file}:${prior.line}:${prior.column})`, meta.get('id')!.valuePosition));
          continue;
        }
        seen.set(id, item.position);
        const typeText = entryString(meta.get('type'));
        if (!typeText || !TYPES.includes(typeText)) {
          diagnostics.push(diagnostic('question-type-inconnu', 'error', `Type de question inattendu \`${typeText ?? ''}\`, attendu \`binaire\`, \`choix\` ou \`proportion\``, meta.get('type')?.valuePosition ?? item.position));
          continue;
        }
        const choix: Choix[] = [];
        for (const c of item.children) {
          const cm = readItemMeta(c.metadata, diagnostics).meta;
          reportUnknownKeys(cm, ['id', 'ordonnancement'], diagnostics);
          const cid = entryString(cm.get('id'));
          if (!cid) {
            diagnostics.push(diagnostic('choix-id-manquant', 'error', `Choix « ${c.title} » sans \`id\`, attendu par exemple \`id: ${id}_a\``, c.position));
            continue;
          }
          if (choix.some((x) => x.id === cid)) {
            diagnostics.push(diagnostic('choix-duplique', 'error', `Id de choix \`${cid}\` inattendu une seconde fois, attendu unique dans \`${id}\``, cm.get('id')!.valuePosition));
            continue;
          }
          choix.push({ id: cid, label: c.title, ordonnancement: entryNumber(cm.get('ordonnancement')), position: c.position });
        }
        if (typeText === 'choix' && choix.length === 0) {
          diagnostics.push(diagnostic('question-choix-vide', 'error', `Question \`${id}\` de type \`choix\` sans choix, attendu une section \`## Choix\` avec des \`### <libellé>\``, item.position));
        }
        if (typeText !== 'choix' && choix.length > 0) {
          diagnostics.push(diagnostic('choix-inattendus', 'warning', `Choix inattendus pour la question \`${id}\` de type \`${typeText}\`, attendu le type \`choix\``, item.children[0]!.position));
        }
        questions.push({
          id,
          type: typeText as QuestionType,
          formulation: item.title,
          thematiqueId: entryString(meta.get('thematique_id')),
          actions: entryStringList(meta.get('actions'), diagnostics, 'question-actions-invalides') ?? [],
          typesConcernes: entryStringList(meta.get('types_concernes'), diagnostics, 'question-types-invalides'),
          visibilite: visibiliteOf(item, id, diagnostics),
          ordonnancement: entryNumber(meta.get('ordonnancement')),
          description: sectionText(item, 'description'),
          choix,
          position: item.position,
        });
      }
    }
    checkVisibilites(questions, diagnostics);
  } catch (error) {
    diagnostics.push(diagnostic('erreur-interne', 'error', `Erreur interne du parseur de questions : ${String((error as Error)?.message ?? error)}`));
  }
  return { questions, diagnostics };
}

function visibiliteOf(item: OutlineItem, id: string, diagnostics: Diagnostic[]): Visibilite | null {
  const code = item.codes.find((c) => c.lang === 'formule' && c.sectionKey === 'visibilite');
  return code ? readVisibilite(code.value, code.contentPosition, id, diagnostics) : null;
}
