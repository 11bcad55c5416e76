import { readFileSync } from 'node:fs';
import { readReadingOrderTable } from '/work/wt/targets11g/src/ingest/performance/reading-order-table.ts';
const text = readFileSync(process.argv[2], 'utf8').split('\n');
const from = Number(process.argv[3]), to = Number(process.argv[4]);
const lines = text.slice(from - 1, to).map((t, i) => ({ no: from + i, text: t, raw: t })).filter((l) => l.text.trim());
const r = readReadingOrderTable('t', lines as any, ['operator', 'value', 'unit'], 3);
for (const p of r ?? []) console.log(p.target.projectName, p.target.code, p.target.funds.total, p.target.indicators.length, p.target.lines, p.target.goal?.slice(0, 20));
