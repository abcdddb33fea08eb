import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLE_COLUMNS } from '../ssda903/tables.js';
import {
  CIN_CODES, ETHNIC_CODES, LS_CODES, NO_PROVIDER_PLACES, PROVIDER_CODES, REC_CODES, RNE_CODES, UPN_PATTERN, placeCodes,
  upnCheckLetter,
} from './codes.js';
import { SYNTH_FILES } from './emit.js';
import { generateFileSet, generateInMemory, generateToDirectory, type InMemoryFileSets } from './generate.js';
import { FAR_POSTCODES, HOME_POSTCODES, NEAR_POSTCODES } from './postcodes.js';

// ------------------------------------------------------------------------------------------------
// Helpers

type Row = Record<string, string>;

/** Parses our CSV (no quoting is ever needed: no value holds a comma, quote or newline). */
function parse(text: string): { columns: string[]; rows: Row[] } {
  assert.ok(text.endsWith('\n'), 'file ends with a newline');
  const lines = text.slice(0, -1).split('\n');
  const columns = lines[0].split(',');
  const rows = lines.slice(1).map((line, i) => {
    assert.ok(!line.includes('"'), `line ${i + 2} has no quotes`);
    const cells = line.split(',');
    assert.equal(cells.length, columns.length, `line ${i + 2} has ${columns.length} cells: ${line}`);
    return Object.fromEntries(columns.map((c, k) => [c, cells[k]]));
  });
  return { columns, rows };
}

const DATE_RE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
/** Day number of a strict dd/mm/yyyy date, or NaN when it is not a real date in that format. */
function dn(s: string): number {
  const m = DATE_RE.exec(s);
  if (!m) return NaN;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return t / 86_400_000;
}
const S = (y: number): number => Date.UTC(y - 1, 3, 1) / 86_400_000;
const E = (y: number): number => Date.UTC(y, 2, 31) / 86_400_000;
function ageAt(dob: number, at: number): number {
  const a = new Date(dob * 86_400_000);
  const b = new Date(at * 86_400_000);
  let age = b.getUTCFullYear() - a.getUTCFullYear();
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) age--;
  return age;
}

const DATE_COLUMNS = new Set([
  'DOB', 'MC_DOB', 'DECOM', 'DEC', 'REVIEW', 'DUC', 'DATE_INT', 'DATE_MATCH', 'DATE_PLACED', 'DATE_PLACED_CEASED',
  'DATE_PERM', 'MIS_START', 'MIS_END',
]);

function tables(set: Map<string, string>): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const [table, file] of SYNTH_FILES) out[table] = parse(set.get(file) as string).rows;
  return out;
}

function byChild(rows: Row[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const list = m.get(r.CHILD);
    if (list) list.push(r);
    else m.set(r.CHILD, [r]);
  }
  for (const list of m.values()) list.sort((a, b) => dn(a.DECOM) - dn(b.DECOM));
  return m;
}

// One realistic set shared by the checks below (about half a second).
const OPTIONS = { children: 2000, years: 5, seed: 20250331 };
let shared: InMemoryFileSets | undefined;
const big = (): InMemoryFileSets => (shared ??= generateInMemory(OPTIONS));

// ------------------------------------------------------------------------------------------------

