import { suite } from 'uvu';
import { silu, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { scaledNormal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('silu');

unaryOpSuite(test, {
  name: 'silu',
  fn: silu,
  gradcheckInput: (shape) => scaledNormal(shape, 141, 2),
  methodInput: () => scaledNormal([2, 3], 142, 2),
  rank0: { x: 0, want: 0 }, // 0 · σ(0)
  // python3: 1.5 / (1 + math.exp(-1.5))
  plainNumber: { x: 1.5, want: 1.2263617142904655, tolerance: FLOAT32 },
  int32: { rejects: [1, 2] },
});

test('matches x σ(x) from python3 in float64 and float32', () => {
  const values = [-2, 0, 1.5, -800];

  // python3: [v / (1 + math.exp(-v)) for v in values[:3]]; silu(-800)
  // underflows to -0, which compares equal to 0.
  const want = {
    shape: [4],
    values: [-0.2384058440442351, 0, 1.2263617142904655, 0],
  };
  assertClose(silu(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(silu(tensor(values)), want, FLOAT32);
});

test('gives σ(x)(1 + x(1 - σ(x))) as gradient', () => {
  const x = tensor([0, 1.5], { dtype: 'float64', requiresGrad: true });

  x.silu().sum().backward();

  // 1/2 at 0 by hand; python3 for 1.5, with s = 1 / (1 + math.exp(-1.5)):
  // s * (1 + 1.5 * (1 - s))
  const want = { shape: [2], values: [0.5, 1.041294154299143] };
  assertClose(x.grad!, want, FLOAT64);
});

test.run();
