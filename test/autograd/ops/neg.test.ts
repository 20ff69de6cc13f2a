import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  neg,
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
import { normal } from '../../helpers/inputs.js';

const test = suite('neg');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => neg(x), [normal(shape, 181)]);
  });
}

test('flips the sign in float64 and float32', () => {
  const values = [-2, 0, 1.5];

  // By hand.
  const want = { shape: [3], values: [2, 0, -1.5] };
  assertClose(neg(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(neg(tensor(values)), want, FLOAT64);
});

test('gives -1 as gradient', () => {
  const x = tensor([3, -1], { dtype: 'float64', requiresGrad: true });

  x.neg().sum().backward();

  assertClose(x.grad!, { shape: [2], values: [-1, -1] }, FLOAT64); // d(-x)/dx
});

test('negates int32 in int32', () => {
  const out = neg(tensor([3, -4, 0], { dtype: 'int32' }));

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [-3, 4, 0]); // by hand
});

test('keeps a rank-0 input rank 0', () => {
  const out = neg(tensor(2.5, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), -2.5); // -(2.5)
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(neg(zeros([0, 3])).shape, [0, 3]);
});

test('x.neg() and neg(x) give the same values', () => {
  const x = normal([2, 3], 182);

  assertClose(x.neg(), neg(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = neg(0.5);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assert.is(out.item(), -0.5); // -(0.5)
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => neg([1, 2] as unknown as Tensor),
    DTypeError,
    'neg: expected a Tensor or a number, got an array',
    'Wrap arrays with tensor(...) first.',
  );
});

test.run();
