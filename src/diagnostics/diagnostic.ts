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

/**
 * Control characters made visible (`\n` → `\\n`, ESC → `\\x1b`, also C1 and the bidi
 * overrides), for text that came from an input and goes to a terminal: a dossier must not be able
 * to print a fake report, move the cursor or hide lines.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, escapeOne) : text;
}

function escapeOne(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * One line per diagnostic, for stderr: `6.1.1.md:12:3: erreur [yaml-invalide] …`. Always one
 * line: control characters that came from the input are escaped.
 *
 * @example
 * console.error(formatDiagnostic(d)); // 6.1.1.md:12:3: erreur [yaml-invalide] …
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.position ? `${formatPosition(d.position)}: ` : d.pointer !== undefined ? `${d.pointer}: ` : '';
  const label = d.severity === 'error' ? 'erreur' : d.severity === 'warning' ? 'avertissement' : 'info';
  return escapeControl(`${where}${label} [${d.code}] ${d.message}`);
}

/**
 * `formatDiagnostic`, then the JSON pointer when there is one: `… (/statuts/6.1.1.2)`.
 *
 * @example
 * formatDiagnosticWithPointer(d); // 'dossier.json:12:7: erreur [statut-invalide] … (/statuts/6.1.1.1.1)'
 */
export function formatDiagnosticWithPointer(d: Diagnostic): string {
  return d.pointer ? `${formatDiagnostic(d)} ${escapeControl(`(${d.pointer})`)}` : formatDiagnostic(d);
}

/**
 * True when one of the diagnostics is an error (warnings and infos do not count).
 *
 * @example
 * if (hasErrors(diagnostics)) process.exitCode = 1;
 */
export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');
