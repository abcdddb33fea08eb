/**
 * The demo authority's other measures (seeds 002 and 003: children in need, child protection, the
 * fostering pipeline, PEPs, surveys) with 24 months of plausible, made-up values; targets and
 * comparators for the key SSDA903 indicators (published-style figures, invented); and commentary.
 */
import type { DemoContext } from '../../platform/capability.js';
import { lastCompleteYear } from '../store/demo.js';
import { annualPeriod } from './periods.js';
import * as q from './queries.js';

type Demo = Omit<q.MeasureRow, 'version'> & { base: number; trend: number; wave: number; target?: number; tolerance?: number };

export const DEMO_MEASURES: Demo[] = [
  { key: 'children-in-need', name: 'Children in need', definition: 'Children with an open child-in-need episode on the last day of the month (including those on a child protection plan and those looked after), from the case management system.', unit: 'count', polarity: 'none', frequency: 'monthly', priority: 'prevention-edge-of-care', base: 1480, trend: -4, wave: 35 },
  { key: 'child-protection-plans', name: 'Children on a child protection plan', definition: 'Children subject to a child protection plan on the last day of the month.', unit: 'count', polarity: 'none', frequency: 'monthly', priority: 'prevention-edge-of-care', base: 330, trend: -1.5, wave: 14 },
  { key: 'approved-foster-carers', name: 'Approved foster carer households', definition: 'Mainstream foster carer households approved by the council on the last day of the month (connected persons carers are counted separately).', unit: 'count', polarity: 'higher', frequency: 'monthly', priority: 'sufficient-stable-placements', base: 121, trend: 0.3, wave: 2, target: 135, tolerance: 8 },
  { key: 'fostering-enquiries', name: 'Fostering enquiries', definition: 'Initial expressions of interest in fostering received in the month.', unit: 'count', polarity: 'higher', frequency: 'monthly', priority: 'sufficient-stable-placements', base: 16, trend: 0.1, wave: 5, target: 18, tolerance: 3 },
  { key: 'fostering-assessment-stage-1', name: 'Prospective foster carers at assessment stage 1', definition: 'Households in stage 1 of the fostering assessment on the last day of the month.', unit: 'count', polarity: 'higher', frequency: 'monthly', priority: 'sufficient-stable-placements', base: 7, trend: 0.05, wave: 2 },
  { key: 'fostering-assessment-stage-2', name: 'Prospective foster carers at assessment stage 2', definition: 'Households in stage 2 (preparation for the fostering panel) on the last day of the month.', unit: 'count', polarity: 'higher', frequency: 'monthly', priority: 'sufficient-stable-placements', base: 8, trend: 0, wave: 2 },
  { key: 'fostering-approvals', name: 'Foster carer households approved in the month', definition: 'Households approved by the fostering panel and the agency decision maker in the month.', unit: 'count', polarity: 'higher', frequency: 'monthly', priority: 'sufficient-stable-placements', base: 2, trend: 0.02, wave: 1.5 },
  { key: 'connected-persons-carers', name: 'Approved connected persons carers', definition: 'Family and friends (kinship) carers fully approved as connected persons foster carers on the last day of the month.', unit: 'count', polarity: 'none', frequency: 'monthly', priority: 'permanency-planning', base: 17, trend: 0.1, wave: 2 },
  { key: 'peps-on-time', name: 'Personal education plans reviewed on time', definition: 'Percentage of children looked after of school age whose personal education plan (PEP) was reviewed within the termly timescale, from the virtual school.', unit: 'percent', polarity: 'higher', frequency: 'monthly', priority: 'education-employment-health-wellbeing', base: 84, trend: 0.3, wave: 4, target: 95, tolerance: 5 },
  { key: 'survey-response-rate', name: 'Children in care survey response rate', definition: 'Percentage of children and young people in care invited to the quarterly “Your Life, Your Care” survey who responded.', unit: 'percent', polarity: 'higher', frequency: 'quarterly', priority: 'voice-participation-influence', base: 58, trend: 1.5, wave: 5, target: 70, tolerance: 10 },
];

