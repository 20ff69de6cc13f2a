import { suite } from 'uvu';
import { ones, sub, tensor, zeros } from '../../../src/index.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal } from '../../helpers/inputs.js';

const test = suite('sub');

binaryOpSuite(test, {
  name: 'sub',
  fn: sub,
  gradcheckInputs: (shapeA, shapeB) => [normal(shapeA, 11), normal(shapeB, 12)],
  methodInputs: () => [normal([2, 3], 13), normal([3], 14)],
  rank0: { a: 1.5, b: 2, want: -0.5 }, // 1.5 - 2, exact in binary
  // By hand: x - 0.5 and 0.5 - x; the gradient is 1 - 1 + 1.
  plainNumber: {
    x: [1, 2],
    number: 0.5,
    right: [0.5, 1.5],
    left: [-0.5, -1.5],
    grad: [1, 1],
  },
  int32: { a: [1, -2], b: [3, 4], want: [-2, -6] }, // by hand
});

test('subtracts [3] from each row of [2, 3]', () => {
  const a = tensor(
    [
      [5, 7, 9],
      [1, 2, 3],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([1, 2, 3], { dtype: 'float64' });

  // Differences by hand.
  const want = { shape: [2, 3], values: [4, 5, 6, 0, 0, 0] };
  assertClose(sub(a, b), want, FLOAT64);
});

test('gives b [3] minus the row count as gradient against a [2, 3]', () => {
  const a = zeros([2, 3], { dtype: 'float64', requiresGrad: true });
  const b = zeros([3], { dtype: 'float64', requiresGrad: true });

  sub(a, b).sum().backward();

  // d sum(a - b)/da = 1; d/db = -1 for each of the 2 rows using b[j].
  assertClose(a.grad!, ones([2, 3]), FLOAT64);
  assertClose(b.grad!, { shape: [3], values: [-2, -2, -2] }, FLOAT64);
});

test('gives 0 and a zero gradient for a tensor minus itself', () => {
  const x = tensor([1.5, -3], { dtype: 'float64', requiresGrad: true });

  const out = x.sub(x);
  out.sum().backward();

  // x - x = 0 and d(x - x)/dx = 1 - 1 = 0
  assertClose(out, zeros([2]), FLOAT64);
  assertClose(x.grad!, zeros([2]), FLOAT64);
});

test.run();
