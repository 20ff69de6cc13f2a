import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  softplus,
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
import { scaledNormal } from '../../helpers/inputs.js';

const test = suite('softplus');

// Random values stay far below the threshold 20 (beta x = 20 at x = 20
// or 10), where softplus switches to x and has a tiny kink.
for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    const x = scaledNormal(shape, 151, 2);

    assertGradcheck((v) => softplus(v), [x]);
    assertGradcheck((v) => softplus(v, 2), [x], 'beta 2');
  });
}

test('matches log1p(exp(x)) from python3, and x above 20', () => {
  const values = [-30, -2, 0, 2, 25];

  // python3: [math.log1p(math.exp(v)) for v in values[:4]]; 25 > 20 is
  // returned as itself (PyTorch's default threshold).
  const want = {
    shape: [5],
    values: [
      9.357622968839737e-14, 0.1269280110429725, 0.6931471805599453,
      2.1269280110429727, 25,
    ],
  };
  assertClose(softplus(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(softplus(tensor(values)), want, FLOAT32);
});

test('divides by beta: log1p(exp(2x)) / 2 for beta 2', () => {
  const x = tensor([-1, 0.5, 3], { dtype: 'float64' });

  // python3: [math.log1p(math.exp(2 * v)) / 2 for v in (-1, 0.5, 3)]
  const want = {
    shape: [3],
    values: [0.06346400552148625, 0.6566308437591114, 3.001237842568865],
  };
  assertClose(softplus(x, 2), want, FLOAT64);
});

test('returns x where beta x exceeds a custom threshold', () => {
  const x = tensor([0.25, 0.6], { dtype: 'float64' });

  // beta x = 0.5 is below 1: python3 math.log1p(math.exp(0.5)) / 2;
  // beta x = 1.2 is above 1: x itself.
  const want = { shape: [2], values: [0.48703849209005334, 0.6] };
  assertClose(softplus(x, 2, 1), want, FLOAT64);
});

test('gives σ(beta x) as gradient, and 1 above the threshold', () => {
  const x = tensor([0, 2, 25], { dtype: 'float64', requiresGrad: true });
  const y = tensor([0.5], { dtype: 'float64', requiresGrad: true });

  x.softplus().sum().backward();
  softplus(y, 2).sum().backward();

  // σ(0) = 1/2 by hand; python3 1 / (1 + math.exp(-2)) for 2; 1 for 25.
  const want = { shape: [3], values: [0.5, 0.8807970779778823, 1] };
  assertClose(x.grad!, want, FLOAT64);
  // python3: 1 / (1 + math.exp(-1)), σ(2 · 0.5)
  assertClose(y.grad!, { shape: [1], values: [0.7310585786300049] }, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = softplus(tensor(0, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assertClose(out, { shape: [], values: [Math.LN2] }, FLOAT64); // ln(1 + e^0)
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(softplus(zeros([0, 3])).shape, [0, 3]);
});

test('x.softplus(beta) and softplus(x, beta) agree', () => {
  const x = scaledNormal([2, 3], 152, 2);

  assertClose(x.softplus(), softplus(x), FLOAT64);
  assertClose(x.softplus(3), softplus(x, 3), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = softplus(0);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [], values: [Math.LN2] }, FLOAT32); // ln 2
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => softplus(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'softplus: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => softplus([1, 2] as unknown as Tensor),
    DTypeError,
    'softplus: expected a Tensor or a number, got an array',
  );
});

test.run();
