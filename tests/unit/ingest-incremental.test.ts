import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const NODE = resolve('node_modules/.bin/node');
const CLI = resolve('scripts/ingest.ts');
const SEEDS = ['julu-county-poverty-office-2021-budget.txt', 'kashgar-poverty-alleviation-office-2021-budget.txt'];

const work = mkdtempSync(join(tmpdir(), 'ingest-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ingest(sources: string, out: string): string {
  const run = spawnSync(NODE, [CLI, '--quiet', '--out', out, sources], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('incremental ingest', () => {
  it('reparses nothing on an unchanged corpus, then only the source that changed', () => {
    const sources = join(work, 'sources');
    const out = join(work, 'out');
    mkdirSync(sources);
    for (const seed of SEEDS) copyFileSync(resolve('content/sources', seed), join(sources, seed));

    const first = ingest(sources, out);
    expect(first).toMatch(/文件：解析 2 份/);
    expect(first).toMatch(/沿用：0 份/);
    const juluJson = join(out, 'julu-county-poverty-office-2021-budget.json');
    const written = statSync(juluJson).mtimeMs;

    const second = ingest(sources, out);
    expect(second).toMatch(/文件：解析 0 份/);
    expect(second).toMatch(/沿用：2 份/);
    // The totals still cover the whole corpus: the two documents' 2 + 9 tables.
    expect(second).toMatch(/报表：11 张\n/);
    expect(statSync(juluJson).mtimeMs).toBe(written);

    appendFileSync(join(sources, SEEDS[1]), '\n');
    const third = ingest(sources, out);
    expect(third).toMatch(/文件：解析 1 份/);
    expect(third).toMatch(/沿用：1 份/);
    expect(statSync(juluJson).mtimeMs).toBe(written);
  }, 300_000);
});
