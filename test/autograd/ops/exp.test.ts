import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exp, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { normal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('exp');

unaryOpSuite(test, {
  name: 'exp',
  fn: exp,
  gradcheckInput: (shape) => normal(shape, 51),
  methodInput: () => normal([2, 3], 52),
  rank0: { x: 0, want: 1 }, // e^0
  plainNumber: { x: 1, want: Math.E, tolerance: FLOAT32 }, // e^1
  int32: { rejects: [1, 2] },
});

test('matches math.exp in float64 and float32', () => {
  const values = [-2, -0.5, 0, 0.5, 3];

  // python3: [math.exp(v) for v in values]
  const want = {
    shape: [5],
    values: [
      0.1353352832366127, 0.6065306597126334, 1, 1.6487212707001282,
      20.085536923187668,
    ],
  };
  assertClose(exp(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(exp(tensor(values)), want, FLOAT32);
  assert.is(exp(tensor(values)).dtype, 'float32');
});

test('gives the output itself as gradient', () => {
  const x = tensor([0, 1], { dtype: 'float64', requiresGrad: true });

  x.exp().sum().backward();

  // d e^x / dx = e^x: 1 and Math.E
  assertClose(x.grad!, { shape: [2], values: [1, Math.E] }, FLOAT64);
});

test.run();
