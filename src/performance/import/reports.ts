/**
 * The full error report of a refused upload, kept for an hour as a CSV file in the OS temp directory
 * under a random token (a refused file set is not stored in the database, but the analyst needs the
 * whole list when it is longer than the page shows).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportLines } from '../ssda903/report.js';
import type { Issue } from '../ssda903/issues.js';

const DIR = join(tmpdir(), 'spotlight-903-reports');
const KEEP_MS = 60 * 60 * 1000;

async function sweep(): Promise<void> {
  const now = Date.now();
  for (const f of await readdir(DIR).catch(() => [] as string[])) {
    const p = join(DIR, f);
    const s = await stat(p).catch(() => null);
    if (s && now - s.mtimeMs > KEEP_MS) await rm(p, { force: true });
  }
}

/** Writes the report and returns its token. */
export async function saveReport(issues: Iterable<Issue>): Promise<string> {
  await mkdir(DIR, { recursive: true, mode: 0o700 });
  await sweep();
  const token = randomBytes(18).toString('base64url');
  const out = createWriteStream(join(DIR, `${token}.csv`), { mode: 0o600 });
  for (const line of reportLines(issues)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return token;
}

/** The report for a token, or null when it is unknown or expired. */
export async function openReport(token: string): Promise<ReadStream | null> {
  if (!/^[A-Za-z0-9_-]{24}$/.test(token)) return null;
  const p = join(DIR, `${token}.csv`);
  const s = await stat(p).catch(() => null);
  if (!s || Date.now() - s.mtimeMs > KEEP_MS) return null;
  return createReadStream(p);
}
