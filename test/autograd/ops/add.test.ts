import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { add, ones, tensor, zeros } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal } from '../../helpers/inputs.js';

const test = suite('add');

binaryOpSuite(test, {
  name: 'add',
  fn: add,
  gradcheckInputs: (shapeA, shapeB) => [normal(shapeA, 1), normal(shapeB, 2)],
  methodInputs: () => [normal([2, 3], 3), normal([3], 4)],
  rank0: { a: 1.5, b: 2, want: 3.5 }, // 1.5 + 2, exact in binary
  // 1 + 0.5 and 2 + 0.5, by hand; x is used three times.
  plainNumber: {
    x: [1, 2],
    number: 0.5,
    right: [1.5, 2.5],
    left: [1.5, 2.5],
    grad: [3, 3],
  },
  int32: { a: [1, -2], b: [3, 4], want: [4, 2] }, // by hand
});

test('adds [2, 3] and [3] row by row', () => {
  const a = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([10, 20, 30], { dtype: 'float64' });

  // Sums by hand: b added to each row of a.
  const want = { shape: [2, 3], values: [11, 22, 33, 14, 25, 36] };
  assertClose(add(a, b), want, FLOAT64);
});

test('adds fractions in float32 within float32 tolerance', () => {
  const a = tensor([0.1, -2.5, 1e3]);
  const b = tensor([0.2, 0.75, 1e-3]);

  // Sums by hand, in decimal.
  const want = { shape: [3], values: [0.3, -1.75, 1000.001] };
  assertClose(add(a, b), want, FLOAT32);
  assert.is(add(a, b).dtype, 'float32');
});

test('sums the gradient of b [3] over the rows of a [2, 3]', () => {
  const a = zeros([2, 3], { dtype: 'float64', requiresGrad: true });
  const b = zeros([3], { dtype: 'float64', requiresGrad: true });

  add(a, b).sum().backward();

  // d sum(a + b) / da = 1 everywhere; each b[j] is used by 2 rows.
  assertClose(a.grad!, ones([2, 3]), FLOAT64);
  assertClose(b.grad!, { shape: [3], values: [2, 2, 2] }, FLOAT64);
});

test('accumulates both uses of a tensor added to itself', () => {
  const x = tensor([1, -1], { dtype: 'float64', requiresGrad: true });

  x.add(x).sum().backward();

  // d(x + x)/dx = 2
  assertClose(x.grad!, { shape: [2], values: [2, 2] }, FLOAT64);
});

test('broadcasts [0, 1] with [1, 4] to [0, 4]', () => {
  assert.equal(add(zeros([0, 1]), zeros([1, 4])).shape, [0, 4]);
});

test('promotes float32 with float64 to float64', () => {
  const out = add(tensor([1]), tensor([2], { dtype: 'float64' }));

  assert.is(out.dtype, 'float64');
});

test.run();
