/**
 * `npm run bench`: generates synthetic SSDA903 returns, imports them into a fresh embedded database in a
 * temp directory, and reports rows per second and seconds for each phase — read (parse + validate +
 * DfE rules), store, compute (every indicator for every year held) — and the peak memory (RSS, sampled
 * every 50 ms), at two scales:
 *   - a local authority: 2,000 children over 5 years (target: end to end < 2 s);
 *   - England:         400,000 children over 5 years, ~1.5M episode rows (target: < 60 s, peak < 3 GB).
 * Then a dashboard page (/performance) under 50 connections with autocannon (p95 latency).
 * The results table is written into docs/performance.md between the bench markers, with the machine.
 *
 *   npm run bench                     both scales, write docs/performance.md
 *   npm run bench -- --only la        one scale (la | england), and --no-write to leave the doc alone
 *   npm run bench -- --only custom --children 100000   another number of children, 5 years (for profiling;
 *                                     the doc is never written)
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDemoAuthority, DEMO_PEOPLE } from '../src/demo.js';
import { allMigrations } from '../src/capabilities.js';
import { SYSTEM_ACTOR } from '../src/platform/audit.js';
import { loadConfig } from '../src/platform/config.js';
import { migrateToLatest, openDatabase } from '../src/platform/database/index.js';
import { createLogger } from '../src/platform/logging.js';
import { buildApp } from '../src/server.js';
import type { InputFile } from '../src/performance/ssda903/index.js';
import { csvFilesIn, importReturn, importReturnsFromDisk, yearFoldersIn } from '../src/performance/store/index.js';
import { runSynth } from '../src/performance/synth/index.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const write = !args.includes('--no-write');
const DOC = path.resolve(import.meta.dirname, '../docs/performance.md');

// ------------------------------------------------------------------ memory

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
sampler.unref();
function resetPeak(): void {
  peak = process.memoryUsage().rss;
}
function peakNow(): number {
  return Math.max(peak, process.memoryUsage().rss);
}

const secs = (ms: number) => ms / 1000;
const fmt = (n: number, d = 1) => n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const gb = (b: number) => `${fmt(b / 1024 ** 3, 2)} GB`;

async function filesIn(dir: string): Promise<InputFile[]> {
  const names = await csvFilesIn(dir);
  return Promise.all(names.map(async (n) => ({ name: n, content: createReadStream(path.join(dir, n), { highWaterMark: 1 << 20 }), size: (await stat(path.join(dir, n))).size })));
}

interface ScaleResult {
  scale: string;
  children: number;
  years: number;
  episodes: number;
  rows: number;
  history: number;
  generate: number;
  read: number;
  store: number;
  compute: number;
  /** Wall-clock time of the whole import (read + store + compute, and anything between). */
  wall: number;
  figures: number;
  peak: number;
  annual?: { read: number; store: number; compute: number };
}

