/**
 * The reference tokenizer: unified + remark-parse + remark-frontmatter. Slower than `scanBlocks`
 * (it tokenizes the prose too) but it is the CommonMark parser; pass it as the `tokenizer` option
 * when a file uses Markdown beyond the référentiel format (headings inside lists, setext headings).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { type MdBlock, MdSource, atxHeading, withoutBom } from './blocks.js';

let processor: ReturnType<typeof makeProcessor> | undefined;
function makeProcessor() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
}

interface MdastNode {
  type: string;
  depth?: number;
  lang?: string | null;
  value?: string;
  position?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/** A closing fence: the opening's character, at least as many, nothing but spaces after (CommonMark). */
function closes(opening: string, line: string): boolean {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(opening)![1]!;
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
  return close !== undefined && close[0] === open[0] && close.length >= open.length;
}

const lf = (s: string): string => (s.includes('\r') ? s.replace(/\r\n/g, '\n') : s);

/**
 * The reference Markdown tokenizer on remark-parse: a file's text → its blocks (headings, fences,
 * frontmatter), as the built-in scanner gives them. Pass it as `{ tokenizer: remarkBlocks }` to
 * the parsers to compare.
 *
 * @example
 * const { referentiel } = parseReferentielFiles(files, { tokenizer: remarkBlocks });
 */
export function remarkBlocks(source: string): MdBlock[] {
  processor ??= makeProcessor();
  const text = withoutBom(source);
  const src = new MdSource(text);
  const root = processor.parse(text) as unknown as { children: MdastNode[] };
  const blocks: MdBlock[] = [];
  for (const node of root.children) {
    const pos = node.position;
    if (!pos) continue;
    if (node.type === 'heading') {
      const line = src.line(pos.start.line);
      const h = atxHeading(line);
      if (!h) continue; // setext heading: content for us
      blocks.push({ kind: 'heading', depth: node.depth ?? h.depth, text: h.text, line: pos.start.line, column: h.column, textColumn: h.textColumn, endLine: pos.end.line });
    } else if (node.type === 'code') {
      const opening = src.line(pos.start.line);
      if (!/^ {0,3}(`{3,}|~{3,})/.test(opening)) continue; // indented code
      const closed = pos.end.line > pos.start.line && closes(opening, src.line(pos.end.line));
      blocks.push({
        kind: 'code',
        lang: node.lang ?? '',
        // Lines joined with \n, as the scanner gives them (remark keeps the file's \r\n).
        value: lf(node.value ?? ''),
        line: pos.start.line,
        column: pos.start.column,
        endLine: pos.end.line,
        contentLine: pos.start.line + 1,
        contentColumn: pos.start.column,
        closed,
      });
    } else if (node.type === 'yaml') {
      blocks.push({ kind: 'frontmatter', value: lf(node.value ?? ''), line: pos.start.line, column: 1, endLine: pos.end.line, contentLine: pos.start.line + 1, contentColumn: 1 });
    }
  }
  return blocks;
}
