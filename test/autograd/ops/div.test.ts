import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { div, ones, tensor } from '../../../src/index.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal, positive } from '../../helpers/inputs.js';

const test = suite('div');

binaryOpSuite(test, {
  name: 'div',
  fn: div,
  // A divisor well away from 0.
  gradcheckInputs: (shapeA, shapeB) => [
    normal(shapeA, 31),
    positive(shapeB, 32),
  ],
  methodInputs: () => [normal([2, 3], 33), positive([3], 34)],
  fill: { b: ones },
  rank0: { a: 3, b: -4, want: -0.75 }, // 3 / -4, exact in binary
  // By hand: x / 2 and 2 / x; the gradient is 1/2 - 2/x² + 1/2.
  plainNumber: {
    x: [2, -4],
    number: 2,
    right: [1, -2],
    left: [1, -0.5],
    grad: [0.5, 0.875],
  },
  int32: 'rejected',
});

test('divides each row of [2, 3] by [3]', () => {
  const a = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([2, 4, 0.5], { dtype: 'float64' });

  // Quotients by hand.
  const want = { shape: [2, 3], values: [0.5, 0.5, 6, 2, 1.25, 12] };
  assertClose(div(a, b), want, FLOAT64);
});

test('gives a [2, 3] and b [3] the hand-computed gradients', () => {
  const options = { dtype: 'float64', requiresGrad: true } as const;
  const a = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    options,
  );
  const b = tensor([2, 4, 0.5], options);

  div(a, b).sum().backward();

  // da = 1/b; db[j] = -(a[0][j] + a[1][j]) / b[j]², by hand:
  // -5/4, -7/16, -9/0.25.
  const da = { shape: [2, 3], values: [0.5, 0.25, 2, 0.5, 0.25, 2] };
  assertClose(a.grad!, da, FLOAT64);
  assertClose(b.grad!, { shape: [3], values: [-1.25, -0.4375, -36] }, FLOAT64);
});

test('gives ±Infinity and NaN for division by zero, as IEEE 754 says', () => {
  const out = div(tensor([1, -1, 0], { dtype: 'float64' }), 0);

  // IEEE 754: 1/0 = Infinity, -1/0 = -Infinity, 0/0 = NaN.
  assertClose(out, { shape: [3], values: [Infinity, -Infinity, NaN] }, FLOAT64);
});

test('divides int32 by float32 in float32', () => {
  const out = div(tensor([3, 1], { dtype: 'int32' }), tensor([2, 4]));

  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [2], values: [1.5, 0.25] }, FLOAT64); // by hand
});

test.run();
