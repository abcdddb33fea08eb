import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ROLES } from '../platform/auth/roles.js';
import { canManageActions, canSetStatus, canUpdateAction, ownsAction } from './policy.js';

const me = { id: 7, organisation_id: 3 };
const mine = { owner_person_id: 7, owner_organisation_id: null };
const myOrganisations = { owner_person_id: null, owner_organisation_id: 3 };
const someoneElses = { owner_person_id: 8, owner_organisation_id: null };
const anotherOrganisations = { owner_person_id: null, owner_organisation_id: 4 };

describe('actions policy', () => {
  test('administrators and chairs may update any action', () => {
    for (const role of ['admin', 'chair'] as const) {
      assert.ok(canUpdateAction({ role }, null, someoneElses));
      assert.ok(canUpdateAction({ role }, me, anotherOrganisations));
    }
  });
  test('officers and partners may update only their own or their organisation\'s actions', () => {
    for (const role of ['officer', 'partner'] as const) {
      assert.ok(canUpdateAction({ role }, me, mine));
      assert.ok(canUpdateAction({ role }, me, myOrganisations));
      assert.ok(!canUpdateAction({ role }, me, someoneElses));
      assert.ok(!canUpdateAction({ role }, me, anotherOrganisations));
      assert.ok(!canUpdateAction({ role }, null, mine), 'no person record, no ownership');
    }
  });
  test('roles without actions:update may not update even their own actions', () => {
    for (const role of ['member', 'analyst', 'young-person'] as const) assert.ok(!canUpdateAction({ role }, me, mine));
    assert.ok(!canUpdateAction(null, me, mine));
  });
  test('ownership: a person with no organisation does not own organisation actions', () => {
    assert.ok(!ownsAction({ id: 7, organisation_id: null }, { owner_person_id: null, owner_organisation_id: 3 }));
  });
  test('only managers cancel; every updater may set the other statuses', () => {
    for (const role of ROLES) {
      assert.equal(canSetStatus({ role }, 'cancelled'), role === 'admin');
      assert.ok(canSetStatus({ role }, 'complete'));
    }
    assert.equal(canManageActions({ role: 'admin' }), true);
    assert.equal(canManageActions({ role: 'chair' }), false);
  });
});
