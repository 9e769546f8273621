/**
 * The report options of the real CLI: the text follows COLUMNS (80 when not a terminal), --axe and
 * --mesure show one part down to the tâches and refuse what does not exist, --csv-excel, and
 * --format xlsx written to a file or a pipe but never to a terminal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../cli/shared/report-options.js';
import { textWidth } from '../../cli/shared/render-evaluation.js';
import type { CliIo } from '../../cli/io.js';
import { PROJECT_DIR } from '../support/corpus.js';
import { BIN, runCae } from '../support/run-cae.js';
import { readXlsx } from './xlsx-read.js';

const SAINT = join(PROJECT_DIR, 'fixtures', 'dossiers', 'saint-exemple.json');
const dir = mkdtempSync(join(tmpdir(), 'cae-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cae = (args: string[], env: NodeJS.ProcessEnv = {}) => runCae(args, [SAINT], { cwd: dir, env });
const widest = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length));

const fakeIo = (over: Partial<CliIo>): CliIo => ({ stdout: () => {}, stderr: () => {}, stdoutIsTty: false, stderrIsTty: false, env: {}, readStdin: async () => new Uint8Array(), ...over });

describe('cae score report options', () => {
  it('fits the text to COLUMNS, and to 80 columns when COLUMNS is absent', () => {
    const narrow = cae(['score', SAINT], { COLUMNS: '60' });
    expect(narrow.status).toBe(0);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(60);
    const plain = cae(['score', SAINT], { COLUMNS: '' });
    expect(widest(plain.stdout)).toBeLessThanOrEqual(80);
    expect(textWidth(fakeIo({ stdoutColumns: 132, env: { COLUMNS: '60' } }))).toBe(132);
    expect(textWidth(fakeIo({ env: { COLUMNS: 'abc' } }))).toBe(80);
  });

  it('shows one mesure down to the tâches with their statut, and refuses an unknown one', () => {
    const r = cae(['score', SAINT, '--mesure', '6.1.1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^6\.1\.1\.3\.5 /m);
    expect(r.stdout).toContain('Statut');
    const axe = cae(['score', SAINT, '--axe', '6']);
    expect(axe.stdout).toMatch(/^6\.1\.1\.1\.1 /m);
    const bad = cae(['score', SAINT, '--mesure', '9.9.9']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('mesure-inconnu');
    expect(cae(['score', SAINT, '--axe', '6', '--format', 'json']).stderr).toContain('option-texte');
  });

  it('writes a French-Excel CSV with --csv-excel', () => {
    const r = cae(['score', SAINT, '--format', 'csv', '--csv-excel']);
    expect(r.stdout.startsWith('\ufeffaction_id;')).toBe(true);
    expect(r.stdout).toContain(';3,561;0,865;0,539;1,035;0,5934;');
    expect(cae(['score', SAINT, '--csv-excel']).stderr).toContain('option-csv');
  });

  it('writes --format xlsx to a file and to a pipe, never to a terminal', async () => {
    const out = join(dir, 'audit.xlsx');
    expect(cae(['score', SAINT, '--format', 'xlsx', '-o', out]).status).toBe(0);
    const book = readXlsx(readFileSync(out));
    expect(book.sheets.map((s) => s.name)).toEqual(['Synthèse', 'Axe 6']);
    const piped = spawnSync(process.execPath, [BIN, 'score', SAINT, '--format', 'xlsx'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    expect(piped.status).toBe(0);
    expect(readXlsx(piped.stdout).sheets).toHaveLength(2);
    await expect(writeReport(new Uint8Array([1, 2]), undefined, fakeIo({ stdoutIsTty: true }))).rejects.toMatchObject({ code: 'xlsx-terminal' });
  });
});
