/**
 * The few Markdown and YAML pieces the importer writes: headings, ```yaml blocks with scalars that
 * read back as written, ```formule blocks, and prose from spreadsheet cells made safe for our
 * line scanner (a cell must never open a heading, a fence or an HTML block of its own).
 */

export function heading(depth: number, text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' ? '#'.repeat(depth) : `${'#'.repeat(depth)} ${t}`;
}

export type YamlValue = string | number | readonly YamlValue[] | { readonly [k: string]: YamlValue };

/** A ```yaml block of `key: value` lines, values already written (`yamlValue`); null ones left out. */
export function yamlBlock(entries: readonly (readonly [string, string | null])[]): string {
  const lines = entries.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`);
  return `\`\`\`yaml\n${lines.join('\n')}\n\`\`\``;
}

/** Flow style on one line, so that each key stays one line of the block. */
export function yamlValue(v: YamlValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return yamlString(v);
  if (Array.isArray(v)) return `[${v.map(yamlValue).join(', ')}]`;
  const o = v as { readonly [k: string]: YamlValue };
  return `{${Object.keys(o).map((k) => `${k}: ${yamlValue(o[k]!)}`).join(', ')}}`;
}

const PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N}_ .\-’]*$/u;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const YAML_NUMBER = /^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$|^0[xob]/i;

/** Plain when YAML reads it back as this same string, JSON-quoted (valid YAML) otherwise. */
export function yamlString(s: string): string {
  if (s !== '' && PLAIN.test(s) && !s.endsWith(' ') && !YAML_WORDS.test(s) && !YAML_NUMBER.test(s)) return s;
  return JSON.stringify(s);
}

/**
 * An identifiant as our corpus writes it: plain (`1.1.1`, `1.1.6.3.a`), quoted only when YAML
 * would read a different number (`1.10`, `2.0`), which the `identifiant-numerique` lint rule asks.
 */
export function yamlIdentifiant(identifiant: string): string {
  if (identifiant === '') return '""';
  if (/^\d+(\.\d+)?$/.test(identifiant) && String(Number(identifiant)) !== identifiant) return `"${identifiant}"`;
  return identifiant;
}

const BLOCK_START = /^( {0,3})(#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<!--|<\?|<![A-Za-z[]|<\/?(?:pre|script|style|textarea)\b)/i;

/**
 * A cell's prose: line ends normalised, trailing spaces dropped (lint warns on them), blank lines
 * around trimmed, and a backslash before any line start our scanner would read as structure.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/, '').replace(BLOCK_START, '$1\\$2'))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{3,}/g, '\n\n');
}

/** A formula in its fence: lines right-trimmed, the text otherwise as written. */
export function formuleBlock(formule: string): string {
  const body = formule.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, '')).join('\n').trim();
  return `\`\`\`formule\n${body}\n\`\`\``;
}

/** Joins blocks with one blank line between them and a final newline. */
export function joinBlocks(blocks: readonly string[]): string {
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
}
