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
 * headings on a list item's or block quote's first line (`- # Titre`, `> # Titre`), and headings
 * inside HTML blocks. One difference with remark remains, since lists are not tracked: a heading or
 * fence on a list item's continuation line (`- item`, then `  # Titre`) is a block of the file here
 * and part of the item for remark (the TeT corpus has none). A leading BOM is not part of line 1.
 *
 * It mostly runs once per process (`cae build`), before the JIT has warmed up: lines are tested by
 * their first character in place, and only candidate lines are sliced or given to a regex.
 */
import { type MdBlock, type MdCode, MdSource, atxHeadingAt, withoutBom } from './blocks.js';

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export function scanBlocks(text: string): MdBlock[] {
  return scanSource(new MdSource(withoutBom(text)));
}

/** `scanBlocks` on a source whose lines are already indexed (the outline builder shares it), BOM removed. */
export function scanSource(src: MdSource): MdBlock[] {
  const text = src.text;
  const starts = src.lineStarts;
  const blocks: MdBlock[] = [];
  const n = src.lineCount;
  const hasCr = src.hasCarriageReturn;
  let i = 1;
  if (n >= 1 && /^---[ \t]*$/.test(src.line(1))) {
    for (let j = 2; j <= n; j++) {
      if (/^---[ \t]*$/.test(src.line(j))) {
        blocks.push({
          kind: 'frontmatter',
          value: j > 2 ? text.slice(starts[1], starts[j - 1]! - 1).replace(/\r\n/g, '\n').replace(/\r$/, '') : '',
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
  for (i = nextCandidateLine(text, starts, i); i <= n; i = nextCandidateLine(text, starts, i + 1)) {
    const k = firstAfterIndent(text, starts[i - 1]!);
    const c = text.charCodeAt(k);
    if (c === 35) {
      const h = atxHeadingAt(text, starts[i - 1]!, src.lineEnd(i));
      if (h) blocks.push({ kind: 'heading', depth: h.depth, text: h.text, line: i, column: h.column, textColumn: h.textColumn, endLine: i });
    } else if (c === 96 || c === 126) {
      const code = fencedBlock(src, i, c, hasCr);
      if (code) {
        blocks.push(code);
        i = code.endLine;
      }
    } else if (c === 60) {
      i = skipHtmlBlock(src, i, k);
    }
  }
  return blocks;
}

// Only lines starting (after up to 3 spaces) with `#`, ``` ` ```, `~` or `<` can open a block. The
// search for them runs in the regex engine, so the JavaScript loop only sees those lines (about a
// fifth of a référentiel's), not every line of every file.
const CANDIDATE = /\n {0,3}[#`~<]/g;

/** The first line from `from` on (1-based) that may open a block; past the last line when none. */
function nextCandidateLine(text: string, starts: readonly number[], from: number): number {
  const n = starts.length;
  if (from > n) return from;
  const first = text.charCodeAt(firstAfterIndent(text, starts[from - 1]!));
  if (first === 35 || first === 96 || first === 126 || first === 60) return from;
  if (from === n) return n + 1;
  // Search from the `\n` that ends line `from`.
  CANDIDATE.lastIndex = starts[from]! - 1;
  if (!CANDIDATE.test(text)) return n + 1;
  const found = CANDIDATE.lastIndex - 1;
  let line = from + 1;
  while (line < n && starts[line]! <= found) line++;
  return line;
}

/** Offset of the first character after up to 3 spaces from `start`. */
function firstAfterIndent(text: string, start: number): number {
  let k = start;
  while (k < start + 3 && text.charCodeAt(k) === 32) k++;
  return k;
}

/** The fenced block opening on line `i` (whose fence character is `c`), or null when it is none. */
function fencedBlock(src: MdSource, i: number, c: number, hasCr: boolean): MdCode | null {
  const fence = FENCE_OPEN.exec(src.line(i));
  if (!fence || (fence[2]![0] === '`' && fence[3]!.includes('`'))) return null;
  const text = src.text;
  const starts = src.lineStarts;
  const n = src.lineCount;
  const indent = fence[1]!.length;
  const marker = fence[2]!;
  let j = i + 1;
  let closed = false;
  for (; j <= n; j++) {
    // Cheap test first: a closing fence starts with the opening fence's character.
    if (text.charCodeAt(firstAfterIndent(text, starts[j - 1]!)) !== c) continue;
    const close = FENCE_CLOSE.exec(src.line(j));
    if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) {
      closed = true;
      break;
    }
  }
  return {
    kind: 'code',
    lang: infoLang(fence[3]!),
    // Unclosed, the block runs to the end of the file; a final line break ends the last line, it
    // does not open an empty one (CommonMark).
    value: fenceContent(src, i + 1, closed ? j - 1 : text.endsWith('\n') ? n - 1 : n, indent, hasCr),
    line: i,
    column: indent + 1,
    endLine: closed ? j : n,
    contentLine: i + 1,
    contentColumn: indent + 1,
    closed,
  };
}

/** First word of a fence's info string, backslash escapes resolved (`yaml`, `formule`). */
function infoLang(info: string): string {
  let lang = info.trim();
  if (lang.includes(' ') || lang.includes('\t')) lang = lang.split(/[ \t]/)[0]!;
  return lang.includes('\\') ? lang.replace(/\\(.)/g, '$1') : lang;
}

/**
 * Lines `from` to `to` of a fenced block, less the fence's indentation, joined with `\n`. Without
 * indentation or carriage returns, that is exactly the source text: one slice, no line array.
 */
function fenceContent(src: MdSource, from: number, to: number, indent: number, hasCr: boolean): string {
  if (from > to) return '';
  if (indent === 0 && !hasCr) return src.text.slice(src.lineStarts[from - 1]!, src.lineEnd(to));
  const content: string[] = [];
  for (let j = from; j <= to; j++) content.push(stripIndent(src.line(j), indent));
  return content.join('\n');
}

/**
 * The line less up to `indent` columns of indentation, as CommonMark removes a fence's indentation
 * from its content: a tab advances to the next multiple of 4 columns, and a tab that straddles the
 * limit leaves its remaining columns as spaces.
 */
function stripIndent(line: string, indent: number): string {
  let k = 0;
  let column = 0;
  while (column < indent && k < line.length) {
    const ch = line[k];
    if (ch === ' ') column++;
    else if (ch === '\t') {
      const next = column + 4 - (column % 4);
      if (next > indent) return ' '.repeat(next - indent) + line.slice(k + 1);
      column = next;
    } else break;
    k++;
  }
  return line.slice(k);
}

const HTML_RAW = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i;
// CommonMark's type 6 names. Read as one tag name then looked up: the equivalent regex alternation
// with the `i` flag takes about a millisecond to compile, more than all the lookups of a build.
const HTML_TAG_NAME = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)/;
const HTML_BLOCK_TAGS = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(
    ' ',
  ),
);

/**
 * CommonMark HTML block types 1, 2 and 6: returns the last line of the block starting at `i`,
 * whose `<` is at offset `lt`.
 */
function skipHtmlBlock(src: MdSource, i: number, lt: number): number {
  // Every such block starts with `<!`, `<?`, `</` or `<` and an ASCII letter: `<a`-less text such
  // as `<= 30` is settled without a regex.
  const next = src.text.charCodeAt(lt + 1);
  if (next !== 33 && next !== 63 && next !== 47 && !((next >= 65 && next <= 90) || (next >= 97 && next <= 122))) return i;
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
  const tag = HTML_TAG_NAME.exec(line);
  if (tag && HTML_BLOCK_TAGS.has(tag[1]!.toLowerCase())) {
    let j = i;
    while (j + 1 <= n && src.line(j + 1).trim() !== '') j++;
    return j;
  }
  return i;
}
