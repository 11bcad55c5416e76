/**
 * A chart as files a reader can reuse: its figures as CSV and a drawing as SVG, both made from the chart's own
 * data (the ChartSpec), not from pixels, so that they carry the exact printed numbers. Pure: the browser code turns
 * the strings into downloads. Text from documents is escaped for XML and guarded against spreadsheet formulas.
 */
import type { ChartSpec } from './chart-data.ts';
import { toCsv } from './csv.ts';
import { colourAt } from './palette.ts';
import { escapeHtml } from './escape-html.ts';

export function chartCsv(spec: ChartSpec): string {
  return toCsv(
    [spec.category ?? '类别', ...spec.series.map((s) => `${s.label}（${spec.unit}）`)],
    spec.labels.map((label, i) => [label, ...spec.series.map((s) => s.values[i])]),
  );
}

const ROW = 22;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 420;

/** Horizontal bars, one group per label: the same reading as the page's chart, drawn with plain SVG elements. */
export function chartSvg(spec: ChartSpec): string {
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v != null));
  const max = Math.max(0, ...values);
  const groupHeight = ROW * spec.series.length + 8;
  const height = 40 + spec.labels.length * groupHeight + 20 * spec.series.length + 20;
  const width = LABEL_WIDTH + BAR_WIDTH + 120;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeHtml(spec.title)}（${escapeHtml(spec.unit)}）</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${escapeHtml(spec.title)}（${escapeHtml(spec.unit)}）</text>`,
  ];
  spec.labels.forEach((label, i) => {
    const top = 36 + i * groupHeight;
    parts.push(`<text x="${LABEL_WIDTH - 6}" y="${top + (groupHeight - 8) / 2 + 4}" text-anchor="end">${escapeHtml(label.length > 18 ? `${label.slice(0, 17)}…` : label)}</text>`);
    spec.series.forEach((s, j) => {
      const v = s.values[i];
      const w = v == null || max === 0 ? 0 : Math.max(0, (v / max) * BAR_WIDTH);
      const y = top + j * ROW;
      parts.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 4}" fill="${colourAt(j)}"/>`);
      parts.push(`<text x="${LABEL_WIDTH + w + 4}" y="${y + ROW - 8}">${v == null ? '—' : escapeHtml(String(v))}</text>`);
    });
  });
  const legendTop = 36 + spec.labels.length * groupHeight + 8;
  spec.series.forEach((s, j) => {
    parts.push(`<rect x="${LABEL_WIDTH}" y="${legendTop + j * 20}" width="12" height="12" fill="${colourAt(j)}"/>`);
    parts.push(`<text x="${LABEL_WIDTH + 18}" y="${legendTop + j * 20 + 11}">${escapeHtml(s.label)}</text>`);
  });
  parts.push(`<text x="8" y="${height - 6}" fill="#57606a">数据来源：${escapeHtml(spec.source)}</text>`, '</svg>');
  return parts.join('\n');
}

/** A file name from the chart's title, safe on every system. */
export function chartFileName(spec: ChartSpec, extension: string): string {
  return `${spec.title.replace(/[\\/:*?"<>|\s]+/g, '_')}.${extension}`;
}
