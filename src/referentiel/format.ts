/** Name and version of the compiled référentiel format (kept out of the zod module so the CLI does not load zod to write it). */
export const REFERENTIEL_FORMAT = 'label-cae/referentiel@1';
