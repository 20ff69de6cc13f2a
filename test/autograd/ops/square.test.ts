import { suite } from 'uvu';
import { square, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { normal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('square');

unaryOpSuite(test, {
  name: 'square',
  fn: square,
  gradcheckInput: (shape) => normal(shape, 201),
  methodInput: () => normal([2, 3], 202),
  rank0: { x: -3, want: 9 }, // (-3)²
  plainNumber: { x: 1.5, want: 2.25 }, // 1.5²
  int32: { x: [3, -4], want: [9, 16] }, // by hand
});

test('squares in float64 and float32', () => {
  const values = [-2, 0, 1.5, 0.1];

  // By hand; 0.1² = 0.01.
  const want = { shape: [4], values: [4, 0, 2.25, 0.01] };
  assertClose(square(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(square(tensor(values)), want, FLOAT32);
});

test('gives 2x as gradient', () => {
  const x = tensor([3, -0.5], { dtype: 'float64', requiresGrad: true });

  x.square().sum().backward();

  assertClose(x.grad!, { shape: [2], values: [6, -1] }, FLOAT64); // by hand
});

test.run();
