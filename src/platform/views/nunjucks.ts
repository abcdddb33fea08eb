import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { renderMarkdown } from './markdown.js';

export const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const govukDist = path.join(srcDir, '../node_modules/govuk-frontend/dist');

const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});

function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T12:00:00Z`);
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** "7 November 2018" for a date or 'YYYY-MM-DD'. */
export function formatDate(v: unknown): string {
  const d = toDate(v);
  return d ? dateFmt.format(d) : '';
}
/** "3:00pm" for a 'HH:MM' time. */
export function formatTime(v: unknown): string {
  if (typeof v !== 'string' || !/^\d{2}:\d{2}/.test(v)) return '';
  const [h, m] = v.split(':').map(Number);
  return timeFmt.format(new Date(Date.UTC(2000, 0, 1, h!, m!))).replace(' ', '').replace(/^0/, '');
}
export function formatDateTime(v: unknown): string {
  const d = toDate(v);
  return d ? dateTimeFmt.format(d) : '';
}

export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([srcDir, govukDist], { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('date', formatDate);
  env.addFilter('time', formatTime);
  env.addFilter('datetime', formatDateTime);
  env.addFilter('markdown', (s: unknown) => new nunjucks.runtime.SafeString(renderMarkdown(typeof s === 'string' ? s : '')));
  env.addFilter('json', (v: unknown) => JSON.stringify(v));
  env.addFilter('pluralise', (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`);
  /** Turns a list of field errors into GOV.UK error-summary items. */
  env.addFilter('errorList', (errors: Record<string, string> | undefined) =>
    Object.entries(errors ?? {}).map(([field, text]) => ({ text, href: `#${field}` })),
  );
  /** The GOV.UK `errorMessage` parameter for one field, or false. */
  env.addFilter('fieldError', (errors: Record<string, string> | undefined, field: string) =>
    errors && errors[field] ? { text: errors[field] } : false,
  );
  return env;
}
