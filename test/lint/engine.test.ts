/** Message control comments, severity configuration, reporters, and the `cae lint` command. */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LintConfig, LintConfigError, lintReferentiel, lintRules, parseLintConfig, renderJson, renderSarif, renderText } from '../../src/lint/index.js';
import { REFERENTIEL_OK } from '../../src/lint/rules/example-support.js';
import { main } from '../../cli/main.js';
import type { CliIo } from '../../cli/io.js';

const TRAILING = REFERENTIEL_OK.replace('### Planification\n', '### Planification \n').replace('### Urbanisme\n', '### Urbanisme \n');
const lines = (content: string, config?: LintConfig) =>
  lintReferentiel([{ path: 'cae.md', content }], { config }).messages.filter((m) => m.ruleId !== 'metadonnees-forme').map((m) => `${m.line}:${m.ruleId}:${m.severity}`);

describe('message control', () => {
  it('disable … enable, disable-next-line, and without ids', () => {
    expect(lines(TRAILING)).toEqual(['7:espaces-fin-de-ligne:warning', '18:espaces-fin-de-ligne:warning']);
    expect(lines(`<!-- lint disable espaces-fin-de-ligne -->\n${TRAILING}`)).toEqual([]);
    expect(lines(TRAILING.replace('##### Urbanisme', '<!-- lint enable espaces-fin-de-ligne -->\n##### Urbanisme').replace('# Climat', '<!-- lint disable espaces-fin-de-ligne -->\n# Climat'))).toEqual(['20:espaces-fin-de-ligne:warning']);
    expect(lines(TRAILING.replace('### Planification', '<!-- lint disable-next-line espaces-fin-de-ligne -->\n### Planification'))).toEqual(['19:espaces-fin-de-ligne:warning']);
    expect(lines(`<!-- lint disable -->\n${TRAILING}`)).toEqual([]);
    expect(lines(`<!-- lint disable -->\n<!-- lint enable espaces-fin-de-ligne -->\n${TRAILING}`)).toEqual(['9:espaces-fin-de-ligne:warning', '20:espaces-fin-de-ligne:warning']);
  });
  it('ignores comments inside code blocks and reports unknown ids', () => {
    expect(lines('```md\n<!-- lint disable -->\n```\n' + TRAILING)).toContain('10:espaces-fin-de-ligne:warning');
    expect(lines(`<!-- lint disable nimporte-quoi -->\n${REFERENTIEL_OK}`)).toEqual(['1:controle-lint:warning']);
  });
});

describe('configuration', () => {
  it('sets severities with names or numbers, and turns rules off', () => {
    expect(lines(TRAILING, { rules: { 'espaces-fin-de-ligne': 'error' } })).toEqual(['7:espaces-fin-de-ligne:error', '18:espaces-fin-de-ligne:error']);
    expect(lines(TRAILING, { rules: { 'espaces-fin-de-ligne': 0 } })).toEqual([]);
    expect(lines(TRAILING, { rules: { 'espaces-fin-de-ligne': 2 } })[0]).toBe('7:espaces-fin-de-ligne:error');
  });
  it('rejects unknown rules and values in French', () => {
    const ids = lintRules.map((r) => r.id);
    expect(parseLintConfig('{"rules":{"espaces-doubles":"warn"}}', ids)).toEqual({ rules: { 'espaces-doubles': 'warn' } });
    expect(() => parseLintConfig('{"rules":{"inconnue":"warn"}}', ids)).toThrow(LintConfigError);
    expect(() => parseLintConfig('{"rules":{"espaces-doubles":"fort"}}', ids)).toThrow(/sévérité inattendue/);
    expect(() => parseLintConfig('{', ids)).toThrow(/JSON invalide/);
  });
});

describe('reporters', () => {
  const r = lintReferentiel([{ path: 'cae.md', content: TRAILING.replace('pourcentage: 40', 'pourcentage: 35') }]);
  it('text: grouped by file, aligned, with a French summary', () => {
    const text = renderText(r.messages);
    expect(text.split('\n')[0]).toBe('cae.md');
    expect(text).toMatch(/\ncae\.md:16:14 +error +Somme des pourcentages inattendue `95`/);
    expect(text.trimEnd().split('\n').pop()).toBe('1 erreur, 2 avertissements, 1 info');
    expect(renderText([])).toBe('Aucun problème\n');
  });
  it('json: a flat array with positions and ends', () => {
    const json = JSON.parse(renderJson(r.messages));
    expect(json[1]).toEqual({ file: 'cae.md', line: 7, column: 18, endLine: 7, endColumn: 19, ruleId: 'espaces-fin-de-ligne', severity: 'warning', message: 'Espaces inattendus en fin de ligne, attendu aucun' });
  });
  it('sarif: 2.1.0 with every rule and physical locations', () => {
    const sarif = JSON.parse(renderSarif(r.messages, lintRules));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules).toHaveLength(lintRules.length);
    expect(run.tool.driver.rules[0].helpUri).toBe(`https://github.com/label-cae/label-cae/blob/main/src/lint/rules/${lintRules[0]!.id}.ts`);
    const err = run.results.find((x: { level: string }) => x.level === 'error');
    expect(err.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'cae.md' }, region: { startLine: 16, startColumn: 14, endLine: 16, endColumn: 16 } });
    expect(run.tool.driver.rules[err.ruleIndex].id).toBe('pourcentages-somme-100');
  });
});

function io(): CliIo & { out: string; err: string } {
  const o = { out: '', err: '', stdoutIsTty: false, stderrIsTty: false, env: {}, readStdin: async () => new Uint8Array() } as CliIo & { out: string; err: string };
  o.stdout = (t) => void (o.out += t);
  o.stderr = (t) => void (o.err += t);
  return o;
}

describe('cae lint', () => {
  it('exit codes: 0 clean (embedded référentiel), 1 errors or --frail warnings, 2 usage errors', async () => {
    const a = io();
    expect(await main(['lint'], a)).toBe(0);
    const dir = await fs.mkdtemp(join(tmpdir(), 'cae-lint-cli-'));
    try {
      await fs.writeFile(join(dir, 'cae.md'), TRAILING);
      expect(await main(['lint', dir], io())).toBe(0);
      expect(await main(['lint', dir, '--frail'], io())).toBe(1);
      await fs.writeFile(join(dir, 'cae.md'), TRAILING.replace('pourcentage: 40', 'pourcentage: 35'));
      const b = io();
      expect(await main(['lint', join(dir, 'cae.md'), '--format', 'json'], b)).toBe(1);
      expect(JSON.parse(b.out).map((m: { ruleId: string }) => m.ruleId)).toContain('pourcentages-somme-100');
      await fs.writeFile(join(dir, 'conf.json'), '{"rules":{"pourcentages-somme-100":"warn"}}');
      expect(await main(['lint', dir, '--config', join(dir, 'conf.json')], io())).toBe(0);
      await fs.writeFile(join(dir, 'bad.json'), '{"rules":{"nope":"warn"}}');
      const c = io();
      expect(await main(['lint', dir, '--config', join(dir, 'bad.json')], c)).toBe(2);
      expect(c.err).toContain('règle inconnue « nope »');
      expect(await main(['lint', dir, '--format', 'xml'], io())).toBe(2);
      expect(await main(['lint', join(dir, 'absent')], io())).toBe(2);
      const s = io();
      expect(await main(['lint', dir, '--format', 'sarif'], s)).toBe(1);
      expect(JSON.parse(s.out).version).toBe('2.1.0');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
