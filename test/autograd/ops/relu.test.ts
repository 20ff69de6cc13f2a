import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  relu,
  tensor,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import { observeAllocations } from '../../../src/tensor/dtype.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { awayFromZero } from '../../helpers/inputs.js';

const test = suite('relu');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)} away from 0`, () => {
    assertGradcheck((x) => relu(x), [awayFromZero(shape, 211)]);
  });
}

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

test('takes int32 to int32', () => {
  const out = relu(tensor([3, -4, 0], { dtype: 'int32' }));

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [3, 0, 0]); // by hand
});

test('keeps a rank-0 input rank 0', () => {
  const out = relu(tensor(-2.5, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0); // max(-2.5, 0)
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(relu(zeros([0, 3])).shape, [0, 3]);
});

test('x.relu() and relu(x) give the same values', () => {
  const x = awayFromZero([2, 3], 212);

  assertClose(x.relu(), relu(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = relu(0.5);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assert.is(out.item(), 0.5); // max(0.5, 0)
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => relu([1, 2] as unknown as Tensor),
    DTypeError,
    'relu: expected a Tensor or a number, got an array',
  );
});

test.run();
