import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DTypeError, ShapeError } from '../../src/index.js';
import { flattenNested } from '../../src/tensor/nested.js';
import type { NestedArray } from '../../src/tensor/tensor.js';
import { assertThrows } from '../helpers/assert-close.js';

// Expected values are the inputs read row by row.

const NAMES = { ragged: 'ragged nested array', arrays: 'nested arrays' };
const read = (value: unknown): { flat: number[]; shape: number[] } =>
  flattenNested('f', NAMES, value as NestedArray[]);

const nested = suite('flattenNested');

nested('reads [[1, 2, 3], [4, 5, 6]] as shape [2, 3], row-major', () => {
  assert.equal(
    read([
      [1, 2, 3],
      [4, 5, 6],
    ]),
    { flat: [1, 2, 3, 4, 5, 6], shape: [2, 3] },
  );
});

nested('refuses holes where numbers belong, naming the position', () => {
  assertThrows(
    () => read([, 1]),
    DTypeError,
    'f: nested arrays must hold numbers, got an empty slot (a hole, as in ' +
      '[, 1]) at [0]',
  );
  assertThrows(
    () =>
      read([
        [1, 2],
        [3, ,],
      ]),
    DTypeError,
    'empty slot',
    'at [1, 1]',
  );
});

nested('refuses a hole where a row belongs as ragged', () => {
  assertThrows(
    () => read([[1], , [2]]),
    ShapeError,
    'f: ragged nested array: expected length 1 at [1], got an empty slot',
  );
});

nested('refuses an explicit undefined as not a number', () => {
  assertThrows(
    () => read([1, undefined]),
    DTypeError,
    'f: nested arrays must hold numbers, got undefined at [1]',
  );
});

nested('refuses rows of different lengths, naming the first short one', () => {
  assertThrows(
    () => read([[1, 2], [3]]),
    ShapeError,
    'f: ragged nested array: expected length 2 at [1], got length 1',
  );
});

nested.run();
