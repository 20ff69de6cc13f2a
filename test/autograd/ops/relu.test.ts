import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { relu, tensor } from '../../../src/index.js';
import { observeAllocations } from '../../../src/tensor/dtype.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { awayFromZero } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('relu');

unaryOpSuite(test, {
  name: 'relu',
  fn: relu,
  gradcheckInput: (shape) => awayFromZero(shape, 211),
  domain: 'away from 0',
  methodInput: () => awayFromZero([2, 3], 212),
  rank0: { x: -2.5, want: 0 }, // max(-2.5, 0)
  plainNumber: { x: 0.5, want: 0.5 }, // max(0.5, 0)
  int32: { x: [3, -4, 0], want: [3, 0, 0] }, // by hand
});

test('zeroes negatives and keeps positives in float64 and float32', () => {
  const values = [-2, 0, 1.5, -0.25];

  // max(x, 0) by hand.
  const want = { shape: [4], values: [0, 0, 1.5, 0] };
  assertClose(relu(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(relu(tensor(values)), want, FLOAT64);
});

test('gives 1 above 0 and 0 at and below 0 as gradient', () => {
  const x = tensor([3, -1, 0], { dtype: 'float64', requiresGrad: true });

  x.relu().sum().backward();

  // PyTorch's convention: 0 at exactly 0.
  assertClose(x.grad!, { shape: [3], values: [1, 0, 0] }, FLOAT64);
});

test('allocates only dx [4] in backward, no array of derivatives', () => {
  const x = tensor([-1, 2, 3, -4], { requiresGrad: true });
  const y = relu(x);
  const dy = tensor([1, 1, 1, 1]);
  const sizes: number[] = [];

  observeAllocations((_, size) => sizes.push(size));
  try {
    y.backward(dy);
  } finally {
    observeAllocations(null);
  }

  assert.equal(sizes, [4]);
  // Expected: 1 where x > 0, by hand.
  assert.equal([...x.grad!.values()], [0, 1, 1, 0]);
});

test.run();
