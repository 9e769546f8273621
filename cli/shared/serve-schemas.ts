/**
 * The JSON Schemas the OpenAPI document of `cae serve` embeds, in a module of their own so that
 * serve-openapi.ts imports it (and zod, which generates them) only when the document is asked for.
 */
export { dossierJsonSchema, evaluationJsonSchema } from 'label-cae';
