import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedReferentielDir } from '../../src/referentiel/read-referentiel.js';

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/**
 * The embedded référentiel with 6.1.1.md broken: invalid YAML in a tâche (an unclosed `[`, reported
 * where the `]` is missing), percentages summing to 110 (reported on the first sous-action's value).
 */
export function writeBrokenCopy(): { dir: string; yamlLine: number; percentLine: number } {
  const dir = mkdtempSync(join(tmpdir(), 'label-cae-broken-'));
  const src = embeddedReferentielDir();
  copyFileSync(join(src, 'cae.md'), join(dir, 'cae.md'));
  copyFileSync(join(src, '6.md'), join(dir, '6.md'));
  const text = readFileSync(join(src, '6.1.1.md'), 'utf8')
    .replace('identifiant:  6.1.1.4.2\n', 'identifiant:  6.1.1.4.2\nnote: [pas fermé\n')
    .replace('identifiant:  6.1.1.1\npourcentage:  10', 'identifiant:  6.1.1.1\npourcentage:  20');
  writeFileSync(join(dir, '6.1.1.md'), text);
  return { dir, yamlLine: lineOf(text, 'note: [pas fermé'), percentLine: lineOf(text, 'pourcentage:  20') };
}

