import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  exp,
  formatShape,
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

const test = suite('exp');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => exp(x), [normal(shape, 51)]);
  });
}

test('matches math.exp in float64 and float32', () => {
  const values = [-2, -0.5, 0, 0.5, 3];

  // python3: [math.exp(v) for v in values]
  const want = {
    shape: [5],
    values: [
      0.1353352832366127, 0.6065306597126334, 1, 1.6487212707001282,
      20.085536923187668,
    ],
  };
  assertClose(exp(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(exp(tensor(values)), want, FLOAT32);
  assert.is(exp(tensor(values)).dtype, 'float32');
});

test('gives the output itself as gradient', () => {
  const x = tensor([0, 1], { dtype: 'float64', requiresGrad: true });

  x.exp().sum().backward();

  // d e^x / dx = e^x: 1 and Math.E
  assertClose(x.grad!, { shape: [2], values: [1, Math.E] }, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = exp(tensor(0, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 1); // e^0
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  const out = exp(zeros([0, 3]));

  assert.equal(out.shape, [0, 3]);
  assert.is(out.size, 0);
});

test('x.exp() and exp(x) give the same values', () => {
  const x = normal([2, 3], 52);

  assertClose(x.exp(), exp(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = exp(1);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [], values: [Math.E] }, FLOAT32); // e^1
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => exp(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'exp: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => exp([1, 2] as unknown as Tensor),
    DTypeError,
    'exp: expected a Tensor or a number, got an array',
    'Wrap arrays with tensor(...) first.',
  );
});

test.run();
