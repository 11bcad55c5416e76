import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { disclosure } from '../../src/schema/disclosure.ts';

// One stage at a time is made to throw, as a parser bug met on an unseen document would.
const failing = vi.hoisted(() => ({ stage: null as string | null }));
function boom(stage: string) {
  if (failing.stage === stage) throw Object.assign(new Error('模拟的解析错误'), { line: 42 });
}
vi.mock('../../src/ingest/tables/index.ts', async (load) => {
  const real = await load<typeof import('../../src/ingest/tables/index.ts')>();
  return { ...real, parseTables: (...args: Parameters<typeof real.parseTables>) => (boom('tables'), real.parseTables(...args)) };
});
vi.mock('../../src/ingest/narrative/index.ts', async (load) => {
  const real = await load<typeof import('../../src/ingest/narrative/index.ts')>();
  return { ...real, parseNarrative: (...args: Parameters<typeof real.parseNarrative>) => (boom('narrative'), real.parseNarrative(...args)) };
});
vi.mock('../../src/ingest/metadata.ts', async (load) => {
  const real = await load<typeof import('../../src/ingest/metadata.ts')>();
  return { ...real, readMetadata: (...args: Parameters<typeof real.readMetadata>) => (boom('metadata'), real.readMetadata(...args)) };
});

const { parseDisclosure } = await import('../../src/ingest/parse-disclosure.ts');
const FILE = 'kashgar-poverty-alleviation-office-2021-budget.txt';
const text = readFileSync(`content/sources/${FILE}`, 'utf8');
const parse = (stage: string | null) => {
  failing.stage = stage;
  try {
    return parseDisclosure(text, { file: FILE, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
  } finally {
    failing.stage = null;
  }
};

describe('a stage that throws costs its own result, never the document', () => {
  const whole = parse(null);

  it('tables: no tables, a warning naming the stage and line, the prose still read, the document valid', () => {
    const doc = parse('tables');
    expect(disclosure.safeParse(doc).success).toBe(true);
    expect(doc.tables).toEqual([]);
    expect(doc.warnings[0]).toBe('解析出错（表格，第 42 行）：模拟的解析错误。这一部分的结果为空，其余部分照常解析');
    expect(doc.department).toBe(whole.department);
    expect(doc.glossary.length).toBe(whole.glossary.length);
  });

  it('narrative: no sections, and every line they would have held is unparsed with the stage named', () => {
    const doc = parse('narrative');
    expect(disclosure.safeParse(doc).success).toBe(true);
    expect(doc.sections).toEqual([]);
    expect(doc.tables.length).toBe(whole.tables.length);
    expect(doc.unparsed.some((u) => u.reason === '正文解析出错，此行未能归类')).toBe(true);
  });

  it('metadata: an untitled document of unknown kind, with everything else parsed', () => {
    const doc = parse('metadata');
    expect(doc.title).toBe('（无标题）');
    expect(doc.department).toBe('');
    expect(doc.tables.length).toBe(whole.tables.length);
    expect(doc.warnings[0]).toMatch(/^解析出错（封面信息，第 42 行）/);
  });
});
