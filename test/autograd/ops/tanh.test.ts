import { suite } from 'uvu';
import { tanh, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { normal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('tanh');

unaryOpSuite(test, {
  name: 'tanh',
  fn: tanh,
  gradcheckInput: (shape) => normal(shape, 111),
  methodInput: () => normal([2, 3], 112),
  rank0: { x: 0, want: 0 }, // tanh 0
  // python3: math.tanh(-0.5)
  plainNumber: { x: -0.5, want: -0.46211715726000974, tolerance: FLOAT32 },
  int32: { rejects: [1, 2] },
});

test('matches math.tanh in float64 and float32, saturating at 20', () => {
  const values = [-3, -0.5, 0, 0.5, 20];

  // python3: [math.tanh(v) for v in values]
  const want = {
    shape: [5],
    values: [
      -0.9950547536867305, -0.46211715726000974, 0, 0.46211715726000974, 1,
    ],
  };
  assertClose(tanh(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(tanh(tensor(values)), want, FLOAT32);
});

test('gives 1 - tanh² as gradient', () => {
  const x = tensor([0, 0.5], { dtype: 'float64', requiresGrad: true });

  x.tanh().sum().backward();

  // 1 - tanh(0)² = 1; 1 - tanh(0.5)² with python3's math.tanh(0.5)
  const t = 0.46211715726000974;
  assertClose(x.grad!, { shape: [2], values: [1, 1 - t * t] }, FLOAT64);
});

test.run();
