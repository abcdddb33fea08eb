/**
 * The performance commands of `spotlight`: import-903, indicators, population set, postcodes load, synth.
 * Messages for people go to stderr (with a progress bar when it is a terminal), results to stdout.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import type { CliCommand } from '../platform/capability.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import { flag, positional } from '../platform/cli.js';
import { exchangeCsv } from './indicators/index.js';
import { reportLines } from './ssda903/report.js';
import type { Issue } from './ssda903/issues.js';
import {
  csvFilesIn, importReturn, importReturnsFromDisk, indicatorValues, yearFoldersIn, loadPostcodes, PerformanceInputError, setPopulation, yearsHeld,
  type DiskYear, type ImportProgress, type ImportSummary, type InputFile,
} from './store/index.js';
import { runSynth, SynthArgsError } from './synth/index.js';

function parseYear(v: string | undefined): number | null {
  return v !== undefined && /^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= 2200 ? Number(v) : null;
}

/** A one-line progress bar on stderr, redrawn at most every 100 ms; nothing when stderr is not a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: ImportProgress): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  const draw = (text: string) => {
    stream.write(`\r${text.slice(0, (stream.columns ?? 80) - 1).padEnd((stream.columns ?? 80) - 1)}`);
    shown = true;
  };
  return {
    update(p) {
      const now = Date.now();
      if (p.phase !== 'compute' && now - last < 100) return;
      last = now;
      if (p.phase === 'read') {
        const frac = p.total ? p.bytes / p.total : 0;
        const width = 30;
        const fill = Math.round(frac * width);
        draw(`Reading   [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${p.total ? `${Math.round(frac * 100)}%` : ''} ${(p.bytes / 1e6).toFixed(1)} MB`);
      } else if (p.phase === 'store') {
        const frac = p.total ? p.rows / p.total : 1;
        const fill = Math.round(frac * 30);
        draw(`Storing   [${'#'.repeat(fill)}${'.'.repeat(30 - fill)}] ${p.rows.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} rows`);
      } else if (p.phase === 'compute') draw(`Computing the indicators for ${p.year}`);
      else draw('Validating');
    },
    done() {
      if (shown) stream.write(`\r${''.padEnd((stream.columns ?? 80) - 1)}\r`);
    },
  };
}

/** The CSV files to import: every *.csv in a directory (by name), or the files named. */
async function inputFiles(paths: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) {
      for (const n of await csvFilesIn(p)) {
        const full = join(p, n);
        out.push({ name: n, content: createReadStream(full, { highWaterMark: 1 << 20 }), size: (await stat(full)).size });
      }
    } else out.push({ name: basename(p), content: createReadStream(p, { highWaterMark: 1 << 20 }), size: s.size });
  }
  return out;
}

