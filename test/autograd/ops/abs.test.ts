import { suite } from 'uvu';
import { abs, tensor } from '../../../src/index.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { awayFromZero } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('abs');

unaryOpSuite(test, {
  name: 'abs',
  fn: abs,
  gradcheckInput: (shape) => awayFromZero(shape, 191),
  domain: 'away from 0',
  methodInput: () => awayFromZero([2, 3], 192),
  rank0: { x: -2.5, want: 2.5 }, // |-2.5|
  plainNumber: { x: -0.5, want: 0.5 }, // |-0.5|
  int32: { x: [3, -4, 0], want: [3, 4, 0] }, // by hand
});

test('drops the sign in float64 and float32', () => {
  const values = [-2, 0, 1.5, -0.25];

  // By hand.
  const want = { shape: [4], values: [2, 0, 1.5, 0.25] };
  assertClose(abs(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(abs(tensor(values)), want, FLOAT64);
});

test('gives sign(x) as gradient, 0 at 0 as in PyTorch', () => {
  const x = tensor([3, -1, 0], { dtype: 'float64', requiresGrad: true });

  x.abs().sum().backward();

  assertClose(x.grad!, { shape: [3], values: [1, -1, 0] }, FLOAT64);
});

test.run();
