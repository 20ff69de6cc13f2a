import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  add,
  formatShape,
  ones,
  tensor,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import {
  FLOAT32,
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

const test = suite('add');

for (const [shapeA, shapeB] of SHAPE_PAIRS) {
  const shapes = `${formatShape(shapeA)} with ${formatShape(shapeB)}`;
  test(`gradcheck passes for ${shapes}`, () => {
    const a = normal(shapeA, 1);
    const b = normal(shapeB, 2);

    assertGradcheck((x, y) => add(x, y), [a, b]);
  });
}

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

test('broadcasts [2, 1, 3] with [4, 1] to [2, 4, 3]', () => {
  const out = add(zeros([2, 1, 3]), zeros([4, 1]));

  assert.equal(out.shape, [2, 4, 3]);
});

test('keeps rank 0 for two rank-0 operands', () => {
  const out = add(tensor(1.5), tensor(2));

  assert.equal(out.shape, []);
  assert.is(out.item(), 3.5); // 1.5 + 2, exact in binary
});

test('adds [0, 3] and [3] into an empty [0, 3] with a zero gradient', () => {
  const a = zeros([0, 3], { dtype: 'float64', requiresGrad: true });
  const b = ones([3], { dtype: 'float64', requiresGrad: true });

  const out = add(a, b);
  out.backward(zeros([0, 3], { dtype: 'float64' }));

  assert.equal(out.shape, [0, 3]);
  assert.is(out.size, 0);
  // b is used by no element, so its gradient is all zeros.
  assertClose(b.grad!, zeros([3]), FLOAT64);
});

test('broadcasts [0, 1] with [1, 4] to [0, 4]', () => {
  assert.equal(add(zeros([0, 1]), zeros([1, 4])).shape, [0, 4]);
});

test('adds int32 tensors in int32', () => {
  const a = tensor([1, -2], { dtype: 'int32' });
  const b = tensor([3, 4], { dtype: 'int32' });

  const out = add(a, b);

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [4, 2]); // by hand
});

test('promotes float32 with float64 to float64', () => {
  const out = add(tensor([1]), tensor([2], { dtype: 'float64' }));

  assert.is(out.dtype, 'float64');
});

test('x.add(y) and add(x, y) give the same values', () => {
  const x = normal([2, 3], 3);
  const y = normal([3], 4);

  assertClose(x.add(y), add(x, y), FLOAT64);
});

test('takes a plain number on either side', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });

  const right = add(x, 0.5);
  const left = add(0.5, x);
  const method = x.add(0.5);
  right.add(left).add(method).sum().backward();

  // 1 + 0.5 and 2 + 0.5, by hand; x is used three times.
  const want = { shape: [2], values: [1.5, 2.5] };
  assertClose(right, want, FLOAT64);
  assertClose(left, want, FLOAT64);
  assertClose(method, want, FLOAT64);
  assert.is(right.dtype, 'float64');
  assertClose(x.grad!, { shape: [2], values: [3, 3] }, FLOAT64);
});

test('rejects [2, 3] with [4], naming the op and both shapes', () => {
  assertThrows(
    () => add(zeros([2, 3]), zeros([4])),
    ShapeError,
    'add: shapes [2, 3] and [4] do not broadcast',
    'dim 1 of the aligned shapes is 3 against 4',
  );
});

test('rejects an array operand, saying to wrap it with tensor()', () => {
  const arrayOperand = [1, 2] as unknown as Tensor;

  assertThrows(
    () => add(zeros([2]), arrayOperand),
    DTypeError,
    'add: expected a Tensor or a number, got an array',
    'Wrap arrays with tensor(...) first.',
  );
  const pattern = 'add: expected a Tensor';
  assertThrows(() => add(arrayOperand, 1), DTypeError, pattern);
});

test.run();