async function writeReport(path: string, issues: Iterable<Issue>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of reportLines(issues)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function where(i: Issue): string {
  return `${i.file}${i.line !== null ? `:${i.line}` : ''}${i.column ? ` ${i.column}` : ''}`;
}

const IMPORT_USAGE = 'spotlight import-903 --year YEAR DIR [--report FILE]  |  spotlight import-903 --years DIR [--report FILE]';

function summaryLines(s: ImportSummary, importId: number): string[] {
  const lines = [`Imported the SSDA903 return for ${s.year - 1}-${String(s.year % 100).padStart(2, '0')} (import ${importId}).`];
  for (const f of s.files) lines.push(`  ${f.table.padEnd(15)} ${String(f.rows).padStart(9)} rows  ${f.name}`);
  lines.push(`  Episodes in the history: ${s.historyEpisodes} (${s.episodesReplaced} held episodes replaced)`);
  lines.push(`  Warnings: ${s.warnings}`);
  lines.push(`  Time: read and validate ${(s.timings.read / 1000).toFixed(1)} s, store ${(s.timings.store / 1000).toFixed(1)} s`);
  return lines;
}

function computedLine(figures: number, years: number[], ms: number): string {
  return `Figures computed: ${figures} for ${years.length} year${years.length === 1 ? '' : 's'} (${years.join(', ')}) in ${(ms / 1000).toFixed(1)} s`;
}

/** `import-903 --years DIR`: every year folder of DIR in one transaction (a first load of the history). */
async function importYears(dir: string, report: string | undefined, ctx: Parameters<CliCommand['run']>[1]): Promise<number> {
  let input: DiskYear[];
  try {
    input = await yearFoldersIn(dir);
    if (input.length === 0) {
      console.error(`spotlight import-903: ${dir} holds no year folders (named 2021, 2022, … after the year ending 31 March)`);
      return 1;
    }
  } catch (err) {
    console.error(`spotlight import-903: ${(err as Error).message}`);
    return 1;
  }
  const empty = input.find((y) => y.files.length === 0);
  if (empty) {
    console.error(`spotlight import-903: no .csv files in ${join(dir, String(empty.year))}`);
    return 1;
  }
  const bar = progressBar();
  const result = await importReturnsFromDisk(ctx.db, SYSTEM_ACTOR, input, { progress: (p) => bar.update(p), pglite: ctx.database.pglite }).finally(() => bar.done());
  if (report) await writeReport(report, result.ok ? result.imports.flatMap((i) => i.warnings) : [...result.errors, ...result.warnings]);
  if (!result.ok) {
    console.error(`spotlight import-903: the file set for ${result.year} was refused, so no year was imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):`);
    for (const e of result.errors) console.error(`${where(e)} ${e.message}`);
    if (report) console.error(`Every error and warning is in ${report}.`);
    return 1;
  }
  const lines = result.imports.flatMap((i) => summaryLines(i.summary, i.importId));
  lines.push(computedLine(result.figures, result.yearsComputed, result.imports[result.imports.length - 1]?.summary.timings.compute ?? 0));
  if (report) lines.push(`Warnings listed in ${report}.`);
  console.log(lines.join('\n'));
  return 0;
}

export const performanceCommands: CliCommand[] = [
  {
    name: 'import-903',
    usage: IMPORT_USAGE,
    summary: 'Import an SSDA903 return (the CSV files in DIR, recognised by their columns) for the year ending 31 March YEAR.',
    async run(args, ctx) {
      const year = parseYear(flag(args, '--year'));
      const report = flag(args, '--report');
      const paths = positional(args, ['--year', '--report']);
      if (args.includes('--years')) {
        if (args.includes('--year') || paths.length !== 1) {
          console.error('spotlight import-903: --years takes one directory holding a folder per collection year, and no --year');
          console.error(`Usage: ${IMPORT_USAGE}`);
          return 2;
        }
        return importYears(paths[0]!, report, ctx);
      }
      if (year === null || paths.length === 0) {
        if (year === null) console.error('spotlight import-903: --year must be a collection year such as 2024 (the year ending 31 March 2024)');
        if (paths.length === 0) console.error('spotlight import-903: name the directory holding the CSV files');
        console.error(`Usage: ${IMPORT_USAGE}`);
        return 2;
      }
      let files: InputFile[];
      try {
        files = await inputFiles(paths);
      } catch (err) {
        console.error(`spotlight import-903: ${(err as Error).message}`);
        return 1;
      }
      if (files.length === 0) {
        console.error(`spotlight import-903: no .csv files in ${paths.join(', ')}`);
        return 1;
      }
      const bar = progressBar();
      const result = await importReturn(ctx.db, SYSTEM_ACTOR, year, files, { progress: (p) => bar.update(p), pglite: ctx.database.pglite }).finally(() => bar.done());
      if (report) await writeReport(report, result.ok ? result.warnings : [...result.errors, ...result.warnings]);
      if (!result.ok) {
        console.error(`spotlight import-903: the file set for ${year} was refused, nothing was imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):`);
        for (const e of result.errors) console.error(`${where(e)} ${e.message}`);
        if (report) console.error(`Every error and warning is in ${report}.`);
        return 1;
      }
      const s = result.summary;
      const lines = summaryLines(s, result.importId);
      lines.push(computedLine(s.figures, s.yearsComputed, s.timings.compute));
      if (report) lines.push(`Warnings listed in ${report}.`);
      console.log(lines.join('\n'));
      return 0;
    },
  },
  {
    name: 'indicators',
    usage: 'spotlight indicators --year YEAR [--format csv|json]',
    summary: 'Print the exact figures for a year in the exchange format (year,indicator,measure,value).',
    async run(args, ctx) {
      const year = parseYear(flag(args, '--year'));
      const format = flag(args, '--format') ?? 'csv';
      if (year === null || (format !== 'csv' && format !== 'json')) {
        if (year === null) console.error('spotlight indicators: --year must be a collection year such as 2024');
        else console.error('spotlight indicators: --format must be csv or json');
        console.error('Usage: spotlight indicators --year YEAR [--format csv|json]');
        return 2;
      }
      const values = await indicatorValues(ctx.db, { year });
      if (values.length === 0) {
        const held = await yearsHeld(ctx.db);
        console.error(`spotlight indicators: no figures for ${year}; years held: ${held.length ? held.join(', ') : 'none (import a return with import-903)'}`);
        return 1;
      }
      const figures = values.map((v) => ({ indicator: v.indicator, measure: v.measure, value: v.value }));
      process.stdout.write(format === 'csv' ? exchangeCsv(figures, year) : `${JSON.stringify(values, null, 2)}\n`);
      return 0;
    },
  },
  {
    name: 'population set',
    usage: 'spotlight population set --year YEAR N',
    summary: 'Set the population aged 0-17 for a year (for the rate per 10,000) and recompute the figures.',
    async run(args, ctx) {
      const year = parseYear(flag(args, '--year'));
      const [n] = positional(args, ['--year']);
      if (year === null || n === undefined || !/^\d{1,9}$/.test(n.replace(/,/g, ''))) {
        console.error('spotlight population set: give --year YEAR and the population as a whole number');
        console.error('Usage: spotlight population set --year YEAR N');
        return 2;
      }
      try {
        const r = await setPopulation(ctx.db, SYSTEM_ACTOR, { year, population: Number(n.replace(/,/g, '')) }, { pglite: ctx.database.pglite });
        console.log(`Population aged 0-17 for ${year} set to ${Number(n.replace(/,/g, ''))}; recomputed ${r.compute.figures} figures.`);
        return 0;
      } catch (err) {
        if (err instanceof PerformanceInputError) {
          console.error(`spotlight population set: ${err.message}`);
          return 1;
        }
        throw err;
      }
    },
  },
  {
    name: 'postcodes load',
    usage: 'spotlight postcodes load FILE',
    summary: 'Load the postcode table (CSV: postcode, easting, northing) used for placement distances.',
    async run(args, ctx) {
      const [file] = positional(args, []);
      if (!file) {
        console.error('Usage: spotlight postcodes load FILE');
        return 2;
      }
      try {
        await stat(file);
        const r = await loadPostcodes(ctx.db, SYSTEM_ACTOR, basename(file), createReadStream(file), { pglite: ctx.database.pglite });
        console.log(`Loaded ${r.rows} postcodes from ${basename(file)}; recomputed ${r.compute.figures} figures.`);
        return 0;
      } catch (err) {
        if (err instanceof PerformanceInputError || (err as { code?: string }).code === 'ENOENT') {
          console.error(`spotlight postcodes load: ${(err as Error).message}; nothing was loaded`);
          return 1;
        }
        throw err;
      }
    },
  },
  {
    name: 'synth',
    usage: 'spotlight synth --children N --years K --seed S --out DIR [--last-year Y]',
    summary: 'Write deterministic synthetic SSDA903 returns (and population.csv) into DIR.',
    async run(args) {
      try {
        const r = await runSynth(args);
        console.log(`Wrote ${r.files.length} files (${r.episodes} episode rows).`);
        return 0;
      } catch (err) {
        if (err instanceof SynthArgsError) {
          console.error(err.message);
          return 2;
        }
        throw err;
      }
    },
  },
];
