import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  abs,
  formatShape,
  tensor,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { awayFromZero } from '../../helpers/inputs.js';

const test = suite('abs');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)} away from 0`, () => {
    assertGradcheck((x) => abs(x), [awayFromZero(shape, 191)]);
  });
}

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

test('takes int32 to int32', () => {
  const out = abs(tensor([3, -4, 0], { dtype: 'int32' }));

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [3, 4, 0]); // by hand
});

test('keeps a rank-0 input rank 0', () => {
  const out = abs(tensor(-2.5, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 2.5); // |-2.5|
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(abs(zeros([0, 3])).shape, [0, 3]);
});

test('x.abs() and abs(x) give the same values', () => {
  const x = awayFromZero([2, 3], 192);

  assertClose(x.abs(), abs(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = abs(-0.5);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assert.is(out.item(), 0.5); // |-0.5|
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => abs([1, 2] as unknown as Tensor),
    DTypeError,
    'abs: expected a Tensor or a number, got an array',
  );
});

test.run();
