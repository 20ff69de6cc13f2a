import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  leakyRelu,
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
import { awayFromZero } from '../../helpers/inputs.js';

const test = suite('leakyRelu');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)} away from 0`, () => {
    const x = awayFromZero(shape, 171);

    assertGradcheck((v) => leakyRelu(v), [x]);
    assertGradcheck((v) => leakyRelu(v, 0.2), [x], 'slope 0.2');
  });
}

test('scales negatives by 0.01 by default and keeps positives', () => {
  const values = [-2, -0.5, 0, 1.5];

  // By hand: 0.01 · -2, 0.01 · -0.5, then 0 and 1.5 unchanged.
  const want = { shape: [4], values: [-0.02, -0.005, 0, 1.5] };
  assertClose(leakyRelu(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(leakyRelu(tensor(values)), want, FLOAT32);
});

test('scales negatives by a given slope 0.2', () => {
  const out = leakyRelu(tensor([-2, -0.5, 3], { dtype: 'float64' }), 0.2);

  // By hand: 0.2 · -2, 0.2 · -0.5, then 3.
  assertClose(out, { shape: [3], values: [-0.4, -0.1, 3] }, FLOAT64);
});

test('gives 1 above 0 and the slope at and below 0 as gradient', () => {
  const x = tensor([2, 0, -1], { dtype: 'float64', requiresGrad: true });

  x.leakyRelu(0.2).sum().backward();

  // PyTorch's convention: the slope at exactly 0.
  assertClose(x.grad!, { shape: [3], values: [1, 0.2, 0.2] }, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = leakyRelu(tensor(-3, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assertClose(out, { shape: [], values: [-0.03] }, FLOAT64); // 0.01 · -3
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(leakyRelu(zeros([0, 3])).shape, [0, 3]);
});

test('x.leakyRelu(slope) and leakyRelu(x, slope) give the same values', () => {
  const x = awayFromZero([2, 3], 172);

  assertClose(x.leakyRelu(), leakyRelu(x), FLOAT64);
  assertClose(x.leakyRelu(0.3), leakyRelu(x, 0.3), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = leakyRelu(-2);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [], values: [-0.02] }, FLOAT32); // 0.01 · -2
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => leakyRelu(tensor([1, -2], { dtype: 'int32' })),
    DTypeError,
    'leakyRelu: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => leakyRelu([1, 2] as unknown as Tensor),
    DTypeError,
    'leakyRelu: expected a Tensor or a number, got an array',
  );
});

test.run();
