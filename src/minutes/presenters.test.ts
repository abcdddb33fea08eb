import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minutesStatusText, personLine } from './presenters.js';
import { approvalResolutionText } from './service.js';

test('attendance lines read as the seeds write them', () => {
  const base = { typed_name: '', person_name: 'Councillor Alex Morgan', job_title: 'Councillor', note: '', substitute_for_name: null };
  assert.equal(personLine({ ...base, note: 'Chair' }, false), 'Councillor Alex Morgan (Chair)');
  assert.equal(personLine({ ...base, substitute_for_name: 'Councillor Nadia Rahman' }, false), 'Councillor Alex Morgan (substitute for Councillor Nadia Rahman)');
  assert.equal(personLine({ ...base, person_name: 'Helen Ward', job_title: "Executive Director of Children's Care" }, true), "Helen Ward, Executive Director of Children's Care");
  assert.equal(personLine({ ...base, person_name: null, typed_name: 'Amy Carter, Team Manager', job_title: null }, true), 'Amy Carter, Team Manager');
});

test('the minutes status: draft until approved, then the date of approval', () => {
  assert.equal(minutesStatusText({ status: 'minutes-drafted', minutes_approved_on: null }), 'Draft minutes');
  assert.equal(minutesStatusText({ status: 'held', minutes_approved_on: null }), 'Draft minutes');
  assert.equal(minutesStatusText({ status: 'minutes-approved', minutes_approved_on: '2019-01-09' }), 'Approved on 9 January 2019');
});

test('the approval resolution names the earlier meeting in words', () => {
  assert.equal(approvalResolutionText('2018-11-07'), 'That the minutes of the meeting held on 7 November 2018 be approved as a correct record.');
});
