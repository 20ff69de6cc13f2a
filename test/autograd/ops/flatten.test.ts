import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flatten, tensor, transpose, zeros } from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const f = suite('flatten');

f('gradcheck: all of [2, 3, 4], dims 1..2 and 0..1, and [2, 1, 3]', () => {
  assertGradcheck((x) => flatten(x), [normal([2, 3, 4], 1)]);
  assertGradcheck((x) => flatten(x, 1, 2), [normal([2, 3, 4], 2)]);
  assertGradcheck((x) => flatten(x, 0, 1), [normal([2, 1, 3], 3)]);
});

f('gradcheck: negative dims -2..-1, and a transposed input', () => {
  assertGradcheck((x) => flatten(x, -2, -1), [normal([2, 3, 4], 4)]);
  assertGradcheck((x) => flatten(transpose(x, 0, 2)), [normal([2, 3, 4], 5)]);
});

f(
  'merges dims: [2, 3, 4] becomes [24], [2, 12], [6, 4], and [2, 3, 4] for 1..1',
  () => {
    const x = zeros([2, 3, 4]);
    assert.equal(flatten(x).shape, [24]);
    assert.equal(flatten(x, 1).shape, [2, 12]);
    assert.equal(flatten(x, 0, -2).shape, [6, 4]);
    assert.equal(flatten(x, 1, 1).shape, [2, 3, 4]);
  },
);

f(
  'keeps row-major order: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] becomes 1..8',
  () => {
    const x = tensor([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    assert.equal(flatten(x).toArray(), [1, 2, 3, 4, 5, 6, 7, 8]);
  },
);

f('shares storage with a contiguous input and copies a transposed one', () => {
  const x = normal([2, 3], 6);
  assert.is(flatten(x).nd.data, x.nd.data);
  const t = transpose(
    tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
    0,
    1,
  );
  assert.is.not(flatten(t).nd.data, t.nd.data);
  // Expected: the transpose [[1, 4], [2, 5], [3, 6]] read row by row.
  assert.equal(flatten(t).toArray(), [1, 4, 2, 5, 3, 6]);
});

f('turns rank 0 into [1], and size-0 [2, 0, 3] into [0]', () => {
  assert.equal(flatten(tensor(9)).toArray(), [9]);
  assert.equal(flatten(tensor(9), -1, 0).shape, [1]);
  assert.equal(flatten(zeros([2, 0, 3])).shape, [0]);
  assert.equal(flatten(zeros([2, 0, 3]), 0, 1).shape, [0, 3]);
  assertGradcheck((x) => flatten(x), [tensor(0.5, { dtype: 'float64' })]);
});

f('rejects dim 3 for rank 3 and dim 1 for rank 0, naming the range', () => {
  assertThrows(
    () => flatten(zeros([2, 3, 4]), 0, 3),
    RangeError,
    'flatten:',
    '[-3, 2]',
    'got 3',
  );
  assertThrows(
    () => flatten(zeros([2, 3, 4]), -4),
    RangeError,
    '[-3, 2]',
    'got -4',
  );
  assertThrows(
    () => flatten(tensor(1), 1),
    RangeError,
    'flatten:',
    '[-1, 0]',
    'got 1',
  );
});

f('rejects startDim after endDim: 2, 1 for rank 3', () => {
  assertThrows(
    () => flatten(zeros([2, 3, 4]), 2, 1),
    RangeError,
    'flatten:',
    'startDim 2 comes after endDim 1',
  );
});

f.run();
