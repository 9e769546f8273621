/**
 * Terminal colours. The library never reads the environment: the CLI passes `process.env` and
 * `process.stdout.isTTY` to `shouldUseColor`, then `{color}` to `renderText`.
 *
 * Conventions, in order of precedence:
 * 1. `FORCE_COLOR` (Node.js, supports-color, force-color.org): `0` or `false` turns colours off;
 *    any other non-empty value (`1`, `2`, `3`, `true`…) turns them on, even without a terminal and
 *    even with `NO_COLOR` — the more specific request wins, as in Node.js. An empty value is ignored.
 * 2. `NO_COLOR` (no-color.org): present and not empty turns colours off.
 * 3. `TERM=dumb` turns colours off.
 * 4. Otherwise colours are on only when the output is a terminal.
 */

export interface ColorEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  isTty: boolean;
}

/**
 * Whether a terminal report gets ANSI colours, by FORCE_COLOR, NO_COLOR, TERM=dumb and whether the
 * output is a terminal, in that order (see the module comment). The library never reads the
 * environment itself.
 *
 * @example
 * const color = shouldUseColor({ env: process.env, isTty: Boolean(process.stdout.isTTY) });
 */
export function shouldUseColor({ env, isTty }: ColorEnvironment): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return !(force === '0' || force.toLowerCase() === 'false');
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTty;
}

/** SGR codes used by the text report. */
export const ANSI = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const;

export type Style = keyof typeof ANSI;

/** A styling function: identity when colours are off. */
export type Paint = (style: Style | readonly Style[], text: string) => string;

export function makePaint(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => {
    if (text === '') return text;
    const styles = typeof style === 'string' ? [style] : style;
    let open = '';
    let close = '';
    for (const s of styles) {
      open += `\u001b[${ANSI[s][0]}m`;
      close = `\u001b[${ANSI[s][1]}m` + close;
    }
    return open + text + close;
  };
}

/** Text without its ANSI escape sequences (for measuring coloured cells). */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
