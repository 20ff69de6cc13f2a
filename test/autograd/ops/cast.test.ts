import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  Generator,
  formatShape,
  randint,
  tensor,
  zeros,
  type DType,
} from '../../../src/index.js';
import { cast } from '../../../src/autograd/ops/cast.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';

// A step of 1/16 on values that are multiples of 1/16 keeps x ± step exact
// in float32, so central differences through a float32 cast are exact.
const STEP = 1 / 16;

const test = suite('cast');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes via float32 and back on ${formatShape(shape)}`, () => {
    const g = new Generator(261);
    const sixteenths = randint(-32, 32, shape, { generator: g });
    const x = sixteenths.to('float64').mul(STEP);

    assertGradcheck(
      (v) => cast(cast(v, 'float32'), 'float64').mul(3),
      [x],
      'via float32',
      { eps: STEP },
    );
  });
}

test('rounds float64 to the nearest float32', () => {
  const x = tensor([0.1, 1 / 3, 1e-50], { dtype: 'float64' });

  const out = cast(x, 'float32');

  // Math.fround is JavaScript's own float32 rounding; 1e-50 underflows.
  assert.is(out.dtype, 'float32');
  const want = [Math.fround(0.1), Math.fround(1 / 3), 0];
  assert.equal(Array.from(out.values()), want);
});

test('truncates floats toward zero in int32, as PyTorch', () => {
  const x = tensor([-1.7, -0.5, 0.5, 2.9, 7], { dtype: 'float64' });

  const out = cast(x, 'int32');

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [-1, 0, 0, 2, 7]); // by hand
});

test('refuses a float past int32 rather than wrap it, naming the value', () => {
  // 3e9 once became -1294967296.
  assertThrows(
    () => tensor([1, 3e9]).to('int32'),
    RangeError,
    'to: int32 values must lie in [-2147483648, 2147483647], got 3000000000 ' +
      'at flat index 1',
    'Clamp the values into that range first',
  );
  assertThrows(
    () => cast(tensor([-(2 ** 31) - 1], { dtype: 'float64' }), 'int32'),
    RangeError,
    'got -2147483649 at flat index 0',
  );
  assertThrows(
    () => tensor([0, NaN]).to('int32'),
    RangeError,
    'got NaN at flat index 1',
  );
  // The ends of the range, and fractions that truncate into it, are fine.
  const edge = tensor([-(2 ** 31), 2147483647.9], { dtype: 'float64' });
  assert.equal(
    Array.from(cast(edge, 'int32').values()),
    [-2147483648, 2147483647],
  );
});

test('converts int32 to float32 and float64 exactly', () => {
  const x = tensor([-3, 0, 16777216], { dtype: 'int32' });

  for (const dtype of ['float32', 'float64'] as const) {
    const out = cast(x, dtype);

    assert.is(out.dtype, dtype);
    assert.equal(Array.from(out.values()), [-3, 0, 16777216]); // 2^24 fits
  }
});

test('returns the same tensor when the dtype already matches', () => {
  const x = zeros([2], { dtype: 'float64', requiresGrad: true });

  assert.is(cast(x, 'float64'), x);
});

test('hands a float32 leaf its gradient in float32', () => {
  const x = tensor([1, 2], { requiresGrad: true });

  const y = cast(x, 'float64').mul(3);
  y.sum().backward();

  // d(3x)/dx = 3, cast back to the leaf's dtype.
  assert.is(y.dtype, 'float64');
  assert.is(x.grad!.dtype, 'float32');
  assertClose(x.grad!, { shape: [2], values: [3, 3] }, FLOAT64);
});

test('records nothing when casting to int32', () => {
  const x = tensor([1.5, 2.5], { requiresGrad: true });

  const out = cast(x, 'int32');

  assert.is(out.requiresGrad, false);
  assert.is(out.node, null);
});

test('copies a transposed [3, 2] view in row-major order', () => {
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  );

  const out = cast(x.T, 'float32');

  assert.equal(out.shape, [3, 2]);
  assert.equal(Array.from(out.values()), [1, 4, 2, 5, 3, 6]); // by hand
});

test('keeps a rank-0 input rank 0', () => {
  const out = cast(tensor(2.5, { dtype: 'float64' }), 'float32');

  assert.equal(out.shape, []);
  assert.is(out.item(), 2.5); // exact in float32
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  const out = cast(zeros([0, 3]), 'int32');

  assert.equal(out.shape, [0, 3]);
  assert.is(out.dtype, 'int32');
});

test('x.to(dtype) and cast(x, dtype) give the same values', () => {
  const x = tensor([-1.5, 0.25, 3.75], { dtype: 'float64' });

  for (const dtype of ['float32', 'float64', 'int32'] as const) {
    const method = Array.from(x.to(dtype).values());

    assert.equal(method, Array.from(cast(x, dtype).values()));
  }
});

test('rejects an unknown dtype, listing the known ones', () => {
  assertThrows(
    () => cast(zeros([2]), 'float16' as unknown as DType),
    DTypeError,
    `to: dtype must be 'float32', 'float64' or 'int32', got "float16".`,
  );
});

test.run();
