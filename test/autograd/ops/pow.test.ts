import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ones, pow, tensor, zeros } from '../../../src/index.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal, positive } from '../../helpers/inputs.js';

const test = suite('pow');

binaryOpSuite(test, {
  name: 'pow',
  fn: pow,
  // A positive base: ln a, in db, is undefined for a <= 0.
  gradcheckInputs: (shapeA, shapeB) => [
    positive(shapeA, 41),
    normal(shapeB, 42),
  ],
  methodInputs: () => [positive([2, 3], 44), normal([3], 45)],
  fill: { a: ones, b: ones },
  rank0: { a: 2, b: -1, want: 0.5 }, // 2^-1, by hand
  // By hand: x², 2^x; the gradient is 2x + 2^x ln 2 + 2x.
  plainNumber: {
    x: [1, 3],
    number: 2,
    right: [1, 9],
    left: [2, 8],
    grad: [4 + 2 * Math.LN2, 12 + 8 * Math.LN2],
  },
  int32: 'rejected',
});

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

test.run();
