import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, addMonths, addMonthsToMonth, isIsoDate, isIsoMonth, lastDayOfMonth } from './dates.js';
import { ActionInputError, resolveDue } from './due.js';

describe('month arithmetic', () => {
  test('31 January + 1 month is the last day of February (28 or 29)', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
  });
  test('an ordinary day keeps its day of the month, across a year end', () => {
    assert.equal(addMonths('2018-11-07', 6), '2019-05-07');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2026-03-31', 1), '2026-04-30');
  });
  test('negative months and months to months', () => {
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonthsToMonth('2026-11', 3), '2027-02');
  });
  test('days, last days of months, and what counts as a date', () => {
    assert.equal(addDays('2026-02-27', 2), '2026-03-01');
    assert.equal(addDays('2028-02-27', 2), '2028-02-29');
    assert.equal(lastDayOfMonth('2028-02'), '2028-02-29');
    assert.ok(isIsoDate('2028-02-29'));
    assert.ok(!isIsoDate('2026-02-29'));
    assert.ok(!isIsoDate('2026-13-01'));
    assert.ok(!isIsoDate('7/11/2018'));
    assert.ok(!isIsoDate(20261101));
    assert.ok(isIsoMonth('2026-11'));
    assert.ok(!isIsoMonth('2026-13'));
  });
});

describe('resolveDue (when an action is due)', () => {
  const asOfToday = { reference: '2026-03-10', referenceIsMeeting: false };
  test('a date on or after today is kept', () => {
    assert.deepEqual(resolveDue({ kind: 'date', date: '2026-03-10' }, asOfToday), { dueDate: '2026-03-10', meetingId: null });
  });
  test('a date in the past is refused, naming the field', () => {
    assert.throws(() => resolveDue({ kind: 'date', date: '2026-03-09' }, asOfToday), (e: unknown) => e instanceof ActionInputError && e.field === 'dueDate' && /today or in the future/.test(e.message));
  });
  test('for an action from a resolution, the past is before the meeting date', () => {
    const asOfMeeting = { reference: '2018-11-07', referenceIsMeeting: true };
    assert.equal(resolveDue({ kind: 'date', date: '2018-12-31' }, asOfMeeting).dueDate, '2018-12-31');
    assert.throws(() => resolveDue({ kind: 'date', date: '2018-11-06' }, asOfMeeting), /on or after the meeting date, 7 November 2018/);
  });
  test('a date that does not exist is refused', () => {
    assert.throws(() => resolveDue({ kind: 'date', date: '2026-02-30' }, asOfToday), /real date/);
  });
  test('"in N months" counts from the given date, clamped to the month end', () => {
    assert.equal(resolveDue({ kind: 'months', months: 6, from: '2018-11-07' }, asOfToday).dueDate, '2019-05-07');
    assert.equal(resolveDue({ kind: 'months', months: 1, from: '2027-01-31' }, asOfToday).dueDate, '2027-02-28');
  });
  test('"in N months" needs a whole number from 1 to 60', () => {
    for (const months of [0, -1, 1.5, 61, Number.NaN]) {
      assert.throws(() => resolveDue({ kind: 'months', months, from: '2026-03-10' }, asOfToday), (e: unknown) => e instanceof ActionInputError && e.field === 'dueMonths');
    }
  });
  test('"next meeting" takes the date of the meeting found', () => {
    assert.deepEqual(resolveDue({ kind: 'next-meeting', bodyId: 1 }, { ...asOfToday, nextMeeting: { id: 9, date: '2026-05-13' } }), { dueDate: '2026-05-13', meetingId: 9 });
  });
  test('"next meeting" when none is scheduled is a clear error naming the body', () => {
    assert.throws(
      () => resolveDue({ kind: 'next-meeting', bodyId: 1 }, { ...asOfToday, nextMeeting: null, bodyName: 'Corporate Parenting Board' }),
      (e: unknown) => e instanceof ActionInputError && e.field === 'dueBody' && /Corporate Parenting Board has no meeting scheduled after 10 March 2026/.test(e.message),
    );
  });
});
