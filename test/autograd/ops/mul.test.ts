import { suite } from 'uvu';
import { mul, tensor } from '../../../src/index.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal } from '../../helpers/inputs.js';

const test = suite('mul');

binaryOpSuite(test, {
  name: 'mul',
  fn: mul,
  gradcheckInputs: (shapeA, shapeB) => [normal(shapeA, 21), normal(shapeB, 22)],
  methodInputs: () => [normal([2, 3], 23), normal([3], 24)],
  rank0: { a: 1.5, b: -4, want: -6 }, // 1.5 · -4, exact in binary
  // By hand: 3x, and a gradient of 3 from each of the three uses.
  plainNumber: {
    x: [1, -2],
    number: 3,
    right: [3, -6],
    left: [3, -6],
    grad: [9, 9],
  },
  int32: { a: [3, -2], b: [4, 5], want: [12, -10] }, // by hand
});

test('multiplies each row of [2, 3] by [3]', () => {
  const a = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([10, -1, 0.5], { dtype: 'float64' });

  // Products by hand.
  const want = { shape: [2, 3], values: [10, -2, 1.5, 40, -5, 3] };
  assertClose(mul(a, b), want, FLOAT64);
});

test('gives b [3] the column sums of a [2, 3] as gradient', () => {
  const options = { dtype: 'float64', requiresGrad: true } as const;
  const a = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    options,
  );
  const b = tensor([10, -1, 0.5], options);

  mul(a, b).sum().backward();

  // da = b on every row; db[j] = a[0][j] + a[1][j], by hand.
  const da = { shape: [2, 3], values: [10, -1, 0.5, 10, -1, 0.5] };
  assertClose(a.grad!, da, FLOAT64);
  assertClose(b.grad!, { shape: [3], values: [5, 7, 9] }, FLOAT64);
});

test('accumulates both uses of a tensor multiplied by itself', () => {
  const x = tensor([3, -0.5], { dtype: 'float64', requiresGrad: true });

  x.mul(x).sum().backward();

  // d(x · x)/dx = 2x
  assertClose(x.grad!, { shape: [2], values: [6, -1] }, FLOAT64);
});

test.run();
