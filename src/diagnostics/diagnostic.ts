/**
 * Problems found in user input are values, not exceptions: every parser returns them beside its
 * result, so a tool can show all of them at once, each at its place.
 */

/** A place in a source file. Lines and columns are 1-based, as editors show them. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable ASCII code, such as `pourcentages-somme-100`. Never translated, never renamed. */
  code: string;
  severity: Severity;
  /** French, worded « X inattendu, attendu Y » where it fits. */
  message: string;
  position?: SourcePosition;
  /** JSON pointer into a JSON input (dossiers), when the problem is there. */
  pointer?: string;
}

export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  position?: SourcePosition,
): Diagnostic {
  return position ? { code, severity, message, position } : { code, severity, message };
}

/** `6.1.1.md:148:14` — the form editors and terminals turn into links. */
export function formatPosition(p: SourcePosition): string {
  return `${p.file}:${p.line}:${p.column}`;
}

/** One line per diagnostic, for stderr: `6.1.1.md:12:3: erreur [yaml-invalide] …`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.position ? `${formatPosition(d.position)}: ` : d.pointer !== undefined ? `${d.pointer}: ` : '';
  const label = d.severity === 'error' ? 'erreur' : d.severity === 'warning' ? 'avertissement' : 'info';
  return `${where}${label} [${d.code}] ${d.message}`;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');
