import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';
import { writeBrokenCopy } from './broken-copy.js';

const run = promisify(execFile);
const CAE = join(PROJECT_DIR, 'bin', 'cae.js');
const built = existsSync(join(PROJECT_DIR, 'dist', 'cli', 'main.js'));

async function cae(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CAE, ...args], { cwd: PROJECT_DIR });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(!built)('cae build (node bin/cae.js, dist/ built by the global setup)', () => {
  it('compiles the embedded référentiel to stdout, summary on stderr', async () => {
    const r = await cae(['build']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.format).toBe('label-cae/bundle@2');
    expect(json.referentiel.format).toBe('label-cae/referentiel@1');
    expect(json.referentiel.actions).toHaveLength(30);
    // The embedded evidence rules travel with it, compiled, with their Markdown positions.
    expect(json.reglesPreuve.map((r: { actionId: string; position: { file: string } }) => [r.actionId, r.position.file])).toEqual([['cae_6.1.1.3.5', 'cae.md']]);
    expect(json.reglesPreuve[0].seuil.position).toMatchObject({ file: 'cae.md', line: expect.any(Number), column: 1 });
    expect(r.stderr).toContain('Référentiel cae « Climat Air Énergie » : 6 points');
    expect(r.stderr).toContain('30 actions : 1 racine, 1 axes, 1 sous-axes, 1 mesures, 5 sous-actions, 21 tâches');
  });

  it('writes -o atomically', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'label-cae-out-')), 'ref.json');
    const r = await cae(['build', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).referentiel.referentiel.pointsExact).toBe('6');
  });

  it('exits 1 on a broken référentiel with one positioned line per problem and no stack trace', async () => {
    const { dir, yamlLine, percentLine } = writeBrokenCopy();
    const r = await cae(['build', '--referentiel', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`6.1.1.md:${yamlLine}:17: erreur [yaml-invalide]`);
    expect(r.stderr).toContain(`6.1.1.md:${percentLine}:15: erreur [pourcentages-somme-100]`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 on an unreadable path or a bad option', async () => {
    const missing = await cae(['build', '--referentiel', join(tmpdir(), 'nope-label-cae')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[fichier-illisible]');
    expect((await cae(['build', '--pas-une-option'])).code).toBe(2);
    const help = await cae(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exemples :');
  });
});
