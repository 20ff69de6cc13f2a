import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ShapeError,
  narrow,
  reshape,
  tensor,
  transpose,
  zeros,
} from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const r = suite('reshape');

r('gradcheck: [2, 3] to [3, 2], [6] to [1, 2, 1, 3], [2, 1, 3] to [-1]', () => {
  assertGradcheck((x) => reshape(x, [3, 2]), [normal([2, 3], 1)]);
  assertGradcheck((x) => reshape(x, [1, 2, 1, 3]), [normal([6], 2)]);
  assertGradcheck((x) => reshape(x, [-1]), [normal([2, 1, 3], 3)]);
});

r('gradcheck: a transposed (non-contiguous) [3, 2] to [6]', () => {
  assertGradcheck((x) => reshape(transpose(x, 0, 1), [6]), [normal([2, 3], 4)]);
});

r('keeps row-major order: [[1, 2, 3], [4, 5, 6]] as [3, 2]', () => {
  // Expected: the six values read row by row, regrouped in pairs.
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  );
  assert.equal(reshape(x, [3, 2]).toArray(), [
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
});

r(
  'infers one -1: [2, 3, 4] as [-1, 4] is [6, 4], as [2, -1] is [2, 12]',
  () => {
    const x = zeros([2, 3, 4]);
    assert.equal(reshape(x, [-1, 4]).shape, [6, 4]);
    assert.equal(reshape(x, [2, -1]).shape, [2, 12]);
  },
);

r('turns rank 0 into [1, 1] and [1] back into rank 0', () => {
  const x = tensor(7, { dtype: 'float64' });
  assert.equal(reshape(x, [1, 1]).toArray(), [[7]]);
  assert.equal(reshape(tensor([7]), []).shape, []);
  assert.is(reshape(tensor([7]), []).item(), 7);
  assertGradcheck(
    (y) => reshape(y, [1, 1]),
    [tensor(0.5, { dtype: 'float64' })],
  );
});

r('reshapes size-0 [0, 3] to [3, 0] and to [-1] as [0]', () => {
  assert.equal(reshape(zeros([0, 3]), [3, 0]).shape, [3, 0]);
  assert.equal(reshape(zeros([0, 3]), [-1]).shape, [0]);
});

r('views contiguous data: the result shares the input storage', () => {
  const x = normal([2, 3], 5);
  const y = reshape(x, [3, 2]);
  assert.is(y.nd.data, x.nd.data);
  x.nd.data[0] = 42;
  assert.is(y.values()[0], 42, 'a write to x shows through y');
});

r('views a contiguous narrow at its offset: rows 1..2 of [3, 2] as [4]', () => {
  const x = tensor(
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    { dtype: 'float64' },
  );
  const y = reshape(narrow(x, 0, 1, 2), [4]);
  assert.is(y.nd.data, x.nd.data);
  assert.equal(y.toArray(), [3, 4, 5, 6]);
});

r('copies non-contiguous data: a transpose of [2, 3] as [6]', () => {
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  );
  const y = reshape(transpose(x, 0, 1), [6]);
  assert.is.not(y.nd.data, x.nd.data);
  // Expected: the transpose [[1, 4], [2, 5], [3, 6]] read row by row.
  assert.equal(y.toArray(), [1, 4, 2, 5, 3, 6]);
});

r('gives the gradient back in the input shape [2, 3]', () => {
  const x = normal([2, 3], 6).requiresGrad_();
  reshape(x, [3, 2]).backward(
    tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { dtype: 'float64' },
    ),
  );
  assertClose(x.grad!, { shape: [2, 3], values: [1, 2, 3, 4, 5, 6] }, FLOAT64);
});

r('rejects [2, 3] as [4], naming both shapes', () => {
  assertThrows(
    () => reshape(zeros([2, 3]), [4]),
    ShapeError,
    'reshape:',
    'shape [2, 3] (6 elements)',
    'as [4]',
  );
  assertThrows(
    () => reshape(zeros([2, 3]), [-1, 4]),
    ShapeError,
    '[2, 3]',
    '[-1, 4]',
  );
});

r('rejects two -1 sizes and negative or fractional sizes', () => {
  const x = zeros([2, 3]);
  assertThrows(
    () => reshape(x, [-1, -1]),
    ShapeError,
    '[-1, -1]',
    'at most one -1',
  );
  assertThrows(() => reshape(x, [-2, -3]), ShapeError, '[-2, -3]');
  assertThrows(() => reshape(x, [1.5, 4]), ShapeError, '[1.5, 4]');
});

r('rejects [0, -1] for an empty [0, 3]: -1 cannot be inferred', () => {
  // PyTorch refuses too: 0 · n = 0 for every n, so -1 is ambiguous.
  assertThrows(
    () => reshape(zeros([0, 3]), [0, -1]),
    ShapeError,
    'reshape: cannot infer -1 in [0, -1] for a tensor of 0 elements',
    '(shape [0, 3])',
    'Write the size you want in place of the -1.',
  );
  assertThrows(
    () => reshape(zeros([2, 0]), [-1, 0, 5]),
    ShapeError,
    'cannot infer -1 in [-1, 0, 5]',
  );
  // Without another 0 the -1 is inferred: 0 / 3 = 0.
  assert.equal(reshape(zeros([0, 3]), [-1, 3]).shape, [0, 3]);
});

r.run();
