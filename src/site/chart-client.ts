/**
 * Every `figure.chart` on the page (its ChartSpec from `data-chart` and its table): its download buttons at once, its
 * drawing when it comes near the viewport. chart.js (chart-draw.ts, ~57 KB gzip) is fetched with the first chart about
 * to be seen, so a reader who reads the summary and leaves never downloads it; the figures' tables carry the numbers
 * without it.
 */
import type { ChartMeta, ChartSpec } from './chart-data.ts';
import { chartCsv, chartFileName, chartSvg } from './chart-export.ts';
import { saveFile } from './save-file.ts';

/** How far below (or above) the screen a chart starts loading: about a quarter of a phone's screen of scrolling. */
const AHEAD = '250px 0px';

let drawing: Promise<typeof import('./chart-draw.ts')> | null = null;
const drawn = new Map<HTMLElement, Promise<void>>();

/** A printed figure back to its number: '—' is a blank, the rest is formatAmount's (digits with thousands commas). */
function figureOf(cell: HTMLTableCellElement): number | null {
  const text = (cell.textContent ?? '').trim();
  return text === '—' || text === '' ? null : Number(text.replace(/,/g, ''));
}

/** The chart's spec: what data-chart says, and the labels and figures of the first rows and series of its table. */
function specOf(figure: HTMLElement): ChartSpec {
  const { rows, series, ...meta } = JSON.parse(figure.dataset.chart!) as ChartMeta;
  const table = figure.querySelector('table')!;
  const heads = [...table.tHead!.rows[0].cells].slice(1, 1 + series);
  const body = [...table.tBodies[0].rows].slice(0, rows);
  return {
    ...meta,
    labels: body.map((row) => (row.cells[0].textContent ?? '').trim()),
    series: heads.map((head, i) => ({ label: (head.textContent ?? '').trim(), values: body.map((row) => figureOf(row.cells[1 + i])) })),
  };
}

/** Draws a figure's chart once; later calls wait for the same drawing. */
function draw(figure: HTMLElement, canvas: HTMLCanvasElement, box: HTMLElement): Promise<void> {
  let done = drawn.get(figure);
  if (!done) {
    drawing ??= import('./chart-draw.ts');
    done = drawing.then(({ drawChart }) => {
      box.hidden = false;
      drawChart(canvas, specOf(figure), box.clientWidth);
      box.classList.add('drawn');
    });
    // Offline or a failed fetch: the empty box goes and the table stays; the PNG button tries again.
    done.catch(() => {
      box.hidden = true;
      drawing = null;
      drawn.delete(figure);
    });
    drawn.set(figure, done);
  }
  return done;
}

/** PNG of what is drawn (drawn first if it is not yet), SVG and CSV of the chart's own figures. */
function addDownloads(figure: HTMLElement, canvas: HTMLCanvasElement, box: HTMLElement, spec: ChartSpec): void {
  const bar = document.createElement('p');
  bar.className = 'chart-downloads no-print';
  bar.append('下载本图：');
  const actions: Array<[string, () => void]> = [
    ['PNG', () => void draw(figure, canvas, box).then(() => canvas.toBlob((blob) => blob && saveFile(chartFileName(spec, 'png'), blob)), () => undefined)],
    ['SVG', () => saveFile(chartFileName(spec, 'svg'), new Blob([chartSvg(spec)], { type: 'image/svg+xml' }))],
    ['数据 CSV', () => saveFile(chartFileName(spec, 'csv'), new Blob([chartCsv(spec)], { type: 'text/csv;charset=utf-8' }))],
  ];
  for (const [label, act] of actions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chart-download';
    button.textContent = label;
    button.setAttribute('aria-label', `下载“${spec.title}”的 ${label}`);
    button.addEventListener('click', act);
    bar.append(' ', button);
  }
  figure.append(bar);
}

const charts = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')].flatMap((figure) => {
  const canvas = figure.querySelector('canvas');
  const box = figure.querySelector<HTMLElement>('.chart-canvas');
  return canvas && box ? [{ figure, canvas, box }] : [];
});

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      const chart = charts.find((c) => c.figure === entry.target)!;
      void draw(chart.figure, chart.canvas, chart.box);
    }
  },
  { rootMargin: AHEAD },
);

for (const { figure, canvas, box } of charts) {
  // The box keeps its place from the start, so that drawing moves nothing; a print shows only drawn ones.
  box.hidden = false;
  addDownloads(figure, canvas, box, specOf(figure));
  observer.observe(figure);
}

// A printout has every chart drawn when chart.js is already here; otherwise it prints their tables alone.
addEventListener('beforeprint', () => {
  for (const { figure, canvas, box } of charts) void draw(figure, canvas, box);
});
