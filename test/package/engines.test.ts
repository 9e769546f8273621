/**
 * No installed package, dependency or dev dependency, excludes the Node the project supports
 * (`engines.node` of package.json, from its lowest version): npm only warns (EBADENGINE), so a
 * package that needs Node 22 would otherwise land unnoticed. fastify's light-my-request is pinned
 * by `overrides` for that reason (6.8 needs cookie 2, which needs Node 22).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const read = (file: string) => JSON.parse(readFileSync(join(PROJECT_DIR, file), 'utf8'));

describe('engines of every installed package', () => {
  const supported = (read('package.json') as { engines: { node: string } }).engines.node;
  const lowest = semver.minVersion(supported)!.version;

  it('the project supports Node 20', () => {
    expect(semver.satisfies('20.19.0', supported)).toBe(true);
  });

  it(`every package of package-lock.json admits Node ${lowest}`, () => {
    const packages = (read('package-lock.json') as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> }).packages;
    const excluding = Object.entries(packages)
      .filter(([path, p]) => path !== '' && !Array.isArray(p.engines) && p.engines?.node !== undefined && !semver.satisfies(lowest, p.engines.node))
      .map(([path, p]) => `${path}@${p.version} (node ${(p.engines as { node: string }).node})`);
    expect(excluding).toEqual([]);
  });
});
