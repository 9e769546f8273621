/**
 * Aligned plain-text tables for the terminal. Widths are measured on NFC code points, so accented
 * names (`É` written as `E` + combining accent or as one code point) line up; styles are applied after
 * padding, so ANSI codes never count.
 */
import type { Paint, Style } from './color.js';
import { displayWidth, padEnd, padStart, truncate } from './format.js';

export interface TextColumn {
  header: string;
  align: 'left' | 'right';
  /** Longer cells are cut with `…`. */
  maxWidth?: number;
  /** At least this wide, whatever the cells: the same column width in every table of a report. */
  minWidth?: number;
  headerStyle?: Style;
}

export interface TextCell {
  text: string;
  style?: Style | readonly Style[];
  /** The last cell of a row may run over the next (empty) columns: not measured. */
  overflow?: boolean;
}

export function formatTextTable(columns: readonly TextColumn[], rows: readonly (readonly TextCell[])[], paint: Paint, gap = '  '): string[] {
  const cells = rows.map((row) =>
    columns.map((col, i) => {
      const cell = row[i] ?? { text: '' };
      const text = col.maxWidth ? truncate(cell.text, col.maxWidth) : cell.text.normalize('NFC');
      return { text, style: cell.style, overflow: cell.overflow === true };
    }),
  );
  const widths = columns.map((col, i) => Math.max(col.minWidth ?? 0, displayWidth(col.header), ...cells.map((r) => (r[i]!.overflow ? 0 : displayWidth(r[i]!.text)))));
  const pad = (text: string, i: number): string => (columns[i]!.align === 'right' ? padStart(text, widths[i]!) : padEnd(text, widths[i]!));
  const line = (parts: string[]): string => parts.join(gap).trimEnd();
  const header = line(columns.map((c, i) => paint(c.headerStyle ?? 'bold', pad(c.header, i))));
  const rule = paint('dim', widths.map((w) => '─'.repeat(w)).join(gap));
  return [header, rule, ...cells.map((r) => line(r.map((c, i) => (c.style ? paint(c.style, pad(c.text, i)) : pad(c.text, i)))))];
}
