import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  Generator,
  ShapeError,
  formatShape,
  ones,
  randint,
  tensor,
  where,
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

// Shapes of cond, a and b: all equal, each broadcast a different way,
// size-1 dims, and rank 0.
const SHAPE_TRIPLES: [number[], number[], number[]][] = [
  [
    [2, 3],
    [2, 3],
    [2, 3],
  ],
  [[3, 4], [4], [3, 1]],
  [[2, 1, 3], [4, 1], []],
  [[], [2, 2], [2, 2]],
];

const test = suite('where');

for (const [shapeC, shapeA, shapeB] of SHAPE_TRIPLES) {
  const shapes = [shapeC, shapeA, shapeB].map(formatShape).join(', ');
  test(`gradcheck passes for cond, a, b of ${shapes}`, () => {
    const cond = randint(0, 2, shapeC, { generator: new Generator(251) });
    const a = normal(shapeA, 252);
    const b = normal(shapeB, 253);

    // gradcheck passes the int32 cond through untouched.
    assertGradcheck((c, x, y) => where(c, x, y), [cond, a, b]);
  });
}

test('picks a where cond is non-zero and b elsewhere', () => {
  const cond = tensor(
    [
      [1, 0, 1],
      [0, 0, 1],
    ],
    { dtype: 'int32' },
  );
  const a = tensor([10, 20, 30], { dtype: 'float64' });
  const b = tensor([[-1], [-2]], { dtype: 'float64' });

  // By hand, row by row.
  const want = { shape: [2, 3], values: [10, -1, 30, -2, -2, 30] };
  assertClose(where(cond, a, b), want, FLOAT64);
});

test('treats a float cond as true where non-zero, NaN included', () => {
  const cond = tensor([0.5, 0, -0, -2, NaN], { dtype: 'float64' });

  const out = where(cond, 1, 0);

  // Non-zero is true; -0 equals 0; NaN is non-zero (PyTorch's bool(nan)).
  assertClose(out, { shape: [5], values: [1, 0, 0, 1, 1] }, FLOAT64);
});

test('sends the gradient to a where cond holds and to b elsewhere', () => {
  const cond = tensor(
    [
      [1, 0, 1],
      [0, 0, 1],
    ],
    { dtype: 'int32' },
  );
  const a = zeros([3], { dtype: 'float64', requiresGrad: true });
  const b = zeros([2, 1], { dtype: 'float64', requiresGrad: true });

  where(cond, a, b).sum().backward();

  // Counted by hand: column uses of a, row uses of b.
  assertClose(a.grad!, { shape: [3], values: [1, 0, 2] }, FLOAT64);
  assertClose(b.grad!, { shape: [2, 1], values: [1, 2] }, FLOAT64);
});

test('broadcasts cond [2, 1, 1], a [1, 3, 1] and b [4] to [2, 3, 4]', () => {
  const cond = ones([2, 1, 1], { dtype: 'int32' });

  assert.equal(where(cond, zeros([1, 3, 1]), zeros([4])).shape, [2, 3, 4]);
});

test('keeps rank 0 for rank-0 cond, a and b', () => {
  const out = where(tensor(0, { dtype: 'int32' }), tensor(2), tensor(3));

  assert.equal(out.shape, []);
  assert.is(out.item(), 3); // cond 0 picks b
});

test('takes a [0, 3] cond to an empty [0, 3]', () => {
  const out = where(zeros([0, 3], { dtype: 'int32' }), zeros([3]), 1);

  assert.equal(out.shape, [0, 3]);
});

test('takes a plain number for either branch, or both', () => {
  const cond = tensor([1, 0], { dtype: 'int32' });
  const x = tensor([5, 6], { dtype: 'float64', requiresGrad: true });

  const left = where(cond, x, -1);
  const right = where(cond, -1, x);
  const both = where(cond, 2, 3);
  left.add(right).sum().backward();

  // By hand.
  assertClose(left, { shape: [2], values: [5, -1] }, FLOAT64);
  assertClose(right, { shape: [2], values: [-1, 6] }, FLOAT64);
  assert.is(left.dtype, 'float64');
  assertClose(both, { shape: [2], values: [2, 3] }, FLOAT64);
  assert.is(both.dtype, 'float32');
  assertClose(x.grad!, { shape: [2], values: [1, 1] }, FLOAT64);
});

test('promotes int32 and float64 branches to float64', () => {
  const cond = tensor([1, 0], { dtype: 'int32' });
  const a = tensor([1, 2], { dtype: 'int32' });
  const b = tensor([0.5, 0.25], { dtype: 'float64' });

  const out = where(cond, a, b);

  assert.is(out.dtype, 'float64');
  assertClose(out, { shape: [2], values: [1, 0.25] }, FLOAT64); // by hand
});

test('keeps a fractional number next to an int32 branch, in float32', () => {
  const cond = tensor([1, 0], { dtype: 'int32' });
  const x = tensor([3, 4], { dtype: 'int32' });

  const right = where(cond, x, 0.5);
  const left = where(cond, 0.5, x);

  // By hand; as in add, the number must not be truncated to int32.
  assert.is(right.dtype, 'float32');
  assertClose(right, { shape: [2], values: [3, 0.5] }, FLOAT64);
  assertClose(left, { shape: [2], values: [0.5, 4] }, FLOAT64);
  assert.is(where(cond, x, 2).dtype, 'int32');
});

test('rejects cond [2] with a [3], naming the op and both shapes', () => {
  const cond = ones([2], { dtype: 'int32' });

  assertThrows(
    () => where(cond, zeros([3]), 0),
    ShapeError,
    'where: shapes [2] and [3] do not broadcast',
  );
});

test('rejects a [2, 3] with b [4], naming both shapes', () => {
  const cond = ones([1], { dtype: 'int32' });

  assertThrows(
    () => where(cond, zeros([2, 3]), zeros([4])),
    ShapeError,
    'where: shapes [2, 3] and [4] do not broadcast',
  );
});

test('rejects an array for cond or a branch, saying to wrap it', () => {
  const array = [1, 0] as unknown as Tensor;
  const cond = ones([2], { dtype: 'int32' });

  const pattern = 'where: expected a Tensor or a number, got an array';
  assertThrows(() => where(array, zeros([2]), 0), DTypeError, pattern);
  assertThrows(() => where(cond, array, 0), DTypeError, pattern);
  assertThrows(() => where(cond, 0, array), DTypeError, pattern, 'tensor(...)');
});

test('rejects a plain number for cond, asking for a mask tensor', () => {
  assertThrows(
    () => where(1 as unknown as Tensor, zeros([2]), 0),
    DTypeError,
    'where: cond must be a Tensor, got the number 1',
  );
});

test.run();
