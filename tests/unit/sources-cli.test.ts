import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const NODE = resolve('node_modules/.bin/node');
const CLI = resolve('scripts/ingest.ts');
const work = mkdtempSync(join(tmpdir(), 'sources-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the CLI reads every source format a folder holds', () => {
  it('ingests .xlsx, .html and .md files found in a folder, and refuses a legacy .xls in Chinese', async () => {
    const dir = join(work, 'in');
    const out = join(work, 'out');
    spawnSync('mkdir', ['-p', dir]);
    for (const name of ['portal-budget-page.html', 'converted-budget.md']) copyFileSync(`tests/fixtures/formats/${name}`, join(dir, name));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['某县财政局2024年部门预算'];
    ws.getRow(3).values = ['项目', '预算数'];
    ws.getRow(4).values = ['合计', 12.5];
    writeFileSync(join(dir, 'workbook.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set([...Buffer.from('Workbook\0', 'utf16le')], 512);
    writeFileSync(join(work, 'old.xls'), ole);

    const run = spawnSync(NODE, [CLI, '--quiet', '--out', out, dir], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['converted-budget.json', 'portal-budget-page.json', 'workbook.json']);
    const formats = readdirSync(out).map((n) => JSON.parse(readFileSync(join(out, n), 'utf8')).source.format).sort();
    expect(formats).toEqual(['html', 'markdown', 'xlsx']);

    const refused = spawnSync(NODE, [CLI, '--quiet', '--strict', '--out', out, join(work, 'old.xls')], { encoding: 'utf8', timeout: 120_000 });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/旧版 Excel 工作簿（\.xls）/);
  });
});
