/** The outline on a pathological file: 60,000 section headings under one item (was quadratic, 10 s). */
import { bench, describe } from 'vitest';
import { buildOutline } from './outline.js';

describe('outline', () => {
  const text = `# Item\n${Array.from({ length: 60_000 }, (_, i) => `## S${i}\n`).join('')}`;
  bench('60,000 section headings', () => {
    buildOutline(text, { file: 'x.md', keywords: [] }, []);
  });
});
