import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawPublisher, nextYear, parseSeed, scaleAmount, scaleAmounts, syntheticDocument } from '../../scripts/synthetic-corpus.ts';
import { seededRandom } from '../../scripts/seeded-random.ts';

const SEED_FILE = 'content/sources/julu-county-poverty-office-2021-budget.txt';
const seedText = readFileSync(SEED_FILE, 'utf8');
const seed = parseSeed(SEED_FILE, seedText);
const statuses = (checks: Array<{ status: string }>) => checks.map((c) => c.status).join(',');

describe('synthetic corpus for the benchmark', () => {
  it('scales printed amounts exactly by an integer, keeping their printed form', () => {
    expect(scaleAmount('1,234.56', 3)).toBe('3,703.68');
    expect(scaleAmount('0.05', 7)).toBe('0.35');
    expect(scaleAmount('999.9', 2)).toBe('1999.8');
    // A growth rate and a code are not amounts; a whole number of 万元 is.
    expect(scaleAmounts('增长12.5%，科目2080505，安排40万元', 2)).toBe('增长12.5%，科目2080505，安排80万元');
    // A longer amount eats a space before it, so that right-aligned columns stay aligned.
    expect(scaleAmounts('合计    99.50', 3)).toBe('合计   298.50');
  });

  it('gives the same document for the same seed, and a new department, region and year', () => {
    const a = syntheticDocument(SEED_FILE, seedText, seed, 0, drawPublisher(seed, seededRandom(7)));
    const b = syntheticDocument(SEED_FILE, seedText, seed, 0, drawPublisher(seed, seededRandom(7)));
    expect(b).toEqual(a);
    expect(a.file).toBe('syn-00001-julu-county-poverty-office-2021-budget.txt');
    const doc = parseSeed(a.file, a.text);
    expect(seed.department).toBe('巨鹿县扶贫开发办公室');
    expect(doc.department).not.toBe(seed.department);
    expect(doc.region).not.toEqual(seed.region);
    // The seed's two tables and its identities survive the renaming and scaling: the same checks, the same outcomes.
    expect(doc.tables).toHaveLength(seed.tables.length);
    expect(statuses(doc.checks)).toBe(statuses(seed.checks));
  });

  it('gives a department the years that follow, each with its own amounts', () => {
    const random = seededRandom(7);
    const first = drawPublisher(seed, random);
    const second = nextYear(first, random);
    const [a, b] = [syntheticDocument(SEED_FILE, seedText, seed, 0, first), syntheticDocument(SEED_FILE, seedText, seed, 1, second)].map((d) => parseSeed(d.file, d.text));
    expect(b.department).toBe(a.department);
    expect(b.region).toEqual(a.region);
    expect(b.year).toBe(a.year! + 1);
    // Each year's copy is scaled by its own factor; the identities hold in every one.
    expect(statuses(b.checks)).toBe(statuses(seed.checks));
  });
});
