import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  sqrt,
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
import { positive } from '../../helpers/inputs.js';

const test = suite('sqrt');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random positive ${formatShape(shape)}`, () => {
    assertGradcheck((x) => sqrt(x), [positive(shape, 71)]);
  });
}

test('matches math.sqrt in float64 and float32', () => {
  const values = [0, 0.25, 2, 9];

  // python3: [math.sqrt(v) for v in values]
  const want = { shape: [4], values: [0, 0.5, 1.4142135623730951, 3] };
  assertClose(sqrt(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(sqrt(tensor(values)), want, FLOAT32);
});

test('gives NaN below 0', () => {
  // IEEE 754: the square root of a negative number is NaN.
  assertClose(sqrt(tensor([-1])), { shape: [1], values: [NaN] }, FLOAT64);
});

test('gives 1 / (2 sqrt(x)) as gradient, Infinity at 0', () => {
  const x = tensor([4, 0.25, 0], { dtype: 'float64', requiresGrad: true });

  x.sqrt().sum().backward();

  // By hand: 1/(2·2), 1/(2·0.5); 1/0 = Infinity at 0, as in PyTorch.
  assertClose(x.grad!, { shape: [3], values: [0.25, 1, Infinity] }, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = sqrt(tensor(16, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 4); // by hand
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(sqrt(zeros([0, 3])).shape, [0, 3]);
});

test('x.sqrt() and sqrt(x) give the same values', () => {
  const x = positive([2, 3], 72);

  assertClose(x.sqrt(), sqrt(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = sqrt(2);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [], values: [Math.SQRT2] }, FLOAT32); // √2
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => sqrt(tensor([1, 4], { dtype: 'int32' })),
    DTypeError,
    'sqrt: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => sqrt([1, 4] as unknown as Tensor),
    DTypeError,
    'sqrt: expected a Tensor or a number, got an array',
  );
});

test.run();