test('same seed gives byte-identical files; another seed gives different ones', async () => {
  const root = await mkdtemp(join(tmpdir(), 'synth-det-'));
  try {
    const opts = { children: 300, years: 3, lastYear: 2024 };
    const a = await generateToDirectory({ ...opts, seed: 7 }, join(root, 'a'));
    const b = await generateToDirectory({ ...opts, seed: 7 }, join(root, 'b'));
    const c = await generateToDirectory({ ...opts, seed: 8 }, join(root, 'c'));
    assert.equal(c.files.length, a.files.length);
    assert.equal(a.files.length, 3 * 10 + 1);
    assert.deepEqual(a.years, [2022, 2023, 2024]);
    assert.deepEqual((await readdir(join(root, 'a'))).sort(), ['2022', '2023', '2024', 'population.csv']);
    let differing = 0;
    for (const file of a.files) {
      const rel = file.slice(join(root, 'a').length);
      const bytesA = await readFile(file);
      assert.ok(bytesA.length > 0);
      assert.deepEqual(bytesA, await readFile(join(root, 'b') + rel), `${rel} identical for the same seed`);
      if (!bytesA.equals(await readFile(join(root, 'c') + rel))) differing++;
    }
    assert.equal(b.episodes, a.episodes);
    assert.ok(differing >= 25, `most files differ for another seed (${differing} did)`);

    // The in-memory API gives exactly the bytes written to disk.
    const mem = generateInMemory({ ...opts, seed: 7 });
    assert.equal(mem.episodes, a.episodes);
    assert.equal(mem.population, await readFile(join(root, 'a', 'population.csv'), 'utf8'));
    for (const [year, files] of mem.years) {
      for (const [file, text] of files) assert.equal(text, await readFile(join(root, 'a', String(year), file), 'utf8'));
    }
    assert.deepEqual(generateFileSet({ ...opts, seed: 7 }, 2023), mem.years.get(2023));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('every file has exactly the shared columns, in order', () => {
  const sets = big().years;
  assert.deepEqual([...sets.keys()], [2021, 2022, 2023, 2024, 2025]);
  for (const files of sets.values()) {
    assert.deepEqual([...files.keys()].sort(), SYNTH_FILES.map(([, f]) => f).sort());
    for (const [table, file] of SYNTH_FILES) {
      assert.deepEqual(parse(files.get(file) as string).columns, [...TABLE_COLUMNS[table]], file);
    }
  }
});

test('dates are valid dd/mm/yyyy and episodes chain without gaps, overlaps or second open episodes', () => {
  for (const [year, files] of big().years) {
    const t = tables(files);
    for (const [table, rows] of Object.entries(t)) {
      for (const r of rows) {
        assert.ok(r.CHILD && /^[0-9A-Z]{1,10}$/.test(r.CHILD), `${year} ${table}: CHILD ${r.CHILD}`);
        for (const [col, v] of Object.entries(r)) {
          if (DATE_COLUMNS.has(col) && v !== '') assert.ok(!Number.isNaN(dn(v)), `${year} ${table}.${col}: ${v}`);
        }
      }
    }
    const headerIds = t.Header.map((r) => r.CHILD);
    assert.equal(new Set(headerIds).size, headerIds.length, `${year}: one Header row per child`);
    const header = new Set(headerIds);
    for (const table of ['Episodes', 'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'Missing', 'UASC', 'Reviews', 'PrevPerm']) {
      for (const r of t[table]) assert.ok(header.has(r.CHILD), `${year} ${table}: ${r.CHILD} in Header`);
    }
    assert.ok(t.Episodes.length > 0);
    for (const [child, eps] of byChild(t.Episodes)) {
      let open = 0;
      eps.forEach((ep, i) => {
        const decom = dn(ep.DECOM);
        assert.ok(!Number.isNaN(decom), 'DECOM present and valid');
        assert.ok(decom <= E(year) && (ep.DEC === '' || dn(ep.DEC) >= S(year)), `${year} ${child}: episode overlaps the year`);
        assert.equal(ep.DEC === '', ep.REC === '', `${year} ${child}: DEC and REC both given or both blank`);
        const next = eps[i + 1];
        if (ep.DEC === '') {
          open++;
          assert.equal(next, undefined, `${year} ${child}: only the latest episode is open`);
          return;
        }
        const dec = dn(ep.DEC);
        assert.ok(dec > decom, `${year} ${child}: DEC ${ep.DEC} after DECOM ${ep.DECOM}`);
        assert.ok(dec <= E(year), `${year} ${child}: DEC within the year`);
        if (ep.REC === 'X1') {
          assert.ok(next, `${year} ${child}: X1 at ${ep.DEC} has a continuation`);
          assert.equal(next.DECOM, ep.DEC, `${year} ${child}: X1 chain`);
          assert.notEqual(next.RNE, 'S', `${year} ${child}: continuation is not a new period`);
        } else if (next) {
          assert.ok(dn(next.DECOM) > dec, `${year} ${child}: no overlap or same-day restart after ${ep.REC}`);
          assert.equal(next.RNE, 'S', `${year} ${child}: a new period starts with S`);
        }
      });
      assert.ok(open <= 1);
      // A period that starts in the year starts with RNE S (rule 357).
      if (dn(eps[0].DECOM) >= S(year)) assert.equal(eps[0].RNE, 'S', `${year} ${child}: first episode RNE`);
    }
  }
});

test('codes are valid for each year (PLACE list, SEX coding, UPN, providers)', () => {
  const sets = big().years;
  const seen = new Set<string>();
  for (const [year, files] of sets) {
    const t = tables(files);
    const places = placeCodes(year);
    for (const ep of t.Episodes) {
      assert.ok(places.has(ep.PLACE), `${year}: PLACE ${ep.PLACE}`);
      assert.ok((LS_CODES as readonly string[]).includes(ep.LS), `${year}: LS ${ep.LS}`);
      assert.ok((RNE_CODES as readonly string[]).includes(ep.RNE), `${year}: RNE ${ep.RNE}`);
      assert.ok((CIN_CODES as readonly string[]).includes(ep.CIN), `${year}: CIN ${ep.CIN}`);
      if (ep.REC !== '') assert.ok((REC_CODES as readonly string[]).includes(ep.REC), `${year}: REC ${ep.REC}`);
      if (NO_PROVIDER_PLACES.has(ep.PLACE)) assert.equal(ep.PLACE_PROVIDER, '', `${year}: no provider for ${ep.PLACE}`);
      else assert.ok((PROVIDER_CODES as readonly string[]).includes(ep.PLACE_PROVIDER), `${year}: provider ${ep.PLACE_PROVIDER}`);
      assert.ok(!(ep.PLACE === 'P1' && ep.LS === 'V2'), 'no P1 under V2 (rule 378)');
      if (/^T[0-4]$/.test(ep.PLACE)) assert.ok(ep.RNE === 'P' || ep.RNE === 'B', 'temporary placement is a move (rule 380)');
      seen.add(ep.PLACE);
    }
    for (const h of t.Header) {
      assert.ok((year >= 2025 ? ['M', 'F', 'U'] : ['1', '2']).includes(h.SEX), `${year}: SEX ${h.SEX}`);
      assert.ok((ETHNIC_CODES as readonly string[]).includes(h.ETHNIC), `${year}: ETHNIC ${h.ETHNIC}`);
      assert.match(h.UPN, UPN_PATTERN);
      if (h.UPN.length === 13) assert.equal(h.UPN[0], upnCheckLetter(h.UPN.slice(1)), `check letter of ${h.UPN}`);
      if (h.SEX === 'F' || h.SEX === '2') assert.ok(h.MOTHER === '0' || h.MOTHER === '1');
      assert.equal(h.MOTHER === '1', h.MC_DOB !== '');
    }
    for (const u of t.UASC) assert.ok((year >= 2025 ? ['M', 'F', 'U'] : ['1', '2']).includes(u.SEX));
  }
  // The earlier years' list is used too: H5 (semi-independent) appears somewhere before 2025-26.
  assert.ok(seen.has('H5') && seen.has('K2') && seen.has('U4') && seen.has('A6'));
});

test('a later-year list: 2025-26 has no H5, P2 or Z1 and K3 only from 2024-25', () => {
  const mem = generateInMemory({ children: 1500, years: 3, seed: 99, lastYear: 2026 });
  const placesByYear = new Map<number, Set<string>>();
  for (const [year, files] of mem.years) {
    const eps = tables(files).Episodes;
    placesByYear.set(year, new Set(eps.map((e) => e.PLACE)));
    for (const e of eps) assert.ok(placeCodes(year).has(e.PLACE), `${year}: ${e.PLACE}`);
  }
  const y26 = placesByYear.get(2026) as Set<string>;
  assert.ok(!y26.has('H5') && !y26.has('P2') && !y26.has('Z1'));
  assert.ok(y26.has('K3'));
  assert.ok(!(placesByYear.get(2024) as Set<string>).has('K3'));
});

test('open episodes carry over to the next year with the same DECOM and details', () => {
  const sets = big().years;
  for (let year = 2022; year <= 2025; year++) {
    const last = byChild(tables(sets.get(year - 1) as Map<string, string>).Episodes);
    const now = byChild(tables(sets.get(year) as Map<string, string>).Episodes);
    let carried = 0;
    for (const [child, eps] of last) {
      const open = eps.find((e) => e.DEC === '');
      if (!open) continue;
      const first = now.get(child)?.[0];
      assert.ok(first, `${year}: ${child} open last year appears this year`);
      for (const col of ['DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'URN', 'HOME_POST', 'PL_POST']) {
        assert.equal(first[col], open[col], `${year}: ${child} ${col}`);
      }
      carried++;
    }
    assert.ok(carried > 300, `${year}: ${carried} open episodes carried over`);
  }
});

test('the N children are all there, each in at least one year', () => {
  const ids = new Set<string>();
  for (const files of big().years.values()) for (const r of tables(files).Episodes) ids.add(r.CHILD);
  assert.equal(ids.size, OPTIONS.children);
});

test('the final year exercises every indicator', () => {
  const { years, population } = big();
  const year = 2025;
  const t = tables(years.get(year) as Map<string, string>);
  const s = S(year);
  const e = E(year);
  const dob = new Map(t.Header.map((h) => [h.CHILD, dn(h.DOB)]));
  const eps = t.Episodes.filter((x) => x.LS !== 'V3' && x.LS !== 'V4');
  const openAtE = eps.filter((x) => dn(x.DECOM) <= e && x.DEC === '');
  const cla = new Set(openAtE.map((x) => x.CHILD));

  // 1–5: counts, and a plausible population for the rate.
  assert.ok(cla.size > 400, `CLA at 31 March ${cla.size}`);
  const pop = Number(population.trim().split('\n').find((l) => l.startsWith(`${year},`))?.split(',')[1]);
  const rate = Math.round((cla.size / pop) * 10_000);
  assert.ok(rate >= 55 && rate <= 90, `rate per 10,000: ${rate}`);
  assert.ok(new Set(eps.filter((x) => x.RNE === 'S' && dn(x.DECOM) >= s).map((x) => x.CHILD)).size > 100, 'starts');
  const ceased = eps.filter((x) => x.REC !== '' && x.REC !== 'X1');
  assert.ok(ceased.length > 100, 'ceased');
  for (const rec of ['E4A', 'E11', 'E12', 'E17', 'E13', 'E41', 'E5', 'E8']) {
    assert.ok(ceased.some((x) => x.REC === rec), `some episodes end ${rec}`);
  }
  assert.ok(ceased.some((x) => /^E4[5-8]$/.test(x.REC)), 'special guardianship orders');

  // Breakdowns: every age band, both sexes, several legal statuses and placement groups.
  const bands = new Set([...cla].map((c) => {
    const a = ageAt(dob.get(c) as number, e);
    return a < 1 ? 'u1' : a < 5 ? '1-4' : a < 10 ? '5-9' : a < 16 ? '10-15' : '16+';
  }));
  assert.equal(bands.size, 5, `age bands ${[...bands]}`);
  const openLs = new Set(openAtE.map((x) => x.LS));
  for (const ls of ['C1', 'C2', 'E1', 'V2']) assert.ok(openLs.has(ls), `legal status ${ls} at 31 March`);
  const openPlace = new Set(openAtE.map((x) => x.PLACE));
  for (const p of ['U4', 'K2', 'P1']) assert.ok(openPlace.has(p), `placement ${p} at 31 March`);
  assert.ok([...openPlace].some((p) => /^A[3-6]$/.test(p)), 'placed for adoption at 31 March');
  assert.ok(openPlace.has('H5') || openPlace.has('K3'), 'semi-independent at 31 March');

  // Moves: RNE P/T/B/U/L and temporary placements.
  for (const rne of ['P', 'T', 'L', 'B']) assert.ok(t.Episodes.some((x) => x.RNE === rne), `RNE ${rne}`);
  assert.ok(t.Episodes.some((x) => /^T[0-4]$/.test(x.PLACE)), 'temporary placements');

  // Short breaks.
  assert.ok(t.Episodes.some((x) => x.LS === 'V3') && t.Episodes.some((x) => x.LS === 'V4'), 'short breaks V3 and V4');

  // 6: three or more placements in the year.
  const placements = new Map<string, number>();
  for (const [child, list] of byChild(eps)) {
    let n = 0;
    let first = true;
    for (const x of list) {
      if (/^T[0-4]$/.test(x.PLACE)) continue;
      if (first || ['S', 'P', 'B'].includes(x.RNE)) n++;
      first = false;
    }
    placements.set(child, n);
  }
  assert.ok([...cla].filter((c) => (placements.get(c) ?? 0) >= 3).length >= 5, '3+ placements');

  // 7: long-term stability needs children in care for 2.5 years+.
  const periodStart = new Map<string, number>();
  for (const [child, list] of byChild(eps)) {
    let start = dn(list[0].DECOM);
    for (let i = 1; i < list.length; i++) if (list[i].RNE === 'S') start = dn(list[i].DECOM);
    periodStart.set(child, start);
  }
  const longStay = [...cla].filter((c) => (periodStart.get(c) as number) <= Date.UTC(year - 3, 8, 30) / 86_400_000);
  assert.ok(longStay.length > 50, `in care 2.5 years+: ${longStay.length}`);

  // 8–14: OC2 rows for the 12-month cohort, with SDQ scores in range and every flag used.
  assert.ok(t.OC2.length > 200, `OC2 rows ${t.OC2.length}`);
  for (const r of t.OC2) {
    assert.ok(cla.has(r.CHILD), 'OC2 only for children looked after at 31 March');
    assert.ok((periodStart.get(r.CHILD) as number) <= E(year - 1), 'OC2 only after 12 months');
    if (r.SDQ_SCORE !== '') assert.ok(Number(r.SDQ_SCORE) >= 0 && Number(r.SDQ_SCORE) <= 40 && r.SDQ_REASON === '');
    else assert.match(r.SDQ_REASON, /^SDQ[1-5]$/);
  }
  const scores = t.OC2.filter((r) => r.SDQ_SCORE !== '').map((r) => Number(r.SDQ_SCORE));
  assert.ok(scores.some((x) => x <= 13) && scores.some((x) => x >= 14 && x <= 16) && scores.some((x) => x >= 17), 'SDQ bands');
  for (const col of ['CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE']) {
    assert.ok(t.OC2.some((r) => r[col] === '1') && t.OC2.some((r) => r[col] === '0'), `OC2 ${col} has 1s and 0s`);
  }

  // 15: distance — known postcodes near and far, unknown ones and blanks.
  const known = new Set([...HOME_POSTCODES, ...NEAR_POSTCODES, ...FAR_POSTCODES]);
  const far = new Set(FAR_POSTCODES);
  const claEps = openAtE;
  assert.ok(claEps.some((x) => known.has(x.HOME_POST) && far.has(x.PL_POST)), 'placed far away');
  assert.ok(claEps.some((x) => known.has(x.HOME_POST) && known.has(x.PL_POST) && !far.has(x.PL_POST)), 'placed nearby');
  assert.ok(claEps.some((x) => x.HOME_POST !== '' && !known.has(x.HOME_POST)), 'unknown home postcode');
  assert.ok(claEps.some((x) => x.PL_POST !== '' && !known.has(x.PL_POST)), 'unknown placement postcode');
  assert.ok(claEps.some((x) => x.HOME_POST === '') && claEps.some((x) => x.PL_POST === ''), 'blank postcodes');

  // 16: missing and away incidents starting in the year.
  const missing = t.Missing.filter((m) => dn(m.MIS_START) >= s && dn(m.MIS_START) <= e);
  assert.ok(missing.length === t.Missing.length);
  assert.ok(missing.some((m) => m.MISSING === 'M') && missing.some((m) => m.MISSING === 'A'), 'both M and A');
  for (const m of missing) if (m.MIS_END !== '') assert.ok(dn(m.MIS_END) >= dn(m.MIS_START));

  // 17–19: care leavers in both age groups, with EET, suitable accommodation and in-touch mixes.
  const oc3Age = (r: Row): number => {
    const d = new Date(dn(r.DOB) * 86_400_000);
    return (d.getUTCMonth() >= 3 ? year - 1 : year) - d.getUTCFullYear();
  };
  const ages = t.OC3.map(oc3Age);
  for (const a of ages) assert.ok(a >= 17 && a <= 21, `OC3 age ${a}`);
  assert.ok(ages.some((a) => a <= 18) && ages.some((a) => a >= 19), 'both OC3 groups');
  assert.ok(new Set(ages).size === 5, `OC3 ages ${[...new Set(ages)]}`);
  assert.ok(t.OC3.some((r) => r.IN_TOUCH === 'YES') && t.OC3.some((r) => r.IN_TOUCH !== 'YES'));
  assert.ok(t.OC3.some((r) => ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'].includes(r.ACTIV)));
  assert.ok(t.OC3.some((r) => /^G[456]$/.test(r.ACTIV)));
  assert.ok(t.OC3.some((r) => r.ACCOM.endsWith('1')) && t.OC3.some((r) => r.ACCOM.endsWith('2')));
  for (const r of t.OC3) {
    assert.ok(!cla.has(r.CHILD), 'care leavers are not looked after at 31 March');
    if (oc3Age(r) === 17) assert.ok(!r.ACCOM.startsWith('Z') && !r.ACCOM.startsWith('T'));
  }

  // 20: adoptions with AD1 rows, placed for adoption beforehand, timings in order.
  const adopted = ceased.filter((x) => x.REC === 'E11' || x.REC === 'E12');
  assert.ok(adopted.length >= 10, `adopted ${adopted.length}`);
  const ad1 = new Map(t.AD1.map((r) => [r.CHILD, r]));
  const placedFor = new Map(t.PlacedAdoption.map((r) => [r.CHILD, r]));
  const allEps = byChild(t.Episodes);
  for (const x of adopted) {
    assert.match(x.PLACE, /^A[3-6]$/, 'adopted from an adoption placement');
    const a = ad1.get(x.CHILD);
    assert.ok(a, `AD1 for ${x.CHILD}`);
    assert.ok(dn(a.DATE_INT) <= dn(a.DATE_MATCH) && dn(a.DATE_MATCH) <= dn(x.DECOM), 'decision ≤ match ≤ placement');
    assert.equal(placedFor.get(x.CHILD)?.DATE_PLACED, a.DATE_INT, 'DATE_PLACED = DATE_INT (rule 523)');
  }
  assert.equal(t.AD1.length, adopted.length);
  assert.ok(
    adopted.some((x) => (allEps.get(x.CHILD) as Row[]).some((y) => y.LS === 'E1')),
    'an adopted child with a placement order in the year',
  );
  assert.ok(t.PlacedAdoption.some((r) => r.DATE_PLACED_CEASED !== '' && /^RD[1-4]$/.test(r.REASON_PLACED_CEASED)));

  // 21: UASC children looked after at 31 March with DUC blank or later.
  const uascNow = t.UASC.filter((u) => cla.has(u.CHILD) && (u.DUC === '' || dn(u.DUC) > e));
  assert.ok(uascNow.length >= 10, `UASC at 31 March ${uascNow.length}`);
  for (const u of t.UASC) if (u.DUC !== '') assert.ok(dn(u.DUC) <= Date.UTC(new Date(dn(u.DOB) * 86_400_000).getUTCFullYear() + 18, 11, 31) / 86_400_000);

  // Reviews in the year; previous permanence for those in care.
  assert.ok(t.Reviews.length > cla.size, 'reviews');
  for (const r of t.Reviews) assert.ok(dn(r.REVIEW) >= s && dn(r.REVIEW) <= e);
  assert.ok(t.PrevPerm.some((r) => r.PREV_PERM === 'Z1') && t.PrevPerm.some((r) => /^P[1-3]$/.test(r.PREV_PERM)));

  // Re-entry to care: a child with two periods (two S episodes) somewhere in the five years.
  let reentered = 0;
  for (const files of years.values()) {
    for (const list of byChild(tables(files).Episodes.filter((x) => x.LS !== 'V3' && x.LS !== 'V4')).values()) {
      if (list.filter((x) => x.RNE === 'S').length >= 2) reentered++;
    }
  }
  assert.ok(reentered >= 5, `re-entries ${reentered}`);
});

test('bad options are refused', async () => {
  assert.throws(() => generateInMemory({ children: 0, years: 5, seed: 1 }), /children/);
  assert.throws(() => generateInMemory({ children: 10, years: 0, seed: 1 }), /years/);
  assert.throws(() => generateFileSet({ children: 10, years: 2, seed: 1, lastYear: 2025 }, 2023), /2023/);
});
