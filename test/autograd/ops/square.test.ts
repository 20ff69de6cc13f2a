import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  square,
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
import { normal } from '../../helpers/inputs.js';

const test = suite('square');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => square(x), [normal(shape, 201)]);
  });
}

test('squares in float64 and float32', () => {
  const values = [-2, 0, 1.5, 0.1];

  // By hand; 0.1² = 0.01.
  const want = { shape: [4], values: [4, 0, 2.25, 0.01] };
  assertClose(square(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(square(tensor(values)), want, FLOAT32);
});

test('gives 2x as gradient', () => {
  const x = tensor([3, -0.5], { dtype: 'float64', requiresGrad: true });

  x.square().sum().backward();

  assertClose(x.grad!, { shape: [2], values: [6, -1] }, FLOAT64); // by hand
});

test('squares int32 in int32', () => {
  const out = square(tensor([3, -4], { dtype: 'int32' }));

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [9, 16]); // by hand
});

test('keeps a rank-0 input rank 0', () => {
  const out = square(tensor(-3, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 9); // (-3)²
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(square(zeros([0, 3])).shape, [0, 3]);
});

test('x.square() and square(x) give the same values', () => {
  const x = normal([2, 3], 202);

  assertClose(x.square(), square(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = square(1.5);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assert.is(out.item(), 2.25); // 1.5²
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => square([1, 2] as unknown as Tensor),
    DTypeError,
    'square: expected a Tensor or a number, got an array',
  );
});

test.run();
