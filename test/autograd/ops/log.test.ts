import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  log,
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

const test = suite('log');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random positive ${formatShape(shape)}`, () => {
    assertGradcheck((x) => log(x), [positive(shape, 61)]);
  });
}

test('matches math.log in float64 and float32', () => {
  const values = [0.25, 1, 2, 10];

  // python3: [math.log(v) for v in values]
  const want = {
    shape: [4],
    values: [-1.3862943611198906, 0, 0.6931471805599453, 2.302585092994046],
  };
  assertClose(log(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(log(tensor(values)), want, FLOAT32);
});

test('gives -Infinity at 0 and NaN below 0, as IEEE 754 says', () => {
  const out = log(tensor([0, -1], { dtype: 'float64' }));

  // IEEE 754 log: log(0) = -inf, log(-1) = NaN.
  assertClose(out, { shape: [2], values: [-Infinity, NaN] }, FLOAT64);
});

test('gives 1/x as gradient', () => {
  const x = tensor([0.5, 4], { dtype: 'float64', requiresGrad: true });

  x.log().sum().backward();

  // d ln x / dx = 1/x, by hand
  assertClose(x.grad!, { shape: [2], values: [2, 0.25] }, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = log(tensor(1, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0); // ln 1
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(log(zeros([0, 3])).shape, [0, 3]);
});

test('x.log() and log(x) give the same values', () => {
  const x = positive([2, 3], 62);

  assertClose(x.log(), log(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = log(8);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  // ln 8 = 3 ln 2
  assertClose(out, { shape: [], values: [3 * Math.LN2] }, FLOAT32);
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => log(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'log: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => log([1, 2] as unknown as Tensor),
    DTypeError,
    'log: expected a Tensor or a number, got an array',
  );
});

test.run();
