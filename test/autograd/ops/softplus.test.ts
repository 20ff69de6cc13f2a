import { suite } from 'uvu';
import { softplus, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { scaledNormal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('softplus');

unaryOpSuite(test, {
  name: 'softplus',
  fn: softplus,
  // Random values stay far below the threshold 20 (beta x = 20 at x = 20
  // or 10), where softplus switches to x and has a tiny kink.
  gradcheckInput: (shape) => scaledNormal(shape, 151, 2),
  gradcheckArgs: [{ args: [] }, { label: 'beta 2', args: [2] }],
  methodInput: () => scaledNormal([2, 3], 152, 2),
  methodArgs: [[], [3]],
  params: 'beta',
  rank0: { x: 0, want: Math.LN2, tolerance: FLOAT64 }, // ln(1 + e^0)
  plainNumber: { x: 0, want: Math.LN2, tolerance: FLOAT32 }, // ln 2
  int32: { rejects: [1, 2] },
});

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

test.run();
