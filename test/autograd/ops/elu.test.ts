import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  elu,
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
import { awayFromZero } from '../../helpers/inputs.js';

const test = suite('elu');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}, two alphas`, () => {
    const x = awayFromZero(shape, 161);

    assertGradcheck((v) => elu(v), [x]);
    assertGradcheck((v) => elu(v, 0.5), [x], 'alpha 0.5');
  });
}

test('matches expm1 from python3 below 0 and x above', () => {
  const values = [-2, -0.5, 0, 1.5];

  // python3: [math.expm1(v) for v in (-2, -0.5, 0)], then 1.5 itself
  const want = {
    shape: [4],
    values: [-0.8646647167633873, -0.3934693402873666, 0, 1.5],
  };
  assertClose(elu(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(elu(tensor(values)), want, FLOAT32);
});

test('scales the negative side by alpha 0.5', () => {
  const out = elu(tensor([-2, -0.5, 3], { dtype: 'float64' }), 0.5);

  // python3: [0.5 * math.expm1(v) for v in (-2, -0.5)], then 3 itself
  const want = {
    shape: [3],
    values: [-0.43233235838169365, -0.1967346701436833, 3],
  };
  assertClose(out, want, FLOAT64);
});

test('gives 1 above 0 and alpha e^x at and below 0 as gradient', () => {
  const x = tensor([2, 0, -1], { dtype: 'float64', requiresGrad: true });

  x.elu(0.5).sum().backward();

  // By hand: 1 above 0, alpha · e^0 = 0.5 at 0 (as PyTorch);
  // python3 0.5 * math.exp(-1) at -1.
  const want = { shape: [3], values: [1, 0.5, 0.18393972058572117] };
  assertClose(x.grad!, want, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = elu(tensor(2, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 2); // positive: x itself
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(elu(zeros([0, 3])).shape, [0, 3]);
});

test('x.elu(alpha) and elu(x, alpha) give the same values', () => {
  const x = awayFromZero([2, 3], 162);

  assertClose(x.elu(), elu(x), FLOAT64);
  assertClose(x.elu(0.3), elu(x, 0.3), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = elu(-2);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  // python3: math.expm1(-2)
  assertClose(out, { shape: [], values: [-0.8646647167633873] }, FLOAT32);
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => elu(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'elu: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => elu([1, 2] as unknown as Tensor),
    DTypeError,
    'elu: expected a Tensor or a number, got an array',
  );
});

test.run();
