/**
 * Hostile inputs through the real CLI (`node bin/cae.js`, built in dist/ by the global setup).
 *
 * Every case checks: the exit code; the message (stable code and French text) at its position;
 * no stack trace (`\n    at `) and no internal error; the process ends before its timeout; and
 * every input file is byte-for-byte unchanged (SHA-256 before and after). Output paths that cannot
 * be written leave no file behind, temporary or partial.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_LIMITS } from '../../src/dossier/limits.js';
import { LIMITES } from '../../src/formule/parser.js';
import { MARKDOWN_LIMITS } from '../../src/markdown/limits.js';
import { EMBEDDED_DIR, PROJECT_DIR } from '../support/corpus.js';
import { type Run, runCae } from '../support/run-cae.js';

const FIXTURE = join(PROJECT_DIR, 'fixtures', 'dossiers', 'saint-exemple.json');
let work: string;

beforeAll(() => {
  expect(existsSync(join(PROJECT_DIR, 'dist', 'cli', 'main.js')), 'dist/ absent : npm run build').toBe(true);
  work = mkdtempSync(join(tmpdir(), 'cae-hostile-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs `cae` on inputs that must come out unchanged; checks the process ended by itself, printed no
 * stack trace and hit no internal error (test/support/run-cae.ts).
 */
function cae(args: string[], inputs: string[], options: { timeout?: number; stdin?: string | Buffer } = {}): Run {
  return runCae(args, inputs, { cwd: work, ...options });
}

