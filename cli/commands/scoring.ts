/**
 * The commands that score dossiers against a context (score, explain, compare, plan, projeter),
 * in one module: they share nearly all their code, so they are loaded together, as one chunk of
 * the bundled command (scripts/build-cli.mjs) rather than many small ones.
 */
export { score } from './score.js';
export { explain } from './explain.js';
export { compare } from './compare.js';
export { plan } from './plan.js';
export { projeter } from './projeter.js';
