import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  tanh,
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

const test = suite('tanh');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => tanh(x), [normal(shape, 111)]);
  });
}

test('matches math.tanh in float64 and float32, saturating at 20', () => {
  const values = [-3, -0.5, 0, 0.5, 20];

  // python3: [math.tanh(v) for v in values]
  const want = {
    shape: [5],
    values: [
      -0.9950547536867305, -0.46211715726000974, 0, 0.46211715726000974, 1,
    ],
  };
  assertClose(tanh(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(tanh(tensor(values)), want, FLOAT32);
});

test('gives 1 - tanh² as gradient', () => {
  const x = tensor([0, 0.5], { dtype: 'float64', requiresGrad: true });

  x.tanh().sum().backward();

  // 1 - tanh(0)² = 1; 1 - tanh(0.5)² with python3's math.tanh(0.5)
  const t = 0.46211715726000974;
  assertClose(x.grad!, { shape: [2], values: [1, 1 - t * t] }, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = tanh(tensor(0, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0); // tanh 0
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(tanh(zeros([0, 3])).shape, [0, 3]);
});

test('x.tanh() and tanh(x) give the same values', () => {
  const x = normal([2, 3], 112);

  assertClose(x.tanh(), tanh(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = tanh(-0.5);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  // python3: math.tanh(-0.5)
  assertClose(out, { shape: [], values: [-0.46211715726000974] }, FLOAT32);
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => tanh(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'tanh: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => tanh([1, 2] as unknown as Tensor),
    DTypeError,
    'tanh: expected a Tensor or a number, got an array',
  );
});

test.run();
