/**
 * Presenters: stored figures → what the pages (and their CSV/Excel exports) show. Suppression of small
 * numbers for members and the public happens here and only here, through the indicators module's
 * suppressCount / suppressRatio / suppressBreakdown; analysts (`performance:exact`) see exact figures.
 */
import { periodLabel, previousPeriod, type Frequency } from '../measures/periods.js';
import { ragFor, RAG_DISPLAY, type Polarity, type Rag } from '../measures/rag.js';
import { INDICATORS, percent, suppressBreakdown, suppressCount, suppressRatio, type IndicatorDef, type IndicatorValue, type Shown, type Unit } from './contract.js';

export type Viewer = { exact: boolean };
export type FigureUnit = Unit | 'number';

export interface Cell {
  text: string;
  /** What goes into CSV and Excel: the number shown, 'c', or null when there is none. */
  value: number | string | null;
}
export interface Table {
  id: string;
  caption: string;
  head: string[];
  rows: { header: string; cells: Cell[] }[];
}

// ------------------------------------------------------------------ formatting

const nf0 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nfAny = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function formatShown(s: Shown, unit: FigureUnit): string {
  if (s === null) return 'Not available';
  if (s === 'c') return 'c';
  switch (unit) {
    case 'percent':
      return `${nfAny.format(s)}%`;
    case 'mean':
      return nf1.format(s);
    case 'days':
      return `${nf0.format(s)} days`;
    case 'count':
    case 'rate':
      return nf0.format(s);
    default:
      return nfAny.format(s);
  }
}
export function cell(s: Shown, unit: FigureUnit): Cell {
  return { text: formatShown(s, unit), value: s };
}
const plain = (n: number | null): Cell => ({ text: n === null ? '' : nfAny.format(n), value: n });

// ------------------------------------------------------------------ indicator figures

export type YearValues = Map<string, number | null>;
/** indicator → year → measure → value */
export type ValueIndex = Map<number, Map<number, YearValues>>;

export function indexValues(values: readonly IndicatorValue[]): ValueIndex {
  const out: ValueIndex = new Map();
  for (const v of values) {
    const byYear = out.get(v.indicator) ?? new Map<number, YearValues>();
    const m = byYear.get(v.year) ?? new Map<string, number | null>();
    m.set(v.measure, v.value);
    byYear.set(v.year, m);
    out.set(v.indicator, byYear);
  }
  return out;
}

const get = (vals: YearValues | undefined, m: string | undefined): number | null => (vals && m !== undefined ? (vals.get(m) ?? null) : null);

/** The count a mean is taken over, for suppression (indicators.md: a mean whose denominator is 1–5 is c). */
function meanBase(indicator: number, measure: string): string | undefined {
  if (indicator === 12) return 'with_score';
  if (indicator === 16) return measure.startsWith('away') ? 'away_children' : 'missing_children';
  if (indicator === 20) return 'adopted';
  return undefined;
}
function isMean(measure: string): boolean {
  return measure === 'mean' || measure.endsWith('_mean') || measure.endsWith('_mean_days');
}

/** The headline figure of an indicator in one year: exact, and as the viewer sees it. */
export function headline(def: IndicatorDef, index: ValueIndex, year: number, viewer: Viewer): { exact: number | null; shown: Shown } {
  const vals = index.get(def.number)?.get(year);
  if (def.unit === 'percent' && def.denominator) {
    const num = get(vals, def.headline);
    const den = get(vals, def.denominator);
    const value = num !== null && den !== null ? percent(num, den) : null;
    return { exact: value, shown: viewer.exact ? value : suppressRatio(num, den, value) };
  }
  const value = get(vals, def.headline);
  if (def.unit === 'rate') {
    const cla = get(index.get(1)?.get(year), 'count');
    return { exact: value, shown: viewer.exact ? value : suppressRatio(cla, null, value) };
  }
  if (def.unit === 'mean' || def.unit === 'days') {
    const base = get(vals, def.denominator ?? meanBase(def.number, def.headline));
    return { exact: value, shown: viewer.exact ? value : suppressRatio(null, base, value) };
  }
  return { exact: value, shown: viewer.exact ? value : suppressCount(value) };
}

/** One measure of the exchange table as the viewer sees it (outside a breakdown). */
function measureShown(indicator: number, measure: string, vals: YearValues, cla: number | null, viewer: Viewer): { shown: Shown; unit: FigureUnit } {
  const value = vals.get(measure) ?? null;
  if (measure === 'rate') return { shown: viewer.exact ? value : suppressRatio(cla, null, value), unit: 'rate' };
  if (isMean(measure)) {
    const base = get(vals, meanBase(indicator, measure));
    return { shown: viewer.exact ? value : suppressRatio(null, base, value), unit: measure.endsWith('days') ? 'days' : 'mean' };
  }
  return { shown: viewer.exact ? value : suppressCount(value), unit: 'count' };
}

