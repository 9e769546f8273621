import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from './read-lines.js';

const collect = async (chunks: (string | Buffer)[], max?: number) => {
  const out: unknown[] = [];
  for await (const l of readLines(Readable.from(chunks), max)) out.push(l);
  return out;
};

describe('readLines', () => {
  it('splits on LF and CRLF, across chunk boundaries, with or without a final newline', async () => {
    expect(await collect(['a\nb', 'c\r', '\nd'])).toEqual(['a', 'bc', 'd']);
    expect(await collect(['a\n', '\n', 'b\n'])).toEqual(['a', '', 'b']);
  });

  it('decodes UTF-8 split inside a character', async () => {
    const bytes = Buffer.from('é\nà', 'utf8');
    expect(await collect([bytes.subarray(0, 1), bytes.subarray(1)])).toEqual(['é', 'à']);
  });

  it('drops a line over the limit as soon as it passes it, and goes on with the next', async () => {
    expect(await collect(['ab', 'cdef', 'gh\nxy\n', 'z'], 5)).toEqual([{ tooLong: true, length: 8 }, 'xy', 'z']);
    expect(await collect(['abcdef'], 5)).toEqual([{ tooLong: true, length: 6 }]);
    expect(await collect(['abcde\n'], 5)).toEqual(['abcde']);
  });

  it('reads a 40 MB line given in 64 kB chunks whole (its pieces are joined once, at its end)', async () => {
    const chunk = 'x'.repeat(65_536);
    const chunks = Array.from({ length: 640 }, () => chunk);
    const lines = await collect([...chunks, '\nfin\n']);
    expect(lines).toHaveLength(2);
    expect((lines[0] as string).length).toBe(640 * 65_536);
  });
});
