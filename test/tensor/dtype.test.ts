import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DTypeError } from '../../src/index.js';
import {
  INT32_MAX,
  INT32_MIN,
  MAX_SIZE,
  allocate,
  checkInt32,
  isInt32,
} from '../../src/tensor/dtype.js';
import { assertThrows } from '../helpers/assert-close.js';

// The int32 range is [-2^31, 2^31 - 1] by definition of the type.

const range = suite('checkInt32');

range('passes whole numbers in [-2^31, 2^31 - 1], the ends included', () => {
  for (const v of [0, -1, INT32_MIN, INT32_MAX]) checkInt32('f', v);
  assert.is(INT32_MIN, -(2 ** 31));
  assert.is(INT32_MAX, 2 ** 31 - 1);
});

range(
  'refuses 2^31 and -2^31 - 1 with a RangeError naming op and value',
  () => {
    assertThrows(
      () => checkInt32('full', 2 ** 31),
      RangeError,
      'full: int32 values must lie in [-2147483648, 2147483647], got ' +
        '2147483648. Use a float dtype for larger values.',
    );
    assertThrows(
      () => checkInt32('f', -(2 ** 31) - 1, ' at flat index 2', 'Fix it.'),
      RangeError,
      'got -2147483649 at flat index 2. Fix it.',
    );
  },
);

range('refuses NaN and infinities as out of range', () => {
  assertThrows(() => checkInt32('f', NaN), RangeError, 'got NaN');
  assertThrows(() => checkInt32('f', -Infinity), RangeError, 'got -Infinity');
});

range('refuses 2.5 with a DTypeError: int32 holds whole numbers', () => {
  assertThrows(
    () => checkInt32('tensor', 2.5, ' at flat index 1'),
    DTypeError,
    'tensor: int32 values must be whole numbers, got 2.5 at flat index 1',
  );
});

range.run();

const predicate = suite('isInt32');

predicate('is true exactly for what checkInt32 passes', () => {
  assert.ok(isInt32(INT32_MAX) && isInt32(INT32_MIN) && isInt32(0));
  for (const v of [2 ** 31, -(2 ** 31) - 1, 0.5, NaN, Infinity]) {
    assert.not.ok(isInt32(v), String(v));
  }
});

predicate.run();

const storage = suite('allocate');

storage('refuses more than MAX_SIZE elements with a RangeError', () => {
  assert.is(MAX_SIZE, 2 ** 31 - 1);
  assertThrows(
    () => allocate('float32', 2 ** 31),
    RangeError,
    'allocate: a result of 2147483648 elements is more than the 2147483647',
  );
});

storage.run();
