/**
 * `cae score --batch` at scale: --jobs keeps the bytes and the order of --jobs 1, --niveau keeps
 * the nodes of its level, --format csv writes one header and one row per (collectivité, node).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';
import { parseCsv } from '../report/csv-parse.js';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { CSV_COLUMNS } from '../../src/report/render-csv.js';

const BIN = join(PROJECT_DIR, 'bin', 'cae.js');
const SAINT = readFileSync(join(PROJECT_DIR, 'fixtures/dossiers/saint-exemple.json'), 'utf8').replace(/\n/g, '');

function cae(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_DIR, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 64 << 20 });
  expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Valid, invalid and blank lines, many of them, so that workers finish out of order. */
const LINES: string[] = [];
for (let i = 0; i < 40; i++) {
  const k = i % 5;
  LINES.push(
    k === 0 ? SAINT : k === 1 ? '{"statuts": {"6.1.1.1.1": 12}}' : k === 2 ? '' : k === 3 ? JSON.stringify({ collectivite: { nom: `C${i}`, type: 'EPCI' }, statuts: { '6.1.1.2': 'fait', '6.1.1.3.1': { fait: 0.5, programme: 0.5, pas_fait: 0 } } }) : '{"statuts": ',
  );
}
const INPUT = `${LINES.join('\n')}\n`;

describe('cae score --batch --jobs', () => {
  it('writes the same bytes in the same order with 1, 2 and 3 workers', () => {
    const one = cae(['score', '--batch', '-', '--jobs', '1'], INPUT);
    expect(one.out.split('\n').filter(Boolean)).toHaveLength(LINES.length);
    expect(one.out.split('\n').filter(Boolean).map((l) => JSON.parse(l).ligne)).toEqual(LINES.map((_, i) => i + 1));
    for (const jobs of ['2', '3']) {
      const r = cae(['score', '--batch', '-', '--jobs', jobs], INPUT);
      expect([r.code, r.out, r.err]).toEqual([one.code, one.out, one.err]);
    }
  });

  it('stops its workers, started before the référentiel is loaded, when the batch cannot run', () => {
    // A worker left running would keep the process alive: spawnSync's timeout would end it (code null).
    const unreadable = cae(['score', '--batch', join(PROJECT_DIR, 'absent.jsonl'), '--jobs', '3']);
    expect([unreadable.code, unreadable.err]).toEqual([2, expect.stringContaining('[fichier-illisible]')]);
    const broken = cae(['score', '--batch', '-', '--jobs', '3', '--referentiel', join(PROJECT_DIR, 'package.json')], INPUT);
    expect(broken.code).not.toBe(0);
    expect(broken.code).not.toBeNull();
    expect(broken.err).toContain('[referentiel-invalide]');
  });

  it('refuses a --jobs that is not a positive integer, and --jobs without --batch', () => {
    expect(cae(['score', '--batch', '-', '--jobs', '0'], INPUT).err).toContain('[jobs-invalide]');
    const r = cae(['score', 'fixtures/dossiers/saint-exemple.json', '--jobs', '2']);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('[jobs-sans-batch]')]);
  });
});

describe('cae score --niveau', () => {
  it('keeps the root, axes, sous-axes and mesures at the mesure level, as evaluationToJson', async () => {
    const r = cae(['score', '-', '--format', 'json', '--niveau', 'mesure'], SAINT);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc.scores)).toEqual(['cae', 'cae_6', 'cae_6.1', 'cae_6.1.1']);
    const { context } = await loadEvaluationContext();
    const ev = evaluateDossier(context!, JSON.parse(SAINT));
    expect(doc).toEqual(JSON.parse(JSON.stringify(evaluationToJson(ev, { niveau: 'mesure' }))));
    const batch = cae(['score', '--batch', '-', '--niveau', 'sous-action'], `${SAINT}\n`);
    const line = JSON.parse(batch.out);
    expect(Object.keys(line.scores).every((id: string) => id.split('.').length <= 4)).toBe(true);
    expect(Object.keys(line.scores)).toContain('cae_6.1.1.1');
  });

  it('limits the CSV rows, and refuses an unknown level or a format without scores per node', () => {
    const csv = cae(['score', '-', '--format', 'csv', '--niveau', 'mesure'], SAINT);
    expect(csv.out.trim().split('\n')).toHaveLength(5);
    expect(cae(['score', '-', '--niveau', 'action'], SAINT).err).toContain('[niveau-inconnu]');
    expect(cae(['score', '-', '--niveau', 'mesure'], SAINT).err).toContain('[niveau-format]');
  });
});

describe('cae score --batch --format csv', () => {
  it('writes one header, one row per collectivité and node, one row per invalid or blank line', () => {
    const r = cae(['score', '--batch', '-', '--format', 'csv', '--niveau', 'mesure'], INPUT);
    expect(r.code).toBe(1);
    const rows = r.out.trim().split('\n');
    expect(rows[0]).toBe(['ligne', 'collectivite', ...CSV_COLUMNS, 'score_indicatif_fait', 'score_indicatif_programme', 'erreur'].join(','));
    expect(rows.filter((l) => l.startsWith('ligne,'))).toHaveLength(1);
    // 16 scored lines × 4 nodes, 24 invalid or blank lines × 1 row.
    expect(rows).toHaveLength(1 + 16 * 4 + 24);
    expect(rows[1]!.startsWith('1,Saint-Exemple,cae,')).toBe(true);
    expect(rows.find((l) => l.startsWith('3,'))!.endsWith(',vide')).toBe(true);
    expect(rows.find((l) => l.startsWith('2,'))!.endsWith(',statut-invalide')).toBe(true);
    const records = parseCsv(r.out);
    for (const record of records) expect(record).toHaveLength(records[0]!.length);
  });
});
