import { suite } from 'uvu';
import { elu, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { awayFromZero } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('elu');

unaryOpSuite(test, {
  name: 'elu',
  fn: elu,
  gradcheckInput: (shape) => awayFromZero(shape, 161),
  domain: 'away from 0',
  gradcheckArgs: [{ args: [] }, { label: 'alpha 0.5', args: [0.5] }],
  methodInput: () => awayFromZero([2, 3], 162),
  methodArgs: [[], [0.3]],
  params: 'alpha',
  rank0: { x: 2, want: 2 }, // positive: x itself
  // python3: math.expm1(-2)
  plainNumber: { x: -2, want: -0.8646647167633873, tolerance: FLOAT32 },
  int32: { rejects: [1, 2] },
});

test('matches expm1 from python3 below 0 and x above', () => {
  const values = [-2, -0.5, 0, 1.5];

  // python3: [math.expm1(v) for v in (-2, -0.5, 0)], then 1.5 itself
  const want = {
    shape: [4],
    values: [-0.8646647167633873, -0.3934693402873666, 0, 1.5],
  };
  assertClose(elu(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(elu(tensor(values)), want, FLOAT32);
});

test('scales the negative side by alpha 0.5', () => {
  const out = elu(tensor([-2, -0.5, 3], { dtype: 'float64' }), 0.5);

  // python3: [0.5 * math.expm1(v) for v in (-2, -0.5)], then 3 itself
  const want = {
    shape: [3],
    values: [-0.43233235838169365, -0.1967346701436833, 3],
  };
  assertClose(out, want, FLOAT64);
});

test('gives 1 above 0 and alpha e^x at and below 0 as gradient', () => {
  const x = tensor([2, 0, -1], { dtype: 'float64', requiresGrad: true });

  x.elu(0.5).sum().backward();

  // By hand: 1 above 0, alpha · e^0 = 0.5 at 0 (as PyTorch);
  // python3 0.5 * math.exp(-1) at -1.
  const want = { shape: [3], values: [1, 0.5, 0.18393972058572117] };
  assertClose(x.grad!, want, FLOAT64);
});

test.run();
