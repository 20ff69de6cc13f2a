import { suite } from 'uvu';
import { reciprocal, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { signedPositive } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('reciprocal');

unaryOpSuite(test, {
  name: 'reciprocal',
  fn: reciprocal,
  gradcheckInput: (shape) => signedPositive(shape, 81),
  domain: 'away from 0',
  methodInput: () => signedPositive([2, 3], 82),
  rank0: { x: 4, want: 0.25 }, // by hand
  plainNumber: { x: 8, want: 0.125 }, // by hand, exact in binary
  int32: { rejects: [1, 2] },
});

test('gives 1/x in float64 and float32', () => {
  const values = [-4, 0.5, 3, 0.1];

  // By hand, and python3 for 1/3 and 1/0.1.
  const want = { shape: [4], values: [-0.25, 2, 0.3333333333333333, 10] };
  assertClose(reciprocal(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(reciprocal(tensor(values)), want, FLOAT32);
});

test('gives ±Infinity at ±0, as IEEE 754 says', () => {
  const out = reciprocal(tensor([0, -0], { dtype: 'float64' }));

  assertClose(out, { shape: [2], values: [Infinity, -Infinity] }, FLOAT64);
});

test('gives -1/x² as gradient', () => {
  const x = tensor([2, -0.5], { dtype: 'float64', requiresGrad: true });

  x.reciprocal().sum().backward();

  // d(1/x)/dx = -1/x², by hand
  assertClose(x.grad!, { shape: [2], values: [-0.25, -4] }, FLOAT64);
});

test.run();
