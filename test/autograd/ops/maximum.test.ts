import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  formatShape,
  maximum,
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
import { normal, offGrid } from '../../helpers/inputs.js';

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

const test = suite('maximum');

for (const [shapeA, shapeB] of SHAPE_PAIRS) {
  const shapes = `${formatShape(shapeA)} with ${formatShape(shapeB)}`;
  test(`gradcheck passes for ${shapes}`, () => {
    const a = offGrid(shapeA, 231, 0);
    const b = offGrid(shapeB, 232, 0.25);

    assertGradcheck((x, y) => maximum(x, y), [a, b]);
  });
}

test('takes the larger of [2, 3] and [3] element by element', () => {
  const a = tensor(
    [
      [1, 5, -2],
      [0, -1, 4],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([3, 2, -2], { dtype: 'float64' });

  // By hand.
  const want = { shape: [2, 3], values: [3, 5, -2, 3, 2, 4] };
  assertClose(maximum(a, b), want, FLOAT64);
});

test('gives NaN where either operand is NaN', () => {
  const a = tensor([NaN, 1, NaN], { dtype: 'float64' });
  const b = tensor([1, NaN, NaN], { dtype: 'float64' });

  // PyTorch's maximum propagates NaN from either side.
  assertClose(maximum(a, b), { shape: [3], values: [NaN, NaN, NaN] }, FLOAT64);
});

test('sends the gradient to the larger input, half each on a tie', () => {
  const a = tensor([1, 5, 2], { dtype: 'float64', requiresGrad: true });
  const b = tensor([3, 2, 2], { dtype: 'float64', requiresGrad: true });

  maximum(a, b).sum().backward();

  // PyTorch's convention: a tie splits the gradient evenly.
  assertClose(a.grad!, { shape: [3], values: [0, 1, 0.5] }, FLOAT64);
  assertClose(b.grad!, { shape: [3], values: [1, 0, 0.5] }, FLOAT64);
});

test('passes the whole gradient to both inputs where either is NaN', () => {
  const a = tensor([NaN, 1, NaN, 4], { dtype: 'float64', requiresGrad: true });
  const b = tensor([1, NaN, NaN, 4], { dtype: 'float64', requiresGrad: true });

  maximum(a, b).backward(tensor([2, 3, 5, 8], { dtype: 'float64' }));

  // PyTorch (derivatives.yaml): where(a == b, dy / 2, dy), set to 0 where
  // the other side wins. Every comparison with NaN is false, so both get
  // dy at the first three; the tie at 4 splits 8 into 4 and 4.
  const want = { shape: [4], values: [2, 3, 5, 4] };
  assertClose(a.grad!, want, FLOAT64);
  assertClose(b.grad!, want, FLOAT64);
});

test('sums the gradient of b [3] over the rows of a [2, 3]', () => {
  const options = { dtype: 'float64', requiresGrad: true } as const;
  const a = tensor(
    [
      [1, 5, -2],
      [0, -1, 4],
    ],
    options,
  );
  const b = tensor([3, 2, -3], options);

  maximum(a, b).sum().backward();

  // b wins at [0][0], [1][0], [1][1]: counts per column by hand.
  assertClose(b.grad!, { shape: [3], values: [2, 1, 0] }, FLOAT64);
  const da = { shape: [2, 3], values: [0, 1, 1, 0, 0, 1] };
  assertClose(a.grad!, da, FLOAT64);
});

test('broadcasts [2, 1, 3] with [4, 1] to [2, 4, 3]', () => {
  assert.equal(maximum(zeros([2, 1, 3]), zeros([4, 1])).shape, [2, 4, 3]);
});

test('keeps rank 0 for two rank-0 operands', () => {
  const out = maximum(tensor(-1), tensor(2));

  assert.equal(out.shape, []);
  assert.is(out.item(), 2); // max(-1, 2)
});

test('takes [0, 3] with [3] to an empty [0, 3]', () => {
  assert.equal(maximum(zeros([0, 3]), zeros([3])).shape, [0, 3]);
});

test('compares int32 in int32, and in float32 against a fraction', () => {
  const x = tensor([1, -4], { dtype: 'int32' });

  const whole = maximum(x, 0);
  const fraction = maximum(x, 0.5);

  // By hand; the fraction must not be truncated to 0.
  assert.is(whole.dtype, 'int32');
  assert.equal(Array.from(whole.values()), [1, 0]);
  assert.is(fraction.dtype, 'float32');
  assertClose(fraction, { shape: [2], values: [1, 0.5] }, FLOAT64);
});

test('x.maximum(y) and maximum(x, y) give the same values', () => {
  const x = normal([2, 3], 233);
  const y = normal([3], 234);

  assertClose(x.maximum(y), maximum(x, y), FLOAT64);
});

test('takes a plain number on either side', () => {
  const x = tensor([-1, 2], { dtype: 'float64', requiresGrad: true });

  const right = maximum(x, 0);
  const left = maximum(0, x);
  const method = x.maximum(0);
  right.add(left).add(method).sum().backward();

  // max(x, 0) by hand; only x = 2 wins, three times.
  const want = { shape: [2], values: [0, 2] };
  assertClose(right, want, FLOAT64);
  assertClose(left, want, FLOAT64);
  assertClose(method, want, FLOAT64);
  assertClose(x.grad!, { shape: [2], values: [0, 3] }, FLOAT64);
});

test('rejects [2, 3] with [4], naming the op and both shapes', () => {
  assertThrows(
    () => maximum(zeros([2, 3]), zeros([4])),
    ShapeError,
    'maximum: shapes [2, 3] and [4] do not broadcast',
  );
});

test('rejects an array operand, saying to wrap it with tensor()', () => {
  assertThrows(
    () => maximum(zeros([2]), [1, 2] as unknown as Tensor),
    DTypeError,
    'maximum: expected a Tensor or a number, got an array',
    'Wrap arrays with tensor(...) first.',
  );
});

test.run();
