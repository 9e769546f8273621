/**
 * Lines of a text stream, pulled one chunk at a time: the next chunk is read only when the
 * consumer asks for more lines, so a slow consumer (scoring) never makes lines pile up in memory,
 * whatever the input's size. (readline's async iterator reads ahead.)
 *
 * Linear in the input: each chunk is searched once for newlines, and the pieces of a long line are
 * joined once, when it ends. A line longer than `maxChars` is not kept at all: its pieces are
 * dropped as soon as the limit is passed, and it is yielded as a `LigneTropLongue` with its length.
 */
import { StringDecoder } from 'node:string_decoder';

export interface LigneTropLongue {
  tooLong: true;
  /** Characters of the line, without its end. */
  length: number;
}

export async function* readLines(input: AsyncIterable<Buffer | string>, maxChars = Number.POSITIVE_INFINITY): AsyncGenerator<string | LigneTropLongue> {
  const decoder = new StringDecoder('utf8');
  let parts: string[] = [];
  let partLength = 0;
  let overflow = false;
  /** Ends the current line with `last` (its final piece); strips a CR before the newline. */
  const finish = (last: string): string | LigneTropLongue => {
    const total = partLength + last.length;
    let line: string | LigneTropLongue;
    if (overflow || total > maxChars) line = { tooLong: true, length: total };
    else line = parts.length === 0 ? last : parts.join('') + last;
    parts = [];
    partLength = 0;
    overflow = false;
    return line;
  };
  const keep = (piece: string): void => {
    partLength += piece.length;
    if (overflow) return;
    if (partLength > maxChars) {
      overflow = true;
      parts = [];
    } else parts.push(piece);
  };
  const withoutCr = (line: string | LigneTropLongue): string | LigneTropLongue => {
    if (typeof line !== 'string') return line;
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      yield withoutCr(finish(text.slice(start, nl)));
      start = nl + 1;
    }
    if (start < text.length) keep(text.slice(start));
  }
  const rest = decoder.end();
  if (rest !== '') keep(rest);
  if (partLength > 0 || overflow) yield withoutCr(finish(''));
}
