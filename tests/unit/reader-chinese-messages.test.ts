import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import type { Disclosure } from '../../src/schema/disclosure.ts';

/**
 * Everything a reader sees is plain Chinese: check messages, row and target flags, unparsed reasons and warnings.
 * English or an internal key (`total = basic + project`, `econ-301`) in any of them fails. Words the document itself
 * prints (a project named 出租汽车 GPS 监控) are quoted, not ours, and allowed; so are units and format names.
 */
const ALLOWED = new Set(['PDF', 'CSV', 'JSON', 'Excel', 'UTF']);
const SAMPLES = '../shared/samples';

function textFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => `${dir}/${f}`) : [];
}

const files = [...textFiles('content/sources'), ...textFiles(SAMPLES), ...textFiles(`${SAMPLES}/other-provinces`)];
if (!existsSync(SAMPLES)) console.warn(`reader-chinese-messages: ${SAMPLES} is not present, checking the seeds only`);

function readerStrings(doc: Disclosure): [where: string, text: string][] {
  return [
    ...doc.checks.map((c): [string, string] => [`check ${c.id}`, c.message]),
    ...doc.unparsed.map((u): [string, string] => [`unparsed L${u.lines.first}`, u.reason]),
    ...doc.warnings.map((w): [string, string] => ['warning', w]),
    ...doc.tables.flatMap((t) => t.rows.flatMap((r): [string, string][] => (r.flag ? [[`${t.id} L${r.lines.first}`, r.flag]] : []))),
    ...doc.targets.flatMap((t): [string, string][] => (t.flag ? [[`target ${t.id}`, t.flag]] : [])),
  ];
}

describe('reader-visible strings are Chinese, every seed and sample', () => {
  it.each(files)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    const doc = parseDisclosure(text, { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    const strings = readerStrings(doc);
    const english = strings.flatMap(([where, s]) => {
      const words = (s.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED.has(w) && !text.includes(w));
      return words.length > 0 ? [`${where}: ${s}`] : [];
    });
    expect(english).toEqual([]);
  });

  it('names columns as the tables print them (喀什扶贫办 支出预算总表, L173: 208 86.86 = 86.86 + 0)', () => {
    const file = 'content/sources/kashgar-poverty-alleviation-office-2021-budget.txt';
    const doc = parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    const identity = doc.checks.find((c) => c.id === 't3:row:208:total');
    expect(identity).toMatchObject({ message: '208 社会保障和就业支出：合计 = 基本支出 + 项目支出', status: 'pass', expected: 86.86 });
  });
});