function write(name: string, content: string | Buffer): string {
  const path = join(work, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A copy of the embedded référentiel in the work folder, with some files replaced or added. */
function referentiel(name: string, changes: Record<string, string | Buffer | ((text: string) => string)> = {}): string {
  const dir = join(work, name);
  cpSync(join(EMBEDDED_DIR, 'cae'), dir, { recursive: true });
  for (const [file, change] of Object.entries(changes)) {
    const path = join(dir, file);
    writeFileSync(path, typeof change === 'function' ? change(readFileSync(path, 'utf8')) : change);
  }
  return dir;
}

/** Deterministic pseudo-random bytes (a 32-bit LCG), so a failure replays exactly. */
function garbage(n: number, seed = 12345): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('hostile dossiers (cae score)', () => {
  it('truncated JSON: json-invalide at the end of the text', () => {
    const f = write('tronque.json', '{"statuts": {"6.1.1.2": "fa');
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `${f}:1:25: erreur [json-invalide] JSON invalide : chaîne non terminée`,
      `cae score : ${f} : dossier invalide (1 problème) [dossier-invalide]`,
    ]);
    expect(r.stdout).toBe('');
  });

  it('invalid JSON (trailing comma): json-invalide where the name was expected', () => {
    const f = write('virgule.json', '{"statuts": {"6.1.1.2": "fait",}}');
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${f}:1:32: erreur [json-invalide] JSON invalide : nom de propriété attendu`);
  });

  it('a statut value that does not exist: statut-invalide naming the identifiant, at the value', () => {
    const f = write('statut.json', '{\n  "statuts": {\n    "6.1.1.1.1": "fini"\n  }\n}\n');
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `${f}:3:18: erreur [statut-invalide] Statut invalide pour 6.1.1.1.1 : attendu fait, programme, pas_fait, non_concerne, non_renseigne ou un objet détaillé { "fait", "programme", "pas_fait" } dont la somme vaut 1 (/statuts/6.1.1.1.1)`,
    );
  });

  it('détaillé fractions above 1 or negative: one error per fraction, each at its number', () => {
    const f = write('fractions.json', '{"statuts":{"6.1.1.3.1":{"fait":1.5,"programme":-0.5,"pas_fait":0}}}');
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `${f}:1:33: erreur [statut-invalide] Statut invalide pour 6.1.1.3.1 : Trop grand : nombre doit être <=1 (/statuts/6.1.1.3.1/fait)`,
      `${f}:1:49: erreur [statut-invalide] Statut invalide pour 6.1.1.3.1 : Trop petit : nombre doit être >=0 (/statuts/6.1.1.3.1/programme)`,
      `cae score : ${f} : dossier invalide (2 problèmes) [dossier-invalide]`,
    ]);
  });

  it('détaillé fractions that do not sum to 1', () => {
    const f = write('somme.json', '{\n  "statuts": {\n    "6.1.1.3.1": { "fait": 0.5, "programme": 0.25, "pas_fait": 0.5 }\n  }\n}\n');
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${f}:3:18: erreur [statut-invalide] Statut invalide pour 6.1.1.3.1 : Fractions détaillées invalides : fait + programme + pas_fait doit valoir exactement 1 (/statuts/6.1.1.3.1)`,
    );
  });

  it('a negative population', () => {
    const f = write('pop-negative.json', '{"collectivite":{"population":-3}}');
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `${f}:1:31: erreur [collectivite-invalide] Population invalide : attendu un entier positif ou nul (Trop petit : nombre doit être >=0) (/collectivite/population)`,
    );
  });

  it('a non-integer population', () => {
    const f = write('pop-decimale.json', '{"collectivite":{"population":2500.5}}');
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `${f}:1:31: erreur [collectivite-invalide] Population invalide : attendu un entier positif ou nul (Entrée invalide : entier attendu, nombre reçu) (/collectivite/population)`,
    );
  });

  it('__proto__ keys anywhere: dossier-cle-interdite at each key, nothing polluted or silently dropped', () => {
    const text = [
      '{"__proto__": {"polluted": true},',
      ' "statuts": {"__proto__": "fait", "6.1.1.2": "fait"},',
      ' "reponses": {"__proto__": "OUI"},',
      ' "preuves": {"x": [{"__proto__": {"y": 1}}]}}',
    ].join('\n');
    const f = write('proto.json', text);
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    const message = 'erreur [dossier-cle-interdite] Clé « __proto__ » interdite, attendu un identifiant, un nom de question ou de preuve';
    expect(lines(r.stderr)).toEqual([
      `${f}:1:2: ${message} (/__proto__)`,
      `${f}:2:14: ${message} (/statuts/__proto__)`,
      `${f}:3:15: ${message} (/reponses/__proto__)`,
      `${f}:4:21: ${message} (/preuves/x/0/__proto__)`,
      `cae score : ${f} : dossier invalide (4 problèmes) [dossier-invalide]`,
    ]);
  });

  it('constructor keys: an unknown identifiant in statuts (constat), an unknown key elsewhere', () => {
    const ok = write('constructor-statut.json', '{"statuts": {"constructor": "fait", "toString": "pas_fait", "6.1.1.2": "fait"}, "reponses": {"constructor": "OUI"}}');
    const r = cae(['score', ok, '--format', 'json'], [ok]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { constats: { code: string; message: string; pointer?: string }[] };
    expect(doc.constats.map((c) => [c.code, c.pointer])).toEqual([
      // The embedded référentiel has no questions: the answer cannot be checked, and is said to be ignored.
      ['reponses-sans-regles', '/reponses'],
      ['statut-identifiant-inconnu', '/statuts/constructor'],
      ['statut-identifiant-inconnu', '/statuts/toString'],
    ]);
    const bad = write('constructor-cle.json', '{"collectivite": {"constructor": {"prototype": {"x": 1}}}}');
    const r2 = cae(['score', bad], [bad]);
    expect(r2.status).toBe(1);
    expect(lines(r2.stderr)[0]).toBe(
      `${bad}:1:19: erreur [dossier-cle-inconnue] Clé inattendue « constructor », attendu l'une des clés prévues par le format du dossier (/collectivite/constructor)`,
    );
  });

  it('100,000 unknown identifiants: a summary constat, fast', () => {
    const statuts: Record<string, string> = { '6.1.1.2': 'fait' };
    for (let i = 0; i < 100_000; i++) statuts[`9.9.${i}`] = 'fait';
    const f = write('inconnus.json', JSON.stringify({ statuts }));
    const r = cae(['score', f, '--format', 'json'], [f]);
    expect(r.status).toBe(0);
    const constats = (JSON.parse(r.stdout) as { constats: { code: string; message: string }[] }).constats;
    expect(constats).toHaveLength(21);
    expect(constats.every((c) => c.code === 'statut-identifiant-inconnu')).toBe(true);
    expect(constats[0]!.message).toBe("Statut ignoré : l'identifiant « 9.9.0 » n'existe pas dans le référentiel cae");
    expect(constats[20]!.message).toBe('… et 99980 autres statuts ignorés pour des identifiants inconnus');
    expect(r.ms).toBeLessThan(15_000);
    const text = cae(['score', f], [f]);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n').length).toBeLessThan(200);
  });

  it('200,000 nested brackets: json-trop-imbrique at the first bracket over the limit', () => {
    const f = write('crochets.json', '['.repeat(200_000) + ']'.repeat(200_000));
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `${f}:1:${DOSSIER_LIMITS.maxNesting + 1}: erreur [json-trop-imbrique] Imbrication JSON trop profonde : plus de ${DOSSIER_LIMITS.maxNesting} niveaux de crochets ou d'accolades`,
    );
    const g = write('accolades.json', '{"preuves":'.repeat(1) + '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_001));
    const r2 = cae(['score', g], [g]);
    expect(r2.status).toBe(1);
    expect(lines(r2.stderr)[0]).toMatch(new RegExp(`^${g}:1:\\d+: erreur \\[json-trop-imbrique\\] `));
  });

  it('valid JSON nested 40 deep in preuves (under the JSON limit): a clear preuves error', () => {
    const f = write('preuves-profondes.json', `{"preuves":{"x":${'['.repeat(40)}${']'.repeat(40)}}}`);
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(`${f}:1:12: erreur [preuve-invalide] preuves : Preuves trop imbriquées : au plus 32 niveaux (/preuves)`);
  });

  it('binary garbage as a dossier, from a file and from stdin', () => {
    const f = write('binaire.json', Buffer.concat([Buffer.from([0, 0xff, 0xfe]), garbage(64 * 1024)]));
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    // Not UTF-8: refused as such, at the first invalid byte, before any JSON is read.
    expect(lines(r.stderr)[0]).toBe(`cae score : ${f}:1:2 : Encodage invalide : octet 0xFF inattendu, attendu de l'UTF-8 (enregistrez le fichier en UTF-8) [encodage-invalide]`);
    const s = cae(['score', '-'], [], { stdin: garbage(10_000, 7) });
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/^cae score : <stdin>:\d+:\d+ : Encodage invalide : octet 0x[0-9A-F]{2} inattendu, attendu de l'UTF-8 .*\[encodage-invalide\]$/m);
    const ascii = write('binaire-ascii.json', Buffer.from(garbage(4096, 3).map((b) => 32 + (b % 95))));
    const t = cae(['score', ascii], [ascii]);
    expect(t.status).toBe(1);
    expect(t.stderr).toMatch(/^.*binaire-ascii\.json:1:\d+: erreur \[json-invalide\] JSON invalide : /);
  });

  it('a dossier over the size limit: dossier-trop-volumineux', () => {
    const f = write('enorme.json', `{"collectivite":{"nom":"${'x'.repeat(DOSSIER_LIMITS.maxBytes)}"}}`);
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `${f}:1:1: erreur [dossier-trop-volumineux] Dossier trop volumineux : ${DOSSIER_LIMITS.maxBytes + 27} octets, au plus ${DOSSIER_LIMITS.maxBytes} attendus`,
    );
    rmSync(f);
  });

  it('batch: hostile lines give aligned error lines, never a crash', () => {
    const f = write('lot.jsonl', ['{"statuts":{"6.1.1.2":"fait"}}', '{"statuts": {"6.1.1.2": "fa', '['.repeat(100_000), '{"__proto__":{}}', garbage(200).toString('latin1').replace(/\n/g, ' ')].join('\n') + '\n');
    const r = cae(['score', '--batch', f], [f]);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as { ligne?: number; erreurs?: { code: string }[] });
    expect(out).toHaveLength(5);
    expect(out[0]!.erreurs).toBeUndefined();
    expect(out.slice(1).map((o) => [o.ligne, o.erreurs?.[0]?.code])).toEqual([
      [2, 'json-invalide'],
      [3, 'json-trop-imbrique'],
      [4, 'dossier-cle-interdite'],
      [5, 'json-invalide'],
    ]);
  });
});

