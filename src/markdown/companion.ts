/** Small helpers shared by the question, rule and proof parsers (values read from YAML entries). */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import type { OutlineItem } from './outline.js';
import type { YamlEntry, YamlMeta } from './yaml-meta.js';

export function entryString(entry: YamlEntry | undefined): string | null {
  if (!entry || entry.value === null || entry.value === undefined) return null;
  if (entry.source !== null) return entry.source.trim();
  return typeof entry.value === 'string' || typeof entry.value === 'number' ? String(entry.value) : null;
}

export function entryStringList(entry: YamlEntry | undefined, diagnostics: Diagnostic[], code: string): string[] | null {
  if (!entry || entry.value === null) return null;
  const v = entry.value;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String);
  if (typeof v === 'string') return [v];
  diagnostics.push(diagnostic(code, 'error', `Valeur de \`${entry.key}\` inattendue, attendu une liste comme \`[cae_1.2.3, eci_2.2]\``, entry.valuePosition));
  return null;
}

export function entryNumber(entry: YamlEntry | undefined): number | null {
  return entry && typeof entry.value === 'number' && Number.isFinite(entry.value) ? entry.value : null;
}

export function reportUnknownKeys(meta: YamlMeta, known: readonly string[], diagnostics: Diagnostic[]): void {
  for (const [k, v] of meta) {
    if (!known.includes(k)) {
      diagnostics.push(diagnostic('cle-yaml-inconnue', 'warning', `Clé YAML \`${k}\` inattendue, attendu ${known.map((x) => `\`${x}\``).join(', ')} : ignorée`, v.keyPosition));
    }
  }
}

export function sectionText(item: OutlineItem, key: string): string {
  return item.sections.find((s) => s.key === key)?.text ?? '';
}

export { firstCharPosition } from '../personnalisation/visibilite.js';
