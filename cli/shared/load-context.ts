/**
 * The evaluation context a command scores against. The embedded référentiel (no path given) is
 * loaded from its compiled bundle, `label-cae/embedded`, which `npm run build` writes from
 * referentiel/ and checks as loadBundle will load it: about 5 ms, where parsing its Markdown took
 * 12–20 ms and 60 kB more code at every start of `cae`. Both give the same context
 * (test/cli/embedded-bundle.test.ts compares what every command prints from each).
 */
import { loadBundle } from 'label-cae';
import type { LoadContextOptions, LoadedContext } from 'label-cae/node';

// A public entry of the package, named by a variable: TypeScript would otherwise read its
// declarations, which `npm run build` writes after compiling (they do not exist yet on a fresh
// clone). loadBundle checks the value as it checks any bundle.
const EMBEDDED: string = 'label-cae/embedded';

/** No référentiel, questions, rules or evidence rules given: the embedded référentiel as built. */
export function isEmbeddedDefault(options: LoadContextOptions): boolean {
  return options.referentiel === undefined && options.questions === undefined && options.personnalisations === undefined && options.reglesPreuve === undefined;
}

export async function loadCommandContext(options: LoadContextOptions): Promise<LoadedContext> {
  // The Markdown readers load only for a référentiel given by path.
  if (!isEmbeddedDefault(options)) return (await import('./load-context-files.js')).loadEvaluationContext(options);
  const { embeddedBundle } = (await import(EMBEDDED)) as { embeddedBundle: unknown };
  return loadBundle(embeddedBundle);
}
