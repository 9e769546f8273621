/**
 * The `format` of a bundle (`label-cae/bundle@2`): a référentiel and its companions, compiled, in one
 * JSON document. Here without zod, so that code that only names the format does not load it.
 *
 * @example
 * if (json.format === BUNDLE_FORMAT) console.log(loadBundle(json).diagnostics);
 */
export const BUNDLE_FORMAT = 'label-cae/bundle@2';

/** The first format, whose companions were Markdown text: `loadBundle` asks to rebuild it. */
export const BUNDLE_FORMAT_V1 = 'label-cae/bundle@1';
