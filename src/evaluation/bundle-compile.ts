/**
 * Writing a bundle (`label-cae/bundle@2`) from a référentiel and the Markdown text of its
 * companions: each parsed here once, kept as JSON with the positions of its Markdown files (the
 * formulas as text). The Markdown and YAML parsers stay on this side: loading needs neither.
 */
import { type Diagnostic, type SourcePosition, hasErrors } from '../diagnostics/diagnostic.js';
import { compileReferentiel } from '../referentiel/compile-referentiel.js';
import type { Referentiel } from '../referentiel/model.js';
import { BUNDLE_FORMAT } from './bundle-format.js';
import type { Bundle } from './bundle-schema.js';
import { type CompanionFiles, parseCompanionFiles } from './context-from-files.js';

/** Only the fields of a position (the schema is strict). */
function pos(p: SourcePosition): SourcePosition {
  const out: SourcePosition = { file: p.file, line: p.line, column: p.column };
  if (p.endLine !== undefined) out.endLine = p.endLine;
  if (p.endColumn !== undefined) out.endColumn = p.endColumn;
  return out;
}

/**
 * A parsed référentiel and its companion files (questions, personalisation rules, evidence rules,
 * as Markdown text) → a `label-cae/bundle@2` value, or null with the diagnostics when a companion
 * has an error (a rule left out would change scores). Pure, never throws. The rules are compiled
 * against the questions here too, as `loadBundle` will.
 *
 * @example
 * const { bundle, diagnostics } = compileBundle(referentiel, { questions: [{ path: 'q.md', content: text }] });
 */
export function compileBundle(referentiel: Referentiel, companions: CompanionFiles): { bundle: Bundle | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bundle: Bundle = { format: BUNDLE_FORMAT, referentiel: compileReferentiel(referentiel) as unknown as Record<string, unknown> };
  const parsed = parseCompanionFiles(referentiel, companions, diagnostics);
  if (!parsed) return { bundle: null, diagnostics };
  if (parsed.questions) {
    bundle.questions = parsed.questions.map((q) => ({
      ...q,
      visibilite: q.visibilite ? { formule: q.visibilite.formule, position: pos(q.visibilite.position) } : null,
      choix: q.choix.map((c) => ({ ...c, position: pos(c.position) })),
      position: pos(q.position),
    }));
    if (companions.personnalisations) {
      bundle.personnalisations = (parsed.regles ?? []).map((e) => ({ ...e, position: pos(e.position), regles: e.regles.map((r) => ({ ...r, formulePosition: pos(r.formulePosition), position: pos(r.position) })) }));
    }
  }
  if (parsed.reglesPreuve) {
    bundle.reglesPreuve = parsed.reglesPreuve.map((x) => ({ ...x, position: pos(x.position), seuil: { formule: x.seuil.texte, position: { file: x.seuil.file, ...x.seuil.origine } } }));
  }
  return { bundle: hasErrors(diagnostics) ? null : bundle, diagnostics };
}
