/**
 * Draws one chart with chart.js. Loaded by chart-client.ts only when a chart is about to be seen, so that a page's
 * first load carries none of it. Only the chart.js parts these charts use are registered: the bundle holds no other
 * controller, element, scale or plugin.
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
import { wrapLabel } from './chart-labels.ts';
import { colourAt } from './palette.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = '#1b1f24';

/**
 * Labels that fit the chart's width, never rotated: a bar's name wraps onto up to three short lines on a phone (the
 * box is tall enough for them, see .chart-canvas in global.css), and the tooltip gives it in full.
 */
function config(spec: ChartSpec, width: number) {
  const narrow = width < 480;
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
      datasets: spec.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: colourAt(i), maxBarThickness: 22 })),
    },
    options: {
      animation: false as const,
      maintainAspectRatio: false,
      indexAxis: 'y' as const,
      scales: {
        y: {
          ticks: {
            autoSkip: false,
            callback: (_: unknown, index: number) => (narrow ? wrapLabel(spec.labels[index], 8, 3) : wrapLabel(spec.labels[index], 14, 2)),
          },
        },
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

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, width: number): void {
  new Chart(canvas, config(spec, width));
}
