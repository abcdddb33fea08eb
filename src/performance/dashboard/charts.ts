/**
 * Charts as SVG rendered on the server with ECharts (no JavaScript in the browser). ECharts writes no
 * accessibility text: the page wraps the SVG in role="img" with a label, a text description and the
 * data table. Rendered SVG is cached by its exact inputs (series as the viewer sees them), so a page
 * renders a chart once per data version and audience.
 */
import crypto from 'node:crypto';
import * as echarts from 'echarts';
import type { Point } from './presenters.js';

const CACHE_MAX = 300;
const cache = new Map<string, string>();

export interface ChartInput {
  title: string;
  unit: string;
  points: readonly Point[];
  authority: string;
}

const COLOURS = { value: '#1d70b8', target: '#00703c', england: '#505a5f', region: '#6f72af', neighbours: '#d4351c' };

function numeric(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export function chartSvg(input: ChartInput, width = 640, height = 320): string {
  const key = crypto.createHash('sha1').update(JSON.stringify([input.title, input.unit, input.authority, width, height, input.points.map((p) => [p.label, p.shown, p.target?.target ?? null, p.comparators])])).digest('hex');
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const labels = input.points.map((p) => p.label);
  const series: echarts.SeriesOption[] = [
    { name: input.authority, type: 'line', data: input.points.map((p) => numeric(p.shown)), lineStyle: { width: 3, color: COLOURS.value }, itemStyle: { color: COLOURS.value }, symbol: 'circle', symbolSize: 8, connectNulls: false },
  ];
  const add = (name: string, data: (number | null)[], color: string, type: 'dashed' | 'dotted' | 'solid', symbol: string) => {
    if (data.some((d) => d !== null)) series.push({ name, type: 'line', data, lineStyle: { color, type, width: 2 }, itemStyle: { color }, symbol, symbolSize: 7, connectNulls: true });
  };
  add('Target', input.points.map((p) => p.target?.target ?? null), COLOURS.target, 'dashed', 'rect');
  add('England', input.points.map((p) => p.comparators.england ?? null), COLOURS.england, 'dotted', 'triangle');
  add('Region', input.points.map((p) => p.comparators.region ?? null), COLOURS.region, 'dotted', 'diamond');
  add('Statistical neighbours', input.points.map((p) => p.comparators['statistical-neighbours'] ?? null), COLOURS.neighbours, 'dotted', 'pin');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Arial, sans-serif', fontSize: 13, color: '#0b0c0c' },
      grid: { left: 56, right: 20, top: 48, bottom: 40 },
      legend: { top: 4, textStyle: { color: '#0b0c0c' } },
      xAxis: { type: 'category', data: labels, axisLabel: { color: '#0b0c0c' } },
      yAxis: { type: 'value', name: input.unit, axisLabel: { color: '#0b0c0c' }, nameTextStyle: { color: '#0b0c0c' } },
      series,
    });
    const svg = chart.renderToSVGString();
    cache.set(key, svg);
    if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
    return svg;
  } finally {
    chart.dispose();
  }
}

/** A sentence or two for screen readers and everyone: what the chart shows, latest against target. */
export function chartDescription(input: ChartInput, format: (v: number | 'c' | null) => string): string {
  const pts = input.points;
  if (pts.length === 0) return 'There are no figures to chart yet.';
  const last = pts[pts.length - 1]!;
  const parts = [`The chart shows ${input.title.toLowerCase()} for ${pts.length === 1 ? last.label : `${pts[0]!.label} to ${last.label}`}.`];
  parts.push(`In ${last.label} the figure was ${format(last.shown)}${last.target ? `, against a target of ${last.target.target}` : ''}.`);
  const comps = [
    last.comparators.england !== undefined ? `England ${last.comparators.england}` : '',
    last.comparators.region !== undefined ? `region ${last.comparators.region}` : '',
    last.comparators['statistical-neighbours'] !== undefined ? `statistical neighbours ${last.comparators['statistical-neighbours']}` : '',
  ].filter(Boolean);
  if (comps.length) parts.push(`Comparators for ${last.label}: ${comps.join(', ')}.`);
  parts.push('The figures are in the table below the chart.');
  return parts.join(' ');
}
