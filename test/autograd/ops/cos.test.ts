import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  cos,
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
import { scaledNormal } from '../../helpers/inputs.js';

const test = suite('cos');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => cos(x), [scaledNormal(shape, 101, 2)]);
  });
}

test('matches math.cos in float64 and float32', () => {
  const values = [-1, 0, 0.5, 2];

  // python3: [math.cos(v) for v in values]
  const want = {
    shape: [4],
    values: [0.5403023058681398, 1, 0.8775825618903728, -0.4161468365471424],
  };
  assertClose(cos(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(cos(tensor(values)), want, FLOAT32);
});

test('gives -sin(x) as gradient', () => {
  const x = tensor([0, Math.PI / 2], { dtype: 'float64', requiresGrad: true });

  x.cos().sum().backward();

  // d cos x / dx = -sin x: -sin 0 = 0, -sin(π/2) = -1
  assertClose(x.grad!, { shape: [2], values: [0, -1] }, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = cos(tensor(0, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 1); // cos 0
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(cos(zeros([0, 3])).shape, [0, 3]);
});

test('x.cos() and cos(x) give the same values', () => {
  const x = scaledNormal([2, 3], 102, 2);

  assertClose(x.cos(), cos(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = cos(Math.PI);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [], values: [-1] }, FLOAT32); // cos π
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => cos(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'cos: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => cos([1, 2] as unknown as Tensor),
    DTypeError,
    'cos: expected a Tensor or a number, got an array',
  );
});

test.run();
