import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, exchangeCsv, plainNumber } from './exchange.js';
import { computeIndicators } from './compute.js';
import { ep, headers, input } from './testkit.js';

test('exchange CSV to the byte: header, plain numbers, empty for null, RFC 4180 quoting', () => {
  const csv = exchangeCsv([
    { indicator: 1, measure: 'count', value: 12 },
    { indicator: 1, measure: "placement:Secure and children's homes", value: 6 },
    { indicator: 2, measure: 'rate', value: null },
    { indicator: 12, measure: 'mean', value: 12.3 },
    { indicator: 16, measure: 'missing_mean', value: 2 },
    { indicator: 99, measure: 'a,b', value: 0 },
    { indicator: 99, measure: 'say "hi"', value: 1e21 },
  ], 2024);
  assert.equal(
    csv,
    'year,indicator,measure,value\n'
    + '2024,1,count,12\n'
    + "2024,1,placement:Secure and children's homes,6\n"
    + '2024,2,rate,\n'
    + '2024,12,mean,12.3\n'
    + '2024,16,missing_mean,2\n'
    + '2024,99,"a,b",0\n'
    + '2024,99,"say ""hi""",1000000000000000000000\n',
  );
  assert.equal(exchangeCsv([], 2025), 'year,indicator,measure,value\n');
});

test('numbers never in exponent form', () => {
  assert.equal(plainNumber(0), '0');
  assert.equal(plainNumber(-0), '0');
  assert.equal(plainNumber(4.5), '4.5');
  assert.equal(plainNumber(1.5e-7), '0.00000015');
  assert.equal(plainNumber(1.25e22), '12500000000000000000000');
  assert.equal(plainNumber(-3e-7), '-0.0000003');
  assert.throws(() => plainNumber(NaN));
  assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
});

test('the exchange CSV of computed figures: one line per figure, in the computed order', () => {
  const figures = computeIndicators(input({
    episodes: [ep('A', '01/01/2024', null, { place: 'K2' })], header: headers('A'), population: 10_000,
  }));
  const lines = exchangeCsv(figures, 2024).trimEnd().split('\n');
  assert.equal(lines.length, figures.length + 1);
  assert.deepEqual(lines.slice(1, 9), [
    '2024,1,age:5-9,1',
    '2024,1,count,1',
    '2024,1,ethnicity:White,1',
    '2024,1,legal_status:Care order,1',
    '2024,1,need:N1,1',
    "2024,1,placement:Secure and children's homes,1",
    '2024,1,sex:M,1',
    '2024,2,rate,1',
  ]);
  assert.ok(lines.includes('2024,12,mean,'));
});
