/**
 * Reads a fenced ```yaml block (or a frontmatter) into key → value, with the exact source position
 * of every key and value. Positions come from yaml's `LineCounter`, offset by the block's first
 * content line. Scalars keep their source text, because `identifiant: 1.10` must stay `1.10`.
 */
import type { Node as YamlNode } from 'yaml';
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import { MARKDOWN_LIMITS } from './limits.js';
import { yamlLibrary } from './yaml-library.js';
import type { OutlineCode } from './outline.js';

/** Alias expansion limit: a "billion laughs" block becomes a diagnostic instead of eating memory. */
const MAX_ALIAS_COUNT = MARKDOWN_LIMITS.maxYamlAliases;

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
  return readSimpleYaml(code) ?? readYamlWithLibrary(code, diagnostics);
}

/** Reads the block with the `yaml` package (the reference), whatever it contains. */
export function readYamlWithLibrary(code: OutlineCode, diagnostics: Diagnostic[]): YamlMeta | null {
  const { LineCounter, isMap, isScalar, parseDocument } = yamlLibrary();
  const base = code.contentPosition;
  const lineCounter = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const lp = lineCounter.linePos(offset);
    return { file: base.file, line: base.line + lp.line - 1, column: base.column + lp.col - 1 };
  };
  let doc;
  try {
    // logLevel 'error': yaml's warnings (a list used as a key…) would go to process.emitWarning.
    doc = parseDocument(code.value, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
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
      const message = String((error as Error)?.message ?? error);
      const text = /Excessive alias count/.test(message)
        ? `YAML invalide : trop d'alias développés, attendu au plus ${MAX_ALIAS_COUNT} par bloc (protection contre les « bombes » d'alias)`
        : `YAML invalide : ${message}`;
      diagnostics.push(diagnostic('yaml-invalide', 'error', text, at(keyRange[0])));
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
  if (blocks.length === 1) {
    // The usual case: nothing to merge, the block's map is the item's.
    const m = readYamlBlock(blocks[0]!, diagnostics);
    return m ? { meta: m, ok: true } : { meta: new Map(), ok: false };
  }
  const meta: YamlMeta = new Map();
  let ok = true;
  for (const block of blocks) {
    const m = readYamlBlock(block, diagnostics);
    if (!m) {
      ok = false;
      continue;
    }
    for (const v of m.values()) {
      const k = v.key;
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

// Fast path: `key: value` lines whose values are unambiguous — decimal numbers, plain words,
// "double-quoted" text without escapes, and [flow, lists] of plain words. Anything else (comments
// after values, nesting, anchors, escapes, YAML 1.2 special values…) goes to the yaml package.
// A test checks that both give identical entries on every block of the TeT corpus.
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_]*)([ \t]*):(?:([ \t]+)(.*?))?[ \t]*$/;
// Indentation is spaces only: YAML forbids tabs there (the package rejects `\t- a`).
const BLOCK_ITEM = /^ +-[ \t]+(.*?)[ \t]*$/;
const INT = /^-?(?:0|[1-9][0-9]*)$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
const WORD = /^[\p{L}\p{N}_][\p{L}\p{N}_ .'’()/-]*$/u;
// Subsets of WORD tried first: the `u` regex with Unicode classes costs ~1.5 ms to compile, more
// than all the blocks of a référentiel take to read. Latin letters (U+00C0–U+017F less × and ÷)
// are all \p{L}.
const LATIN_WORD = /^[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F][A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F .'’()/-]*$/;
/** `1.2.3`: an identifiant, a plain word for YAML (two dots make it no number). */
const DOTTED = /^[0-9]+(?:\.[0-9]+){2,}$/;
const CORE_SPECIAL =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|null|Null|NULL|~|true|True|TRUE|false|False|FALSE)$/;
const LIST_ITEM = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function simpleWord(text: string): boolean {
  return (LATIN_WORD.test(text) || WORD.test(text)) && !CORE_SPECIAL.test(text) && !/\s#|:\s|:$/.test(text);
}

export function readSimpleYaml(code: OutlineCode): YamlMeta | null {
  const meta: YamlMeta = new Map();
  const base = code.contentPosition;
  const lines = code.value.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.charCodeAt(0) === 35 || line.trim() === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return null;
    const key = m[1]!;
    if (meta.has(key)) return null;
    const text = m[4] ?? '';
    const valueColumn = key.length + m[2]!.length + 1 + (m[3]?.length ?? 0) + 1;
    let value: unknown;
    let source: string | null = text;
    let quoted = false;
    if (text === '') {
      value = null;
      // A block list of plain words: `actions:` then `  - cae_1.1.1.3` lines.
      const items: string[] = [];
      let indent = -1;
      while (i + 1 < lines.length) {
        const item = BLOCK_ITEM.exec(lines[i + 1]!);
        if (!item) break;
        if (!LIST_ITEM.test(item[1]!) || CORE_SPECIAL.test(item[1]!)) return null;
        // Items of one list share their indentation; a deeper `- x` continues the previous
        // item's scalar for YAML (`a - x`): the package decides.
        const dash = lines[i + 1]!.indexOf('-');
        if (indent === -1) indent = dash;
        else if (dash !== indent) return null;
        items.push(item[1]!);
        i++;
      }
      if (items.length > 0) {
        meta.set(key, { key, value: items, source: null, quoted: false, keyPosition: { file: base.file, line: base.line + lineOfKey(i, items.length), column: base.column }, valuePosition: { file: base.file, line: base.line + lineOfKey(i, items.length) + 1, column: base.column + lines[lineOfKey(i, items.length) + 1]!.indexOf('-') } });
        continue;
      }
      source = '';
    } else if (DOTTED.test(text)) value = text;
    else if (INT.test(text)) {
      value = Number(text);
      if (!Number.isSafeInteger(value)) return null;
    } else if (DECIMAL.test(text)) value = Number(text);
    else if (/^"[^"\\]*"$/.test(text)) {
      value = text.slice(1, -1);
      source = value as string;
      quoted = true;
    } else if (text.startsWith('[') && text.endsWith(']')) {
      const inner = text.slice(1, -1).trim();
      const items = inner === '' ? [] : inner.split(',').map((x) => x.trim());
      if (!items.every((x) => LIST_ITEM.test(x) && !CORE_SPECIAL.test(x))) return null;
      value = items;
      source = null;
    } else if (simpleWord(text)) value = text;
    else return null;
    meta.set(key, {
      key,
      value,
      source,
      quoted,
      keyPosition: { file: base.file, line: base.line + i, column: base.column },
      valuePosition: { file: base.file, line: base.line + i, column: base.column + valueColumn - 1 },
    });
  }
  return meta;
}

const lineOfKey = (last: number, count: number): number => last - count;
