/**
 * Fitting terminal lines to a width: free text wraps at spaces (continuation lines indented under
 * the first word), a word longer than the line is cut. Widths ignore ANSI codes, so a coloured
 * line wraps where the plain one does.
 */
import { stripAnsi } from './color.js';
import { displayWidth } from './format.js';

const visible = (s: string): number => displayWidth(stripAnsi(s));

export function wrapLine(line: string, width: number): string[] {
  if (visible(line) <= width) return [line];
  const indent = /^ */.exec(stripAnsi(line))![0].length;
  const pad = ' '.repeat(Math.min(indent + 2, Math.floor(width / 2)));
  const words = line.slice(indent).split(' ');
  const out: string[] = [];
  let cur = ' '.repeat(indent);
  let curEmpty = true;
  for (const word of words) {
    const sep = curEmpty ? '' : ' ';
    if (visible(cur) + sep.length + visible(word) <= width) {
      cur += sep + word;
      curEmpty = false;
      continue;
    }
    if (!curEmpty) out.push(cur);
    cur = pad;
    curEmpty = true;
    let rest = word;
    // A word wider than a line (a path, a long code) is cut, never left to overflow.
    while (visible(cur) + visible(rest) > width) {
      const room = width - visible(cur);
      const chars = [...stripAnsi(rest)];
      out.push(cur + chars.slice(0, room).join(''));
      rest = chars.slice(room).join('');
    }
    cur += rest;
    curEmpty = rest === '';
  }
  if (!curEmpty) out.push(cur);
  return out;
}

export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((l) => wrapLine(l, width));
}
