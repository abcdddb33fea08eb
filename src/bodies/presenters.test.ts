import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { partitionMembers, rangesOverlap, reviewIsDue, slugify, uniqueSlug } from './presenters.js';
import { checkBodyInput } from './validation.js';

describe('bodies: slugs, memberships and the body rules', () => {
  test('slugs come from the name and are unique', () => {
    assert.equal(slugify('Multi-Agency Looked After Partnership (MALAP)'), 'multi-agency-looked-after-partnership-malap');
    assert.equal(slugify('Health & Well-being: Children’s Group'), 'health-and-well-being-childrens-group');
    assert.equal(slugify('Émotional Héalth'), 'emotional-health');
    assert.equal(slugify('!!!'), 'group');
    assert.equal(uniqueSlug('malap', ['malap', 'malap-2']), 'malap-3');
    assert.equal(uniqueSlug('new', [], ['new']), 'new-2');
    assert.equal(uniqueSlug('fresh', ['malap']), 'fresh');
  });

  test('date ranges overlap inclusively, an open end runs for ever', () => {
    assert.equal(rangesOverlap('2026-01-01', '2026-02-28', '2026-03-01', null), false);
    assert.equal(rangesOverlap('2026-01-01', '2026-03-01', '2026-03-01', null), true);
    assert.equal(rangesOverlap('2026-01-01', null, '2030-01-01', '2030-02-01'), true);
    assert.equal(rangesOverlap('2030-01-01', null, '2026-01-01', '2026-12-31'), false);
  });

  test('members are current, joining or past on a date; chair and vice chair are current ones', () => {
    const rows = [
      { id: 1, role: 'chair' as const, start_date: '2024-01-01', end_date: '2026-03-31', name: 'A' },
      { id: 2, role: 'chair' as const, start_date: '2026-04-01', end_date: null, name: 'B' },
      { id: 3, role: 'vice-chair' as const, start_date: '2027-01-01', end_date: null, name: 'C' },
      { id: 4, role: 'member' as const, start_date: '2025-01-01', end_date: '2026-06-01', name: 'D' },
    ];
    const p = partitionMembers(rows, '2026-06-01');
    assert.deepEqual(p.current.map((m) => m.id), [2, 4], 'a membership ending today is still current');
    assert.deepEqual(p.future.map((m) => m.id), [3]);
    assert.deepEqual(p.past.map((m) => m.id), [1]);
    assert.equal(p.chair?.name, 'B');
    assert.equal(p.viceChair, null);
    assert.equal(p.current[0]!.roleLabel, 'Chair');
  });

  test('terms of reference are due for review the day after the review date', () => {
    assert.equal(reviewIsDue('2026-06-01', '2026-06-01'), false);
    assert.equal(reviewIsDue('2026-06-01', '2026-06-02'), true);
    assert.equal(reviewIsDue(null, '2026-06-02'), false);
  });

  test('body rules: name and kind required, task and finish groups report to a body, dates in order, quorum a positive whole number', () => {
    const { errors } = checkBodyInput({ name: ' ', kind: 'task-and-finish', parentId: null, startDate: '2026-05-01', endDate: '2026-04-30', quorum: 0 });
    assert.deepEqual(Object.keys(errors).sort(), ['endDate', 'name', 'parentId', 'quorum']);
    assert.equal(checkBodyInput({ name: 'X', kind: 'committee', parentId: null }).errors.kind, 'Select what kind of board or group it is');
    assert.equal(checkBodyInput({ name: 'X', kind: 'board', parentId: null, reviewDate: '2026-02-30' }).errors.reviewDate, 'Date must be a real date');
    const ok = checkBodyInput({ name: ' Board ', kind: 'board', parentId: null, quorum: 3, frequency: ' Monthly ' });
    assert.equal(ok.value?.name, 'Board');
    assert.equal(ok.value?.frequency, 'Monthly');
    assert.equal(ok.value?.quorum, 3);
  });
});
