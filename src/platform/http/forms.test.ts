import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { parseForm, readDateInput, todayInLondon } from './forms.js';

test('a GOV.UK date input becomes an ISO date', () => {
  assert.deepEqual(readDateInput({ 'd-day': '7', 'd-month': '11', 'd-year': '2018' }, 'd', 'the meeting date'), { value: '2018-11-07' });
});

test('date input errors say what is wrong, as the Design System words them', () => {
  assert.equal(readDateInput({}, 'd', 'the meeting date').error, 'Enter the meeting date');
  assert.equal(readDateInput({}, 'd', 'the due date', false).error, undefined);
  assert.equal(readDateInput({ 'd-day': '7', 'd-year': '2018' }, 'd', 'the meeting date').error, 'The meeting date must include a month');
  assert.equal(readDateInput({ 'd-day': '31', 'd-month': '6', 'd-year': '2020' }, 'd', 'the meeting date').error, 'The meeting date must be a real date');
  assert.equal(readDateInput({ 'd-day': '29', 'd-month': '2', 'd-year': '2019' }, 'd', 'the meeting date').error, 'The meeting date must be a real date');
  assert.equal(readDateInput({ 'd-day': '1', 'd-month': '2', 'd-year': '20' }, 'd', 'the meeting date').error, 'The meeting date must be a real date');
});

test('parseForm keys the first error of each field by its id', () => {
  const schema = z.object({ name: z.string().min(1, 'Enter a name'), age: z.coerce.number().int('Age must be a whole number') });
  const r = parseForm(schema, { name: '', age: '1.5' });
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.errors, { name: 'Enter a name', age: 'Age must be a whole number' });
});

test('today is the date in London, not UTC', () => {
  // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
  assert.equal(todayInLondon(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
  assert.equal(todayInLondon(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
});
