/**
 * Draws every `figure.chart` on the page from its `data-chart` attribute (a ChartSpec). Only the chart.js parts these
 * charts use are registered, so the bundle stays small; the figures' tables already carry the numbers without JS.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import type { ChartSpec } from './chart-data.ts';
import { colourAt } from './palette.ts';
import { chartCsv, chartFileName, chartSvg } from './chart-export.ts';
import { saveFile } from './save-file.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

/** Long project names would squeeze the bars on a phone; the table under the chart gives them in full. */
function shortLabel(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** Labels that fit the chart's width: fewer characters and fewer amount ticks on a phone, never rotated. */
function config(spec: ChartSpec, width: number) {
  const narrow = width < 480;
  const labelLength = narrow ? 8 : 14;
  const numbers = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
  if (spec.type === 'doughnut') {
    return {
      type: 'doughnut' as const,
      data: {
        labels: spec.labels,
        datasets: [
          {
            label: spec.series[0].label,
            data: spec.series[0].values,
            backgroundColor: spec.labels.map((_, i) => colourAt(i)),
            borderColor: '#ffffff',
            borderWidth: 2,
          },
        ],
      },
      options: { animation: false as const, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' as const } } },
    };
  }
  return {
    type: 'bar' as const,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: colourAt(i) })),
    },
    options: {
      animation: false as const,
      maintainAspectRatio: false,
      indexAxis: 'y' as const,
      scales: {
        y: { ticks: { autoSkip: false, callback: (_: unknown, index: number) => shortLabel(spec.labels[index], labelLength) } },
        x: {
          beginAtZero: true,
          title: { display: true, text: spec.unit },
          ticks: {
            maxRotation: 0,
            autoSkipPadding: 16,
            maxTicksLimit: narrow ? 4 : 8,
            callback: (v: string | number) => numbers.format(Number(v)),
          },
        },
      },
      plugins: { legend: { display: spec.series.length > 1 } },
    },
  };
}

Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = '#1b1f24';

for (const figure of document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')) {
  const canvas = figure.querySelector('canvas');
  const box = figure.querySelector<HTMLElement>('.chart-canvas');
  if (!canvas || !box) continue;
  const spec = JSON.parse(figure.dataset.chart!) as ChartSpec;
  box.hidden = false;
  new Chart(canvas, config(spec, box.clientWidth));
  addDownloads(figure, canvas, spec);
}

/** PNG of what is drawn, SVG and CSV of the chart's own figures. */
function addDownloads(figure: HTMLElement, canvas: HTMLCanvasElement, spec: ChartSpec): void {
  const bar = document.createElement('p');
  bar.className = 'chart-downloads no-print';
  bar.append('下载本图：');
  const actions: Array<[string, () => void]> = [
    ['PNG', () => canvas.toBlob((blob) => blob && saveFile(chartFileName(spec, 'png'), blob))],
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
