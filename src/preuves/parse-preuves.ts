/** Regulatory proofs (scoring.md §1.9): `# <nom>`, YAML `id` (≤ 50 characters, unique) and `actions`, optional `## Description`. */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import type { Tokenizer } from '../markdown/blocks.js';
import { entryString, entryStringList, reportUnknownKeys, sectionText } from '../markdown/companion.js';
import { buildOutline } from '../markdown/outline.js';
import type { SourceFile } from '../markdown/read-files.js';
import { readItemMeta } from '../markdown/yaml-meta.js';
import type { Preuve } from './preuve.js';
export type { Preuve };

export interface ParsePreuvesResult {
  preuves: Preuve[];
  diagnostics: Diagnostic[];
}

export const PREUVE_ID_MAX = 50;

/**
 * Proof files (path and Markdown text) → the proofs of TeT's corpus (identifiant, actions, text).
 * Pure; problems are positioned diagnostics.
 *
 * @example
 * const { preuves, diagnostics } = parsePreuvesFiles([{ path: 'preuves/cae.md', content: text }]);
 */
export function parsePreuvesFiles(files: readonly SourceFile[], options: { tokenizer?: Tokenizer } = {}): ParsePreuvesResult {
  const diagnostics: Diagnostic[] = [];
  const preuves: Preuve[] = [];
  const seen = new Map<string, SourcePosition>();
  try {
    for (const f of files) {
      const file = f.displayPath ?? f.path;
      for (const item of buildOutline(f.content, { file, keywords: [], tokenizer: options.tokenizer }, diagnostics)) {
        const { meta } = readItemMeta(item.metadata, diagnostics);
        reportUnknownKeys(meta, ['id', 'actions'], diagnostics);
        const id = entryString(meta.get('id'));
        if (!id) {
          diagnostics.push(diagnostic('preuve-id-manquant', 'error', `Preuve « ${item.title} » sans \`id\`, attendu par exemple \`id: rapport_diag_pcaet\``, item.position));
          continue;
        }
        const idPos = meta.get('id')!.valuePosition;
        if (id.length > PREUVE_ID_MAX) {
          diagnostics.push(diagnostic('preuve-id-trop-long', 'error', `Id de preuve de ${id.length} caractères inattendu, attendu au plus ${PREUVE_ID_MAX}`, idPos));
        }
        const prior = seen.get(id);
        if (prior) {
          diagnostics.push(diagnostic('preuve-dupliquee', 'error', `Id de preuve \`${id}\` inattendu une seconde fois, attendu unique (déjà en ${prior.file}:${prior.line}:${prior.column})`, idPos));
          continue;
        }
        seen.set(id, item.position);
        preuves.push({
          id,
          nom: item.title,
          actions: entryStringList(meta.get('actions'), diagnostics, 'preuve-actions-invalides') ?? [],
          description: sectionText(item, 'description'),
          position: item.position,
        });
      }
    }
  } catch (error) {
    diagnostics.push(diagnostic('erreur-interne', 'error', `Erreur interne du parseur de preuves : ${String((error as Error)?.message ?? error)}`));
  }
  return { preuves, diagnostics };
}
