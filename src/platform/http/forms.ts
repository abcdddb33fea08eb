import type { z } from 'zod';
import type { FieldErrors } from './types.js';

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Validates a submitted form with zod. Each issue becomes a field error keyed by the field's id
 * (the first element of its path), first message wins, in the order of the schema's fields.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** A plain object of the strings the user typed, to re-render a form with what they entered. */
export function formValues(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object') return {};
  const { _csrf: _ignored, ...rest } = body as Record<string, unknown>;
  return rest;
}

/**
 * A GOV.UK date input (`<name>-day`, `<name>-month`, `<name>-year`) as 'YYYY-MM-DD', or an error
 * message naming the field as the Design System's pattern says.
 */
export function readDateInput(body: Record<string, unknown>, name: string, label: string, required = true): { value?: string; error?: string } {
  const d = String(body[`${name}-day`] ?? '').trim();
  const m = String(body[`${name}-month`] ?? '').trim();
  const y = String(body[`${name}-year`] ?? '').trim();
  if (!d && !m && !y) return required ? { error: `Enter ${label}` } : {};
  if (!d || !m || !y) return { error: `${capitalise(label)} must include a ${!d ? 'day' : !m ? 'month' : 'year'}` };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { error: `${capitalise(label)} must be a real date` };
  const day = Number(d), month = Number(m), year = Number(y);
  const dt = new Date(Date.UTC(year, month - 1, day));
  if (dt.getUTCFullYear() !== year || dt.getUTCMonth() !== month - 1 || dt.getUTCDate() !== day) {
    return { error: `${capitalise(label)} must be a real date` };
  }
  return { value: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Today's date in Europe/London as 'YYYY-MM-DD'. */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
