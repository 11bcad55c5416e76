import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { conformancePdf } from '../fixtures/conformance/pdf.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Issue 10 point 3: a page whose text runs sideways as a viewer shows it (a landscape table printed onto a portrait
// page, no /Rotate to turn it) is read in the direction its text reads. The test pages are 595 × 842 pt; a sideways
// text printed at (x, y) reads at (x, y) on the page turned a quarter clockwise (842 wide, 595 high).

async function read(bytes: Uint8Array) {
  const result = await readSource(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function parsed(r: Awaited<ReturnType<typeof read>>) {
  const { format, encoding, pageStarts, lineBoxes, pageRules, pageTurns } = r;
  return parseDisclosure(r.text, { file: 't.pdf', sha256: '0'.repeat(64), format, encoding, pageStarts, lineBoxes, pageRules, pageTurns });
}

describe('a PDF page printed sideways', () => {
  it('reads as the same page printed upright: the same text, the same tables and checks', async () => {
    const upright = await read(conformancePdf());
    const sideways = await read(conformancePdf(true));
    expect(sideways.text).toBe(upright.text);
    expect(sideways.lineBoxes).toEqual(upright.lineBoxes);
    // Each page turned back: the viewer's x is the turned page's y, its y the turned page's x counted from 842.
    expect(upright.pageTurns).toBeUndefined();
    expect(sideways.pageTurns).toEqual(Array(4).fill([0, -1, 1, 0, 0, 842]));
    const [a, b] = [parsed(upright), parsed(sideways)];
    const withoutBoxes = (x: object) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'boxes' ? undefined : v)));
    expect(a.tables).toHaveLength(4);
    expect(withoutBoxes(b.tables)).toEqual(withoutBoxes(a.tables));
    expect(withoutBoxes(b.checks)).toEqual(withoutBoxes(a.checks));
    expect(b.checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(0);
    // The 部门收支总体情况表 on page 1, from its title (baseline 60, 10 pt: top 51.5) and 编制部门 (x 40) to 单位：万元
    // (x 505 + 5 em = 555) and its last row: on the page as the viewer shows it, the same rectangle turned.
    const [[page, x0, y0, x1, y1]] = a.tables[0].boxes!;
    expect([page, x0, y0, x1]).toEqual([1, 40, 51.5, 555]);
    expect(b.tables[0].boxes).toEqual([[1, y0, 842 - x1, y1, 842 - x0]]);
  });

  it('keeps text across the page’s reading direction as its own line: an upright note on a sideways page, and the other way round', async () => {
    const table: PlacedText[] = [
      { text: '项目', x: 40, y: 60 },
      { text: '金额', x: 200, y: 60 },
      { text: '合计', x: 40, y: 80 },
      { text: '100.00', x: 200, y: 80 },
    ];
    // Alone and upright, the table reads (the header centred on its cells, as layout.ts prints one):
    const lines = [' 项目                              金额', '合计                              100.00'];
    expect((await read(tinyPdf([table]))).text).toBe(`${lines.join('\n')}\n`);
    // Sideways with an upright note (2 characters across, 12 along): the page reads as its table does, the note a line of its own.
    const sideways = await read(tinyPdf([[...table.map((t) => ({ ...t, sideways: true })), { text: '附注', x: 300, y: 800 }]]));
    expect(sideways.pageTurns).toBeDefined();
    expect(sideways.text.split('\n').map((l) => l.trim())).toEqual([...lines.map((l) => l.trim()), '附注', '']);
    expect(sideways.text.startsWith(lines.join('\n'))).toBe(true);
    // Upright with a sideways note: the page is read as the viewer shows it.
    const upright = await read(tinyPdf([[...table, { text: '附注', x: 300, y: 400, sideways: true }]]));
    expect(upright.pageTurns).toBeUndefined();
    expect(upright.text.startsWith(lines.join('\n'))).toBe(true);
    expect(upright.text.split('\n')[2].trim()).toBe('附注');
  });
});
