/**
 * Indicators 1–21 on small hand-made histories. Year Y = 2024 throughout unless said: S = 01/04/2023,
 * E = 31/03/2024. Each expected figure is worked out in the comments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeIndicators, distanceBand } from './compute.js';
import { ep, figuresOf, hd, headers, input, row } from './testkit.js';

test('1: open at E means DECOM ≤ E and DEC blank or after E; short breaks never count', () => {
  const episodes = [
    ep('A', '01/01/2024', null), //                    open → counts
    ep('B', '01/01/2024', '31/03/2024'), //            DEC = E → not open at E
    ep('C', '31/03/2024', null), //                    DECOM = E → counts
    ep('D', '01/04/2024', null), //                    starts after E
    ep('E', '01/01/2024', null, { ls: 'V3' }), //      short break
    ep('F', '01/01/2024', '01/04/2024'), //            DEC after E → counts
    ep('G', '01/02/2024', null), //                    two open episodes: one child
    ep('G', '01/03/2024', null, { rne: 'P' }),
  ];
  const f = figuresOf({ episodes, header: headers('A', 'B', 'C', 'D', 'E', 'F', 'G') }, 1);
  assert.equal(f.count, 4); // A, C, F, G
});

test('1: breakdowns by the episode open at E, age at E in whole years, need at the start of the period', () => {
  const header = [
    hd('A', '31/03/2014', '1', 'WBRI'), // 10th birthday on E → 10-15; 1 → M; White
    hd('C', '01/04/2014', '2', 'REFU'), // 10th birthday the day after E → 9 → 5-9; 2 → F
    hd('F', '01/04/2023', 'U', 'XXXX'), // age 0 → under 1; unknown ethnic code → no ethnicity category
    hd('G', '31/03/2008', 'F', 'MWBA'), // 16 on E → 16 and over
  ];
  const episodes = [
    // A: period of care from 01/01/2020 (CIN N2) chained by X1 to the open episode (CIN N1) → need:N2
    ep('A', '01/01/2020', '01/01/2024', { cin: 'N2', rec: 'X1', place: 'U1' }),
    ep('A', '01/01/2024', null, { rne: 'P', cin: 'N1', ls: 'C2', place: 'K2' }),
    // C: a closed period (REC E8) then a new one: need from the new period's first episode (N3)
    ep('C', '01/01/2020', '01/06/2020', { cin: 'N7', rec: 'E8' }),
    ep('C', '01/06/2020', null, { cin: 'N3', ls: 'E1', place: 'A5' }),
    // F: a short break between two episodes does not break the period: need N5 from 01/05/2023
    ep('F', '01/05/2023', '01/06/2023', { cin: 'N5', rec: 'X1', ls: 'V2', place: 'U1' }),
    ep('F', '01/06/2023', '05/06/2023', { ls: 'V3', cin: 'N8' }),
    ep('F', '01/06/2023', null, { rne: 'P', cin: 'N6', ls: 'V2', place: 'U1' }),
    // G: two open episodes: the later DECOM (J1, R5) decides; its own period starts it (need N4)
    ep('G', '01/02/2024', null, { ls: 'C1', place: 'U4', cin: 'N8' }),
    ep('G', '01/03/2024', null, { rne: 'B', ls: 'J1', place: 'R5', cin: 'N4' }),
  ];
  const f = figuresOf({ episodes, header }, 1);
  assert.deepEqual(f, {
    'age:10-15': 1,
    'age:16 and over': 1,
    'age:5-9': 1,
    'age:under 1': 1,
    count: 4,
    'ethnicity:Mixed': 1,
    'ethnicity:Refused or not obtained': 1,
    'ethnicity:White': 1,
    'legal_status:Care order': 1,
    'legal_status:Placement order': 1,
    'legal_status:Voluntary': 1,
    'legal_status:Youth justice': 1,
    'need:N2': 1,
    'need:N3': 1,
    'need:N4': 1,
    'need:N5': 1,
    'placement:Foster': 1,
    'placement:Other residential': 1,
    'placement:Placed for adoption': 1,
    "placement:Secure and children's homes": 1,
    'sex:F': 2,
    'sex:M': 1,
    'sex:U': 1,
  });
  // Sorted by plain code-point order of the measure name.
  assert.deepEqual(Object.keys(f), Object.keys(f).slice().sort());
});

test('1: a short break that sits between two episodes with different dates does not join them', () => {
  const episodes = [
    ep('A', '01/05/2023', '01/06/2023', { cin: 'N5', rec: 'X1' }),
    ep('A', '01/06/2023', '05/06/2023', { ls: 'V4', rec: 'X1' }),
    ep('A', '05/06/2023', null, { cin: 'N6' }), // 01/06 ≠ 05/06: a new period → need N6
  ];
  const f = figuresOf({ episodes, header: headers('A') }, 1);
  assert.equal(f['need:N6'], 1);
  assert.equal(f['need:N5'], undefined);
});

test('2: rate per 10,000, rounded half up; no population, no rate', () => {
  const episodes = [ep('A', '01/01/2024', null)];
  // 1 ÷ 20,000 × 10,000 = 0.5 → 1 (half up)
  assert.deepEqual(figuresOf({ episodes, header: headers('A'), population: 20_000 }, 2), { rate: 1 });
  // 1 ÷ 20,001 × 10,000 = 0.49998 → 0
  assert.deepEqual(figuresOf({ episodes, header: headers('A'), population: 20_001 }, 2), { rate: 0 });
  assert.deepEqual(figuresOf({ episodes, header: headers('A'), population: null }, 2), { rate: null });
  assert.deepEqual(figuresOf({ episodes, header: headers('A'), population: 0 }, 2), { rate: null });
});

test('3: started in year: RNE S with S ≤ DECOM ≤ E, each child once', () => {
  const episodes = [
    ep('A', '01/04/2023', null), //                              DECOM = S → counts
    ep('B', '31/03/2024', null), //                              DECOM = E → counts
    ep('C', '31/03/2023', null), //                              before S
    ep('D', '01/05/2023', '01/06/2023'), //                      two starts: once
    ep('D', '01/08/2023', null),
    ep('E', '01/05/2023', null, { rne: 'P' }), //                not S
    ep('F', '01/05/2023', '10/05/2023', { ls: 'V3' }), //        short break
  ];
  assert.deepEqual(figuresOf({ episodes, header: headers('A', 'B', 'C', 'D', 'E', 'F') }, 3), { count: 3 });
});

test('4: ceased in year: REC not X1 with S ≤ DEC ≤ E', () => {
  const episodes = [
    ep('A', '01/01/2023', '01/04/2023', { rec: 'E4A' }), //      DEC = S → counts
    ep('B', '01/01/2023', '31/03/2024', { rec: 'E11' }), //      DEC = E → counts
    ep('C', '01/01/2023', '01/06/2023', { rec: 'X1' }), //       X1: still looked after
    ep('C', '01/06/2023', null, { rne: 'P' }),
    ep('D', '01/01/2023', '01/04/2024', { rec: 'E4A' }), //      DEC after E
    ep('E', '01/01/2023', '31/03/2023', { rec: 'E4A' }), //      DEC before S
    ep('F', '01/06/2023', '10/06/2023', { ls: 'V4', rec: 'E4A' }), // short break
  ];
  assert.deepEqual(figuresOf({ episodes, header: headers('A', 'B', 'C', 'D', 'E', 'F') }, 4), { count: 2 });
});

test('5: looked after during the year: DECOM ≤ E and (DEC blank or DEC ≥ S)', () => {
  const episodes = [
    ep('A', '01/01/2023', '01/04/2023'), //  DEC = S → counts
    ep('B', '01/01/2023', '31/03/2023'), //  DEC before S
    ep('C', '31/03/2024', null), //          DECOM = E → counts
    ep('D', '01/04/2024', null), //          DECOM after E
    ep('E', '01/01/2010', null), //          open throughout → counts
    ep('F', '01/05/2023', '01/06/2023', { ls: 'V3' }), // short break
  ];
  assert.deepEqual(figuresOf({ episodes, header: headers('A', 'B', 'C', 'D', 'E', 'F') }, 5), { count: 3 });
});

test('6: three or more placements: first episode in the year plus RNE S, P or B; T0–T4 never', () => {
  const x1 = { rec: 'X1' };
  const episodes = [
    // X: e1 first (1); L, T, U are not new placements; T1 excluded; B (2) → 2 placements
    ep('X', '01/01/2023', '01/05/2023', x1),
    ep('X', '01/05/2023', '01/06/2023', { ...x1, rne: 'L' }),
    ep('X', '01/06/2023', '01/07/2023', { ...x1, rne: 'P', place: 'T1' }),
    ep('X', '01/07/2023', '01/08/2023', { ...x1, rne: 'T' }),
    ep('X', '01/08/2023', '01/09/2023', { ...x1, rne: 'U' }),
    ep('X', '01/09/2023', null, { rne: 'B' }),
    // Y: the same with P in place of T → 3 placements
    ep('Y', '01/01/2023', '01/05/2023', x1),
    ep('Y', '01/05/2023', '01/06/2023', { ...x1, rne: 'L' }),
    ep('Y', '01/06/2023', '01/07/2023', { ...x1, rne: 'P', place: 'T1' }),
    ep('Y', '01/07/2023', '01/08/2023', { ...x1, rne: 'P' }),
    ep('Y', '01/08/2023', '01/09/2023', { ...x1, rne: 'U' }),
    ep('Y', '01/09/2023', null, { rne: 'B' }),
    // Z: first episode in the year is temporary (T0), so the first placement is the T episode (1), then P (2), B (3)
    ep('Z', '01/04/2023', '05/04/2023', { ...x1, place: 'T0' }),
    ep('Z', '05/04/2023', '01/06/2023', { ...x1, rne: 'T' }),
    ep('Z', '01/06/2023', '01/09/2023', { ...x1, rne: 'P' }),
    ep('Z', '01/09/2023', null, { rne: 'B' }),
    // W: S and P before the year do not count; first in year (DEC 31/03/2023 < S excluded) → e2 (1), e3 (2)
    ep('W', '01/01/2023', '31/03/2023', x1),
    ep('W', '31/03/2023', '01/06/2023', { ...x1, rne: 'P' }),
    ep('W', '01/06/2023', null, { rne: 'P' }),
    // V: three placements but not looked after at E → not in the denominator
    ep('V', '01/05/2023', '01/06/2023', x1),
    ep('V', '01/06/2023', '01/07/2023', { ...x1, rne: 'P' }),
    ep('V', '01/07/2023', '01/08/2023', { rne: 'P', rec: 'E4A' }),
  ];
  const f = figuresOf({ episodes, header: headers('X', 'Y', 'Z', 'W', 'V') }, 6);
  assert.deepEqual(f, { count: 2, denominator: 4 }); // Y, Z of X, Y, Z, W
});

test('7: long-term stability: under 16, in care since 30/09/2021, placement since 31/03/2022, walking back X1 links', () => {
  const x1 = { rec: 'X1' };
  const header = [
    hd('P1', '01/04/2008'), // 15 at E (16th birthday the day after E)
    hd('P2'), hd('P4'), hd('P5'), hd('P6'), hd('P8'), hd('P9'),
    hd('P3', '31/03/2008'), // 16 on E → not under 16
  ];
  const episodes = [
    ep('P1', '30/09/2021', null), //                                     in care from the cut-off day → in; placement too → counts
    ep('P2', '01/10/2021', null), //                                     in care a day too late → not in cohort
    ep('P3', '01/01/2019', null), //                                     aged 16 → not in cohort
    // P4: S 2020, L (legal only) 2023, T (same carers) 2023: walk back to 01/01/2020 → counts
    ep('P4', '01/01/2020', '01/01/2023', x1),
    ep('P4', '01/01/2023', '01/06/2023', { ...x1, rne: 'L' }),
    ep('P4', '01/06/2023', null, { rne: 'T' }),
    // P5: change of carer on 01/04/2022, after 31/03/2022 → in cohort, not counted
    ep('P5', '01/01/2020', '01/04/2022', x1),
    ep('P5', '01/04/2022', null, { rne: 'P' }),
    // P6: placed for adoption with the current foster carer (A5) counts as the same placement → counts
    ep('P6', '01/01/2020', '01/01/2023', x1),
    ep('P6', '01/01/2023', null, { rne: 'P', place: 'A5' }),
    // P8: new carer exactly on 31/03/2022 → counts
    ep('P8', '01/01/2021', '31/03/2022', x1),
    ep('P8', '31/03/2022', null, { rne: 'P' }),
    // P9: the earlier episode ended E4A, so the L episode starts a new period on 01/03/2022 → not in cohort
    ep('P9', '01/01/2020', '01/03/2022', { rec: 'E4A' }),
    ep('P9', '01/03/2022', null, { rne: 'L' }),
  ];
  const f = figuresOf({ episodes, header }, 7);
  assert.deepEqual(f, { count: 4, denominator: 5 }); // P1, P4, P6, P8 of P1, P4, P5, P6, P8
});

test('8–14: OC2 cohort in care since 31/03/2023, ages at E, children with no OC2 row, SDQ mean half up', () => {
  const header = [
    hd('O1', '01/06/2020'), // 3
    hd('O2', '31/03/2020'), // 4 (birthday on E)
    hd('O3', '01/01/2015'), // not in the cohort
    hd('O4', '31/03/2014'), // 10 (birthday on E)
    hd('O5', '31/03/2008'), // 16 (birthday on E)
    hd('O6', '01/04/2006'), // 17
    hd('O7', '31/03/2019'), // 5 (birthday on E)
    hd('O8', '15/07/2014'), // 9
    hd('O9', '15/07/2011'), // 12
  ];
  const episodes = [
    ep('O1', '31/03/2023', null), //                                   started on the cut-off day → in
    ep('O2', '01/01/2022', null),
    ep('O3', '01/04/2023', null), //                                   started the day after → out
    ep('O4', '01/01/2022', null),
    ep('O5', '01/01/2022', null),
    ep('O6', '01/01/2022', null),
    ep('O7', '01/01/2022', null),
    ep('O8', '01/01/2022', null),
    // O9: the open episode started in the year, but its period of care (X1) started in 2022 → in
    ep('O9', '01/01/2022', '01/06/2023', { rec: 'X1' }),
    ep('O9', '01/06/2023', null, { rne: 'P' }),
  ];
  const oc2 = (child: string, c: Record<string, string>) => row('OC2', { CHILD: child, ...c });
  const rows = [
    oc2('O1', { HEALTH_ASSESSMENT: '1', TEETH_CHECK: '1', IMMUNISATIONS: '0', HEALTH_CHECK: '1', SUBSTANCE_MISUSE: '0' }),
    // O2: no OC2 row → in every denominator for its age, in no numerator
    oc2('O3', { HEALTH_ASSESSMENT: '1', TEETH_CHECK: '1', IMMUNISATIONS: '1', HEALTH_CHECK: '1', SUBSTANCE_MISUSE: '1', CONVICTED: '1', SDQ_SCORE: '40' }),
    oc2('O4', { HEALTH_ASSESSMENT: '1', CONVICTED: '1', SDQ_SCORE: '12', SUBSTANCE_MISUSE: '1' }),
    oc2('O5', { IMMUNISATIONS: '1', CONVICTED: '0', SDQ_SCORE: '17' }),
    oc2('O6', { CONVICTED: '1', SDQ_SCORE: '30' }), // 17: outside SDQ ages
    oc2('O7', { SDQ_SCORE: '14' }),
    oc2('O8', { SDQ_SCORE: '41' }), // not a score 0–40
    oc2('O9', { SDQ_SCORE: '6' }),
  ];
  const all = computeIndicators(input({ episodes, header, oc2: rows }));
  const get = (n: number) => Object.fromEntries(all.filter((f) => f.indicator === n).map((f) => [f.measure, f.value]));
  // Cohort: O1, O2, O4, O5, O6, O7, O8, O9 = 8 (O3 started after 31/03/2023)
  assert.deepEqual(get(8), { count: 2, denominator: 8 }); //  O1, O4
  assert.deepEqual(get(9), { count: 1, denominator: 8 }); //  O1
  assert.deepEqual(get(10), { count: 1, denominator: 8 }); // O5
  assert.deepEqual(get(11), { count: 1, denominator: 2 }); // aged 0–4: O1 (yes), O2 (no row)
  assert.deepEqual(get(13), { count: 2, denominator: 4 }); // aged 10–17: O4 (yes), O5, O6 (yes), O9
  assert.deepEqual(get(14), { count: 1, denominator: 8 }); // O4
  // SDQ, aged 5–16: O4 12, O5 17, O7 14, O9 6 (O8 has no valid score): 49 / 4 = 12.25 → 12.3 (half up)
  assert.deepEqual(get(12), { borderline: 1, concern: 1, mean: 12.3, normal: 2, with_score: 4 });
});

test('12: SDQ with no scores has a null mean; an empty cohort has zero counts', () => {
  const f = figuresOf({ episodes: [ep('A', '01/01/2024', null)], header: headers('A') }, 12);
  assert.deepEqual(f, { borderline: 0, concern: 0, mean: null, normal: 0, with_score: 0 });
  assert.deepEqual(figuresOf({}, 8), { count: 0, denominator: 0 });
});

test('15: distance bands: metres ÷ 1609.3 rounded to one decimal, exactly 20.0 is "20 or less"', () => {
  const table: Record<string, { easting: number; northing: number }> = {
    HOME: { easting: 400000, northing: 500000 },
    AT20: { easting: 432186, northing: 500000 }, //     32186 m = 20.0000 miles → 20_or_less
    UNDER: { easting: 400000, northing: 532266 }, //    32266 m = 20.0497 → 20.0 → 20_or_less
    OVER: { easting: 432267, northing: 500000 }, //     32267 m = 20.0503 → 20.1 → over_20
    FAR: { easting: 480000, northing: 560000 }, //      100,000 m = 62.1 → over_20
  };
  const postcode = (pc: string) => table[pc.replace(/\s+/g, '').toUpperCase()];
  const episodes = [
    ep('A', '01/01/2024', null, { home: 'HOME', pl: 'AT20' }),
    ep('B', '01/01/2024', null, { home: 'HOME', pl: 'UNDER' }),
    ep('C', '01/01/2024', null, { home: 'HOME', pl: 'OVER' }),
    ep('D', '01/01/2024', null, { home: 'HOME', pl: 'ZZ99 3VZ' }), // unknown postcode
    ep('E', '01/01/2024', null, { home: null, pl: 'HOME' }), //      missing postcode
    // F: an earlier far placement; the open episode is near → 20_or_less
    ep('F', '01/01/2023', '01/01/2024', { home: 'HOME', pl: 'FAR', rec: 'X1' }),
    ep('F', '01/01/2024', null, { rne: 'P', home: 'HOME', pl: 'HOME' }),
    ep('G', '01/01/2022', '01/01/2024', { home: 'HOME', pl: 'FAR' }), // not looked after at E
  ];
  const f = figuresOf({ episodes, header: headers('A', 'B', 'C', 'D', 'E', 'F', 'G'), postcode }, 15);
  assert.deepEqual(f, { '20_or_less': 3, not_known: 2, over_20: 1 });
  assert.equal(distanceBand('HOME', 'FAR', postcode), 'over_20');
  // Non-whole-metre grid references fall back to floating point: 10 m apart
  assert.equal(distanceBand('a', 'b', (pc) => (pc === 'a' ? { easting: 0.5, northing: 0 } : { easting: 10.5, northing: 0 })), '20_or_less');
});

test('16: missing and away incidents starting in the year, children looked after during the year', () => {
  const episodes = [
    ep('K1', '01/01/2023', null),
    ep('K2', '01/01/2023', '01/05/2023', { rec: 'E4A' }),
    ep('K3', '01/01/2020', '01/01/2022', { rec: 'E4A' }), // not looked after in the year
  ];
  const m = (child: string, type: string, start: string | null) => row('Missing', { CHILD: child, MISSING: type, MIS_START: start });
  const missing = [
    m('K1', 'M', '01/04/2023'), // S → counts
    m('K1', 'M', '15/06/2023'),
    m('K1', 'A', '01/07/2023'),
    m('K1', 'M', '31/03/2023'), // starts before S → excluded
    m('K1', 'M', '01/04/2024'), // after E → excluded
    m('K1', 'M', null), //         no start → excluded
    m('K2', 'M', '31/03/2024'), // E → counts
    m('K2', 'A', '10/10/2023'),
    m('K2', 'A', '11/10/2023'),
    m('K2', 'A', '12/10/2023'),
    m('K3', 'M', '01/05/2023'), // not in (5) → excluded
  ];
  const f = figuresOf({ episodes, header: headers('K1', 'K2', 'K3'), missing }, 16);
  // missing: K1 2 + K2 1 = 3 incidents, 2 children, mean 1.5; away: K1 1 + K2 3 = 4, 2 children, mean 2
  assert.deepEqual(f, {
    away_children: 2, away_incidents: 4, away_mean: 2, missing_children: 2, missing_incidents: 3, missing_mean: 1.5,
  });
  // 21 incidents over 20 children: 1.05 → 1.1 (half up); no one away → null mean
  const kids = Array.from({ length: 20 }, (_, i) => `Q${i}`);
  const g = figuresOf({
    episodes: kids.map((k) => ep(k, '01/01/2023', null)),
    header: headers(...kids),
    missing: [...kids.map((k) => m(k, 'M', '01/05/2023')), m('Q0', 'M', '02/05/2023')],
  }, 16);
  assert.deepEqual(g, {
    away_children: 0, away_incidents: 0, away_mean: null, missing_children: 20, missing_incidents: 21, missing_mean: 1.1,
  });
});

test('17–19: care leavers by the age reached on the birthday in the year; DIED and RHOM out of the denominator', () => {
  const oc3 = (child: string, dob: string | null, inTouch: string, activ: string, accom: string) =>
    row('OC3', { CHILD: child, DOB: dob, IN_TOUCH: inTouch, ACTIV: activ, ACCOM: accom });
  const rows = [
    oc3('L1', '01/04/2006', 'YES', 'F1', 'B1'), //  birthday 01/04/2023 → 17
    oc3('L2', '31/03/2006', 'NO', 'G4', 'B2'), //   birthday 31/03/2024 → 18
    oc3('L3', '31/03/2007', 'DIED', '0', '0'), //   17, died → not in the denominator
    oc3('L4', '01/04/2007', 'YES', 'F1', 'B1'), //  16 → no group
    oc3('L5', '15/08/2004', 'YES', 'P5', 'U1'), //  19
    oc3('L6', '31/03/2003', 'RHOM', 'F1', 'B1'), // 21, returned home → not in the denominator
    oc3('L7', '01/04/2002', 'REFU', '0', '0'), //   birthday 01/04/2023 → 21
    oc3('L8', '31/03/2002', 'YES', 'F1', 'B1'), //  22 → no group
    oc3('L9', '29/02/2004', 'YES', 'F4', 'Z1'), //  birthday 29/02/2024 → 20
    oc3('L10', null, 'NO', 'G5', 'S2'), //          DOB from Header 01/01/2005 → 19
  ];
  const all = computeIndicators(input({ oc3: rows, header: [hd('L10', '01/01/2005')] }));
  const get = (n: number) => Object.fromEntries(all.filter((f) => f.indicator === n).map((f) => [f.measure, f.value]));
  // 17-18: L1, L2; 19-21: L5, L7, L9, L10
  assert.deepEqual(get(17), { '17-18:count': 1, '17-18:denominator': 2, '19-21:count': 2, '19-21:denominator': 4 });
  assert.deepEqual(get(18), { '17-18:count': 1, '17-18:denominator': 2, '19-21:count': 2, '19-21:denominator': 4 });
  assert.deepEqual(get(19), { '17-18:count': 1, '17-18:denominator': 2, '19-21:count': 2, '19-21:denominator': 4 });
  // A group with no one (here 17-18 holds only someone who died) is left out.
  assert.deepEqual(figuresOf({ oc3: [rows[2], rows[4]] }, 19), { '19-21:count': 1, '19-21:denominator': 1 });
  assert.deepEqual(figuresOf({}, 17), {});
});

test('20: adoption: A1 from the start of the period to the first A3–A6 episode; A2 from E1/D1 to the match, 0 when matched first', () => {
  const x1 = { rec: 'X1' };
  const episodes = [
    // J1: A1 01/01/2021 → 01/01/2022 = 365; A2 01/06/2021 (E1) → match 01/12/2021 = 183
    ep('J1', '01/01/2021', '01/06/2021', { ...x1, ls: 'C1' }),
    ep('J1', '01/06/2021', '01/01/2022', { ...x1, rne: 'L', ls: 'E1' }),
    ep('J1', '01/01/2022', '01/10/2023', { rne: 'P', ls: 'E1', place: 'A5', rec: 'E11' }),
    // J2: placed for adoption from the start: A1 0; matched 01/01/2022 before the E1 episode 01/03/2022 → A2 0
    ep('J2', '01/03/2022', '01/02/2024', { ls: 'E1', place: 'A6', rec: 'E12' }),
    // J3: A1 01/05/2020 → 01/05/2021 = 365; no AD1 row → left out of A2
    ep('J3', '01/05/2020', '01/05/2021', x1),
    ep('J3', '01/05/2021', '30/06/2023', { rne: 'P', ls: 'D1', place: 'A4', rec: 'E11' }),
    // J4: adopted before S → not this year
    ep('J4', '01/01/2021', '31/03/2023', { ls: 'E1', place: 'A4', rec: 'E11' }),
    // J5: an earlier period ended E4A, so this period starts 01/01/2021: A1 0; A2 01/01/2021 → 01/03/2021 = 59
    ep('J5', '01/01/2020', '01/01/2021', { rec: 'E4A' }),
    ep('J5', '01/01/2021', '01/01/2024', { ls: 'E1', place: 'A3', rec: 'E11' }),
    // J6: adopted by its foster carers: no A3–A6 episode (left out of A1), no E1/D1 (left out of A2)
    ep('J6', '01/01/2022', '01/03/2024', { rec: 'E11' }),
  ];
  const ad1 = (child: string, match: string) => row('AD1', { CHILD: child, DATE_MATCH: match });
  const f = figuresOf({
    episodes,
    header: headers('J1', 'J2', 'J3', 'J4', 'J5', 'J6'),
    ad1: [ad1('J1', '01/12/2021'), ad1('J2', '01/01/2022'), ad1('J5', '01/03/2021'), ad1('J6', '01/01/2024')],
  }, 20);
  // adopted: J1, J2, J3, J5, J6 = 5; A1 (365 + 0 + 365 + 0) / 4 = 182.5 → 183; A2 (183 + 0 + 59) / 3 = 80.67 → 81
  assert.deepEqual(f, { a1_mean_days: 183, a2_mean_days: 81, adopted: 5 });
  assert.deepEqual(figuresOf({}, 20), { a1_mean_days: null, a2_mean_days: null, adopted: 0 });
});

test('21: UASC looked after at E with DUC blank or after E', () => {
  const episodes = ['U1', 'U2', 'U3', 'U5'].map((c) => ep(c, '01/01/2023', null));
  episodes.push(ep('U4', '01/01/2023', '01/01/2024', { rec: 'E4A' }));
  const u = (child: string, duc: string | null) => row('UASC', { CHILD: child, SEX: 'M', DOB: '01/01/2008', DUC: duc });
  const f = figuresOf({
    episodes,
    header: headers('U1', 'U2', 'U3', 'U4', 'U5'),
    uasc: [u('U1', null), u('U2', '31/03/2024'), u('U3', '01/04/2024'), u('U4', null)],
  }, 21);
  assert.deepEqual(f, { count: 2 }); // U1 (no DUC), U3 (DUC after E); U2's DUC = E; U4 not looked after at E
});

test('every indicator has its rows, sorted by indicator then measure', () => {
  const figures = computeIndicators(input({ episodes: [ep('A', '01/01/2024', null)], header: headers('A') }));
  const numbers = [...new Set(figures.map((f) => f.indicator))];
  // 17–19 have no rows without care leavers (groups with no one are left out)
  assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21]);
  for (let i = 1; i < figures.length; i++) {
    const a = figures[i - 1];
    const b = figures[i];
    assert.ok(a.indicator < b.indicator || (a.indicator === b.indicator && a.measure < b.measure), `${a.measure} before ${b.measure}`);
  }
});
