/**
 * The rule registry. Rules are DISCOVERED: every `rule_<code>.ts` (or `.js` once compiled) in this folder,
 * other than tests, is imported and its default export registered. Adding a rule is exactly one new
 * module plus its test; nothing else changes.
 *
 * Order (documented, deterministic; the validator's is whatever its file system lists): numeric codes
 * ascending by number (101 … 1001), then the other codes in code-point order (INT03, INT32). Rules share no
 * mutable state here (the 365 "leak" is not reproduced, see rule_365.ts), so the order only decides the
 * order of warnings in lists and reports.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Issue } from '../issues.js';
import { TABLE_COLUMNS, TABLE_ORDER, type FileSet, type TableName } from '../tables.js';
import { Context } from './context.js';
import type { Flag, Rule } from './types.js';

export type { ChildIndex, Flag, Rule, RuleContext, TableView } from './types.js';
export { Context, compareCodePoints } from './context.js';

const RULE_FILE = /^rule_([A-Za-z0-9]+)\.(ts|js)$/;

/** Registry order: numeric codes by value, then other codes by code point. */
export function compareRuleCodes(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRule(x: unknown): x is Rule {
  const r = x as Rule;
  return !!r && typeof r.code === 'string' && typeof r.message === 'string' && typeof r.run === 'function' &&
    Array.isArray(r.tables) && Array.isArray(r.affectedFields);
}

const cache = new Map<string, Promise<readonly Rule[]>>();

/** Discovers and imports the rule modules of `dir` (default: this folder), in registry order. */
export function loadRules(dir: string = fileURLToPath(new URL('.', import.meta.url))): Promise<readonly Rule[]> {
  let p = cache.get(dir);
  if (!p) {
    p = discover(dir);
    cache.set(dir, p);
    p.catch(() => cache.delete(dir));
  }
  return p;
}

async function discover(dir: string): Promise<readonly Rule[]> {
  const byCode = new Map<string, string>();
  for (const f of (await readdir(dir)).sort()) {
    const m = RULE_FILE.exec(f);
    if (!m) continue;
    // The same rule as .ts and .js (a compiled copy beside the source): take one.
    if (!byCode.has(m[1]) || f.endsWith('.js')) byCode.set(m[1], f);
  }
  const rules: Rule[] = [];
  for (const [code, f] of byCode) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: unknown };
    if (!isRule(mod.default)) throw new Error(`${f}: the default export is not a Rule`);
    if (mod.default.code !== code) throw new Error(`${f}: exports rule ${mod.default.code}, expected ${code}`);
    rules.push(mod.default);
  }
  return rules.sort((a, b) => compareRuleCodes(a.code, b.code));
}

export type RuleStatus = 'ran' | 'skipped' | 'failed';

export interface RuleResult {
  readonly code: string;
  readonly status: RuleStatus;
  /** Flagged rows: deduplicated, sorted by table (TABLE_ORDER) then line. */
  readonly flags: readonly Flag[];
  /** Why the rule was skipped or failed. */
  readonly reason?: string;
}

function needs(rule: Rule, fileSet: FileSet): string | undefined {
  for (const t of rule.tables) {
    const rows = fileSet.tables[t];
    if (!rows) return `no ${t} table`;
    if (rule.skipWhenEmpty && rows.length === 0) return `the ${t} table is empty`;
  }
  for (const t of rule.lastTables ?? []) {
    const rows = fileSet.last?.[t];
    if (!rows) return `no ${t} table for last year`;
    if (rule.skipWhenEmpty && rows.length === 0) return `last year's ${t} table is empty`;
  }
  return undefined;
}

function tidy(flags: readonly Flag[]): Flag[] {
  const seen = new Set<string>();
  const out: Flag[] = [];
  for (const f of flags) {
    const k = `${f.table}\u0000${f.line}\u0000${f.column ?? ''}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(f);
    }
  }
  const rank = (t: TableName) => TABLE_ORDER.indexOf(t);
  return out.sort((a, b) => rank(a.table) - rank(b.table) || a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
}

/** Runs rules one at a time (a rule that throws is "failed" and the run carries on, as the validator). */
export function runRules(fileSet: FileSet, rules: readonly Rule[], ctx: Context = new Context(fileSet)): RuleResult[] {
  return rules.map((rule) => {
    const missing = needs(rule, fileSet);
    if (missing) return { code: rule.code, status: 'skipped' as const, flags: [], reason: missing };
    try {
      return { code: rule.code, status: 'ran' as const, flags: tidy(rule.run(ctx)) };
    } catch (e) {
      return { code: rule.code, status: 'failed' as const, flags: [], reason: e instanceof Error ? e.message : String(e) };
    }
  });
}

/**
 * Warnings from rule results: one Issue per flagged row per affected field that the flagged table has
 * (the validator's issue list), or one Issue with no column when the table has none of them.
 */
export function flagsToIssues(fileSet: FileSet, rules: readonly Rule[], results: readonly RuleResult[]): Issue[] {
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const out: Issue[] = [];
  for (const res of results) {
    const rule = byCode.get(res.code);
    if (!rule) continue;
    const colsByTable = new Map<TableName, (string | null)[]>();
    for (const f of res.flags) {
      let cols: (string | null)[] | undefined = f.column ? [f.column] : colsByTable.get(f.table);
      if (!cols) {
        const have = TABLE_COLUMNS[f.table] as readonly string[];
        const c = rule.affectedFields.filter((x) => have.includes(x));
        cols = c.length ? c : [null];
        colsByTable.set(f.table, cols);
      }
      const file = fileSet.files[f.table] ?? f.table;
      for (const column of cols) {
        out.push({ file, table: f.table, line: f.line, column, rule: rule.code, message: rule.message });
      }
    }
  }
  return out;
}
