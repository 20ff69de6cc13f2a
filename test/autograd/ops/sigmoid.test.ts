import { suite } from 'uvu';
import { sigmoid, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { scaledNormal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

/** float64 relative precision with no absolute floor, for tiny values. */
const RELATIVE_ONLY = { rtol: 1e-10, atol: 0 };

const test = suite('sigmoid');

unaryOpSuite(test, {
  name: 'sigmoid',
  fn: sigmoid,
  gradcheckInput: (shape) => scaledNormal(shape, 121, 3),
  methodInput: () => scaledNormal([2, 3], 122, 3),
  rank0: { x: 0, want: 0.5 }, // σ(0)
  // python3: math.exp(-2) / (1 + math.exp(-2))
  plainNumber: { x: -2, want: 0.11920292202211755, tolerance: FLOAT32 },
  int32: { rejects: [1, 2] },
});

test('matches python3 without overflow at -700 and 800', () => {
  const values = [-700, -2, 0, 2, 800];

  // python3: math.exp(v) / (1 + math.exp(v)) for v < 0, else
  // 1 / (1 + math.exp(-v))
  const want = {
    shape: [5],
    values: [
      9.85967654375977e-305, 0.11920292202211755, 0.5, 0.8807970779778823, 1,
    ],
  };
  assertClose(sigmoid(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  // float32 flushes e^-700 to 0, which is within FLOAT32's atol.
  assertClose(sigmoid(tensor(values)), want, FLOAT32);
});

test('keeps full relative precision far in the left tail', () => {
  const out = sigmoid(tensor([-700], { dtype: 'float64' }));

  // python3: math.exp(-700) / (1 + math.exp(-700))
  const want = { shape: [1], values: [9.85967654375977e-305] };
  assertClose(out, want, RELATIVE_ONLY);
});

test('gives σ(1 - σ) as gradient, 1/4 at 0', () => {
  const x = tensor([0, 2], { dtype: 'float64', requiresGrad: true });

  x.sigmoid().sum().backward();

  // σ(0) = 1/2 gives 1/4; σ(2) from python3 as above.
  const s = 0.8807970779778823;
  assertClose(x.grad!, { shape: [2], values: [0.25, s * (1 - s)] }, FLOAT64);
});

test.run();
