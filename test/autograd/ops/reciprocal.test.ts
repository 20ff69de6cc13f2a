import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  reciprocal,
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
import { signedPositive } from '../../helpers/inputs.js';

const test = suite('reciprocal');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)} away from 0`, () => {
    assertGradcheck((x) => reciprocal(x), [signedPositive(shape, 81)]);
  });
}

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

test('keeps a rank-0 input rank 0', () => {
  const out = reciprocal(tensor(4, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0.25); // by hand
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(reciprocal(zeros([0, 3])).shape, [0, 3]);
});

test('x.reciprocal() and reciprocal(x) give the same values', () => {
  const x = signedPositive([2, 3], 82);

  assertClose(x.reciprocal(), reciprocal(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = reciprocal(8);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assert.is(out.item(), 0.125); // by hand, exact in binary
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => reciprocal(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'reciprocal: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => reciprocal([1, 2] as unknown as Tensor),
    DTypeError,
    'reciprocal: expected a Tensor or a number, got an array',
  );
});

test.run();
