import { suite } from 'uvu';
import { gelu, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { scaledNormal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

/** float64 relative precision with no absolute floor, for tiny values. */
const RELATIVE_ONLY = { rtol: 1e-10, atol: 0 };

const test = suite('gelu');

unaryOpSuite(test, {
  name: 'gelu',
  fn: gelu,
  gradcheckInput: (shape) => scaledNormal(shape, 131, 2),
  methodInput: () => scaledNormal([2, 3], 132, 2),
  rank0: { x: 0, want: 0 }, // 0 · Φ(0)
  // python3: -1 * 0.5 * math.erfc(1 / math.sqrt(2))
  plainNumber: { x: -1, want: -0.15865525393145707, tolerance: FLOAT32 },
  int32: { rejects: [1, 2] },
});

test('matches x Φ(x) from math.erfc in float64 and float32', () => {
  const values = [-10, -1, 0, 0.5, 3];

  // python3: [v * 0.5 * math.erfc(-v / math.sqrt(2)) for v in values]
  const want = {
    shape: [5],
    values: [
      -7.619853024160593e-23, -0.15865525393145707, 0, 0.34573123063700656,
      2.99595030590511,
    ],
  };
  assertClose(gelu(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(gelu(tensor(values)), want, FLOAT32);
});

test('keeps full relative precision at -10, in the far left tail', () => {
  const out = gelu(tensor([-10], { dtype: 'float64' }));

  // python3: -10 * 0.5 * math.erfc(10 / math.sqrt(2))
  const want = { shape: [1], values: [-7.619853024160593e-23] };
  assertClose(out, want, RELATIVE_ONLY);
});

test('gives Φ(x) + x φ(x) as gradient', () => {
  const x = tensor([0, 1, -2], { dtype: 'float64', requiresGrad: true });

  x.gelu().sum().backward();

  // 1/2 at 0 by hand; python3 for 1 and -2, with
  // Φ(v) = 0.5 * math.erfc(-v / math.sqrt(2)) and
  // φ(v) = math.exp(-v * v / 2) / math.sqrt(2 * math.pi).
  const want = [0.5, 1.0833154705876864, -0.0852318010781969];
  assertClose(x.grad!, { shape: [3], values: want }, FLOAT64);
});

test.run();
