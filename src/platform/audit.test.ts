import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diff } from './audit.js';

test('diff keeps only the changed fields, with from and to', () => {
  assert.deepEqual(diff({ name: 'A', role: 'member', version: 1 }, { name: 'A', role: 'chair', version: 2 }), { role: { from: 'member', to: 'chair' } });
});

test('a create records every field; secrets are marked changed without their values', () => {
  assert.deepEqual(diff(null, { name: 'A', password_hash: '$argon2id$...' }), { name: { from: null, to: 'A' }, password_hash: { changed: true } });
});

test('dates are compared by value', () => {
  assert.deepEqual(diff({ at: new Date('2026-01-01T00:00:00Z') }, { at: new Date('2026-01-01T00:00:00Z') }), {});
});
