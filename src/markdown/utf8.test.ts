import { describe, expect, it } from 'vitest';
import { decodeUtf8, findInvalidUtf8 } from './utf8.js';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('findInvalidUtf8', () => {
  it('finds nothing in valid UTF-8, BOM, accents, astral characters included', () => {
    expect(findInvalidUtf8(bytes([0xef, 0xbb, 0xbf], '# Énergie 🌍\nœuvre\n'))).toBeNull();
    expect(findInvalidUtf8(new Uint8Array())).toBeNull();
  });
  it('locates a Latin-1 letter at its line and column', () => {
    expect(findInvalidUtf8(bytes('ligne 1\n# R', [0xe9], 'duction\n'))).toEqual({ offset: 11, byte: 0xe9, line: 2, column: 4 });
  });
  it('counts columns in UTF-16 units, as every other position (an astral character counts 2)', () => {
    expect(findInvalidUtf8(bytes('é🌍', [0xff]))).toEqual({ offset: 6, byte: 0xff, line: 1, column: 4 });
  });
  it('refuses stray continuations, overlongs, surrogates, code points above U+10FFFF and truncated sequences', () => {
    expect(findInvalidUtf8(bytes('a', [0x80]))?.offset).toBe(1);
    expect(findInvalidUtf8(bytes([0xc0, 0xaf]))?.byte).toBe(0xc0);
    expect(findInvalidUtf8(bytes([0xe0, 0x80, 0xaf]))?.byte).toBe(0xe0);
    expect(findInvalidUtf8(bytes([0xed, 0xa0, 0x80]))?.byte).toBe(0xed);
    expect(findInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))?.byte).toBe(0xf4);
    expect(findInvalidUtf8(bytes('ab', [0xe2, 0x82]))).toEqual({ offset: 2, byte: 0xe2, line: 1, column: 3 });
  });
  it('agrees with the native strict decoder on random bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    let x = 7;
    for (let n = 0; n < 2000; n++) {
      const b = new Uint8Array(1 + (n % 9));
      for (let i = 0; i < b.length; i++) b[i] = (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) >>> 24;
      let valid = true;
      try {
        strict.decode(b);
      } catch {
        valid = false;
      }
      expect(findInvalidUtf8(b) === null, Buffer.from(b).toString('hex')).toBe(valid);
    }
  });
});

describe('decodeUtf8', () => {
  it('keeps a BOM in the text, so that a rewrite keeps it', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'x'), 'a.md')).toEqual({ text: '\uFEFFx' });
  });
  it('calls a file with a NUL byte binary (markdown-binaire at the NUL), as the parsers do', () => {
    const r = decodeUtf8(bytes('é\n\x7fELF', [0xff, 0x00]), 'z.md');
    expect('diagnostic' in r && r.diagnostic.code).toBe('markdown-binaire');
    expect('diagnostic' in r && r.diagnostic.position).toEqual({ file: 'z.md', line: 2, column: 6 });
  });
  it('gives encodage-invalide at the first bad byte, in French', () => {
    expect(decodeUtf8(bytes('# R', [0xe9], 'duction'), 'p.md')).toEqual({
      diagnostic: {
        code: 'encodage-invalide',
        severity: 'error',
        message: "Encodage invalide : octet 0xE9 inattendu en 1:4, attendu de l'UTF-8 : le fichier est ignoré et n'est jamais réécrit",
        position: { file: 'p.md', line: 1, column: 4 },
      },
    });
  });
});
