/** HTTP in and out for the performance dashboard, measures, targets, comparators and commentary. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audienceOf, can } from '../../platform/auth/permissions.js';
import type { AppContext } from '../../platform/capability.js';
import { actorOf } from '../../platform/http/actor.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { KeptBody } from '../../platform/http/render.js';
import type { FieldErrors } from '../../platform/http/types.js';
import { createViewEnvironment } from '../../platform/views/nunjucks.js';
import { strategyQueries } from '../../strategy/index.js';
import { problemText, type CsvProblem } from '../measures/csv.js';
import { annualPeriod, FREQUENCIES, PERIOD_HINT, periodLabel } from '../measures/periods.js';
import * as mq from '../measures/queries.js';
import { POLARITIES } from '../measures/rag.js';
import * as service from '../measures/service.js';
import { chartDescription, chartSvg } from './charts.js';
import { latestImportId } from './contract.js';
import { fileName, tableCsv, tablesXlsx } from './export.js';
import { dataVersion, indicatorPoints, loadContext, loadIndex, measurePoints, PageMemo } from './figures.js';
import {
  direction, findIndicator, formatShown, INDICATORS, indicatorTables, ragTag, seriesTable, seriesText, sparkline, viewerRag,
  type FigureUnit, type Point, type Table, type Viewer,
} from './presenters.js';

type Query = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? str(v[0]) : '');

const UNIT_LABELS: Record<string, string> = { count: 'Number', percent: 'Percentage', rate: 'Rate', number: 'Number', mean: 'Mean', days: 'Days' };
const POLARITY_LABELS: Record<string, string> = { higher: 'Higher is better', lower: 'Lower is better', none: 'Neither (context only)' };
const FREQUENCY_LABELS: Record<string, string> = { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual (April to March)' };
const MEASURE_SPARK_POINTS = 12;
const MEASURE_CHART_POINTS = 24;
const PAGE = 'performance/dashboard/views/page.njk';
const BODY = { dashboard: 'performance/dashboard/views/dashboard.njk', figure: 'performance/dashboard/views/figure.njk' };

function viewerOf(request: FastifyRequest): Viewer {
  return { exact: can(audienceOf(request.user), 'performance:exact') };
}
function canEdit(request: FastifyRequest): boolean {
  return can(audienceOf(request.user), 'performance:comment');
}

/** Answers ?format=csv|xlsx with the page's tables (one with &table=id), or returns false. */
async function sendExport(request: FastifyRequest, reply: FastifyReply, base: string, tables: readonly Table[]): Promise<boolean> {
  const q = request.query as Query;
  const format = str(q.format);
  if (!format) return false;
  const id = str(q.table);
  const chosen = id ? tables.filter((t) => t.id === id) : tables;
  if (chosen.length === 0 || (format !== 'csv' && format !== 'xlsx')) {
    reply.notFound();
    return true;
  }
  reply.header('Cache-Control', 'private, no-store');
  if (format === 'csv') {
    const t = chosen[0]!;
    reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${fileName(`${base}-${t.id}`)}.csv"`)
      .send(tableCsv(t));
    return true;
  }
  const buf = await tablesXlsx(chosen);
  reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('Content-Disposition', `attachment; filename="${fileName(id ? `${base}-${id}` : base)}.xlsx"`)
    .send(buf);
  return true;
}

