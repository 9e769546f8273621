/** `--fix`: only the fixed bytes change, atomically, a second run has nothing left, other files are not touched. */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintPaths } from '../../src/lint/index.js';
import { REFERENTIEL_OK } from '../../src/lint/rules/example-support.js';
import { TET_DIR, describeCorpus, tet } from '../support/corpus.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'cae-lint-fix-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('lint --fix on a small référentiel', () => {
  it('removes safe trailing spaces, quotes numeric identifiants, keeps hard breaks and every other byte', async () => {
    const source = REFERENTIEL_OK.replace('### Planification\n', '### Planification  \n').replace('identifiant: 1.1\n', 'identifiant: 1.10 \n') + 'Une ligne  \nforcée.\r\nFin.\t\r\n';
    const expected = REFERENTIEL_OK.replace('identifiant: 1.1\n', 'identifiant: "1.10"\n') + 'Une ligne  \nforcée.\r\nFin.\r\n';
    await fs.writeFile(join(dir, 'cae.md'), source);
    await fs.writeFile(join(dir, 'propre.md'), '# Propre\n```yaml\nidentifiant: 2\npoints: 1\n```\n');
    const cleanBefore = await fs.stat(join(dir, 'propre.md'));
    const r = await lintPaths({ targets: [dir], fix: true });
    expect(r.fixedFiles).toEqual([join(dir, 'cae.md')]);
    expect(await fs.readFile(join(dir, 'cae.md'), 'utf8')).toBe(expected);
    expect((await fs.stat(join(dir, 'propre.md'))).mtimeMs).toBe(cleanBefore.mtimeMs);
    expect(r.messages.filter((m) => m.ruleId === 'espaces-fin-de-ligne').map((m) => m.line)).toEqual([expected.split('\n').indexOf('Une ligne  ') + 1]);
    const again = await lintPaths({ targets: [dir], fix: true });
    expect(again.fixedFiles).toEqual([]);
    expect(again.messages.some((m) => m.fix)).toBe(false);
    expect((await fs.readdir(dir)).sort()).toEqual(['cae.md', 'propre.md']); // no temporary file left
  });
});

describeCorpus('lint --fix on a copy of the real corpus', () => {
  it('changes only trailing whitespace, byte for byte, and a second run finds nothing to fix', async () => {
    await fs.cp(tet('referentiels', 'cae'), join(dir, 'cae'), { recursive: true });
    await fs.cp(tet('personnalisations'), join(dir, 'personnalisations'), { recursive: true });
    const names = (await fs.readdir(join(dir, 'cae'))).sort();
    const before = new Map(await Promise.all(names.map(async (n) => [n, await fs.readFile(join(dir, 'cae', n), 'utf8')] as const)));
    const r = await lintPaths({ targets: [join(dir, 'cae')], personnalisations: join(dir, 'personnalisations'), fix: true });
    expect(r.fixCount).toBeGreaterThan(500);
    for (const n of names) {
      const after = await fs.readFile(join(dir, 'cae', n), 'utf8');
      const b = before.get(n)!;
      if (!r.fixedFiles.includes(join(dir, 'cae', n))) {
        expect(after).toBe(b);
        continue;
      }
      const bl = b.split('\n');
      const al = after.split('\n');
      expect(al.length).toBe(bl.length);
      bl.forEach((line, i) => {
        if (line !== al[i]) expect(line.replace(/[ \t]+(\r?)$/, '$1')).toBe(al[i]);
      });
    }
    const again = await lintPaths({ targets: [join(dir, 'cae')], personnalisations: join(dir, 'personnalisations'), fix: true });
    expect(again.fixedFiles).toEqual([]);
    expect(again.errorCount).toBe(0);
  });
});
