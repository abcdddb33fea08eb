import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ragFor } from './rag.js';

test('higher is better: at or above target is green, within tolerance amber, below red', () => {
  assert.equal(ragFor(90, 90, 5, 'higher'), 'green');
  assert.equal(ragFor(95, 90, 5, 'higher'), 'green');
  assert.equal(ragFor(89.9, 90, 5, 'higher'), 'amber');
  assert.equal(ragFor(85, 90, 5, 'higher'), 'amber');
  assert.equal(ragFor(84.9, 90, 5, 'higher'), 'red');
});

test('lower is better is the mirror image', () => {
  assert.equal(ragFor(10, 10, 2, 'lower'), 'green');
  assert.equal(ragFor(8, 10, 2, 'lower'), 'green');
  assert.equal(ragFor(11, 10, 2, 'lower'), 'amber');
  assert.equal(ragFor(12, 10, 2, 'lower'), 'amber');
  assert.equal(ragFor(12.1, 10, 2, 'lower'), 'red');
});

test('zero or missing tolerance: anything worse than target is red', () => {
  assert.equal(ragFor(89, 90, 0, 'higher'), 'red');
  assert.equal(ragFor(11, 10, null, 'lower'), 'red');
});

test('no polarity, no value or no target: no RAG', () => {
  assert.equal(ragFor(50, 40, 5, 'none'), null);
  assert.equal(ragFor(null, 40, 5, 'higher'), null);
  assert.equal(ragFor(50, null, 5, 'lower'), null);
});
