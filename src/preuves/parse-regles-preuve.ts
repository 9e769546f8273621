/**
 * Reads evidence-rule files (format in regle-preuve.ts). Problems are positioned diagnostics.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { buildOutline, walkOutline } from '../markdown/outline.js';
import { readItemMeta } from '../markdown/yaml-meta.js';
import { compileSeuil } from './compile-seuil.js';
import type { Periode, RegleDePreuve } from './regle-preuve.js';

export interface ReglesPreuveParse {
  regles: RegleDePreuve[];
  diagnostics: Diagnostic[];
}

const KNOWN_KEYS = new Set(['action_id', 'preuve', 'conditions', 'periode', 'champ_date']);

export function parsePeriode(text: string): Periode | null {
  const m = /^\s*(\d+)\s*(ans?|mois)\s*$/i.exec(text);
  if (!m) return null;
  return { quantite: Number(m[1]), unite: m[2]!.toLowerCase().startsWith('an') ? 'ans' : 'mois' };
}

/**
 * Evidence-rule files (path and Markdown text) → the evidence rules (proof list, conditions, period,
 * threshold formula). Pure; problems are positioned diagnostics.
 *
 * @example
 * const { regles, diagnostics } = parseReglesPreuveFiles([{ path: 'regles-preuve/cae.md', content: text }]);
 */
export function parseReglesPreuveFiles(files: readonly { path: string; content: string }[]): ReglesPreuveParse {
  const diagnostics: Diagnostic[] = [];
  const regles: RegleDePreuve[] = [];
  const seen = new Set<string>();
  for (const { path, content } of files) {
    const items = buildOutline(content, { file: path, keywords: [] }, diagnostics);
    for (const item of walkOutline(items)) {
      if (item.headingDepth !== 1) continue;
      const { meta, ok } = readItemMeta(item.metadata, diagnostics);
      if (!ok) continue;
      const at = item.position;
      const str = (k: string): string | null => {
        const v = meta.get(k)?.value;
        return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
      };
      for (const [k, entry] of meta) {
        if (!KNOWN_KEYS.has(k)) diagnostics.push(diagnostic('cle-yaml-inconnue', 'warning', `Clé \`${k}\` inattendue, attendu ${[...KNOWN_KEYS].join(', ')}`, entry.keyPosition));
      }
      const actionId = str('action_id');
      const preuve = str('preuve');
      if (!actionId || !preuve) {
        diagnostics.push(diagnostic('regle-preuve-incomplete', 'error', 'Règle de preuve incomplète : `action_id` et `preuve` attendus', at));
        continue;
      }
      if (seen.has(actionId)) {
        diagnostics.push(diagnostic('regle-preuve-dupliquee', 'error', `Seconde règle de preuve inattendue pour ${actionId}, attendu une seule`, at));
        continue;
      }
      const conditionsRaw = meta.get('conditions')?.value ?? [];
      const conditions = Array.isArray(conditionsRaw) ? conditionsRaw.map(String) : [String(conditionsRaw)];
      const periodeText = str('periode');
      const periode = periodeText ? parsePeriode(periodeText) : null;
      if (periodeText && !periode) {
        diagnostics.push(diagnostic('regle-preuve-periode', 'error', `Période inattendue « ${periodeText} », attendu par exemple « 4 ans » ou « 18 mois »`, meta.get('periode')!.valuePosition));
        continue;
      }
      const seuilSection = item.codes.find((c) => c.lang === 'formule' && c.sectionKey === 'seuil');
      if (!seuilSection) {
        diagnostics.push(diagnostic('regle-preuve-seuil', 'error', 'Section `## Seuil` avec un bloc ```formule attendue', at));
        continue;
      }
      const seuil = compileSeuil(seuilSection.value, { file: path, line: seuilSection.contentPosition.line, column: seuilSection.contentPosition.column }, diagnostics);
      if (!seuil) continue;
      seen.add(actionId);
      regles.push({
        actionId,
        titre: item.title,
        preuve,
        conditions,
        champDate: str('champ_date') ?? 'date',
        periode,
        seuil,
        description: item.sections.find((s) => s.key === 'seuil')?.text.trim() ?? '',
        position: at,
      });
    }
  }
  return { regles, diagnostics };
}