export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  // Each page's body is presented and rendered once per data version and audience, and kept: a request
  // then costs one trivial version query and the layout (which holds everything per request: the CSRF
  // token, the CSP nonce, the user, the navigation). See dataVersion and PageMemo in figures.ts. The
  // layout around a kept body is kept too, with gaps for the nonce and the token (reply.renderKept).
  const memo = new PageMemo();
  const views = createViewEnvironment();

  // ------------------------------------------------------------ the dashboard

  app.get('/performance', { config: { permission: 'performance:read' } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const version = await dataVersion(db);
    const body = await memo.get(version, ['dashboard', viewer.exact], async () => {
      const [{ sections, years }, importId] = await Promise.all([dashboardData(viewer), viewer.exact ? latestImportId(db) : Promise.resolve(null)]);
      return new KeptBody(views.render(BODY.dashboard, { sections, yearsHeld: years.map(annualPeriod), exact: viewer.exact, importId }));
    });
    return reply.renderKept(PAGE, { title: 'Performance' }, body);
  });

  const dashboardData = async (viewer: Viewer) => {
    const [{ index, years }, context, measures, recent, strategy] = await Promise.all([
      loadIndex(db),
      loadContext(db),
      mq.listMeasures(db),
      mq.recentMeasureValues(db, MEASURE_SPARK_POINTS),
      strategyQueries.currentStrategy(db),
    ]);
    const priorities = strategy ? await strategyQueries.priorities(db, strategy.id) : [];
    type Tile = { title: string; href: string; caption: string; period: string; value: string; rag: ReturnType<typeof ragTag>; direction: string; sparkline: string; trend: string };
    const groups = new Map<string, Tile[]>();
    const add = (priority: string | null, tile: Tile) => {
      const k = priority && priorities.some((p) => p.slug === priority) ? priority : '';
      groups.set(k, [...(groups.get(k) ?? []), tile]);
    };
    const tile = (title: string, href: string, caption: string, points: Point[], unit: FigureUnit, polarity: 'higher' | 'lower' | 'none', frequency: 'monthly' | 'quarterly' | 'annual'): Tile => {
      const last = points[points.length - 1]!;
      return {
        title,
        href,
        caption,
        period: last.label,
        value: formatShown(last.shown, unit),
        rag: ragTag(viewerRag(last, last.target, polarity, viewer)),
        direction: direction(points, unit, polarity, frequency),
        sparkline: sparkline(points),
        trend: seriesText(points, unit),
      };
    };
    for (const def of INDICATORS) {
      const points = indicatorPoints(def, index, years, context, viewer);
      if (points.length === 0) continue;
      add(def.priority, tile(def.title, `/performance/indicators/${def.key}`, `Indicator ${def.number}`, points, def.unit, def.polarity, 'annual'));
    }
    for (const m of measures) {
      const points = measurePoints(m, recent.get(m.key) ?? [], context, viewer);
      if (points.length === 0) continue;
      add(m.priority, tile(m.name, `/performance/measures/${m.key}`, `${FREQUENCY_LABELS[m.frequency]} measure`, points, m.unit, m.polarity, m.frequency));
    }
    const sections = [
      ...priorities.map((p) => ({ name: p.name, id: `priority-${p.slug}`, tiles: groups.get(p.slug) ?? [] })),
      { name: 'Other figures', id: 'priority-other', tiles: groups.get('') ?? [] },
    ].filter((s) => s.tiles.length > 0);
    return { sections, years };
  };

  // ------------------------------------------------------------ an indicator

  app.get('/performance/indicators/:key', { config: { permission: 'performance:read' } }, async (request, reply) => {
    const def = findIndicator((request.params as { key: string }).key);
    if (!def) return reply.notFound();
    const viewer = viewerOf(request);
    const edit = canEdit(request);
    const version = await dataVersion(db);
    const askedYear = Number(str((request.query as Query).year)) || 0;
    const data = await memo.get(version, ['indicator', def.key, askedYear, viewer.exact], async () => {
      const [{ index, years }, context, commentary, importId] = await Promise.all([
        loadIndex(db, def.number), loadContext(db, 'indicator', def.key), mq.commentaries(db, 'indicator', def.key), viewer.exact ? latestImportId(db) : Promise.resolve(null),
      ]);
      const points = indicatorPoints(def, index, years, context, viewer);
      const held = points.map((p) => Number(p.period.slice(0, 4)) + 1);
      const year = held.includes(askedYear) ? askedYear : held[held.length - 1];
      const series = seriesTable('by-year', `${def.title} by year`, points, def.unit, viewer, def.polarity);
      const tables = [series, ...(year ? indicatorTables(def, index, year, viewer) : [])];
      const chartInput = { title: def.title, unit: UNIT_LABELS[def.unit] ?? '', points, authority: 'This council' };
      const chart = points.length ? { svg: chartSvg(chartInput), label: `Line chart: ${def.title} by year, with target and comparators`, description: chartDescription(chartInput, (v) => formatShown(v, def.unit)) } : null;
      return { points, held, year, tables, chart, commentary, importId };
    });
    if (await sendExport(request, reply, `indicator-${def.number}-${def.key}`, data.tables)) return reply;
    const body = await memo.get(version, ['indicator page', def.key, askedYear, viewer.exact, edit], async () => {
      const { points, held, year, tables, chart, commentary, importId } = data;
      return new KeptBody(views.render(BODY.figure, {
        caption: `Indicator ${def.number} · from the SSDA903 return · ${POLARITY_LABELS[def.polarity]}`,
        title: def.title,
        subject: def.key,
        base: `/performance/indicators/${def.key}`,
        chart,
        tables,
        years: held.map((y) => ({ year: y, label: annualPeriod(y), current: y === year })),
        commentary: commentary.map((c) => ({ ...c, periodLabel: c.period })),
        exact: viewer.exact,
        importId,
        canEdit: edit,
        latestPeriod: points.length ? points[points.length - 1]!.period : annualPeriod(new Date().getFullYear()),
      }));
    });
    return reply.renderKept(PAGE, { title: def.title, breadcrumbs: [{ text: 'Performance', href: '/performance' }] }, body);
  });

  // ------------------------------------------------------------ the measures catalogue

  app.get('/performance/measures', { config: { permission: 'performance:read' } }, async (request, reply) => {
    const measures = await mq.listMeasures(db);
    return reply.render('performance/dashboard/views/measures.njk', {
      title: 'Other measures',
      measures: measures.map((m) => ({ ...m, unitLabel: UNIT_LABELS[m.unit], polarityLabel: POLARITY_LABELS[m.polarity], frequencyLabel: FREQUENCY_LABELS[m.frequency] })),
      indicators: INDICATORS,
      canEdit: canEdit(request),
      breadcrumbs: [{ text: 'Performance', href: '/performance' }],
    });
  });

  const priorityItems = async (selected: string) => {
    const s = await strategyQueries.currentStrategy(db);
    const ps = s ? await strategyQueries.priorities(db, s.id) : [];
    return [{ value: '', text: 'None' }, ...ps.map((p) => ({ value: p.slug, text: p.name, selected: p.slug === selected }))];
  };
  const measureForm = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors: FieldErrors, status = 200) =>
    reply.render('performance/dashboard/views/measure-form.njk', {
      title: 'Add a measure',
      values,
      errors,
      unitItems: service.UNITS.map((u) => ({ value: u, text: UNIT_LABELS[u], checked: values.unit === u })),
      polarityItems: POLARITIES.map((p) => ({ value: p, text: POLARITY_LABELS[p], checked: values.polarity === p })),
      frequencyItems: FREQUENCIES.map((f) => ({ value: f, text: FREQUENCY_LABELS[f], checked: values.frequency === f })),
      priorityItems: await priorityItems(String(values.priority ?? '')),
      breadcrumbs: [{ text: 'Performance', href: '/performance' }, { text: 'Other measures', href: '/performance/measures' }],
    }, status);

  app.get('/performance/measures/new', { config: { permission: 'performance:comment' } }, (request, reply) => measureForm(request, reply, {}, {}));
  app.post('/performance/measures/new', { config: { permission: 'performance:comment' } }, async (request, reply) => {
    const parsed = parseForm(service.measureSchema, request.body);
    if (!parsed.ok) return measureForm(request, reply, formValues(request.body), parsed.errors, 400);
    try {
      await db.transaction().execute((tx) => service.createMeasure(tx, actorOf(request), parsed.value));
    } catch (err) {
      if (err instanceof service.MeasureInputError) return measureForm(request, reply, formValues(request.body), err.errors, 400);
      throw err;
    }
    return reply.redirect(`/performance/measures/${parsed.value.key}`, 303);
  });

  // ------------------------------------------------------------ CSV imports (measure values, comparators)

  const readUpload = async (request: FastifyRequest): Promise<string> => {
    if (request.isMultipart()) {
      let text = '';
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const buf = await part.toBuffer();
          if (buf.length) text = buf.toString('utf8');
        } else if (part.fieldname === 'csv' && !text && typeof part.value === 'string') text = part.value;
      }
      return text;
    }
    return str((request.body as Query | undefined)?.csv);
  };
  const importPage = (reply: FastifyReply, kind: 'values' | 'comparators', extra: Record<string, unknown>, status = 200) =>
    reply.render('performance/dashboard/views/csv-import.njk', {
      title: kind === 'values' ? 'Import measure values from CSV' : 'Import comparators from CSV',
      action: kind === 'values' ? '/performance/measures/import' : '/performance/comparators/import',
      columns: kind === 'values' ? 'measure,period,value' : 'subject,period,kind,value',
      example: kind === 'values' ? 'measure,period,value\nfostering-enquiries,2025-10,18' : 'subject,period,kind,value\nthree-placements,2024-25,england,10',
      breadcrumbs: [{ text: 'Performance', href: '/performance' }, { text: 'Other measures', href: '/performance/measures' }],
      ...extra,
    }, status);
  for (const kind of ['values', 'comparators'] as const) {
    const url = kind === 'values' ? '/performance/measures/import' : '/performance/comparators/import';
    app.get(url, { config: { permission: 'performance:comment' } }, (_request, reply) => importPage(reply, kind, {}));
    app.post(url, { config: { permission: 'performance:comment' } }, async (request, reply) => {
      const text = await readUpload(request);
      if (!text.trim()) return importPage(reply, kind, { errors: { csv: 'Choose a CSV file or paste the CSV' } }, 400);
      try {
        const r = await db.transaction().execute((tx) => (kind === 'values' ? service.importMeasureValues(tx, actorOf(request), text) : service.importComparators(tx, actorOf(request), text)));
        return importPage(reply, kind, { flash: `Imported ${r.count} ${r.count === 1 ? 'row' : 'rows'}.` });
      } catch (err) {
        if (err instanceof service.CsvRefusedError) {
          return importPage(reply, kind, { errors: { csv: `${err.message}. Nothing was saved. ${problemText(err.problems[0]!)}` }, problems: err.problems.map((p: CsvProblem) => ({ ...p, text: problemText(p) })), csv: text.length <= 200_000 ? text : '' }, 400);
        }
        throw err;
      }
    });
  }

  // ------------------------------------------------------------ a measure

  app.get('/performance/measures/:key', { config: { permission: 'performance:read' } }, async (request, reply) => {
    const key = (request.params as { key: string }).key;
    const viewer = viewerOf(request);
    const edit = canEdit(request);
    const version = await dataVersion(db);
    const data = await memo.get(version, ['measure', viewer.exact, key], async () => {
      const m = await mq.findMeasure(db, key);
      if (!m) return null;
      const [all, context, commentary] = await Promise.all([mq.measureValues(db, m.key), loadContext(db, 'measure', m.key), mq.commentaries(db, 'measure', m.key)]);
      const points = measurePoints(m, all.slice(-MEASURE_CHART_POINTS), context, viewer);
      const tables = [seriesTable('by-period', `${m.name} by period`, measurePoints(m, all, context, viewer), m.unit, viewer, m.polarity)];
      const chartInput = { title: m.name, unit: UNIT_LABELS[m.unit] ?? '', points, authority: 'This council' };
      const chart = points.length
        ? { svg: chartSvg(chartInput), label: `Line chart: ${m.name}, ${points.length === 1 ? points[0]!.label : `${points[0]!.label} to ${points[points.length - 1]!.label}`}, with target and comparators`, description: chartDescription(chartInput, (v) => formatShown(v, m.unit)) }
        : null;
      return { m, all, tables, chart, commentary };
    });
    if (!data) return reply.notFound();
    const { m } = data;
    if (await sendExport(request, reply, `measure-${m.key}`, data.tables)) return reply;
    const body = await memo.get(version, ['measure page', viewer.exact, edit, key], async () => {
      const { all, tables, chart, commentary } = data;
      return new KeptBody(views.render(BODY.figure, {
        caption: `${FREQUENCY_LABELS[m.frequency]} measure · ${UNIT_LABELS[m.unit]} · ${POLARITY_LABELS[m.polarity]}`,
        title: m.name,
        definition: m.definition,
        subject: m.key,
        measure: m,
        base: `/performance/measures/${m.key}`,
        chart,
        tables,
        commentary: commentary.map((c) => ({ ...c, periodLabel: periodLabel(c.period, m.frequency) })),
        exact: viewer.exact,
        canEdit: edit,
        latestPeriod: all.length ? all[all.length - 1]!.period : '',
      }));
    });
    return reply.renderKept(PAGE, { title: m.name, breadcrumbs: [{ text: 'Performance', href: '/performance' }, { text: 'Other measures', href: '/performance/measures' }] }, body);
  });

  // ------------------------------------------------------------ small forms: value, target, comparator

  type FormKind = 'value' | 'target' | 'comparator';
  const FORM_TITLES: Record<FormKind, string> = { value: 'Add or correct a value', target: 'Set a target', comparator: 'Add a comparator' };
  const subjectHref = (s: service.Subject) => (s.kind === 'indicator' ? `/performance/indicators/${s.key}` : `/performance/measures/${s.key}`);
  const smallForm = (reply: FastifyReply, kind: FormKind, subject: service.Subject, values: Record<string, unknown>, errors: FieldErrors, status = 200) =>
    reply.render('performance/dashboard/views/small-form.njk', {
      title: `${FORM_TITLES[kind]}: ${subject.name}`,
      heading: FORM_TITLES[kind],
      kind,
      subject,
      periodHint: `Enter ${PERIOD_HINT[subject.frequency]}`,
      values,
      errors,
      comparatorItems: service.COMPARATOR_KINDS.map((k) => ({ value: k, text: service.COMPARATOR_LABELS[k], checked: values.kind === k })),
      back: subjectHref(subject),
      breadcrumbs: [{ text: 'Performance', href: '/performance' }, { text: subject.name, href: subjectHref(subject) }],
    }, status);

  const routesFor: { kind: FormKind; url: string; run: (request: FastifyRequest, subject: service.Subject, b: Query) => Promise<void> }[] = [
    { kind: 'value', url: '/performance/measures/:key/values', run: (request, s, b) => db.transaction().execute((tx) => service.recordMeasureValue(tx, actorOf(request), s.key, { period: str(b.period), value: str(b.value) })) },
    { kind: 'target', url: '/performance/targets/:key', run: (request, s, b) => db.transaction().execute((tx) => service.setTarget(tx, actorOf(request), s, { period: str(b.period), target: str(b.target), tolerance: str(b.tolerance) })) },
    { kind: 'comparator', url: '/performance/comparators/:key', run: (request, s, b) => db.transaction().execute((tx) => service.setComparator(tx, actorOf(request), s, { period: str(b.period), kind: str(b.kind), value: str(b.value) })) },
  ];
  for (const r of routesFor) {
    const load = async (request: FastifyRequest) => {
      const s = await service.findSubject(db, (request.params as { key: string }).key);
      return s && (r.kind !== 'value' || s.kind === 'measure') ? s : null;
    };
    app.get(r.url, { config: { permission: 'performance:comment' } }, async (request, reply) => {
      const s = await load(request);
      if (!s) return reply.notFound();
      return smallForm(reply, r.kind, s, { period: str((request.query as Query).period) }, {});
    });
    app.post(r.url, { config: { permission: 'performance:comment' } }, async (request, reply) => {
      const s = await load(request);
      if (!s) return reply.notFound();
      const b = (request.body ?? {}) as Query;
      try {
        await r.run(request, s, b);
      } catch (err) {
        if (err instanceof service.MeasureInputError) return smallForm(reply, r.kind, s, formValues(b), err.errors, 400);
        throw err;
      }
      return reply.redirect(subjectHref(s), 303);
    });
  }

  // ------------------------------------------------------------ commentary

  const commentaryForm = (reply: FastifyReply, subject: service.Subject, values: Record<string, unknown>, errors: FieldErrors, status = 200, current?: mq.CommentaryRow) =>
    reply.render('performance/dashboard/views/commentary-form.njk', {
      title: `Commentary: ${subject.name}`,
      subject,
      periodHint: `Enter ${PERIOD_HINT[subject.frequency]}`,
      values,
      errors,
      current,
      back: subjectHref(subject),
      breadcrumbs: [{ text: 'Performance', href: '/performance' }, { text: subject.name, href: subjectHref(subject) }],
    }, status);
  app.get('/performance/commentary/:key', { config: { permission: 'performance:comment' } }, async (request, reply) => {
    const s = await service.findSubject(db, (request.params as { key: string }).key);
    if (!s) return reply.notFound();
    const period = str((request.query as Query).period);
    const existing = period ? await mq.findCommentary(db, s.kind, s.key, period) : undefined;
    return commentaryForm(reply, s, { period, text: existing?.text ?? '', version: existing ? String(existing.version) : '' }, {});
  });
  app.post('/performance/commentary/:key', { config: { permission: 'performance:comment' } }, async (request, reply) => {
    const s = await service.findSubject(db, (request.params as { key: string }).key);
    if (!s) return reply.notFound();
    const b = (request.body ?? {}) as Query;
    const v = str(b.version);
    const version = /^\d{1,9}$/.test(v) ? Number(v) : null;
    try {
      await db.transaction().execute((tx) => service.saveCommentary(tx, actorOf(request), request.user!.name, s, { period: str(b.period), text: str(b.text), version }));
    } catch (err) {
      if (err instanceof service.MeasureInputError) return commentaryForm(reply, s, formValues(b), err.errors, 400);
      if (err instanceof service.CommentaryConflictError) {
        return commentaryForm(reply, s, { ...formValues(b), version: String(err.current.version) }, { text: err.message }, 409, err.current);
      }
      throw err;
    }
    return reply.redirect(subjectHref(s), 303);
  });

}
