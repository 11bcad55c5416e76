import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** scripts/index-search.ts on a site of five indexed pages and one page left out (no data-pagefind-body). */
describe('scripts/index-search.ts: one fragment file a page, or --group N pages a file', () => {
  function site(): string {
    const dir = mkdtempSync(join(tmpdir(), 'index-search-'));
    for (let i = 0; i < 5; i++) {
      mkdirSync(join(dir, 'd', `doc-${i}`), { recursive: true });
      writeFileSync(join(dir, 'd', `doc-${i}`, 'index.html'), `<html lang="zh-CN"><body><main data-pagefind-body><h1>第${i}份文件</h1><p>住房公积金</p></main></body></html>`);
    }
    writeFileSync(join(dir, 'index.html'), '<html lang="zh-CN"><body><main><h1>首页</h1></main></body></html>');
    return dir;
  }
  const index = (dir: string, ...args: string[]) =>
    spawnSync(resolve('node_modules/.bin/node'), [resolve('scripts/index-search.ts'), dir, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('writes a fragment file per indexed page by default, and ceil(pages / N) files with --group N', () => {
    const one = site();
    const two = site();
    try {
      expect(index(one).status).toBe(0);
      expect(readdirSync(join(one, 'pagefind', 'fragment'))).toHaveLength(5);
      const grouped = index(two, '--group', '2');
      expect(grouped.stderr).toBe('');
      expect(grouped.status).toBe(0);
      // The page without data-pagefind-body is not indexed, so not counted: 5 pages, 3 files.
      expect(readdirSync(join(two, 'pagefind', 'fragment'))).toHaveLength(3);
    } finally {
      rmSync(one, { recursive: true, force: true });
      rmSync(two, { recursive: true, force: true });
    }
  });

  it('replaces a bundle already there whole: a page changed leaves no fragment or index file of the earlier index', () => {
    const dir = site();
    try {
      expect(index(dir).status).toBe(0);
      const before = readdirSync(join(dir, 'pagefind', 'fragment'));
      writeFileSync(join(dir, 'd', 'doc-0', 'index.html'), '<html lang="zh-CN"><body><main data-pagefind-body><h1>第0份文件</h1><p>一般公共服务支出</p></main></body></html>');
      expect(index(dir).status).toBe(0);
      const after = readdirSync(join(dir, 'pagefind', 'fragment'));
      // Five pages, five fragments, one of them new; Pagefind alone kept the changed page's old fragment beside it.
      expect(after).toHaveLength(5);
      expect(after.filter((file) => !before.includes(file))).toHaveLength(1);
      expect(readdirSync(join(dir, 'pagefind')).filter((file) => file.endsWith('.pf_meta'))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a group that is not a whole number of pages', () => {
    const dir = site();
    try {
      const run = index(dir, '--group', '0');
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('--group 0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