describe('hostile Markdown (cae build, cae lint)', () => {
  it('binary garbage as a Markdown file: markdown-binaire at the first NUL byte', () => {
    const bin = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.from([0]), garbage(20_000, 99)]);
    const dir = referentiel('ref-binaire', { 'z.md': bin });
    const r = cae(['build', '--referentiel', dir, '--resume'], [dir]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toContain('z.md:1:8: erreur [markdown-binaire] Octet nul inattendu, attendu un fichier texte Markdown (UTF-8) : le fichier est ignoré');
    const l = cae(['lint', join(dir, 'z.md')], [dir]);
    expect(l.status).toBe(1);
    expect(l.stdout).toContain('z.md:1:8');
    expect(l.stdout).toContain('markdown-binaire');
  });

  it('binary garbage without NUL bytes: not UTF-8, encodage-invalide at the first bad byte', () => {
    const bin = Buffer.from(garbage(20_000, 5).map((b) => (b === 0 ? 1 : b)));
    const dir = referentiel('ref-bruit', { 'z.md': bin });
    const r = cae(['build', '--referentiel', dir, '--resume'], [dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^z\.md:\d+:\d+: erreur \[encodage-invalide\] Encodage invalide : octet 0x[0-9A-F]{2} inattendu en \d+:\d+, attendu de l'UTF-8/m);
  });

  it('a YAML alias bomb in a ```yaml block: yaml-invalide naming the limit, fast', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [x, y] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) rows.push(`${x}: &${x} [${Array(9).fill(`*${y}`).join(',')}]`);
    const dir = referentiel('ref-bombe', { '6.md': (t) => t.replace('identifiant: 6\n', `identifiant: 6\n${rows.join('\n')}\n`) });
    const r = cae(['build', '--referentiel', dir, '--resume'], [dir], { timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `6.md:7:1: erreur [yaml-invalide] YAML invalide : trop d'alias développés, attendu au plus ${MARKDOWN_LIMITS.maxYamlAliases} par bloc (protection contre les « bombes » d'alias)`,
    );
    expect(r.ms).toBeLessThan(10_000);
  });

  it('30,000 headings in one file: built, quickly', () => {
    const headings = Array.from({ length: 30_000 }, (_, i) => `#### Titre ${i}\ntexte ${i}\n`).join('');
    const dir = referentiel('ref-titres', { '6.md': (t) => `${t}\n${headings}` });
    const r = cae(['build', '--referentiel', dir, '--resume'], [dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('30 actions');
    expect(r.ms).toBeLessThan(10_000);
    const l = cae(['lint', join(dir, '6.md'), '--format', 'json'], [dir]);
    expect(l.status).toBe(0);
    // At most 1,000 messages per rule and file, then one summary (src/lint/cap.ts).
    const messages = JSON.parse(l.stdout) as { message: string }[];
    expect(messages.length).toBeGreaterThan(1000);
    expect(messages.some((m) => m.message.startsWith('… et 29000 autres messages'))).toBe(true);
  });

  it('prototype names in the référentiel: referentiel: constructor, categorie: constructor, ## Constructor', () => {
    const dir = referentiel('ref-constructor', {
      'cae.md': (t) => t.replace(/^referentiel: .*$/m, 'referentiel: constructor'),
      '6.1.1.md': (t) => `${t.replace(/^categorie: bases$/m, 'categorie: constructor')}\n#### Constructor\ntexte\n#### __proto__\ntexte\n`,
      '6.md': (t) => t.replace('identifiant: 6\n', 'identifiant: 6\n__proto__: {points: 99}\n'),
    });
    const r = cae(['build', '--referentiel', dir], [dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/6\.1\.1\.md:\d+:\d+: avertissement \[categorie-inconnue\] Catégorie inattendue `constructor`/);
    expect(r.stderr).toContain('6.md:4:1: avertissement [cle-yaml-inconnue] Clé YAML `__proto__` inattendue');
    expect(r.stderr).toContain('Référentiel constructor « Climat Air Énergie » : 6 points');
    JSON.parse(r.stdout);
    expect(r.stdout).not.toContain('function Object');
    expect(r.stdout).not.toContain('[object Object]');
    expect(r.stdout).toContain('"constructor": "texte"');
    // The fixture says "referentiel": "cae": another référentiel's dossier is refused.
    const other = cae(['score', FIXTURE, '--referentiel', dir], [dir, FIXTURE]);
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/saint-exemple\.json:2:18: erreur \[referentiel-different\] Référentiel « cae » inattendu, attendu « constructor »/);
    const { referentiel: _, ...rest } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    const sans = write('sans-referentiel.json', JSON.stringify(rest));
    const s = cae(['score', sans, '--referentiel', dir, '--format', 'html', '-o', join(work, 'constructor.html')], [dir, sans]);
    expect(s.status).toBe(0);
    const l = cae(['lint', dir], [dir]);
    expect(l.stdout).toContain('Section « Constructor » inconnue');
  });

  it('a Markdown file over the size limit: markdown-trop-volumineux', () => {
    const dir = referentiel('ref-gros', { 'gros.md': `# Gros\n${'x'.repeat(MARKDOWN_LIMITS.maxChars)}\n` });
    const r = cae(['build', '--referentiel', dir, '--resume'], [dir]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `gros.md:1:1: erreur [markdown-trop-volumineux] Fichier Markdown de ${MARKDOWN_LIMITS.maxChars + 8} caractères inattendu, attendu au plus ${MARKDOWN_LIMITS.maxChars} : il est ignoré`,
    );
    rmSync(dir, { recursive: true });
  });

  it('a référentiel over the action limit: referentiel-trop-grand', () => {
    const n = MARKDOWN_LIMITS.maxActions + 1;
    const body = Array.from({ length: n }, (_, i) => `# T\n\`\`\`yaml\nidentifiant: 6.1.1.9.${i}\n\`\`\`\n`).join('');
    const dir = referentiel('ref-nombreux', { 'z.md': body });
    const r = cae(['build', '--referentiel', dir, '--resume'], [dir], { timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(
      new RegExp(`^z\\.md:\\d+:1: erreur \\[referentiel-trop-grand\\] Référentiel de ${n + 30} actions inattendu, attendu au plus ${MARKDOWN_LIMITS.maxActions} `),
    );
    rmSync(dir, { recursive: true });
  });
});

describe('hostile formulas (evidence rules given with --regles-preuve)', () => {
  const rules = (formule: string): string => {
    const dir = join(work, `regles-${formule.length}`);
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(EMBEDDED_DIR, 'regles-preuve', 'cae.md'), 'utf8').replace(/```formule\n[\s\S]*?\n```/, `\`\`\`formule\n${formule}\n\`\`\``);
    writeFileSync(join(dir, 'cae.md'), text);
    return dir;
  };
  const formuleLine = readFileSync(join(EMBEDDED_DIR, 'regles-preuve', 'cae.md'), 'utf8').split('\n').indexOf('```formule') + 2;

  it('20,000 nested parentheses: formule-limite (length), positioned at the limit', () => {
    const dir = rules(`${'('.repeat(20_000)}1${')'.repeat(20_000)}`);
    const r = cae(['score', FIXTURE, '--regles-preuve', dir], [dir, FIXTURE]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `cae.md:${formuleLine}:${LIMITES.longueur + 1}: erreur [formule-limite] formule trop longue : 40001 caractères, au plus ${LIMITES.longueur}`,
      'cae score : référentiel ou règles invalides (1 erreur) ; voir cae lint [referentiel-invalide]',
    ]);
  });

  it('4,000 nested parentheses (under the length limit): formule-limite (depth)', () => {
    const dir = rules(`${'('.repeat(4_000)}1${')'.repeat(4_000)}`);
    const r = cae(['score', FIXTURE, '--regles-preuve', dir], [dir, FIXTURE]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(`cae.md:${formuleLine}:${LIMITES.profondeur + 1}: erreur [formule-limite] formule trop imbriquée : plus de ${LIMITES.profondeur} niveaux`);
  });

  it('a left-deep chain of 4,000 additions (flat text, deep tree): formule-limite', () => {
    const dir = rules(Array(4_000).fill('1').join('+'));
    const r = cae(['score', FIXTURE, '--regles-preuve', dir], [dir, FIXTURE]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(new RegExp(`^cae\\.md:${formuleLine}:\\d+: erreur \\[formule-limite\\] formule trop profonde : plus de ${LIMITES.profondeur} niveaux d'opérations$`));
  });
});

describe('prototype names as command-line arguments', () => {
  it('command, action, format and lint rule named constructor or __proto__: usage errors', () => {
    const cfg = write('lint-config.json', '{"rules": {"__proto__": "off"}}');
    const cases: [string[], number, string][] = [
      [['constructor'], 2, 'cae : commande inconnue « constructor » [commande-inconnue]'],
      [['explain', FIXTURE, 'constructor'], 2, 'cae explain : action inattendue « constructor », attendu un identifiant du référentiel cae'],
      [['explain', FIXTURE, '__proto__'], 2, 'cae explain : action inattendue « __proto__ »'],
      [['score', FIXTURE, '--format', 'constructor'], 2, 'cae score : format inattendu « constructor », attendu text, json, csv, markdown, html, xlsx [format-inconnu]'],
      [['schema', '__proto__'], 2, 'cae schema : schéma inattendu « __proto__ », attendu dossier, referentiel, bundle ou evaluation [schema-inconnu]'],
      [['lint', '--config', cfg], 2, `cae lint : ${cfg} : règle inconnue « __proto__ »`],
    ];
    for (const [args, status, message] of cases) {
      const r = cae(args, [FIXTURE, cfg]);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.status, args.join(' ')).toBe(status);
    }
  });
});

describe('outputs that cannot be written, missing inputs', () => {
  const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('.tmp-') || n.startsWith('.'));

  it('-o on a folder: exit 2, ecriture-impossible, no temporary file left', () => {
    const dir = join(work, 'sortie');
    mkdirSync(join(dir, 'rapport.json'), { recursive: true });
    const before = readdirSync(dir).sort();
    for (const args of [
      ['score', FIXTURE, '--format', 'json', '-o', join(dir, 'rapport.json')],
      ['build', '-o', join(dir, 'rapport.json')],
      ['score', '--batch', '-', '-o', join(dir, 'rapport.json')],
    ]) {
      const r = cae(args, [FIXTURE], { stdin: '{"statuts":{"6.1.1.2":"fait"}}\n' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`${join(dir, 'rapport.json')} : écriture impossible (c'est un dossier) [ecriture-impossible]`);
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
      expect(readdirSync(join(dir, 'rapport.json'))).toEqual([]);
    }
  });

  it('-o in a missing folder, or under a file: exit 2, nothing created', () => {
    const r = cae(['score', FIXTURE, '-o', join(work, 'absent', 'r.txt')], [FIXTURE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(work, 'absent', 'r.txt')} : écriture impossible (fichier ou dossier introuvable) [ecriture-impossible]`);
    expect(existsSync(join(work, 'absent'))).toBe(false);
    const file = write('un-fichier', 'x');
    const r2 = cae(['build', '-o', join(file, 'r.json')], [file]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain("écriture impossible (un élément du chemin n'est pas un dossier) [ecriture-impossible]");
  });

  it('a missing file or folder: exit 2, fichier-illisible', () => {
    const r = cae(['score', join(work, 'absent.json')], []);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`cae score : ${join(work, 'absent.json')} : fichier illisible (fichier ou dossier introuvable) [fichier-illisible]`]);
    const b = cae(['build', '--referentiel', join(work, 'absent')], []);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('[fichier-illisible]');
    const l = cae(['lint', join(work, 'absent.md')], []);
    expect(l.status).toBe(2);
    expect(l.stderr).toContain('[fichier-illisible]');
    const c = cae(['compare', FIXTURE, join(work, 'absent.json')], [FIXTURE]);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('[fichier-illisible]');
  });
});