// ------------------------------------------------------------------ breakdowns

const BREAKDOWN_LABELS: Record<string, string> = {
  age: 'Age at 31 March',
  sex: 'Sex',
  ethnicity: 'Ethnic group',
  legal_status: 'Legal status',
  placement: 'Placement type',
  need: 'Category of need',
};
const SEX_LABELS: Record<string, string> = { M: 'Male', F: 'Female', U: 'Unknown' };
const MEASURE_LABELS: Record<string, string> = {
  count: 'Number',
  denominator: 'Out of (children in the cohort)',
  percent: 'Percentage',
  rate: 'Rate per 10,000 children aged 0 to 17',
  with_score: 'Children with a score',
  mean: 'Mean score',
  normal: 'Normal (0 to 13)',
  borderline: 'Borderline (14 to 16)',
  concern: 'Cause for concern (17 to 40)',
  over_20: 'More than 20 miles',
  '20_or_less': '20 miles or less',
  not_known: 'Distance not known',
  missing_children: 'Children missing at least once',
  missing_incidents: 'Missing incidents',
  missing_mean: 'Missing incidents per missing child',
  away_children: 'Children away at least once',
  away_incidents: 'Away incidents',
  away_mean: 'Away incidents per away child',
  adopted: 'Children adopted',
  a1_mean_days: 'A1: days from entering care to placement for adoption (mean)',
  a2_mean_days: 'A2: days from placement order to match (mean)',
};
export function measureLabel(measure: string): string {
  const m = /^(17-18|19-21):(count|denominator)$/.exec(measure);
  if (m) return `Aged ${m[1]!.replace('-', ' to ')}: ${m[2] === 'count' ? 'number' : 'out of'}`;
  return MEASURE_LABELS[measure] ?? measure;
}
function categoryLabel(group: string, key: string): string {
  if (group === 'sex') return SEX_LABELS[key] ?? key;
  if (group === 'age') return key === 'under 1' ? 'Under 1' : key.replace('-', ' to ');
  return key;
}

/** Groups shown as a breakdown with its total, and so given secondary suppression. */
function breakdownGroups(indicator: number, vals: YearValues): { id: string; caption: string; keys: string[]; labels: string[]; total: number | null }[] {
  const measures = [...vals.keys()];
  if (indicator === 1) {
    const order = ['age', 'sex', 'ethnicity', 'legal_status', 'placement', 'need'];
    return order
      .map((g) => {
        const keys = measures.filter((m) => m.startsWith(`${g}:`));
        return { id: `breakdown-${g.replace('_', '-')}`, caption: BREAKDOWN_LABELS[g]!, keys, labels: keys.map((k) => categoryLabel(g, k.slice(g.length + 1))), total: get(vals, 'count') };
      })
      .filter((g) => g.keys.length > 0);
  }
  if (indicator === 12) {
    const keys = ['normal', 'borderline', 'concern'].filter((k) => vals.has(k));
    return keys.length ? [{ id: 'breakdown-sdq', caption: 'Children with a score, by band', keys, labels: keys.map(measureLabel), total: get(vals, 'with_score') }] : [];
  }
  if (indicator === 15) {
    const keys = ['over_20', '20_or_less', 'not_known'].filter((k) => vals.has(k));
    const total = keys.reduce((s, k) => s + (vals.get(k) ?? 0), 0);
    return keys.length ? [{ id: 'breakdown-distance', caption: 'Distance of placement from home', keys, labels: keys.map(measureLabel), total }] : [];
  }
  return [];
}

/** The tables of an indicator's page for one year: its breakdowns, then every other figure. */
export function indicatorTables(def: IndicatorDef, index: ValueIndex, year: number, viewer: Viewer): Table[] {
  const vals = index.get(def.number)?.get(year);
  if (!vals) return [];
  const cla = get(index.get(1)?.get(year), 'count');
  const yl = periodLabel(String(year - 1) + '-' + String(year % 100).padStart(2, '0'), 'annual');
  const tables: Table[] = [];
  const inBreakdown = new Set<string>();
  for (const g of breakdownGroups(def.number, vals)) {
    const cells = g.keys.map((k) => ({ key: k, value: vals.get(k) ?? 0 }));
    const shown = viewer.exact ? cells.map((c) => ({ key: c.key, shown: c.value as Shown })) : suppressBreakdown(cells);
    g.keys.forEach((k) => inBreakdown.add(k));
    tables.push({
      id: g.id,
      caption: `${g.caption}, ${yl}`,
      head: ['Group', 'Children'],
      rows: [
        ...shown.map((s, i) => ({ header: g.labels[i]!, cells: [cell(s.shown, 'count')] })),
        { header: 'Total', cells: [cell(viewer.exact ? g.total : suppressCount(g.total), 'count')] },
      ],
    });
  }
  const rows: Table['rows'] = [];
  for (const m of [...vals.keys()].filter((k) => !inBreakdown.has(k))) {
    const { shown, unit } = measureShown(def.number, m, vals, cla, viewer);
    rows.push({ header: measureLabel(m), cells: [cell(shown, unit)] });
    // a count with its denominator: the percentage, suppressed as a ratio
    const den = m === 'count' ? 'denominator' : m.endsWith(':count') ? m.replace(':count', ':denominator') : undefined;
    if (den && vals.has(den)) {
      const n = vals.get(m) ?? null;
      const d = vals.get(den) ?? null;
      const p = n !== null && d !== null ? percent(n, d) : null;
      rows.push({ header: m === 'count' ? 'Percentage' : `${measureLabel(m).replace(': number', '')}: percentage`, cells: [cell(viewer.exact ? p : suppressRatio(n, d, p), 'percent')] });
    }
  }
  if (rows.length) tables.push({ id: 'figures', caption: `All figures, ${yl}`, head: ['Figure', 'Value'], rows });
  return tables;
}

