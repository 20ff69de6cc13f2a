import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  formatShape,
  mul,
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
import { normal } from '../../helpers/inputs.js';

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

const test = suite('mul');

for (const [shapeA, shapeB] of SHAPE_PAIRS) {
  const shapes = `${formatShape(shapeA)} with ${formatShape(shapeB)}`;
  test(`gradcheck passes for ${shapes}`, () => {
    const a = normal(shapeA, 21);
    const b = normal(shapeB, 22);

    assertGradcheck((x, y) => mul(x, y), [a, b]);
  });
}

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

test('broadcasts [2, 1, 3] with [4, 1] to [2, 4, 3]', () => {
  assert.equal(mul(zeros([2, 1, 3]), zeros([4, 1])).shape, [2, 4, 3]);
});

test('keeps rank 0 for two rank-0 operands', () => {
  const out = mul(tensor(1.5), tensor(-4));

  assert.equal(out.shape, []);
  assert.is(out.item(), -6); // 1.5 · -4, exact in binary
});

test('multiplies [0, 3] by [3] into an empty [0, 3]', () => {
  const b = ones([3], { dtype: 'float64', requiresGrad: true });

  const out = mul(zeros([0, 3], { dtype: 'float64' }), b);
  out.backward(zeros([0, 3], { dtype: 'float64' }));

  assert.equal(out.shape, [0, 3]);
  assertClose(b.grad!, zeros([3]), FLOAT64);
});

test('multiplies int32 tensors in int32', () => {
  const a = tensor([3, -2], { dtype: 'int32' });
  const b = tensor([4, 5], { dtype: 'int32' });

  const out = mul(a, b);

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [12, -10]); // by hand
});

test('x.mul(y) and mul(x, y) give the same values', () => {
  const x = normal([2, 3], 23);
  const y = normal([3], 24);

  assertClose(x.mul(y), mul(x, y), FLOAT64);
});

test('takes a plain number on either side', () => {
  const x = tensor([1, -2], { dtype: 'float64', requiresGrad: true });

  const right = mul(x, 3);
  const left = mul(3, x);
  const method = x.mul(3);
  right.add(left).add(method).sum().backward();

  // By hand: 3x, and a gradient of 3 from each of the three uses.
  const want = { shape: [2], values: [3, -6] };
  assertClose(right, want, FLOAT64);
  assertClose(left, want, FLOAT64);
  assertClose(method, want, FLOAT64);
  assertClose(x.grad!, { shape: [2], values: [9, 9] }, FLOAT64);
});

test('rejects [2, 3] with [4], naming the op and both shapes', () => {
  assertThrows(
    () => mul(zeros([2, 3]), zeros([4])),
    ShapeError,
    'mul: shapes [2, 3] and [4] do not broadcast',
  );
});

test('rejects an array operand, saying to wrap it with tensor()', () => {
  const arrayOperand = [1, 2] as unknown as Tensor;

  assertThrows(
    () => mul(arrayOperand, zeros([2])),
    DTypeError,
    'mul: expected a Tensor or a number, got an array',
    'Wrap arrays with tensor(...) first.',
  );
});

test.run();
