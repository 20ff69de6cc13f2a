import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  formatShape,
  ones,
  sub,
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

const test = suite('sub');

for (const [shapeA, shapeB] of SHAPE_PAIRS) {
  const shapes = `${formatShape(shapeA)} with ${formatShape(shapeB)}`;
  test(`gradcheck passes for ${shapes}`, () => {
    const a = normal(shapeA, 11);
    const b = normal(shapeB, 12);

    assertGradcheck((x, y) => sub(x, y), [a, b]);
  });
}

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

test('broadcasts [2, 1, 3] with [4, 1] to [2, 4, 3]', () => {
  assert.equal(sub(zeros([2, 1, 3]), zeros([4, 1])).shape, [2, 4, 3]);
});

test('keeps rank 0 for two rank-0 operands', () => {
  const out = sub(tensor(1.5), tensor(2));

  assert.equal(out.shape, []);
  assert.is(out.item(), -0.5); // 1.5 - 2, exact in binary
});

test('subtracts [3] from [0, 3] into an empty [0, 3]', () => {
  const b = ones([3], { dtype: 'float64', requiresGrad: true });

  const out = sub(zeros([0, 3], { dtype: 'float64' }), b);
  out.backward(zeros([0, 3], { dtype: 'float64' }));

  assert.equal(out.shape, [0, 3]);
  assertClose(b.grad!, zeros([3]), FLOAT64);
});

test('subtracts int32 tensors in int32', () => {
  const a = tensor([1, -2], { dtype: 'int32' });
  const b = tensor([3, 4], { dtype: 'int32' });

  const out = sub(a, b);

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [-2, -6]); // by hand
});

test('x.sub(y) and sub(x, y) give the same values', () => {
  const x = normal([2, 3], 13);
  const y = normal([3], 14);

  assertClose(x.sub(y), sub(x, y), FLOAT64);
});

test('takes a plain number on either side, in the right order', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });

  const right = sub(x, 0.5);
  const left = sub(0.5, x);
  const method = x.sub(0.5);
  right.add(left).add(method).sum().backward();

  // By hand: x - 0.5 and 0.5 - x; the gradient is 1 - 1 + 1.
  assertClose(right, { shape: [2], values: [0.5, 1.5] }, FLOAT64);
  assertClose(left, { shape: [2], values: [-0.5, -1.5] }, FLOAT64);
  assertClose(method, { shape: [2], values: [0.5, 1.5] }, FLOAT64);
  assertClose(x.grad!, { shape: [2], values: [1, 1] }, FLOAT64);
});

test('rejects [2, 3] with [4], naming the op and both shapes', () => {
  assertThrows(
    () => sub(zeros([2, 3]), zeros([4])),
    ShapeError,
    'sub: shapes [2, 3] and [4] do not broadcast',
  );
});

test('rejects an array operand, saying to wrap it with tensor()', () => {
  const arrayOperand = [1, 2] as unknown as Tensor;

  assertThrows(
    () => sub(zeros([2]), arrayOperand),
    DTypeError,
    'sub: expected a Tensor or a number, got an array',
    'Wrap arrays with tensor(...) first.',
  );
});

test.run();
