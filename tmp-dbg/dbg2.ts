import { readFileSync } from 'node:fs';
import { readReadingOrderTable } from '../src/ingest/performance/reading-order-table.ts';
const text = readFileSync(process.argv[2], 'utf8').split('\n');
const from = Number(process.argv[3]), to = Number(process.argv[4]);
const lines = text.slice(from - 1, to).map((t, i) => ({ no: from + i, text: t, raw: t })).filter((l) => l.text.trim());
const r = readReadingOrderTable('t', lines as any, ['operator', 'value', 'unit'], 3);
for (const p of r ?? []) { console.log(p.target.projectName, p.target.code, p.target.funds.total, p.target.lines, p.target.goal); for (const i of p.target.indicators as any[]) console.log('   ', i.level1, i.level2, i.name, i.value?.text, i.lines); }
