import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShapeError, expand, tensor, zeros } from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const e = suite('expand');

e('gradcheck: [3, 1] to [3, 4] and [2, 1, 3] to [4, 2, 5, 3]', () => {
  assertGradcheck((x) => expand(x, [3, 4]), [normal([3, 1], 1)]);
  assertGradcheck((x) => expand(x, [4, 2, 5, 3]), [normal([2, 1, 3], 2)]);
});

e(
  'gradcheck: rank 0 to [2, 3], and -1 keeping sizes: [1, 3] to [2, -1]',
  () => {
    assertGradcheck(
      (x) => expand(x, [2, 3]),
      [tensor(0.5, { dtype: 'float64' })],
    );
    assertGradcheck((x) => expand(x, [2, -1]), [normal([1, 3], 3)]);
  },
);

e('repeats [[1], [2]] to [[1, 1, 1], [2, 2, 2]] with stride 0', () => {
  const y = expand(tensor([[1], [2]], { dtype: 'float64' }), [2, 3]);
  assert.equal(y.toArray(), [
    [1, 1, 1],
    [2, 2, 2],
  ]);
  assert.is(y.nd.stride[1], 0);
});

e('adds new leading dims: [3] to [2, 3] repeats the row', () => {
  const x = tensor([1, 2, 3], { dtype: 'float64' });
  assert.equal(expand(x, [2, 3]).toArray(), [
    [1, 2, 3],
    [1, 2, 3],
  ]);
});

e('shares storage with its input', () => {
  const x = normal([3, 1], 4);
  const y = expand(x, [2, 3, 5]);
  assert.is(y.nd.data, x.nd.data);
  x.nd.data[1] = 42;
  const seen = y.toArray() as number[][][];
  assert.is(seen[1]![1]![4], 42, 'a write to x shows through y');
});

e('sums the gradient over every repeated dim: [2, 1] to [3, 2, 4]', () => {
  const x = zeros([2, 1], { dtype: 'float64', requiresGrad: true });
  expand(x, [3, 2, 4]).sum().backward();
  // Expected: each element is read 3 · 4 = 12 times.
  assertClose(x.grad!, { shape: [2, 1], values: [12, 12] }, FLOAT64);
});

e('expands a size-1 dim to 0: [1, 3] to [0, 3]', () => {
  assert.equal(expand(zeros([1, 3]), [0, 3]).shape, [0, 3]);
  assert.equal(expand(zeros([1, 3]), [2, 0, 3]).shape, [2, 0, 3]);
});

e('rejects growing a dim that is not 1: [3] to [4], naming the dim', () => {
  assertThrows(
    () => expand(zeros([3]), [4]),
    ShapeError,
    'expand:',
    'cannot expand shape [3] to [4] (dim 0)',
    'Only size-1 dims can grow',
  );
  assertThrows(
    () => expand(zeros([2, 3]), [2, 2]),
    ShapeError,
    '[2, 3] to [2, 2] (dim 1)',
  );
});

e('rejects fewer dims than the input and -1 for a new dim', () => {
  assertThrows(
    () => expand(zeros([2, 3]), [3]),
    ShapeError,
    'cannot expand shape [2, 3] to [3]',
  );
  assertThrows(
    () => expand(zeros([3]), [-1, 3]),
    ShapeError,
    '[3] to [-1, 3] (dim 0)',
  );
});

e.run();
