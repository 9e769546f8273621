/**
 * The block structure label-cae reads in its Markdown files: ATX headings, fenced code blocks and a
 * YAML frontmatter. Everything else is content, kept as source text and sliced by line.
 * Two tokenizers produce these blocks: `scanBlocks` (fast, line based, the default) and
 * `remarkBlocks` (unified + remark-parse + remark-frontmatter, the reference). A test checks that
 * they agree on the whole TeT corpus.
 */

export interface MdHeading {
  kind: 'heading';
  depth: number;
  /** Heading text as written: trimmed, closing `#`s removed, inner spaces kept. */
  text: string;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based column of the first `#`. */
  column: number;
  /** 1-based column of the text's first character (column after the `#`s when the text is empty). */
  textColumn: number;
  endLine: number;
}

export interface MdCode {
  kind: 'code';
  /** First word of the info string (`yaml`, `formule`), `''` when none. */
  lang: string;
  value: string;
  /** Line of the opening fence. */
  line: number;
  column: number;
  /** Line of the closing fence (or the last line of the file when the fence is never closed). */
  endLine: number;
  /** Line and column of the first character of the content. */
  contentLine: number;
  contentColumn: number;
  closed: boolean;
}

export interface MdFrontmatter {
  kind: 'frontmatter';
  value: string;
  line: number;
  column: number;
  endLine: number;
  contentLine: number;
  contentColumn: number;
}

export type MdBlock = MdHeading | MdCode | MdFrontmatter;

/** A tokenizer: source text in, structural blocks out, in source order. Never throws. */
export type Tokenizer = (source: string) => MdBlock[];

/**
 * The text less a leading byte order mark: files keep it (a rewrite keeps it too), but it is no
 * character of the first line, whose heading or frontmatter would otherwise go unseen.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Source text with its line starts, for slicing content by line. */
export class MdSource {
  readonly lineStarts: number[];
  /** False for the usual `\n`-only file: its slices need no CRLF normalisation. */
  readonly hasCarriageReturn: boolean;
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    this.hasCarriageReturn = text.indexOf('\r') !== -1;
  }
  get lineCount(): number {
    return this.lineStarts.length;
  }
  /** The text of one line (1-based), without its end of line. */
  line(n: number): string {
    const start = this.lineStarts[n - 1];
    if (start === undefined) return '';
    return this.text.slice(start, this.lineEnd(n));
  }
  /** Offset just past the last character of line `n` (1-based, existing), before its end of line. */
  lineEnd(n: number): number {
    const start = this.lineStarts[n - 1]!;
    const next = this.lineStarts[n];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  /**
   * Lines `from` to `to` inclusive (1-based) as written, without leading and trailing blank lines;
   * `''` when they are all blank.
   */
  slice(from: number, to: number): string {
    let a = Math.max(from, 1);
    let b = Math.min(to, this.lineCount);
    while (a <= b && this.isBlank(a)) a++;
    while (b >= a && this.isBlank(b)) b--;
    if (a > b) return '';
    const text = this.text.slice(this.lineStarts[a - 1]!, this.lineEnd(b));
    return this.hasCarriageReturn ? text.replace(/\r\n/g, '\n') : text;
  }
  /** True when line `n` holds only white space (as `trim` sees it). */
  private isBlank(n: number): boolean {
    const start = this.lineStarts[n - 1]!;
    const end = this.lineEnd(n);
    if (start === end) return true;
    // A printable ASCII first character settles it without slicing the line.
    const c = this.text.charCodeAt(start);
    if (c > 32 && c < 127) return false;
    return this.text.slice(start, end).trim() === '';
  }
}

const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/;

/** Parses the text of an ATX heading line the way CommonMark does; null when it is not one. */
export function atxHeading(line: string): { depth: number; text: string; column: number; textColumn: number } | null {
  const m = ATX.exec(line);
  if (!m) return null;
  const indent = m[1]!.length;
  const depth = m[2]!.length;
  let rest = line.slice(m[0].length);
  const lead = rest.length - rest.replace(/^[ \t]+/, '').length;
  rest = rest.slice(lead);
  // Closing sequence: spaces then #s at the end, or a text made only of #s.
  rest = rest.replace(/[ \t]+$/, '');
  if (/^#+$/.test(rest)) rest = '';
  else rest = rest.replace(/[ \t]+#+$/, '');
  rest = rest.replace(/[ \t]+$/, '');
  return { depth, text: rest, column: indent + 1, textColumn: indent + depth + lead + 1 };
}

/**
 * `atxHeading` on `text[start, end)`, one line without its end of line. The scanner calls it on
 * every heading of every file before the JIT has warmed up, so the usual shape (`#`s, one space,
 * a title not ending with `#` once trailing blanks are trimmed) is read in place with a few
 * character tests; anything else goes through `atxHeading`.
 */
export function atxHeadingAt(text: string, start: number, end: number): { depth: number; text: string; column: number; textColumn: number } | null {
  let k = start;
  while (k < end && k < start + 3 && text.charCodeAt(k) === 32) k++;
  let h = k;
  while (h < end && text.charCodeAt(h) === 35) h++;
  const depth = h - k;
  let to = end;
  while (to > h + 1 && isSpaceOrTab(text.charCodeAt(to - 1))) to--;
  if (depth >= 1 && depth <= 6 && h + 1 < to && text.charCodeAt(h) === 32 && !isSpaceOrTabOrHash(text.charCodeAt(h + 1)) && text.charCodeAt(to - 1) !== 35) {
    const indent = k - start;
    return { depth, text: text.slice(h + 1, to), column: indent + 1, textColumn: indent + depth + 2 };
  }
  return atxHeading(text.slice(start, end));
}

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;
const isSpaceOrTabOrHash = (c: number): boolean => c === 32 || c === 9 || c === 35;