async function runScale(scale: string, children: number, years: number): Promise<ScaleResult> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `spotlight-bench-${scale}-`));
  try {
    console.error(`\n${scale}: ${int(children)} children, ${years} years`);
    let t = performance.now();
    const gen = await runSynth({ children, years, seed: 2026, out: path.join(tmp, 'synth'), lastYear: 2025 });
    const generate = performance.now() - t;
    console.error(`  generated ${int(gen.episodes)} episode rows in ${fmt(secs(generate))} s`);

    const h = await openDatabase({ dataDir: path.join(tmp, 'data') });
    await migrateToLatest(h.db as never, allMigrations());
    const yearList = Array.from({ length: years }, (_, i) => 2025 - years + 1 + i);
    // Population as the generator wrote it (for indicator 2), entered before the returns.
    const pop = (await readFile(path.join(tmp, 'synth', 'population.csv'), 'utf8')).trim().split('\n').slice(1);
    for (const l of pop) {
      const [y, n] = l.split(',').map(Number);
      await h.db.insertInto('perf_population').values({ year: y, population: n, updated_by: 'bench' }).execute();
    }
    resetPeak();
    // The first load of an authority's history: every year in one transaction, as
    // `spotlight import-903 --years DIR` does it (importReturnsFromDisk: reading in a worker thread one
    // year ahead of the storing), the figures of all years computed once at the end.
    const input = (await yearFoldersIn(path.join(tmp, 'synth'))).filter((y) => yearList.includes(y.year));
    t = performance.now();
    const all = await importReturnsFromDisk(h.db, SYSTEM_ACTOR, input, {
      pglite: h.pglite,
      progress: (p) => {
        if (p.phase === 'compute' && p.year === yearList[0]) console.error(`  computing the figures (${fmt(secs(performance.now() - t))} s so far)`);
      },
    });
    const wall = performance.now() - t;
    if (!all.ok) throw new Error(`${all.year}: ${all.errors[0]?.message}`);
    let read = 0, store = 0, rows = 0;
    for (const imp of all.imports) {
      read += imp.summary.timings.read;
      store += imp.summary.timings.store;
      rows += Object.values(imp.summary.rows).reduce((a, b) => a + (b ?? 0), 0);
      console.error(`  ${imp.year}: read ${fmt(secs(imp.summary.timings.read))} s, store ${fmt(secs(imp.summary.timings.store))} s (${imp.warnings.length} warnings)`);
    }
    const compute = all.imports[all.imports.length - 1]!.summary.timings.compute;
    const c = { figures: all.figures, years: all.yearsComputed };
    const history = Number((await h.db.selectFrom('perf_episode').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const peakBytes = peakNow();
    console.error(`  computed ${int(c.figures)} figures for ${c.years.length} years in ${fmt(secs(compute))} s; end to end ${fmt(secs(wall))} s; peak RSS ${gb(peakBytes)}`);

    // The annual case: one more import (the last year again) through importReturn, recomputing every year.
    const last = yearList[yearList.length - 1];
    const a = await importReturn(h.db, SYSTEM_ACTOR, last, await filesIn(path.join(tmp, 'synth', String(last))), { pglite: h.pglite });
    if (!a.ok) throw new Error('re-import refused');
    console.error(`  re-import of ${last} with recompute: read ${fmt(secs(a.summary.timings.read))} s, store ${fmt(secs(a.summary.timings.store))} s, compute ${fmt(secs(a.summary.timings.compute))} s`);
    await h.close();
    return {
      scale, children, years, episodes: gen.episodes, rows, history, generate, read, store, compute, wall, figures: c.figures, peak: Math.max(peakBytes, peakNow()),
      annual: a.summary.timings,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ dashboard latency

/** The part of autocannon's `--json` output used here (its latency percentiles have no p95). */
interface AutocannonJson {
  latency: { p50: number; p90: number; p97_5: number; p99: number; p95?: number };
  requests: { average: number };
  errors: number;
  non2xx: number;
}

/**
 * Runs autocannon as its own process, so that the load generator does not share the server's one thread
 * (in this process it took about a third of the requests per second the server could answer).
 */
function autocannon(url: string, cookie: string): Promise<AutocannonJson> {
  const bin = path.resolve(import.meta.dirname, '../node_modules/.bin/autocannon');
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['--json', '-c', '50', '-d', '10', '-H', `cookie=${cookie}`, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      try {
        resolve(JSON.parse(out) as AutocannonJson);
      } catch (err) {
        reject(new Error(`autocannon gave no JSON: ${String(err)}`));
      }
    });
  });
}

async function dashboardP95(): Promise<{ p95: number; p50: number; rps: number; url: string; errors: number } | { todo: string }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'spotlight-bench-web-'));
  const database = await openDatabase({ dataDir: path.join(tmp, 'data') });
  try {
    await migrateToLatest(database.db as never, allMigrations());
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const ctx = { config, database, db: database.db, logger: createLogger('silent') };
    await createDemoAuthority(ctx, { password: 'bench-password-long-enough' });
    const app = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    try {
      const first = await fetch(`${base}/sign-in`);
      const csrf = /spotlight_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')![1];
      const signIn = await fetch(`${base}/sign-in`, {
        method: 'POST', redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `spotlight_csrf=${csrf}` },
        body: new URLSearchParams({ _csrf: csrf, email: DEMO_PEOPLE.member.email, password: 'bench-password-long-enough' }).toString(),
      });
      const cookies = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]);
      const cookie = [`spotlight_csrf=${csrf}`, ...cookies].join('; ');
      const url = '/performance';
      const probe = await fetch(`${base}${url}`, { headers: { cookie } });
      if (probe.status !== 200) return { todo: `GET ${url} answered ${probe.status} (the dashboard is not registered yet)` };
      const result = await autocannon(`${base}${url}`, cookie);
      const lat = result.latency;
      // autocannon reports p50, p90, p97.5, p99 (no p95): interpolate between p90 and p97.5.
      const p95 = lat.p95 ?? lat.p90 + ((lat.p97_5 - lat.p90) * (95 - 90)) / (97.5 - 90);
      return { p95, p50: lat.p50, rps: result.requests.average, url, errors: result.errors + result.non2xx };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ report

