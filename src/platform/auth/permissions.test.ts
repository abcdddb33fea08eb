import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { srcDir } from '../views/nunjucks.js';
import { can, permissionsMarkdown, PERMISSIONS } from './permissions.js';

test('docs/permissions.md holds exactly the matrix that is enforced', () => {
  const doc = fs.readFileSync(path.join(srcDir, '../docs/permissions.md'), 'utf8');
  assert.ok(doc.includes(permissionsMarkdown()), 'docs/permissions.md is out of date: run `npm run docs:permissions`');
});

test('only analysts see exact small numbers and import returns', () => {
  for (const role of ['admin', 'chair', 'member', 'officer', 'partner', 'young-person', 'public'] as const) {
    assert.equal(can(role, 'performance:exact'), false, role);
    assert.equal(can(role, 'performance:import'), false, role);
  }
  assert.equal(can('analyst', 'performance:exact'), true);
});

test('the public reads only the public site', () => {
  const publicPermissions = Object.keys(PERMISSIONS).filter((p) => can('public', p as keyof typeof PERMISSIONS));
  assert.deepEqual(publicPermissions, ['public:read']);
});

test('only administrators manage users and read the audit trail', () => {
  for (const role of ['chair', 'member', 'officer', 'analyst', 'partner', 'young-person', 'public'] as const) {
    assert.equal(can(role, 'users:manage'), false);
    assert.equal(can(role, 'audit:read'), false);
  }
  assert.equal(can('admin', 'users:manage'), true);
  assert.equal(can('admin', 'audit:read'), true);
});
