import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from './read-lines.js';

const collect = async (chunks: (string | Buffer)[]) => {
  const out: string[] = [];
  for await (const l of readLines(Readable.from(chunks))) out.push(l);
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
});