function machine(): string {
  const cpus = os.cpus();
  return `${os.type()} ${os.release()} (${os.arch()}), ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ` +
    `${fmt(os.totalmem() / 1024 ** 3, 1)} GB memory, Node ${process.version}, embedded PGlite; load average at start ${os.loadavg().map((l) => fmt(l, 1)).join(' / ')}`;
}

function table(results: ScaleResult[], web: Awaited<ReturnType<typeof dashboardP95>> | undefined, startedAt: string, startMachine: string): string {
  const lines = [
    `Run on ${startedAt} — ${startMachine}.`,
    '',
    '| scale | children × years | rows read (all tables) | episode rows in history | read: parse + validate + rules | store | compute (all years) | end to end | peak RSS | target |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const r of results) {
    const total = r.wall;
    const target = r.scale === 'LA' ? `< 2 s: ${secs(total) < 2 ? 'met' : 'NOT met'}` : `< 60 s and < 3 GB: ${secs(total) < 60 && r.peak < 3 * 1024 ** 3 ? 'met' : 'NOT met'}`;
    lines.push(
      `| ${r.scale} | ${int(r.children)} × ${r.years} | ${int(r.rows)} | ${int(r.history)} | ${fmt(secs(r.read), 2)} s (${int(r.rows / secs(r.read))} rows/s) | ` +
      `${fmt(secs(r.store), 2)} s (${int(r.rows / secs(r.store))} rows/s) | ${fmt(secs(r.compute), 2)} s (${int((r.history * r.years) / secs(r.compute))} episode-years/s) | ` +
      `**${fmt(secs(total), 2)} s** | ${gb(r.peak)} | ${target} |`,
    );
  }
  lines.push('', 'The annual case — one more return imported through `importReturn` (read, store, and the figures of all five years recomputed), on top of the five years:', '');
  lines.push('| scale | read | store | compute | total |', '|---|--:|--:|--:|--:|');
  for (const r of results) {
    if (!r.annual) continue;
    const a = r.annual;
    lines.push(`| ${r.scale} | ${fmt(secs(a.read), 2)} s | ${fmt(secs(a.store), 2)} s | ${fmt(secs(a.compute), 2)} s | ${fmt(secs(a.read + a.store + a.compute), 2)} s |`);
  }
  lines.push('', `Generating the synthetic files (not part of the import): ${results.map((r) => `${r.scale} ${fmt(secs(r.generate), 1)} s`).join(', ')}.`, '');
  if (!web) lines.push('Dashboard latency: not measured in this run.');
  else if ('todo' in web) lines.push(`Dashboard latency: **TODO** — ${web.todo}.`);
  else lines.push(`Dashboard latency: \`GET ${web.url}\` signed in as a member, demo authority (2,000 children, 5 years), autocannon (run as its own process) 50 connections for 10 s: p50 ${fmt(web.p50, 0)} ms, p95 ${fmt(web.p95, 0)} ms (interpolated between autocannon's p90 and p97.5), ${fmt(web.rps, 0)} requests/s, ${web.errors} errors or non-2xx answers.`);
  return lines.join('\n');
}

const startedAt = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
const startMachine = machine();
const results: ScaleResult[] = [];
if (!only || only === 'la') results.push(await runScale('LA', 2_000, 5));
if (!only || only === 'england') results.push(await runScale('England', 400_000, 5));
// `--only custom --children N`: one run at another scale (for profiling); never written to the doc.
if (only === 'custom') results.push(await runScale('custom', Number(args[args.indexOf('--children') + 1]), 5));
const web = !only || only === 'web' ? await dashboardP95() : undefined;
const text = table(results, web, startedAt, startMachine);
console.log(`\n${text}\n`);
if (write && only !== 'custom') {
  const doc = await readFile(DOC, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${DOC} has no ${start} … ${end} markers`);
  await writeFile(DOC, `${doc.slice(0, i + start.length)}\n${text}\n${doc.slice(j)}`);
  console.error(`Wrote the results into ${path.relative(process.cwd(), DOC)}`);
}
clearInterval(sampler);
process.exit(0);
