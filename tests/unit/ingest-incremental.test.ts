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
    expect(first).toMatch(/documents: 2 parsed/);
    expect(first).toMatch(/reused: 0 unchanged/);
    const juluJson = join(out, 'julu-county-poverty-office-2021-budget.json');
    const written = statSync(juluJson).mtimeMs;

    const second = ingest(sources, out);
    expect(second).toMatch(/documents: 0 parsed/);
    expect(second).toMatch(/reused: 2 unchanged/);
    // The totals still cover the whole corpus: the two documents' 2 + 9 tables.
    expect(second).toMatch(/tables: 11\n/);
    expect(statSync(juluJson).mtimeMs).toBe(written);

    appendFileSync(join(sources, SEEDS[1]), '\n');
    const third = ingest(sources, out);
    expect(third).toMatch(/documents: 1 parsed/);
    expect(third).toMatch(/reused: 1 unchanged/);
    expect(statSync(juluJson).mtimeMs).toBe(written);
  }, 300_000);
});
