/**
 * The OpenAPI 3.1 document of `cae serve`, built from the same JSON Schemas as `cae schema`
 * (the dossier's from its zod schema, the evaluation document's): one source of truth.
 */
import { NIVEAUX } from 'label-cae/report';
import { VERSION } from '../version.js';

export async function openApiDocument(bodyLimit: number): Promise<Record<string, unknown>> {
  // Loaded on demand: zod is not needed to score.
  const { dossierJsonSchema, evaluationJsonSchema } = await import('./serve-schemas.js');
  const strip = (s: Record<string, unknown>): Record<string, unknown> => {
    const { $schema: _s, $id: _i, ...rest } = s;
    return rest;
  };
  const erreur = { type: 'object', required: ['erreur'], properties: { erreur: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } };
  const diagnostics = { type: 'object', required: ['erreurs'], properties: { erreurs: { type: 'array', items: { type: 'object', required: ['code', 'severity', 'message'], properties: { code: { type: 'string' }, severity: { type: 'string' }, message: { type: 'string' }, pointer: { type: 'string' }, position: { type: 'object', properties: { file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } } } } } } } };
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const niveau = { name: 'niveau', in: 'query', required: false, schema: { type: 'string', enum: [...NIVEAUX], default: 'tache' }, description: 'mesure : racine, axes, sous-axes et mesures ; sous-action : un niveau de plus ; tache : tous les nœuds' };
  const errors = { '400': { description: 'Dossier ou paramètre invalide', content: json({ oneOf: [{ $ref: '#/components/schemas/Diagnostics' }, { $ref: '#/components/schemas/Erreur' }] }) }, '413': { description: `Corps de plus de ${bodyLimit} octets`, content: json({ $ref: '#/components/schemas/Erreur' }) }, '500': { description: 'Erreur interne', content: json({ $ref: '#/components/schemas/Erreur' }) } };
  return {
    openapi: '3.1.0',
    info: { title: 'label-cae — service de notation', version: VERSION, description: 'Notation des dossiers du Label Climat Air Énergie : le même moteur que la commande cae.' },
    paths: {
      '/evaluations': {
        post: {
          summary: 'Note un dossier',
          parameters: [niveau],
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/Dossier' }) },
          responses: { '200': { description: "Le document d'évaluation (label-cae/evaluation@1)", content: json({ $ref: '#/components/schemas/Evaluation' }) }, ...errors },
        },
      },
      '/evaluations:batch': {
        post: {
          summary: 'Note un flux de dossiers (NDJSON), une ligne de résultat par ligne reçue, dans l’ordre',
          parameters: [niveau],
          requestBody: { required: true, content: { 'application/x-ndjson': { schema: { $ref: '#/components/schemas/Dossier' } } } },
          responses: { '200': { description: 'Une ligne par ligne reçue : {"ligne", …évaluation}, {"ligne", "erreurs"} ou {"ligne", "vide": true}', content: { 'application/x-ndjson': { schema: { type: 'object', required: ['ligne'] } } } } },
        },
      },
      '/referentiels': { get: { summary: 'Le référentiel chargé', responses: { '200': { description: 'Référentiels', content: json({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, nom: { type: 'string' }, actions: { type: 'integer' }, personnalisation: { type: 'boolean' }, reglesPreuve: { type: 'integer' } } } }) } } } },
      '/health': { get: { summary: 'Le service répond', responses: { '200': { description: 'En service', content: json({ type: 'object', properties: { statut: { const: 'ok' } } }) } } } },
      '/openapi.json': { get: { summary: 'Ce document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
    components: { schemas: { Dossier: strip(dossierJsonSchema()), Evaluation: strip(evaluationJsonSchema()), Erreur: erreur, Diagnostics: diagnostics } },
  };
}
