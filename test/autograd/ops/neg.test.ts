import { suite } from 'uvu';
import { neg, tensor } from '../../../src/index.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { normal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('neg');

unaryOpSuite(test, {
  name: 'neg',
  fn: neg,
  gradcheckInput: (shape) => normal(shape, 181),
  methodInput: () => normal([2, 3], 182),
  rank0: { x: 2.5, want: -2.5 }, // -(2.5)
  plainNumber: { x: 0.5, want: -0.5 }, // -(0.5)
  int32: { x: [3, -4, 0], want: [-3, 4, 0] }, // by hand
});

test('flips the sign in float64 and float32', () => {
  const values = [-2, 0, 1.5];

  // By hand.
  const want = { shape: [3], values: [2, 0, -1.5] };
  assertClose(neg(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(neg(tensor(values)), want, FLOAT64);
});

test('gives -1 as gradient', () => {
  const x = tensor([3, -1], { dtype: 'float64', requiresGrad: true });

  x.neg().sum().backward();

  assertClose(x.grad!, { shape: [2], values: [-1, -1] }, FLOAT64); // d(-x)/dx
});

test.run();
