import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, testApp, type TestApp } from '../../platform/testing/app.js';
import { generateFileSet } from '../synth/index.js';
import { indicatorValues, latestImport, yearsHeld } from '../store/index.js';

/**
 * The analyst's upload page on the real app (with the demo authority, which imports five synthetic years
 * on first start): a file set with an error is refused with a GOV.UK error summary naming file, line and
 * column; a good one is imported and its page lists the files; members may not upload.
 */
function multipart(fields: Record<string, string>, files: { name: string; text: string }[]): { body: Buffer; type: string } {
  const boundary = `----spotlight${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`));
    parts.push(Buffer.from(f.text, 'utf8'), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

async function upload(t: TestApp, agent: Agent, fields: Record<string, string>, files: { name: string; text: string }[]): Promise<LightMyRequestResponse> {
  const { body, type } = multipart(fields, files);
  const cookie = `spotlight_csrf=${agent.csrf}; ${(agent as unknown as { cookieHeader(): string }).cookieHeader()}`;
  return t.app.inject({ method: 'POST', url: `/performance/import?_csrf=${agent.csrf}`, headers: { cookie, 'content-type': type }, payload: body });
}

const YEAR = 2024;
const synth = generateFileSet({ children: 120, years: 2, seed: 11, lastYear: YEAR }, YEAR);
const goodFiles = [...synth].map(([name, text]) => ({ name, text }));

describe('the SSDA903 upload page', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => {
    await t.close();
  });

  test('the demo authority has five years of figures', async () => {
    const years = await yearsHeld(t.ctx.db);
    assert.equal(years.length, 5);
    assert.ok((await indicatorValues(t.ctx.db, { year: years[4], indicator: 1 })).length > 0);
  });

  test('an error refuses the file set with an error summary naming file, line and column', async () => {
    const agent = await new Agent(t.app).signInAs('analyst');
    const page = await agent.get('/performance/import');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    const before = await latestImport(t.ctx.db);
    const files = goodFiles.map((f) => {
      if (f.name !== 'episodes.csv') return f;
      const lines = f.text.split('\n');
      const cells = lines[2].split(',');
      cells[1] = '1/1/24'; // DECOM with a two-digit year
      lines[2] = cells.join(',');
      return { name: f.name, text: lines.join('\n') };
    });
    const res = await upload(t, agent, { year: String(YEAR) }, files);
    assert.equal(res.statusCode, 400, res.body.slice(0, 500));
    assert.match(res.body, /<title>Error:/);
    assert.match(res.body, /govuk-error-summary/);
    assert.match(res.body, /episodes\.csv, line 3, DECOM: &quot;1\/1\/24&quot; is not a valid date/);
    assert.match(res.body, /nothing was imported/);
    const report = /href="(\/performance\/import\/reports\/[^"]+\.csv)"/.exec(res.body);
    assert.ok(report, 'a link to the full report');
    const csv = await agent.get(report[1]);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /^file,table,line,rule,column,message\nepisodes\.csv,Episodes,3,date,DECOM,/);
    assert.equal((await latestImport(t.ctx.db))?.id, before?.id, 'nothing stored');
  });

  test('a good file set is imported and its page lists the files; the year is required', async () => {
    const agent = await new Agent(t.app).signInAs('analyst');
    const noYear = await upload(t, agent, {}, goodFiles);
    assert.equal(noYear.statusCode, 400);
    assert.match(noYear.body, /Choose the collection year/);
    // One header row with a sex code that is not in the list: a warning (DfE rule 101), not an error.
    const withWarning = goodFiles.map((f) => (f.name === 'header.csv' ? { ...f, text: f.text.replace(/^(\d+),[12MF],/m, '$1,X,') } : f));
    const res = await upload(t, agent, { year: String(YEAR) }, withWarning);
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const m = /^\/performance\/imports\/(\d+)$/.exec(String(res.headers.location));
    assert.ok(m);
    const page = await agent.get(res.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /episodes\.csv/);
    assert.match(page.body, /Episodes/);
    assert.match(page.body, /<td class="govuk-table__cell">header\.csv<\/td>\s*<td class="govuk-table__cell">2<\/td>\s*<td class="govuk-table__cell">SEX<\/td>\s*<td class="govuk-table__cell">101<\/td>/);
    const csv = await agent.get(`${res.headers.location}/report.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /^file,table,line,rule,column,message\nheader\.csv,Header,2,101,SEX,/);
    const imp = await latestImport(t.ctx.db, YEAR);
    assert.equal(imp?.id, Number(m[1]));
  });

  test('population: a bad figure is refused with the value kept; a good one saved', async () => {
    const agent = await new Agent(t.app).signInAs('analyst');
    const bad = await agent.post('/performance/population', { year: String(YEAR), version: '0', population: 'lots' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /value="lots"/);
    const page = await agent.get('/performance/population');
    const version = new RegExp(`name="year" value="${YEAR}">\\s*<input type="hidden" name="version" value="(\\d+)"`).exec(page.body)?.[1];
    assert.ok(version !== undefined);
    const ok = await agent.post('/performance/population', { year: String(YEAR), version, population: '41,250' });
    assert.equal(ok.statusCode, 303);
    const stale = await agent.post('/performance/population', { year: String(YEAR), version, population: '41,300' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /value="41,300"/);
  });

  test('members may not upload or see imports', async () => {
    const agent = await new Agent(t.app).signInAs('member');
    assert.equal((await agent.get('/performance/import')).statusCode, 403);
    assert.equal((await upload(t, agent, { year: String(YEAR) }, goodFiles)).statusCode, 403);
    const id = (await latestImport(t.ctx.db))!.id;
    assert.equal((await agent.get(`/performance/imports/${id}`)).statusCode, 403);
    assert.equal((await agent.get('/performance/population')).statusCode, 403);
  });
});
