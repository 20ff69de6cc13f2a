import { suite } from 'uvu';
import { sqrt, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { positive } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('sqrt');

unaryOpSuite(test, {
  name: 'sqrt',
  fn: sqrt,
  gradcheckInput: (shape) => positive(shape, 71),
  domain: 'above 0',
  methodInput: () => positive([2, 3], 72),
  rank0: { x: 16, want: 4 }, // by hand
  plainNumber: { x: 2, want: Math.SQRT2, tolerance: FLOAT32 }, // √2
  int32: { rejects: [1, 4] },
});

test('matches math.sqrt in float64 and float32', () => {
  const values = [0, 0.25, 2, 9];

  // python3: [math.sqrt(v) for v in values]
  const want = { shape: [4], values: [0, 0.5, 1.4142135623730951, 3] };
  assertClose(sqrt(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(sqrt(tensor(values)), want, FLOAT32);
});

test('gives NaN below 0', () => {
  // IEEE 754: the square root of a negative number is NaN.
  assertClose(sqrt(tensor([-1])), { shape: [1], values: [NaN] }, FLOAT64);
});

test('gives 1 / (2 sqrt(x)) as gradient, Infinity at 0', () => {
  const x = tensor([4, 0.25, 0], { dtype: 'float64', requiresGrad: true });

  x.sqrt().sum().backward();

  // By hand: 1/(2·2), 1/(2·0.5); 1/0 = Infinity at 0, as in PyTorch.
  assertClose(x.grad!, { shape: [3], values: [0.25, 1, Infinity] }, FLOAT64);
});

test.run();
