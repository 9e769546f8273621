/**
 * Fast line-based tokenizer for the CommonMark subset the référentiel format uses: ATX headings,
 * fenced code blocks (``` and ~~~) and a `---` YAML frontmatter on the first line. It returns the
 * same blocks as remark-parse + remark-frontmatter on the TeT corpus (checked by a test), about ten
 * times faster, because it never tokenizes the prose.
 *
 * HTML blocks (`<!-- … -->`, `<pre>`, `<div>`…) are skipped the CommonMark way, so a `#` line inside a
 * comment is not a heading.
 *
 * Not recognised, and therefore kept as content: setext headings (`Titre` underlined with `===`),
 * headings inside lists or block quotes, and headings inside HTML blocks.
 */
import { type MdBlock, MdSource, atxHeading } from './blocks.js';

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export function scanBlocks(text: string): MdBlock[] {
  const src = new MdSource(text);
  const blocks: MdBlock[] = [];
  const n = src.lineCount;
  let i = 1;
  if (n >= 1 && /^---[ \t]*$/.test(src.line(1))) {
    for (let j = 2; j <= n; j++) {
      if (/^---[ \t]*$/.test(src.line(j))) {
        blocks.push({
          kind: 'frontmatter',
          value: j > 2 ? text.slice(src.lineStarts[1], src.lineStarts[j - 1]! - 1).replace(/\r\n/g, '\n').replace(/\r$/, '') : '',
          line: 1,
          column: 1,
          endLine: j,
          contentLine: 2,
          contentColumn: 1,
        });
        i = j + 1;
        break;
      }
    }
  }
  for (; i <= n; i++) {
    // Only lines starting (after up to 3 spaces) with `#`, ``` or ~~~ can open a block.
    let k = src.lineStarts[i - 1]!;
    const limit = k + 3;
    while (k < limit && text.charCodeAt(k) === 32) k++;
    const c = text.charCodeAt(k);
    if (c === 60) {
      i = skipHtmlBlock(src, i);
      continue;
    }
    if (c !== 35 && c !== 96 && c !== 126) continue;
    const line = src.line(i);
    const fence = FENCE_OPEN.exec(line);
    if (fence && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      const indent = fence[1]!.length;
      const marker = fence[2]!;
      const lang = (fence[3]!.trim().split(/[ \t]/)[0] ?? '').replace(/\\(.)/g, '$1');
      const content: string[] = [];
      let j = i + 1;
      let closed = false;
      for (; j <= n; j++) {
        const l = src.line(j);
        const close = FENCE_CLOSE.exec(l);
        if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) {
          closed = true;
          break;
        }
        content.push(stripIndent(l, indent));
      }
      blocks.push({
        kind: 'code',
        lang,
        value: content.join('\n'),
        line: i,
        column: indent + 1,
        endLine: closed ? j : n,
        contentLine: i + 1,
        contentColumn: indent + 1,
        closed,
      });
      i = closed ? j : n;
      continue;
    }
    const h = atxHeading(line);
    if (h) blocks.push({ kind: 'heading', depth: h.depth, text: h.text, line: i, column: h.column, textColumn: h.textColumn, endLine: i });
  }
  return blocks;
}

function stripIndent(line: string, indent: number): string {
  let k = 0;
  while (k < indent && line.charCodeAt(k) === 32) k++;
  return line.slice(k);
}

const HTML_RAW = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i;
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i;

/** CommonMark HTML block types 1, 2 and 6: returns the last line of the block starting at `i`. */
function skipHtmlBlock(src: MdSource, i: number): number {
  const line = src.line(i);
  const n = src.lineCount;
  let end: RegExp | null = null;
  if (/^ {0,3}<!--/.test(line)) end = /-->/;
  else if (HTML_RAW.test(line)) end = /<\/(pre|script|style|textarea)>/i;
  else if (/^ {0,3}<\?/.test(line)) end = /\?>/;
  else if (/^ {0,3}<![A-Za-z]/.test(line)) end = />/;
  else if (/^ {0,3}<!\[CDATA\[/.test(line)) end = /\]\]>/;
  if (end) {
    for (let j = i; j <= n; j++) if (end.test(j === i ? line.replace(/^ {0,3}<!--/, '') : src.line(j))) return j;
    return n;
  }
  if (HTML_BLOCK_TAG.test(line)) {
    let j = i;
    while (j + 1 <= n && src.line(j + 1).trim() !== '') j++;
    return j;
  }
  return i;
}
