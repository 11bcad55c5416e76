import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Three of the bundled disclosures: 河北省's one and two of 新疆's, two shards at --min 0 (tests/unit/shards.test.ts DOCS).
const SOURCES = ['julu-county-poverty-office-2021-budget', 'kashgar-edz-party-mass-work-dept-2024-budget', 'kashgar-administrative-office-2021-budget'].map(
  (name) => resolve('content/sources', `${name}.txt`),
);
// In the order of their names (r-cd0c29a578, r-e69f6da617: a hash of the label).
const SHARDS = [
  { label: '新疆维吾尔自治区', slugs: ['kashgar-administrative-office-2021-budget', 'kashgar-edz-party-mass-work-dept-2024-budget'] },
  { label: '河北省', slugs: ['julu-county-poverty-office-2021-budget'] },
];

const node = (args: string[]) => execFileSync(resolve('node_modules/.bin/node'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
/** Every file under `dir`, by its path inside it. */
function files(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, join(under, e.name)) : [join(under, e.name)])).sort();
}

// Inside the project: a shard built outside it is built in test-output/.shard-builds/<shard>, which the browser test's
// build of the same region would share.
mkdirSync('test-output', { recursive: true });
const work = mkdtempSync(resolve('test-output', 'shard-sources-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run shard -- --sources: ingest and build in one command', () => {
  // The limit catches a hang, not a slow run: four Astro builds and their indexes under a loaded machine.
  it('builds the same shards and the same site, byte for byte, as the ingest and then the shard tool', { timeout: 20 * 60_000 }, () => {
    node(['scripts/ingest.ts', '--quiet', '--out', join(work, 'two-disc'), ...SOURCES]);
    node(['scripts/shard.ts', '--min', '0', '--out', join(work, 'two'), '--build', join(work, 'two-disc')]);
    node(['scripts/shard.ts', '--min', '0', '--out', join(work, 'one'), '--build', ...SOURCES.flatMap((s) => ['--sources', s]), join(work, 'one-disc')]);
    const plan = readFileSync(join(work, 'one', 'shards.json'), 'utf8');
    expect(JSON.parse(plan).map(({ label, slugs }: { label: string; slugs: string[] }) => ({ label, slugs }))).toEqual(SHARDS);
    expect(plan).toBe(readFileSync(join(work, 'two', 'shards.json'), 'utf8'));
    const site = files(join(work, 'one', 'site'));
    expect(site).toEqual(files(join(work, 'two', 'site')));
    // Each document's page in its shard, and the catalog of both.
    for (const slug of SHARDS.flatMap((s) => s.slugs)) expect(site.some((f) => f.endsWith(join('d', slug, 'index.html')))).toBe(true);
    expect(site).toContain(join('search-catalog', 'catalog.json'));
    for (const file of site) expect(readFileSync(join(work, 'one', 'site', file)).equals(readFileSync(join(work, 'two', 'site', file))), file).toBe(true);
  });

  // The plan takes what it splits by from the ingest for the documents it wrote, and reads the folder's other files.
  it('plans a folder holding an earlier run’s document as the shard tool plans it', { timeout: 10 * 60_000 }, () => {
    const content = join(work, 'mixed-disc');
    mkdirSync(content, { recursive: true });
    node(['scripts/ingest.ts', '--quiet', '--out', content, SOURCES[0]]);
    node(['scripts/shard.ts', '--min', '0', '--out', join(work, 'mixed'), '--sources', SOURCES[1], '--sources', SOURCES[2], content]);
    const plan = readFileSync(join(work, 'mixed', 'shards.json'), 'utf8');
    expect(JSON.parse(plan).map(({ label, slugs }: { label: string; slugs: string[] }) => ({ label, slugs }))).toEqual(SHARDS);
    node(['scripts/shard.ts', '--min', '0', '--out', join(work, 'mixed-two'), content]);
    expect(plan).toBe(readFileSync(join(work, 'mixed-two', 'shards.json'), 'utf8'));
  });
});
