import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../fixtures/source-files.ts';

/**
 * What both the parser and the site need (codes, decimals, units, width folding, a line's page) lives in src/core/;
 * the site — its pages, components and the code it ships to the browser — never reaches into the parser.
 */
const files = (dir: string): string[] => sourceFiles(dir, /\.(ts|astro)$/);

describe('one core module, no parser in the site', () => {
  it('no site file imports from src/ingest', () => {
    const offenders = ['src/site', 'src/pages', 'src/components', 'src/layouts']
      .flatMap(files)
      .filter((f) => /from\s+'[^']*\/ingest\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('src/core imports nothing outside itself', () => {
    const outside = files('src/core').filter((f) => /from\s+'\.\.\//.test(readFileSync(f, 'utf8')));
    expect(outside).toEqual([]);
  });
});
