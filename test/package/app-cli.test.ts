/**
 * `cae app` on the command line: the page from the embedded référentiel, from a bundle file (the
 * same page), and the usage errors (French, a code, exit 2, nothing written, no stack trace).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/run-cae.js';

const dir = mkdtempSync(join(tmpdir(), 'cae-app-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cae = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('cae app', () => {
  it('writes one HTML file with the bundle inline; a bundle file gives the same page', () => {
    const a = join(dir, 'a.html');
    expect(cae('app', '-o', a).status).toBe(0);
    const bundle = join(dir, 'bundle.json');
    expect(cae('build', '-o', bundle).status).toBe(0);
    const b = join(dir, 'b.html');
    const r = cae('app', '--referentiel', bundle, '-o', b);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(html);
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('label-cae/bundle@2');
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it.each([
    [['app'], 'sortie-manquante'],
    [['app', 'x', '-o', 'p.html'], 'argument-inattendu'],
    [['app', '--referentiel', 'nulle-part', '-o', 'p.html'], 'fichier-illisible'],
    [['app', '--referentiel', '{bad}', '-o', 'p.html'], 'fichier-illisible'],
    [['app', '--referentiel', '{bundle}', '--questions', '.', '-o', 'p.html'], 'bundle-et-compagnons'],
  ])('%j: exit 2 [%s], nothing written', (args, code) => {
    writeFileSync(join(dir, 'bad.json'), '{ pas du json');
    const resolved = args.map((x) => x.replace('{bad}', join(dir, 'bad.json')).replace('{bundle}', join(dir, 'bundle.json')).replace('p.html', join(dir, 'p.html')));
    const r = cae(...resolved);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'p.html'))).toBe(false);
  });
});
