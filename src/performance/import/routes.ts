/**
 * The analyst's pages: upload an SSDA903 return (multipart, each file streamed to a temp file, then read
 * from file streams — an upload is never held in memory whole), see an import's summary and warnings, and
 * set the population per year. All need `performance:import` (analysts).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/capability.js';
import { actorOf } from '../../platform/http/actor.js';
import { todayInLondon } from '../../platform/http/forms.js';
import { REPORT_HEADER, reportLine } from '../ssda903/report.js';
import type { Issue } from '../ssda903/issues.js';
import {
  allWarnings, getImport, importReturn, listImports, listWarnings, populations, PerformanceInputError, setPopulation,
  VersionConflictError, yearsHeld, type InputFile,
} from '../store/index.js';
import { openReport, saveReport } from './reports.js';

/** At most this many errors are listed on the page; the rest are in the report CSV. */
export const ERRORS_SHOWN = 200;
const WARNINGS_PER_PAGE = 50;

/** The latest collection year that has ended by today (London). */
function lastCompleteYear(): number {
  const [y, m] = todayInLondon().split('-').map(Number);
  return m >= 4 ? y : y - 1;
}

function yearLabel(y: number): string {
  return `${y - 1} to ${y} (year ending 31 March ${y})`;
}

function yearItems(selected: string): { value: string; text: string; selected?: boolean }[] {
  const last = lastCompleteYear();
  const items = [{ value: '', text: 'Choose a year' }];
  for (let y = last + 1; y >= last - 9; y--) items.push({ value: String(y), text: yearLabel(y), ...(selected === String(y) ? { selected: true } : {}) } as never);
  return items;
}

const yearSchema = z.coerce.number({ error: 'Choose the collection year' }).int().min(1900, { error: 'Choose the collection year' }).max(2200, { error: 'Choose the collection year' });

function issueText(i: Issue): string {
  // Reader and validation messages already say file and line; make sure every entry does.
  const at = [i.file, i.line !== null ? `line ${i.line}` : null, i.column ? `column ${i.column}` : null].filter(Boolean).join(', ');
  return i.message.startsWith(i.file) ? `${i.message}${i.column && !i.message.includes(i.column) ? ` (column ${i.column})` : ''}` : `${at}: ${i.message}`;
}

