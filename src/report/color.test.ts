import { describe, expect, it } from 'vitest';
import { makePaint, shouldUseColor, stripAnsi } from './color.js';

describe('shouldUseColor', () => {
  // [env, isTty, expected]
  const table: [Record<string, string | undefined>, boolean, boolean][] = [
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true], // no-color.org: an empty NO_COLOR is ignored
    [{ NO_COLOR: '0' }, true, false], // any non-empty value, even 0
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '3' }, false, true],
    [{ FORCE_COLOR: 'true' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: 'FALSE' }, true, false],
    [{ FORCE_COLOR: '' }, false, false], // empty is ignored: falls back to the TTY
    [{ FORCE_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true], // FORCE_COLOR wins, as in Node.js
    [{ FORCE_COLOR: '0', NO_COLOR: '' }, true, false],
    [{ TERM: 'dumb' }, true, false],
    [{ TERM: 'dumb', FORCE_COLOR: '1' }, false, true],
    [{ TERM: 'xterm-256color' }, true, true],
    [{ NO_COLOR: undefined }, true, true],
  ];
  it.each(table)('%j, tty=%s → %s', (env, isTty, expected) => {
    expect(shouldUseColor({ env, isTty })).toBe(expected);
  });
});

describe('makePaint', () => {
  it('is the identity without colours', () => {
    expect(makePaint(false)(['bold', 'red'], 'x')).toBe('x');
  });
  it('wraps with SGR codes, closing in reverse order', () => {
    const s = makePaint(true)(['bold', 'red'], 'x');
    expect(s).toBe('\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
    expect(stripAnsi(s)).toBe('x');
  });
});
