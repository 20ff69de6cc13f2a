import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  div,
  formatShape,
  ones,
  tensor,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal, positive } from '../../helpers/inputs.js';

// Operand shapes: equal, trailing broadcast, size-1 dims on both sides,
// and rank 0 on either side.
const SHAPE_PAIRS: [number[], number[]][] = [
  [
    [2, 3],
    [2, 3],
  ],
  [[3, 4], [4]],
  [
    [2, 1, 3],
    [4, 1],
  ],
  [[], [2, 2]],
  [[2, 2], []],
];

const test = suite('div');

for (const [shapeA, shapeB] of SHAPE_PAIRS) {
  const shapes = `${formatShape(shapeA)} by ${formatShape(shapeB)}`;
  test(`gradcheck passes for ${shapes}`, () => {
    const a = normal(shapeA, 31);
    const b = positive(shapeB, 32);

    assertGradcheck((x, y) => div(x, y), [a, b]);
  });
}

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

test('broadcasts [2, 1, 3] with [4, 1] to [2, 4, 3]', () => {
  assert.equal(div(zeros([2, 1, 3]), ones([4, 1])).shape, [2, 4, 3]);
});

test('keeps rank 0 for two rank-0 operands', () => {
  const out = div(tensor(3), tensor(-4));

  assert.equal(out.shape, []);
  assert.is(out.item(), -0.75); // 3 / -4, exact in binary
});

test('divides [0, 3] by [3] into an empty [0, 3]', () => {
  const b = ones([3], { dtype: 'float64', requiresGrad: true });

  const out = div(zeros([0, 3], { dtype: 'float64' }), b);
  out.backward(zeros([0, 3], { dtype: 'float64' }));

  assert.equal(out.shape, [0, 3]);
  assertClose(b.grad!, zeros([3]), FLOAT64);
});

test('x.div(y) and div(x, y) give the same values', () => {
  const x = normal([2, 3], 33);
  const y = positive([3], 34);

  assertClose(x.div(y), div(x, y), FLOAT64);
});

test('takes a plain number on either side, in the right order', () => {
  const x = tensor([2, -4], { dtype: 'float64', requiresGrad: true });

  const right = div(x, 2);
  const left = div(2, x);
  const method = x.div(2);
  right.add(left).add(method).sum().backward();

  // By hand: x / 2 and 2 / x; the gradient is 1/2 - 2/x² + 1/2.
  assertClose(right, { shape: [2], values: [1, -2] }, FLOAT64);
  assertClose(left, { shape: [2], values: [1, -0.5] }, FLOAT64);
  assertClose(method, { shape: [2], values: [1, -2] }, FLOAT64);
  assertClose(x.grad!, { shape: [2], values: [0.5, 0.875] }, FLOAT64);
});

test('divides int32 by float32 in float32', () => {
  const out = div(tensor([3, 1], { dtype: 'int32' }), tensor([2, 4]));

  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [2], values: [1.5, 0.25] }, FLOAT64); // by hand
});

test('rejects [2, 3] by [4], naming the op and both shapes', () => {
  assertThrows(
    () => div(zeros([2, 3]), ones([4])),
    ShapeError,
    'div: shapes [2, 3] and [4] do not broadcast',
  );
});

test('rejects int32 operands, saying how to convert', () => {
  const a = tensor([1, 2], { dtype: 'int32' });

  const pattern = 'div: expected a float32 or float64 tensor, got int32';
  assertThrows(() => div(a, a), DTypeError, pattern, "x.to('float32')");
  assertThrows(() => a.div(2), DTypeError, pattern);
});

test('rejects an array operand, saying to wrap it with tensor()', () => {
  const arrayOperand = [1, 2] as unknown as Tensor;

  assertThrows(
    () => div(ones([2]), arrayOperand),
    DTypeError,
    'div: expected a Tensor or a number, got an array',
    'Wrap arrays with tensor(...) first.',
  );
});

test.run();
