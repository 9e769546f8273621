/** `cae import` end to end on small hand-written CSVs: exit codes, positions, refusal of OUT inside DIR, determinism. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const cli = (...args: string[]) => spawnSync(process.execPath, [join(PROJECT_DIR, 'bin', 'cae.js'), ...args], { cwd: PROJECT_DIR, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });

const STRUCTURE = 'identifiant,nom,points,pourcentage,categorie,description,desactivation,personnalisationQuestions\n1,Axe,,,,,,\n1.1,Sous-axe,,,,,,\n1.1.1,Mesure,10,,,"Texte\nsur deux lignes","reponse(q1, OUI)",q1\n1.1.1.1,Sous-action,,100,bases,,,\n';
const QUESTIONS = 'id,formulation,type,thematiqueId,exprVisible,typesCollectivitesConcernees\nq1,Question ?,binaire,energie,,epci\n';

describe('cae import (CSV écrits à la main)', () => {
  let tmp = '';
  const input = () => join(tmp, 'head');
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'cae-import-cli-'));
    mkdirSync(join(input(), 'referentiels'), { recursive: true });
    mkdirSync(join(input(), 'personnalisations'), { recursive: true });
    writeFileSync(join(input(), 'referentiels', 'referentiel-cae-structure.csv'), STRUCTURE);
    writeFileSync(join(input(), 'personnalisations', 'import-personnalisation-questions.csv'), QUESTIONS);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('importe, puis build et lint relisent la sortie ; deux importations donnent les mêmes octets', () => {
    const out = join(tmp, 'out');
    const r = cli('import', input(), '--referentiel', 'cae', '-o', out);
    expect(r.stderr).toMatch(/Référentiel cae importé .*\n {2}actions \(racine comprise\) : 5, entrées de règles : 1, questions : 1, preuves : 0\n {2}fichiers écrits : 5\n$/);
    expect(r.status).toBe(0);
    const mesure = readFileSync(join(out, 'referentiels', 'cae', '1.1.1.md'), 'utf8');
    expect(cli('build', '--referentiel', join(out, 'referentiels', 'cae'), '--resume').stderr).toMatch(/10 points/);
    const lint = cli('lint', join(out, 'referentiels', 'cae'), '--questions', join(out, 'questions'), '--personnalisations', join(out, 'personnalisations'));
    expect(lint.stdout).toMatch(/0 erreur, 0 avertissement/);
    expect(readFileSync(join(out, 'questions', 'energie.md'), 'utf8')).toBe('# Question ?\n```yaml\nid: q1\ntype: binaire\nthematique_id: energie\nactions: [cae_1.1.1]\ntypes_concernes: [epci]\n```\n');
    expect(cli('import', input(), '--referentiel', 'cae', '-o', out).status).toBe(0);
    expect(readFileSync(join(out, 'referentiels', 'cae', '1.1.1.md'), 'utf8')).toBe(mesure);
  });

  it('contenu invalide : code 1, position fichier:ligne:colonne de la rangée, rien écrit', () => {
    const bad = join(tmp, 'bad');
    mkdirSync(join(bad, 'referentiels'), { recursive: true });
    writeFileSync(join(bad, 'referentiels', 'referentiel-eci-structure.csv'), 'identifiant,nom,points\n1,Axe,10\n1.1,"Mesure\nlongue",douze\n');
    const out = join(tmp, 'out-bad');
    const r = cli('import', bad, '--referentiel', 'eci', '-o', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(bad, 'referentiels', 'referentiel-eci-structure.csv')}:3:1: erreur [import-nombre-invalide]`);
    expect(r.stderr).toMatch(/cae import : 1 erreur dans les CSV — rien n'est écrit \[import-invalide\]/);
    expect(r.stderr).not.toMatch(/at .*\.js/);
    expect(existsSync(out)).toBe(false);
  });

  it("usage : code 2 pour un dossier ou un CSV absent, un référentiel inconnu, une sortie dans l'entrée", () => {
    const out = join(tmp, 'o');
    const cases: [string[], string][] = [
      [['import', join(tmp, 'absent'), '--referentiel', 'cae', '-o', out], 'fichier-illisible'],
      [['import', input(), '--referentiel', 'te', '-o', out], 'fichier-illisible'],
      [['import', input(), '--referentiel', 'xyz', '-o', out], 'referentiel-attendu'],
      [['import', input(), '--referentiel', 'cae'], 'sortie-attendue'],
      [['import', input(), '--referentiel', 'cae', '-o', input()], 'sortie-dans-entree'],
      [['import', input(), '--referentiel', 'cae', '-o', join(input(), 'a', 'b')], 'sortie-dans-entree'],
    ];
    for (const [args, code] of cases) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^cae import : .*\\[${code}\\]\\n$`));
    }
    expect(existsSync(join(input(), 'a'))).toBe(false);
  });
});
