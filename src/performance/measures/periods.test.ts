import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annualPeriod, parsePeriod, periodError, periodLabel, previousPeriod, yearEnding } from './periods.js';

test('periods are read by the measure frequency', () => {
  assert.equal(parsePeriod('monthly', '2025-10'), '2025-10');
  assert.equal(parsePeriod('monthly', '2025-13'), null);
  assert.equal(parsePeriod('monthly', '2025-Q3'), null);
  assert.equal(parsePeriod('quarterly', '2025-q3'), '2025-Q3');
  assert.equal(parsePeriod('quarterly', '2025-Q5'), null);
  assert.equal(parsePeriod('annual', '2024-25'), '2024-25');
  assert.equal(parsePeriod('annual', '2024-26'), null);
  assert.equal(parsePeriod('annual', '1999-00'), '1999-00');
  assert.match(periodError('annual', '2024')!, /YYYY-YY/);
  assert.equal(periodError('monthly', '2024-01'), null);
});

test('previous periods and labels', () => {
  assert.equal(previousPeriod('monthly', '2025-01'), '2024-12');
  assert.equal(previousPeriod('monthly', '2025-10'), '2025-09');
  assert.equal(previousPeriod('quarterly', '2025-Q1'), '2024-Q4');
  assert.equal(previousPeriod('annual', '2024-25'), '2023-24');
  assert.equal(previousPeriod('annual', '2000-01'), '1999-00');
  assert.equal(annualPeriod(2025), '2024-25');
  assert.equal(yearEnding('2024-25'), 2025);
  assert.equal(periodLabel('2025-10'), 'October 2025');
  assert.equal(periodLabel('2025-Q3'), 'July to September 2025');
  assert.equal(periodLabel('2024-25'), '2024-25');
});
