import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  gelu,
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

const test = suite('gelu');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => gelu(x), [scaledNormal(shape, 131, 2)]);
  });
}

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

test('keeps a rank-0 input rank 0', () => {
  const out = gelu(tensor(0, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0); // 0 · Φ(0)
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(gelu(zeros([0, 3])).shape, [0, 3]);
});

test('x.gelu() and gelu(x) give the same values', () => {
  const x = scaledNormal([2, 3], 132, 2);

  assertClose(x.gelu(), gelu(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = gelu(-1);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  // python3: -1 * 0.5 * math.erfc(1 / math.sqrt(2))
  assertClose(out, { shape: [], values: [-0.15865525393145707] }, FLOAT32);
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => gelu(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'gelu: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => gelu([1, 2] as unknown as Tensor),
    DTypeError,
    'gelu: expected a Tensor or a number, got an array',
  );
});

test.run();
