/**
 * Every `figure.chart` on the page (its ChartSpec in `data-chart`): its download buttons at once, its drawing when it
 * comes near the viewport. chart.js (chart-draw.ts, ~57 KB gzip) is fetched with the first chart about to be seen, so
 * a reader who reads the summary and leaves never downloads it; the figures' tables carry the numbers without it.
 */
import type { ChartSpec } from './chart-data.ts';
import { chartCsv, chartFileName, chartSvg } from './chart-export.ts';
import { saveFile } from './save-file.ts';

/** How far below (or above) the screen a chart starts loading: about a quarter of a phone's screen of scrolling. */
const AHEAD = '250px 0px';

let drawing: Promise<typeof import('./chart-draw.ts')> | null = null;
const drawn = new Map<HTMLElement, Promise<void>>();

function specOf(figure: HTMLElement): ChartSpec {
  return JSON.parse(figure.dataset.chart!) as ChartSpec;
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
