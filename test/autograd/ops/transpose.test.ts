import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tensor, transpose, zeros } from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const t = suite('transpose');

t('gradcheck: [3, 4] dims 0, 1 and [1, 3] dims 1, 0', () => {
  assertGradcheck((x) => transpose(x, 0, 1), [normal([3, 4], 1)]);
  assertGradcheck((x) => transpose(x, 1, 0), [normal([1, 3], 2)]);
});

t('gradcheck: [2, 3, 4] dims 0, 2 and negative dims -1, -3', () => {
  assertGradcheck((x) => transpose(x, 0, 2), [normal([2, 3, 4], 3)]);
  assertGradcheck((x) => transpose(x, -1, -3), [normal([2, 3, 4], 4)]);
});

t('swaps [[1, 2, 3], [4, 5, 6]] to [[1, 4], [2, 5], [3, 6]]', () => {
  // Expected: the transpose by hand.
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  );
  assert.equal(transpose(x, 0, 1).toArray(), [
    [1, 4],
    [2, 5],
    [3, 6],
  ]);
  assert.equal(transpose(x, -1, 0).toArray(), [
    [1, 4],
    [2, 5],
    [3, 6],
  ]);
});

t('moves element [i, j, k] of [2, 3, 4] to [k, j, i] for dims 0, 2', () => {
  const x = normal([2, 3, 4], 5);
  const v = x.toArray() as number[][][];
  const w = transpose(x, 0, 2).toArray() as number[][][];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 3; j++) {
      for (let k = 0; k < 4; k++) assert.is(w[k]![j]![i], v[i]![j]![k]);
    }
  }
});

t('shares storage with its input and is not contiguous', () => {
  const x = normal([2, 3], 6);
  const y = transpose(x, 0, 1);
  assert.is(y.nd.data, x.nd.data);
  assert.is(y.isContiguous(), false);
});

t('leaves the tensor as it is for the same dim twice', () => {
  const x = normal([2, 3], 7);
  assert.equal(transpose(x, 1, -1).toArray(), x.toArray());
});

t('takes a rank-0 tensor with dims 0, -1 and size-0 [0, 3] to [3, 0]', () => {
  assert.is(transpose(tensor(2), 0, -1).item(), 2);
  assert.equal(transpose(zeros([0, 3]), 0, 1).shape, [3, 0]);
});

t('rejects dim 2 for [2, 3] and dim 1 for rank 0, naming the range', () => {
  assertThrows(
    () => transpose(zeros([2, 3]), 0, 2),
    RangeError,
    'transpose:',
    '[-2, 1]',
    'got 2',
  );
  assertThrows(
    () => transpose(zeros([2, 3]), -3, 0),
    RangeError,
    '[-2, 1]',
    'got -3',
  );
  assertThrows(
    () => transpose(tensor(1), 0, 1),
    RangeError,
    '[-1, 0]',
    'got 1',
  );
});

t.run();
