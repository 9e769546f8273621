/**
 * One error class for the formula language, with a stable code and a position. Parse errors are
 * thrown as `FormuleError`; static checks return the same codes as `Diagnostic`s.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.js';
import type { FormulePosition } from './ast.js';

export type FormuleErrorCode =
  /** Syntax: unexpected token or character, missing `alors`, `)`… */
  | 'formule-syntaxe'
  /** Wrong number of arguments of a call. */
  | 'formule-arite'
  /** Call of a function the language does not have (`foo(x)`). */
  | 'formule-fonction-inconnue'
  /** Formula too long or too deeply nested (see LIMITES). */
  | 'formule-limite'
  /** Static checks: */
  | 'formule-question-inconnue'
  | 'formule-choix-inconnu'
  | 'formule-valeur-binaire'
  | 'formule-forme-reponse'
  | 'formule-identite-inconnue'
  | 'formule-score-inconnu'
  /** `referentiel(x)` with an unknown référentiel or a version that is not semver. */
  | 'formule-referentiel-inconnu'
  | 'formule-type-operande'
  | 'formule-type-resultat';

export const FORMULE_ERROR_CODES: readonly FormuleErrorCode[] = [
  'formule-syntaxe',
  'formule-arite',
  'formule-fonction-inconnue',
  'formule-limite',
  'formule-question-inconnue',
  'formule-choix-inconnu',
  'formule-valeur-binaire',
  'formule-forme-reponse',
  'formule-identite-inconnue',
  'formule-score-inconnu',
  'formule-referentiel-inconnu',
  'formule-type-operande',
  'formule-type-resultat',
];

export class FormuleError extends Error {
  override readonly name = 'FormuleError';
  /** The bare French reason, without the position prefix. */
  readonly raison: string;

  constructor(
    readonly code: FormuleErrorCode,
    raison: string,
    readonly position: SourcePosition,
    /** Offset in the formula text, and the text itself, to render the caret. */
    readonly offset: number,
    readonly source: string,
  ) {
    super(`${position.file}:${position.line}:${position.column}: ${raison}`);
    this.raison = raison;
  }

  toDiagnostic(): Diagnostic {
    return { code: this.code, severity: 'error', message: this.raison, position: this.position };
  }
}

export function isFormuleError(e: unknown, code?: FormuleErrorCode): e is FormuleError {
  return e instanceof FormuleError && (code === undefined || e.code === code);
}

/**
 * Renders the error with the line of the formula and a caret under the column:
 *
 *     cae_6.md:8:31: « alors » attendu après la condition, trouvé « 3 »
 *       si identite(type, commune) 3/4
 *                                  ^
 */
export function formatFormuleError(e: FormuleError): string {
  return `${e.message}\n${caretLines(e.source, e.offset)}`;
}

/** The source line holding `offset`, then a caret under it (tabs kept so the caret lines up). */
export function caretLines(source: string, offset: number): string {
  const at = Math.max(0, Math.min(offset, source.length));
  const start = source.lastIndexOf('\n', at - 1) + 1;
  let stop = source.indexOf('\n', at);
  if (stop < 0) stop = source.length;
  let line = source.slice(start, stop).replace(/\r$/, '');
  let rel = at - start;
  // Very long lines (hostile input): show a window around the column.
  const WINDOW = 100;
  let prefix = '';
  if (line.length > 2 * WINDOW) {
    const from = Math.max(0, rel - WINDOW);
    line = line.slice(from, from + 2 * WINDOW);
    if (from > 0) prefix = '…';
    rel -= from;
  }
  const pad = line.slice(0, rel).replace(/[^\t]/g, ' ');
  return `  ${prefix}${line}\n  ${prefix ? ' ' : ''}${pad}^`;
}

/** Maps formula offsets to absolute file positions. */
export class PositionMapper {
  private readonly lineStarts: number[] = [0];
  constructor(
    source: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  at(offset: number): FormulePosition {
    // Binary search for the line holding offset.
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const col = offset - this.lineStarts[lo]!;
    return { offset, line: this.line + lo, column: lo === 0 ? this.column + col : col + 1 };
  }

  source(p: FormulePosition): SourcePosition {
    return { file: this.file, line: p.line, column: p.column };
  }
}
