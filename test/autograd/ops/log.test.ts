import { suite } from 'uvu';
import { log, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { positive } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('log');

unaryOpSuite(test, {
  name: 'log',
  fn: log,
  gradcheckInput: (shape) => positive(shape, 61),
  domain: 'above 0',
  methodInput: () => positive([2, 3], 62),
  rank0: { x: 1, want: 0 }, // ln 1
  // ln 8 = 3 ln 2
  plainNumber: { x: 8, want: 3 * Math.LN2, tolerance: FLOAT32 },
  int32: { rejects: [1, 2] },
});

test('matches math.log in float64 and float32', () => {
  const values = [0.25, 1, 2, 10];

  // python3: [math.log(v) for v in values]
  const want = {
    shape: [4],
    values: [-1.3862943611198906, 0, 0.6931471805599453, 2.302585092994046],
  };
  assertClose(log(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(log(tensor(values)), want, FLOAT32);
});

test('gives -Infinity at 0 and NaN below 0, as IEEE 754 says', () => {
  const out = log(tensor([0, -1], { dtype: 'float64' }));

  // IEEE 754 log: log(0) = -inf, log(-1) = NaN.
  assertClose(out, { shape: [2], values: [-Infinity, NaN] }, FLOAT64);
});

test('gives 1/x as gradient', () => {
  const x = tensor([0.5, 4], { dtype: 'float64', requiresGrad: true });

  x.log().sum().backward();

  // d ln x / dx = 1/x, by hand
  assertClose(x.grad!, { shape: [2], values: [2, 0.25] }, FLOAT64);
});

test.run();
