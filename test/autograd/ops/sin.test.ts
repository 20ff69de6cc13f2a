import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  sin,
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

const test = suite('sin');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => sin(x), [scaledNormal(shape, 91, 2)]);
  });
}

test('matches math.sin in float64 and float32', () => {
  const values = [-1, 0, 0.5, 2];

  // python3: [math.sin(v) for v in values]
  const want = {
    shape: [4],
    values: [-0.8414709848078965, 0, 0.479425538604203, 0.9092974268256817],
  };
  assertClose(sin(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(sin(tensor(values)), want, FLOAT32);
});

test('gives cos(x) as gradient', () => {
  const x = tensor([0, Math.PI], { dtype: 'float64', requiresGrad: true });

  x.sin().sum().backward();

  // d sin x / dx = cos x: cos 0 = 1, cos π = -1
  assertClose(x.grad!, { shape: [2], values: [1, -1] }, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = sin(tensor(0, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0); // sin 0
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(sin(zeros([0, 3])).shape, [0, 3]);
});

test('x.sin() and sin(x) give the same values', () => {
  const x = scaledNormal([2, 3], 92, 2);

  assertClose(x.sin(), sin(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = sin(Math.PI / 2);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [], values: [1] }, FLOAT32); // sin(π/2)
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => sin(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'sin: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => sin([1, 2] as unknown as Tensor),
    DTypeError,
    'sin: expected a Tensor or a number, got an array',
  );
});

test.run();
