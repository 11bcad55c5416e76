import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import type { TableRow } from '../../src/schema/table.ts';
import { tablePlan } from '../../src/site/table-pages.ts';

/**
 * A disclosure whose project table is too heavy for its page (src/site/table-pages.ts), built as a site of its own:
 * the bundled documents have no such table. 喀什地区行政公署办公室 2021 (a bundled source) with its 一般公共预算项目支出
 * table given 3,000 rows, each with a 绩效目标 sentence no other row repeats.
 */
const work = mkdtempSync(join(tmpdir(), 'table-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLUG = 'kashgar-administrative-office-2021-budget';
const ROWS = 3000;
const MAX_GZIP = 60 * 1024;

function heavyDocument() {
  const file = `content/sources/${SLUG}.txt`;
  const doc = parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: 'c'.repeat(64), format: 'text', encoding: 'utf-8' });
  const table = doc.tables.find((t) => t.kind === 'general-budget-project-expenditure')!;
  let seed = 11;
  const char = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return String.fromCharCode(0x4e00 + ((seed >>> 8) % 20000));
  };
  const template = table.rows[table.rows.length - 1];
  const column = table.columns[0].key;
  table.rows = Array.from({ length: ROWS }, (_, i): TableRow => ({
    ...template,
    name: `加长项目${i + 1}号`,
    code: null,
    role: 'data',
    level: null,
    texts: { goal: Array.from({ length: 40 }, char).join('') },
    values: { [column]: i + 1 },
    lines: { first: 100_000 + 2 * i, last: 100_001 + 2 * i },
  }));
  return { doc, table };
}

const gzipped = (path: string) => gzipSync(readFileSync(path)).length;
const rowNames = (html: string) => [...html.matchAll(/<th[^>]*>加长项目(\d+)号/g)].map((m) => Number(m[1]));

describe('a table too heavy for its disclosure page', () => {
  it('is shown on pages of its own, every row once and in order, every page under 60 KB gzip', () => {
    const { doc, table } = heavyDocument();
    const content = join(work, 'content');
    mkdirSync(content);
    writeFileSync(join(content, `${SLUG}.json`), serializeDisclosure(doc));
    const out = join(work, 'out');
    execFileSync(resolve('node_modules/.bin/node'), [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: content },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const spans = tablePlan(doc.tables).get(table.id)!;
    // 3,000 sentences of ~100 bytes compressed are ~300 KB: 8 pages of at most 40,000 estimated bytes.
    expect(spans).toHaveLength(8);

    const page = readFileSync(join(out, 'd', SLUG, 'index.html'), 'utf8');
    expect(gzipped(join(out, 'd', SLUG, 'index.html'))).toBeLessThan(MAX_GZIP);
    expect(rowNames(page)).toEqual([]);
    expect(page).toContain(`本表 ${ROWS} 行`);
    expect(page).toContain(`href="/d/${SLUG}/t/${table.id}/"`);
    expect(page).toContain(`href="/d/${SLUG}/t/${table.id}/8/"`);

    const shown: number[] = [];
    for (let n = 1; n <= spans.length; n++) {
      const path = join(out, 'd', SLUG, 't', table.id, ...(n > 1 ? [String(n)] : []), 'index.html');
      expect(existsSync(path)).toBe(true);
      expect(gzipped(path)).toBeLessThan(MAX_GZIP);
      const html = readFileSync(path, 'utf8');
      // The page says which rows it shows, links back to the table's place on the disclosure page, and is not indexed.
      expect(html).toContain(`第 ${spans[n - 1].from + 1}–${spans[n - 1].to} 行`);
      expect(html).toContain(`href="/d/${SLUG}/#table-${table.id}"`);
      expect(html).not.toContain('data-pagefind-body');
      shown.push(...rowNames(html));
    }
    expect(shown).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    expect(existsSync(join(out, 'd', SLUG, 't', table.id, String(spans.length + 1)))).toBe(false);
  }, 300_000);
});
