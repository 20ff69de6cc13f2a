import { suite } from 'uvu';
import { cos, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { scaledNormal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('cos');

unaryOpSuite(test, {
  name: 'cos',
  fn: cos,
  gradcheckInput: (shape) => scaledNormal(shape, 101, 2),
  methodInput: () => scaledNormal([2, 3], 102, 2),
  rank0: { x: 0, want: 1 }, // cos 0
  plainNumber: { x: Math.PI, want: -1, tolerance: FLOAT32 }, // cos π
  int32: { rejects: [1, 2] },
});

test('matches math.cos in float64 and float32', () => {
  const values = [-1, 0, 0.5, 2];

  // python3: [math.cos(v) for v in values]
  const want = {
    shape: [4],
    values: [0.5403023058681398, 1, 0.8775825618903728, -0.4161468365471424],
  };
  assertClose(cos(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(cos(tensor(values)), want, FLOAT32);
});

test('gives -sin(x) as gradient', () => {
  const x = tensor([0, Math.PI / 2], { dtype: 'float64', requiresGrad: true });

  x.cos().sum().backward();

  // d cos x / dx = -sin x: -sin 0 = 0, -sin(π/2) = -1
  assertClose(x.grad!, { shape: [2], values: [0, -1] }, FLOAT64);
});

test.run();