export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  const uploadPage = async (reply: FastifyReply, data: Record<string, unknown>, status = 200) => {
    const imports = await listImports(db, { limit: 10 });
    return reply.render('performance/import/views/upload.njk', {
      title: 'Import an SSDA903 return',
      imports: imports.map((i) => ({ ...i, yearText: `${i.year - 1}-${String(i.year % 100).padStart(2, '0')}` })),
      yearItems: yearItems(String(data.year ?? '')),
      breadcrumbs: [{ text: 'Performance', href: '/performance' }],
      ...data,
    }, status);
  };

  app.get('/performance/import', { config: { permission: 'performance:import' } }, (_request, reply) => uploadPage(reply, {}));

  app.post('/performance/import', { config: { permission: 'performance:import' } }, async (request, reply) => {
    if (!request.isMultipart()) return uploadPage(reply, { errors: { files: 'Choose the CSV files of the return' } }, 400);
    const dir = await mkdtemp(join(tmpdir(), 'spotlight-903-upload-'));
    try {
      const saved: { name: string; path: string; size: number }[] = [];
      let yearValue = '';
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (!part.filename) {
              part.file.resume();
              continue;
            }
            const path = join(dir, `${saved.length}.csv`);
            await pipeline(part.file, createWriteStream(path));
            saved.push({ name: part.filename, path, size: (await stat(path)).size });
          } else if (part.fieldname === 'year') yearValue = String(part.value);
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
          const mb = Math.round(ctx.config.maxUploadBytes / 1024 / 1024);
          const message = code === 'FST_REQ_FILE_TOO_LARGE' ? `Each file must be smaller than ${mb} MB` : 'Upload at most 50 files at once';
          return uploadPage(reply, { errors: { files: message }, year: yearValue }, 400);
        }
        throw err;
      }
      const errors: Record<string, string> = {};
      const year = yearSchema.safeParse(yearValue === '' ? undefined : yearValue);
      if (!year.success) errors.year = 'Choose the collection year';
      if (saved.length === 0) errors.files = 'Choose the CSV files of the return (header, episodes and the other tables)';
      if (!year.success || saved.length === 0) return uploadPage(reply, { errors, year: yearValue }, 400);

      const files: InputFile[] = saved.map((f) => ({ name: f.name, content: createReadStream(f.path, { highWaterMark: 1 << 20 }), size: f.size }));
      // Not the PGlite COPY path here: other requests share the embedded database's one session, and its
      // COPY must not interleave with their queries (the command line, alone on the database, uses it).
      const result = await importReturn(db, actorOf(request), year.data, files);
      if (!result.ok) {
        const token = await saveReport([...result.errors, ...result.warnings]);
        return uploadPage(reply, {
          year: yearValue,
          refused: {
            count: result.errors.length,
            shown: result.errors.slice(0, ERRORS_SHOWN).map((e) => ({ text: issueText(e), href: '#files' })),
            reportHref: `/performance/import/reports/${token}.csv`,
          },
        }, 400);
      }
      return reply.redirect(`/performance/imports/${result.importId}`, 303);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.get('/performance/import/reports/:token.csv', { config: { permission: 'performance:import' } }, async (request, reply) => {
    const stream = await openReport((request.params as { token: string }).token);
    if (!stream) return reply.notFound();
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="ssda903-errors.csv"').send(stream);
  });

  const importId = (request: FastifyRequest): number | null => {
    const id = (request.params as { id: string }).id;
    return /^\d{1,9}$/.test(id) ? Number(id) : null;
  };

  app.get('/performance/imports/:id', { config: { permission: 'performance:import' } }, async (request, reply) => {
    const id = importId(request);
    const imp = id === null ? undefined : await getImport(db, id);
    if (!imp) return reply.notFound();
    const pageText = (request.query as { page?: string }).page ?? '1';
    const page = /^\d{1,6}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
    const { total, warnings } = await listWarnings(db, imp.id, { limit: WARNINGS_PER_PAGE, offset: (page - 1) * WARNINGS_PER_PAGE });
    const pages = Math.max(1, Math.ceil(total / WARNINGS_PER_PAGE));
    const link = (p: number) => `/performance/imports/${imp.id}?page=${p}#warnings`;
    return reply.render('performance/import/views/import.njk', {
      title: `SSDA903 import ${imp.id}: ${imp.year - 1} to ${imp.year}`,
      imp,
      yearText: yearLabel(imp.year),
      warnings,
      total,
      firstShown: total === 0 ? 0 : (page - 1) * WARNINGS_PER_PAGE + 1,
      lastShown: Math.min(total, page * WARNINGS_PER_PAGE),
      pagination: pages > 1 ? {
        ...(page > 1 ? { previous: { href: link(page - 1) } } : {}),
        ...(page < pages ? { next: { href: link(page + 1) } } : {}),
        items: Array.from({ length: pages }, (_, k) => k + 1)
          .filter((p) => p === 1 || p === pages || Math.abs(p - page) <= 2)
          .flatMap((p, k, arr) => [...(k > 0 && p - arr[k - 1] > 1 ? [{ ellipsis: true }] : []), { number: p, href: link(p), current: p === page }]),
      } : null,
      breadcrumbs: [{ text: 'Performance', href: '/performance' }, { text: 'Import an SSDA903 return', href: '/performance/import' }],
    });
  });

  app.get('/performance/imports/:id/report.csv', { config: { permission: 'performance:import' } }, async (request, reply) => {
    const id = importId(request);
    const imp = id === null ? undefined : await getImport(db, id);
    if (!imp) return reply.notFound();
    async function* lines() {
      yield `${REPORT_HEADER}\n`;
      for await (const w of allWarnings(db, imp!.id)) yield `${reportLine(w)}\n`;
    }
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ssda903-${imp.year}-import-${imp.id}-warnings.csv"`)
      .send(Readable.from(lines()));
  });

  // ------------------------------------------------------------------ population per year

  const populationPage = async (reply: FastifyReply, data: { errors?: Record<string, string>; values?: Record<string, string>; conflict?: string; updated?: number }, status = 200) => {
    const [held, pops] = await Promise.all([yearsHeld(db), populations(db)]);
    const byYear = new Map(pops.map((p) => [p.year, p]));
    const years = [...new Set([...held, ...pops.map((p) => p.year), lastCompleteYear()])].sort((a, b) => b - a);
    return reply.render('performance/import/views/population.njk', {
      title: 'Population aged 0 to 17',
      rows: years.map((y) => ({
        year: y,
        label: yearLabel(y),
        held: held.includes(y),
        population: byYear.get(y)?.population ?? null,
        version: byYear.get(y)?.version ?? 0,
        value: data.values?.[String(y)] ?? (byYear.has(y) ? String(byYear.get(y)!.population) : ''),
      })),
      errors: data.errors,
      conflict: data.conflict,
      flash: data.updated ? `Population for ${yearLabel(data.updated)} saved; the figures have been recomputed.` : undefined,
      breadcrumbs: [{ text: 'Performance', href: '/performance' }],
    }, status);
  };

  app.get('/performance/population', { config: { permission: 'performance:import' } }, (request, reply) => {
    const u = (request.query as { updated?: string }).updated;
    return populationPage(reply, { updated: u && /^\d{4}$/.test(u) ? Number(u) : undefined });
  });

  const populationForm = z.object({
    year: z.coerce.number().int().min(1900).max(2200),
    version: z.coerce.number().int().min(0),
    population: z.string().trim(),
  });

  app.post('/performance/population', { config: { permission: 'performance:import' } }, async (request, reply) => {
    const parsed = populationForm.safeParse(request.body);
    if (!parsed.success) return populationPage(reply, { errors: { form: 'The form could not be read. Reload the page and try again.' } }, 400);
    const { year, version } = parsed.data;
    const text = parsed.data.population.replace(/,/g, '');
    const field = `population-${year}`;
    const values = { [String(year)]: parsed.data.population };
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
      return populationPage(reply, { errors: { [field]: `Enter the population aged 0 to 17 for ${yearLabel(year)} as a whole number, like 42000` }, values }, 400);
    }
    try {
      await setPopulation(db, actorOf(request), { year, population: Number(text), version });
    } catch (err) {
      if (err instanceof VersionConflictError) return populationPage(reply, { errors: { [field]: err.message }, values, conflict: err.message }, 409);
      if (err instanceof PerformanceInputError) return populationPage(reply, { errors: { [field]: err.message }, values }, 400);
      throw err;
    }
    return reply.redirect(`/performance/population?updated=${year}`, 303);
  });
}
