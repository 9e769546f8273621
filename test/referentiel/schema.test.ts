import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';
import { compiledReferentielSchema, referentielJsonSchema, type CompiledReferentiel } from '../../src/referentiel/compiled-schema.js';
import { compileReferentiel } from '../../src/referentiel/compile-referentiel.js';
import { loadReferentiel } from '../../src/referentiel/load-referentiel.js';
import { parseEmbeddedReferentiel } from '../../src/referentiel/read-referentiel.js';

const SCHEMA_FILE = join(PROJECT_DIR, 'schemas', 'referentiel.schema.json');
const generated = `${JSON.stringify(referentielJsonSchema(), null, 2)}\n`;

describe('published JSON Schema (schemas/referentiel.schema.json)', () => {
  it('is exactly what z.toJSONSchema gives (UPDATE_SCHEMAS=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMAS === '1') {
      mkdirSync(join(PROJECT_DIR, 'schemas'), { recursive: true });
      writeFileSync(SCHEMA_FILE, generated);
    }
    expect(existsSync(SCHEMA_FILE), 'schéma absent : lancer UPDATE_SCHEMAS=1 npx vitest run test/referentiel/schema.test.ts').toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  describe('ajv and zod agree', () => {
    let doc: CompiledReferentiel;
    const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(generated));
    beforeAll(async () => {
      doc = JSON.parse(JSON.stringify(compileReferentiel((await parseEmbeddedReferentiel()).referentiel!)));
    });
    const broken: [string, (d: any) => void][] = [
      ['wrong format', (d) => (d.format = 'label-cae/referentiel@2')],
      ['points as a string', (d) => (d.actions[1].points = '6')],
      ['non-exact fraction', (d) => (d.actions[1].pointsExact = '0.3')],
      ['unknown type', (d) => (d.actions[2].type = 'chapitre')],
      ['unknown categorie', (d) => (d.actions[5].categorie = 'mise en œuvre')],
      ['extra property', (d) => (d.actions[0].couleur = 'vert')],
      ['missing nom', (d) => delete d.actions[3].nom],
      ['line 0', (d) => (d.actions[3].position.line = 0)],
      ['empty actions', (d) => (d.actions = [])],
      ['bad identifiant', (d) => (d.actions[4].identifiant = '6.1.A')],
    ];
    it('accepts the compiled embedded référentiel', () => {
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(compiledReferentielSchema.safeParse(doc).success).toBe(true);
    });
    it.each(broken)('rejects a document with %s', (_, breakIt) => {
      const d = structuredClone(doc);
      breakIt(d);
      expect(validate(d)).toBe(false);
      expect(compiledReferentielSchema.safeParse(d).success).toBe(false);
      const loaded = loadReferentiel(d);
      expect(loaded.referentiel).toBeNull();
      expect(loaded.diagnostics[0]).toMatchObject({ code: 'referentiel-json-invalide', severity: 'error' });
    });
    it('loadReferentiel also rejects what the schema cannot see (tree consistency)', () => {
      const d = structuredClone(doc);
      d.actions[5]!.parent = 'cae_6';
      expect(validate(d)).toBe(true);
      expect(loadReferentiel(d).diagnostics.map((x) => x.code)).toContain('referentiel-json-incoherent');
      const e = structuredClone(doc);
      e.actions[29]!.pointsExact = '1';
      expect(loadReferentiel(e).diagnostics.map((x) => x.code)).toContain('points-incoherents');
    });
  });
});
