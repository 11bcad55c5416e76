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

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

/** Long project names would squeeze the bars on a phone; the table under the chart gives them in full. */
function shortLabel(label: string): string {
  return label.length > 14 ? `${label.slice(0, 13)}…` : label;
}

function config(spec: ChartSpec) {
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
        y: { ticks: { callback: (_: unknown, index: number) => shortLabel(spec.labels[index]) } },
        x: { beginAtZero: true, title: { display: true, text: spec.unit }, ticks: { callback: (v: string | number) => numbers.format(Number(v)) } },
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
  new Chart(canvas, config(spec));
}
