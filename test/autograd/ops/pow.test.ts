import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  formatShape,
  ones,
  pow,
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

const test = suite('pow');

for (const [shapeA, shapeB] of SHAPE_PAIRS) {
  const shapes = `${formatShape(shapeA)} to the ${formatShape(shapeB)}`;
  test(`gradcheck passes for ${shapes}`, () => {
    const a = positive(shapeA, 41);
    const b = normal(shapeB, 42);

    assertGradcheck((x, y) => pow(x, y), [a, b]);
  });
}

test('gradcheck passes for a negative base [2, 3] with whole exponents', () => {
  const a = normal([2, 3], 43);
  const b = tensor([1, 2, 3], { dtype: 'float64' });

  // Only the base varies: ln a is undefined for a < 0.
  assertGradcheck((x) => pow(x, b), [a]);
});

test('matches math.pow', () => {
  const a = tensor([2, 3, 0.5, 9], { dtype: 'float64' });
  const b = tensor([3, 0.5, -2, 1.5], { dtype: 'float64' });

  // python3: [math.pow(a, b) for a, b in zip(...)]
  const want = { shape: [4], values: [8, 1.7320508075688772, 4, 27] };
  assertClose(pow(a, b), want, FLOAT64);
});

test('gives NaN for a negative base with a non-whole exponent', () => {
  const a = tensor([-8, -2], { dtype: 'float64' });
  const b = tensor([1 / 3, 3], { dtype: 'float64' });

  const out = pow(a, b);

  // PyTorch (and Math.pow) give NaN for (-8)^(1/3); (-2)^3 = -8 by hand.
  assertClose(out, { shape: [2], values: [NaN, -8] }, FLOAT64);
});

test('gives x.pow(2) the gradient 2x', () => {
  const x = tensor([3, -0.5], { dtype: 'float64', requiresGrad: true });

  x.pow(2).sum().backward();

  // d(x²)/dx = 2x, by hand
  assertClose(x.grad!, { shape: [2], values: [6, -1] }, FLOAT64);
});

test('gives 0, not NaN, for the gradients of 0 to the power 0', () => {
  const a = zeros([1], { dtype: 'float64', requiresGrad: true });
  const b = zeros([1], { dtype: 'float64', requiresGrad: true });

  const out = pow(a, b);
  out.sum().backward();

  // PyTorch's conventions: 0^0 = 1; da = 0 where b = 0; db = 0 where
  // a = 0 and b >= 0.
  assertClose(out, ones([1]), FLOAT64);
  assertClose(a.grad!, zeros([1]), FLOAT64);
  assertClose(b.grad!, zeros([1]), FLOAT64);
});

test('gives db = a^b · ln a at a = 0: 0 for b >= 0, -inf for b < 0', () => {
  const a = zeros([4], { dtype: 'float64' });
  const b = tensor([2, 0, -1, NaN], { dtype: 'float64', requiresGrad: true });

  pow(a, b).sum().backward();

  // PyTorch's pow_backward_exponent: 0 where a = 0 and b >= 0, else
  // result · ln a: 0^-1 · ln 0 = inf · -inf = -inf, and NaN for b NaN.
  const want = { shape: [4], values: [0, 0, -Infinity, NaN] };
  assertClose(b.grad!, want, FLOAT64);
});

test('reuses the forward output a^b for db: no Math.pow in backward', () => {
  const a = positive([2, 3], 1);
  const b = normal([2, 3], 2).requiresGrad_();
  const out = pow(a, b);
  const realPow = Math.pow;
  let calls = 0;
  Math.pow = (x: number, y: number) => {
    calls++;
    return realPow(x, y);
  };
  try {
    out.sum().backward();
  } finally {
    Math.pow = realPow;
  }

  // Expected: db = dy · out · ln a needs only Math.log; and by plain JS.
  assert.is(calls, 0);
  const want = Array.from(a.values(), (v, i) => {
    return realPow(v, b.values()[i]!) * Math.log(v);
  });
  assertClose(b.grad!, { shape: [2, 3], values: want }, FLOAT64);
});

test('broadcasts [2, 1, 3] with [4, 1] to [2, 4, 3]', () => {
  assert.equal(pow(ones([2, 1, 3]), ones([4, 1])).shape, [2, 4, 3]);
});

test('keeps rank 0 for two rank-0 operands', () => {
  const out = pow(tensor(2), tensor(-1));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0.5); // 2^-1, by hand
});

test('raises [0, 3] to [3] into an empty [0, 3]', () => {
  const b = ones([3], { dtype: 'float64', requiresGrad: true });

  const out = pow(ones([0, 3], { dtype: 'float64' }), b);
  out.backward(zeros([0, 3], { dtype: 'float64' }));

  assert.equal(out.shape, [0, 3]);
  assertClose(b.grad!, zeros([3]), FLOAT64);
});

test('x.pow(y) and pow(x, y) give the same values', () => {
  const x = positive([2, 3], 44);
  const y = normal([3], 45);

  assertClose(x.pow(y), pow(x, y), FLOAT64);
});

test('takes a plain number as base or exponent', () => {
  const x = tensor([1, 3], { dtype: 'float64', requiresGrad: true });

  const squared = pow(x, 2);
  const exponential = pow(2, x);
  const method = x.pow(2);
  squared.add(exponential).add(method).sum().backward();

  // By hand: x², 2^x; the gradient is 2x + 2^x ln 2 + 2x.
  assertClose(squared, { shape: [2], values: [1, 9] }, FLOAT64);
  assertClose(exponential, { shape: [2], values: [2, 8] }, FLOAT64);
  assertClose(method, { shape: [2], values: [1, 9] }, FLOAT64);
  const want = [4 + 2 * Math.LN2, 12 + 8 * Math.LN2];
  assertClose(x.grad!, { shape: [2], values: want }, FLOAT64);
});

test('rejects [2, 3] with [4], naming the op and both shapes', () => {
  assertThrows(
    () => pow(ones([2, 3]), ones([4])),
    ShapeError,
    'pow: shapes [2, 3] and [4] do not broadcast',
  );
});

test('rejects an int32 tensor, saying how to convert', () => {
  const a = tensor([1, 2], { dtype: 'int32' });

  const pattern = 'pow: expected a float32 or float64 tensor, got int32';
  assertThrows(() => pow(a, a), DTypeError, pattern, "x.to('float32')");
  assertThrows(() => a.pow(2), DTypeError, pattern);
});

test('rejects an array operand, saying to wrap it with tensor()', () => {
  const arrayOperand = [1, 2] as unknown as Tensor;

  assertThrows(
    () => pow(ones([2]), arrayOperand),
    DTypeError,
    'pow: expected a Tensor or a number, got an array',
    'Wrap arrays with tensor(...) first.',
  );
});

test.run();
