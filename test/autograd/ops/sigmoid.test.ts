import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  sigmoid,
  tensor,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import {
  FLOAT32,
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { scaledNormal } from '../../helpers/inputs.js';

/** float64 relative precision with no absolute floor, for tiny values. */
const RELATIVE_ONLY = { rtol: 1e-10, atol: 0 };

const test = suite('sigmoid');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => sigmoid(x), [scaledNormal(shape, 121, 3)]);
  });
}

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

test('keeps a rank-0 input rank 0', () => {
  const out = sigmoid(tensor(0, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0.5); // σ(0)
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(sigmoid(zeros([0, 3])).shape, [0, 3]);
});

test('x.sigmoid() and sigmoid(x) give the same values', () => {
  const x = scaledNormal([2, 3], 122, 3);

  assertClose(x.sigmoid(), sigmoid(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = sigmoid(-2);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  // python3: math.exp(-2) / (1 + math.exp(-2))
  assertClose(out, { shape: [], values: [0.11920292202211755] }, FLOAT32);
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => sigmoid(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'sigmoid: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => sigmoid([1, 2] as unknown as Tensor),
    DTypeError,
    'sigmoid: expected a Tensor or a number, got an array',
  );
});

test.run();