// ------------------------------------------------------------------ series, RAG, direction

export interface Point {
  period: string;
  label: string;
  exact: number | null;
  shown: Shown;
  target: { target: number; tolerance: number } | null;
  comparators: Partial<Record<'england' | 'region' | 'statistical-neighbours', number>>;
  rag: Rag | null;
}

/** RAG as the viewer may see it: none when the figure they see is suppressed. */
export function viewerRag(p: { exact: number | null; shown: Shown }, target: { target: number; tolerance: number } | null, polarity: Polarity, viewer: Viewer): Rag | null {
  if (!target) return null;
  const v = viewer.exact ? p.exact : typeof p.shown === 'number' ? p.shown : null;
  return ragFor(v, target.target, target.tolerance, polarity);
}

export function ragTag(rag: Rag | null): { text: string; classes: string } | null {
  return rag ? { text: RAG_DISPLAY[rag].text, classes: RAG_DISPLAY[rag].tagClass } : null;
}

/** "Up from 250 in 2023-24 (worse)", from what the viewer sees. */
export function direction(points: readonly Point[], unit: FigureUnit, polarity: Polarity, frequency: Frequency): string {
  const last = points[points.length - 1];
  if (!last) return '';
  const prevPeriod = previousPeriod(frequency, last.period);
  const prev = points.find((p) => p.period === prevPeriod);
  if (!prev) return 'No figure for the previous period';
  if (typeof last.shown !== 'number' || typeof prev.shown !== 'number') return `Not compared with ${prev.label}: a figure is not shown or not available`;
  const was = `${formatShown(prev.shown, unit)} in ${prev.label}`;
  if (last.shown === prev.shown) return `No change from ${was}`;
  const up = last.shown > prev.shown;
  const better = polarity === 'none' ? '' : (up === (polarity === 'higher')) ? ' (better)' : ' (worse)';
  return `${up ? '↑ Up' : '↓ Down'} from ${was}${better}`;
}

/** A tiny trend line: decoration only (aria-hidden); the figures are given in text beside it. */
export function sparkline(points: readonly Point[], width = 120, height = 32): string {
  const vals = points.map((p) => (typeof p.shown === 'number' ? p.shown : null));
  const nums = vals.filter((v): v is number => v !== null);
  if (nums.length < 2) return '';
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const span = max - min || 1;
  const step = vals.length > 1 ? (width - 4) / (vals.length - 1) : 0;
  const segments: string[] = [];
  let current: string[] = [];
  vals.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${(2 + i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const lines = segments.map((s) => `<polyline points="${s}" fill="none" stroke="#1d70b8" stroke-width="2"/>`).join('');
  return `<svg class="app-sparkline" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">${lines}</svg>`;
}

export function seriesText(points: readonly Point[], unit: FigureUnit): string {
  return points.map((p) => `${p.label}: ${formatShown(p.shown, unit)}`).join('; ');
}

/** The year-by-year (or period) table beside a chart. */
export function seriesTable(id: string, caption: string, points: readonly Point[], unit: FigureUnit, viewer: Viewer, polarity: Polarity): Table {
  return {
    id,
    caption,
    head: ['Period', 'Value', 'Target', 'Tolerance', 'RAG', 'England', 'Region', 'Statistical neighbours'],
    rows: points.map((p) => {
      const rag = viewerRag(p, p.target, polarity, viewer);
      return {
        header: p.label,
        cells: [
          cell(p.shown, unit),
          plain(p.target?.target ?? null),
          plain(p.target?.tolerance ?? null),
          { text: rag ? RAG_DISPLAY[rag].text : '', value: rag },
          plain(p.comparators.england ?? null),
          plain(p.comparators.region ?? null),
          plain(p.comparators['statistical-neighbours'] ?? null),
        ],
      };
    }),
  };
}

export function findIndicator(key: string): IndicatorDef | undefined {
  return INDICATORS.find((i) => i.key === key);
}
export { INDICATORS };
