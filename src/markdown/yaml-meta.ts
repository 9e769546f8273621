/**
 * Reads a fenced ```yaml block (or a frontmatter) into key → value, with the exact source position
 * of every key and value. Positions come from yaml's `LineCounter`, offset by the block's first
 * content line. Scalars keep their source text, because `identifiant: 1.10` must stay `1.10`.
 */
import { LineCounter, isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import type { OutlineCode } from './outline.js';

/** Alias expansion limit: a "billion laughs" block becomes a diagnostic instead of eating memory. */
const MAX_ALIAS_COUNT = 100;

export interface YamlEntry {
  key: string;
  /** The value as JavaScript (numbers, strings, lists…). */
  value: unknown;
  /** Source text of a scalar value without its quotes (`1.10`, `mise en œuvre`), null otherwise. */
  source: string | null;
  /** True when the scalar was quoted (`"6"`): then it is a string, whatever it looks like. */
  quoted: boolean;
  keyPosition: SourcePosition;
  valuePosition: SourcePosition;
}

export type YamlMeta = Map<string, YamlEntry>;

export function readYamlBlock(code: OutlineCode, diagnostics: Diagnostic[]): YamlMeta | null {
  const base = code.contentPosition;
  const lineCounter = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const lp = lineCounter.linePos(offset);
    return { file: base.file, line: base.line + lp.line - 1, column: base.column + lp.col - 1 };
  };
  let doc;
  try {
    doc = parseDocument(code.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    diagnostics.push(diagnostic('yaml-invalide', 'error', `YAML invalide : ${String((error as Error)?.message ?? error)}`, code.position));
    return null;
  }
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 3)) {
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      diagnostics.push(diagnostic('yaml-invalide', 'error', `YAML invalide : ${message}`, at(e.pos[0])));
    }
    return null;
  }
  const meta: YamlMeta = new Map();
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return meta;
  if (!isMap(contents)) {
    const range = (contents as YamlNode).range;
    diagnostics.push(
      diagnostic('yaml-non-objet', 'error', 'Contenu YAML inattendu, attendu des paires `clé: valeur`', range ? at(range[0]) : code.contentPosition),
    );
    return null;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const keyRange = keyNode?.range ?? [0, 0, 0];
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const valueNode = pair.value as YamlNode | null;
    let value: unknown;
    try {
      value = valueNode ? valueNode.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : null;
    } catch (error) {
      diagnostics.push(diagnostic('yaml-invalide', 'error', `YAML invalide : ${String((error as Error)?.message ?? error)}`, at(keyRange[0])));
      return null;
    }
    let source: string | null = null;
    let quoted = false;
    if (isScalar(valueNode)) {
      quoted = valueNode.type === 'QUOTE_DOUBLE' || valueNode.type === 'QUOTE_SINGLE';
      source = quoted || valueNode.type === 'BLOCK_LITERAL' || valueNode.type === 'BLOCK_FOLDED' ? String(valueNode.value ?? '') : (valueNode.source ?? (valueNode.value === null ? '' : String(valueNode.value)));
    }
    meta.set(key, {
      key,
      value,
      source,
      quoted,
      keyPosition: at(keyRange[0]),
      valuePosition: valueNode?.range ? at(valueNode.range[0]) : at(keyRange[1]),
    });
  }
  return meta;
}

/**
 * Reads every YAML block of an item and merges them (frontmatter first). A key given twice is
 * reported and the first value kept.
 */
export function readItemMeta(blocks: readonly OutlineCode[], diagnostics: Diagnostic[]): { meta: YamlMeta; ok: boolean } {
  const meta: YamlMeta = new Map();
  let ok = true;
  for (const block of blocks) {
    const m = readYamlBlock(block, diagnostics);
    if (!m) {
      ok = false;
      continue;
    }
    for (const [k, v] of m) {
      const prior = meta.get(k);
      if (prior) {
        diagnostics.push(
          diagnostic('cle-yaml-dupliquee', 'warning', `Clé \`${k}\` inattendue une seconde fois, attendue une seule fois par titre (première valeur gardée)`, v.keyPosition),
        );
        continue;
      }
      meta.set(k, v);
    }
  }
  return { meta, ok };
}