/** Indicator targets and comparators: [key, target, tolerance, England, region, statistical neighbours]. */
const INDICATOR_FIGURES: [string, number, number, number, number, number][] = [
  ['cla-rate', 85, 5, 70, 94, 88],
  ['three-placements', 9, 2, 10, 10, 11],
  ['long-term-stability', 72, 5, 70, 69, 71],
  ['health-assessment', 92, 3, 89, 91, 90],
  ['teeth-checked', 85, 5, 76, 80, 79],
  ['immunisations', 90, 5, 86, 88, 87],
  ['care-leavers-eet', 60, 5, 56, 52, 54],
  ['care-leavers-accommodation', 90, 5, 88, 87, 88],
  ['care-leavers-in-touch', 95, 3, 92, 93, 92],
];

function monthsBack(today: Date, n: number): string[] {
  const out: string[] = [];
  let y = today.getUTCFullYear();
  let m = today.getUTCMonth(); // the last complete month, 1-based
  if (m === 0) {
    y -= 1;
    m = 12;
  }
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      y -= 1;
      m = 12;
    }
  }
  return out;
}
function quartersBack(today: Date, n: number): string[] {
  let y = today.getUTCFullYear();
  let qn = Math.floor(today.getUTCMonth() / 3); // the last complete quarter
  if (qn === 0) {
    y -= 1;
    qn = 4;
  }
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-Q${qn}`);
    qn -= 1;
    if (qn === 0) {
      y -= 1;
      qn = 4;
    }
  }
  return out;
}

export async function measuresDemo(ctx: DemoContext): Promise<void> {
  const tx = ctx.db;
  for (const d of DEMO_MEASURES) {
    const { base, trend, wave, target, tolerance, ...m } = d;
    await q.insertMeasure(tx, m);
    const periods = m.frequency === 'quarterly' ? quartersBack(ctx.today, 8) : monthsBack(ctx.today, 24);
    for (const [i, period] of periods.entries()) {
      let v = base + trend * i + wave * Math.sin(i / 2.3) + (wave / 3) * Math.cos(i * 1.7);
      v = m.unit === 'percent' ? Math.min(100, Math.round(v * 10) / 10) : Math.max(0, Math.round(v));
      await q.upsertMeasureValue(tx, m.key, period, v);
      if (target !== undefined) await q.upsertTarget(tx, { subject_kind: 'measure', subject: m.key, period, target, tolerance: tolerance ?? 0 });
    }
  }
  await q.insertCommentary(tx, {
    subject_kind: 'measure', subject: 'approved-foster-carers', period: monthsBack(ctx.today, 1)[0]!,
    text: 'Numbers are steady but below target. Some carers have retired and others moved on to special guardianship; the refreshed marketing campaign is bringing more enquiries, and transfers from independent agencies continue.',
    author_id: ctx.users.officer?.id ?? null, author_name: ctx.users.officer?.name ?? 'Head of Fostering',
  });
  const last = lastCompleteYear(ctx.today);
  for (let y = last - 4; y <= last; y++) {
    const period = annualPeriod(y);
    for (const [key, target, tolerance, england, region, neighbours] of INDICATOR_FIGURES) {
      const drift = (last - y) * 0.5;
      await q.upsertTarget(tx, { subject_kind: 'indicator', subject: key, period, target, tolerance });
      await q.upsertComparator(tx, { subject_kind: 'indicator', subject: key, period, kind: 'england', value: Math.round(england - drift) });
      await q.upsertComparator(tx, { subject_kind: 'indicator', subject: key, period, kind: 'region', value: Math.round(region - drift) });
      await q.upsertComparator(tx, { subject_kind: 'indicator', subject: key, period, kind: 'statistical-neighbours', value: Math.round(neighbours - drift) });
    }
  }
  const officer = { author_id: ctx.users.officer?.id ?? null, author_name: ctx.users.officer?.name ?? 'Head of Service' };
  await q.insertCommentary(tx, { subject_kind: 'indicator', subject: 'three-placements', period: annualPeriod(last), text: 'Placement moves rose for teenagers placed with independent agencies. The placements-in-crisis panel now reviews every unplanned ending within five working days.', ...officer });
  await q.insertCommentary(tx, { subject_kind: 'indicator', subject: 'health-assessment', period: annualPeriod(last), text: 'Health assessments recovered after the looked-after children nurse team returned to full strength. Dental checks remain the area to watch.', ...officer });
  ctx.log(`Performance measures: ${DEMO_MEASURES.length} measures with values, targets and comparators for ${INDICATOR_FIGURES.length} indicators`);
}
