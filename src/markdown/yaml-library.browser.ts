/**
 * The `yaml` package for browser bundles (mapped over yaml-library.js by the `browser` field of
 * package.json): imported normally, since a browser has no synchronous lazy loading.
 */
import * as yaml from 'yaml';

export const yamlLibrary = (): typeof yaml => yaml;
