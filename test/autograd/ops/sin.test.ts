import { suite } from 'uvu';
import { sin, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { scaledNormal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('sin');

unaryOpSuite(test, {
  name: 'sin',
  fn: sin,
  gradcheckInput: (shape) => scaledNormal(shape, 91, 2),
  methodInput: () => scaledNormal([2, 3], 92, 2),
  rank0: { x: 0, want: 0 }, // sin 0
  plainNumber: { x: Math.PI / 2, want: 1, tolerance: FLOAT32 }, // sin(π/2)
  int32: { rejects: [1, 2] },
});

test('matches math.sin in float64 and float32', () => {
  const values = [-1, 0, 0.5, 2];

  // python3: [math.sin(v) for v in values]
  const want = {
    shape: [4],
    values: [-0.8414709848078965, 0, 0.479425538604203, 0.9092974268256817],
  };
  assertClose(sin(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(sin(tensor(values)), want, FLOAT32);
});

test('gives cos(x) as gradient', () => {
  const x = tensor([0, Math.PI], { dtype: 'float64', requiresGrad: true });

  x.sin().sum().backward();

  // d sin x / dx = cos x: cos 0 = 1, cos π = -1
  assertClose(x.grad!, { shape: [2], values: [1, -1] }, FLOAT64);
});

test.run();
