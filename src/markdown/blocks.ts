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

/** Source text with its line starts, for slicing content by line. */
export class MdSource {
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }
  get lineCount(): number {
    return this.lineStarts.length;
  }
  /** The text of one line (1-based), without its end of line. */
  line(n: number): string {
    const start = this.lineStarts[n - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[n];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
  /**
   * Lines `from` to `to` inclusive (1-based) as written, without leading and trailing blank lines;
   * `''` when they are all blank.
   */
  slice(from: number, to: number): string {
    let a = Math.max(from, 1);
    let b = Math.min(to, this.lineCount);
    while (a <= b && this.line(a).trim() === '') a++;
    while (b >= a && this.line(b).trim() === '') b--;
    if (a > b) return '';
    const start = this.lineStarts[a - 1]!;
    const next = this.lineStarts[b];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end).replace(/\r\n/g, '\n');
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
