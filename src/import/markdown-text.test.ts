import { describe, expect, it } from 'vitest';
import { formuleBlock, heading, markdownText, yamlBlock, yamlIdentifiant, yamlString, yamlValue } from './markdown-text.js';

describe('markdown-text', () => {
  it("échappe ce qu'une cellule ouvrirait de structure : titre, clôture, bloc HTML", () => {
    expect(markdownText('# Pas un titre\n  ## ni ceci\n```\n~~~\n<!-- commentaire\n<pre>\n#hashtag')).toBe(
      '\\# Pas un titre\n  \\## ni ceci\n\\```\n\\~~~\n\\<!-- commentaire\n\\<pre>\n#hashtag',
    );
  });

  it('normalise les fins de ligne, les espaces finaux et les lignes vides en trop', () => {
    expect(markdownText('\r\n\r\na  \r\n\r\n\r\n\r\nb\u00a0\n\n')).toBe('a\n\nb');
  });

  it('écrit des scalaires YAML relus à l\'identique', () => {
    expect(yamlString('mise en œuvre')).toBe('mise en œuvre');
    expect(yamlString('Non')).toBe('Non');
    expect(yamlString('yes')).toBe('"yes"');
    expect(yamlString('12')).toBe('"12"');
    expect(yamlString('a: b')).toBe('"a: b"');
    expect(yamlIdentifiant('1.1.1')).toBe('1.1.1');
    expect(yamlIdentifiant('1.10')).toBe('"1.10"');
    expect(yamlIdentifiant('1.1.6.3.a')).toBe('1.1.6.3.a');
    expect(yamlIdentifiant('')).toBe('""');
    expect(yamlValue([{ action: 'cae_1.1', poids: 0.5 }, { action: 'cae_1.2' }])).toBe('[{action: cae_1.1, poids: 0.5}, {action: cae_1.2}]');
    expect(yamlBlock([['id', 'x'], ['vide', null]])).toBe('```yaml\nid: x\n```');
  });

  it('met les titres sur une ligne et les formules dans leur bloc', () => {
    expect(heading(3, ' Deux\n lignes ')).toBe('### Deux lignes');
    expect(formuleBlock('si a alors VRAI  \r\n sinon FAUX\n')).toBe('```formule\nsi a alors VRAI\n sinon FAUX\n```');
  });
});
