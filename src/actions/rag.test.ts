import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ragFor } from './rag.js';

const today = '2026-03-10';

describe('ragFor (the derived RAG of an action)', () => {
  test('complete is done, whatever the due date', () => {
    assert.equal(ragFor({ status: 'complete', dueDate: '2020-01-01' }, today), 'done');
    assert.equal(ragFor({ status: 'complete', dueDate: '2030-01-01' }, today), 'done');
  });
  test('cancelled has no RAG, even when overdue', () => {
    assert.equal(ragFor({ status: 'cancelled', dueDate: '2020-01-01' }, today), null);
  });
  test('overdue (due before today, not complete) is red, whether started or not', () => {
    assert.equal(ragFor({ status: 'not-started', dueDate: '2026-03-09' }, today), 'red');
    assert.equal(ragFor({ status: 'in-progress', dueDate: '2026-03-09' }, today), 'red');
  });
  test('due today is not overdue', () => {
    assert.equal(ragFor({ status: 'in-progress', dueDate: today }, today), 'green');
    assert.equal(ragFor({ status: 'not-started', dueDate: today }, today), 'amber');
  });
  test('not started and due within 14 days is amber; the 15th day is green', () => {
    assert.equal(ragFor({ status: 'not-started', dueDate: '2026-03-24' }, today), 'amber');
    assert.equal(ragFor({ status: 'not-started', dueDate: '2026-03-25' }, today), 'green');
  });
  test('in progress and due within 14 days is green', () => {
    assert.equal(ragFor({ status: 'in-progress', dueDate: '2026-03-11' }, today), 'green');
  });
  test('the 14-day window crosses a month and a year end', () => {
    assert.equal(ragFor({ status: 'not-started', dueDate: '2027-01-07' }, '2026-12-24'), 'amber');
    assert.equal(ragFor({ status: 'not-started', dueDate: '2027-01-08' }, '2026-12-24'), 'green');
  });
});
