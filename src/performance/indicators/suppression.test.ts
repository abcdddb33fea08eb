import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percent, suppressBreakdown, suppressCount, suppressRatio } from './suppression.js';
import { divHalfUp, divHalfUp1dp, floorDiv } from './rounding.js';

test('counts from 1 to 5 are c; 0 is 0; null stays null', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 100, null].map(suppressCount), [0, 'c', 'c', 'c', 'c', 'c', 6, 100, null]);
});

test('a percentage or mean is c when its numerator or denominator is from 1 to 5', () => {
  assert.equal(suppressRatio(3, 100, 3), 'c'); //    numerator small
  assert.equal(suppressRatio(10, 5, 200), 'c'); //   denominator small
  assert.equal(suppressRatio(0, 10, 0), 0); //       0 is not small
  assert.equal(suppressRatio(6, 6, 100), 100);
  assert.equal(suppressRatio(40, 7, 5.7), 5.7);
  assert.equal(suppressRatio(0, 0, null), null); //  not computed: nothing to show
});

test('secondary suppression: exactly one c → the next smallest cell is c too, ties to the first', () => {
  const keys = (values: number[]) => values.map((value, i) => ({ key: `k${i}`, value }));
  const shown = (values: number[]) => suppressBreakdown(keys(values)).map((c) => c.shown);
  // 3 is c; the next smallest are the two 7s: the first one goes; 0 stays 0
  assert.deepEqual(shown([10, 3, 7, 7, 0]), [10, 'c', 'c', 7, 0]);
  assert.deepEqual(shown([8, 3, 8]), ['c', 'c', 8]);
  // two c already: nothing more
  assert.deepEqual(shown([2, 4, 10]), ['c', 'c', 10]);
  // no c: nothing
  assert.deepEqual(shown([6, 0, 9]), [6, 0, 9]);
  // the only other cells are 0: a 0 is never the "next smallest" (it is smaller), nothing more
  assert.deepEqual(shown([3, 0, 0]), ['c', 0, 0]);
  // keys are kept in order
  assert.deepEqual(suppressBreakdown([{ key: 'a', value: 12 }, { key: 'b', value: 1 }]), [
    { key: 'a', shown: 'c' }, { key: 'b', shown: 'c' },
  ]);
});

test('percent: whole numbers rounded half up; no denominator, no percentage', () => {
  assert.equal(percent(1, 8), 13); //  12.5 → 13
  assert.equal(percent(1, 40), 3); //  2.5 → 3
  assert.equal(percent(1, 3), 33);
  assert.equal(percent(2, 3), 67);
  assert.equal(percent(0, 7), 0);
  assert.equal(percent(7, 7), 100);
  assert.equal(percent(0, 0), null);
});

test('half-up rounding is exact integer arithmetic', () => {
  assert.equal(divHalfUp1dp(49, 4), 12.3); //  12.25 → 12.3
  assert.equal(divHalfUp1dp(23, 20), 1.2); //  1.15 → 1.2 (1.15 is below 1.15 in binary floating point)
  assert.equal(divHalfUp1dp(229, 20), 11.5); // 11.45 → 11.5
  assert.equal(divHalfUp1dp(-1, 20), 0); //   -0.05 → 0 (towards +∞)
  assert.equal(divHalfUp(5, 2), 3);
  assert.equal(divHalfUp(365, 2), 183);
  assert.equal(divHalfUp(2 ** 50 + 1, 2), 2 ** 49 + 1);
  assert.equal(floorDiv(-7, 2), -4);
  assert.equal(floorDiv(7, 2), 3);
});
