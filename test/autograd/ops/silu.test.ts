import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  formatShape,
  silu,
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

const test = suite('silu');

for (const shape of [
  [3, 4],
  [2, 1, 3],
]) {
  test(`gradcheck passes on random ${formatShape(shape)}`, () => {
    assertGradcheck((x) => silu(x), [scaledNormal(shape, 141, 2)]);
  });
}

test('matches x σ(x) from python3 in float64 and float32', () => {
  const values = [-2, 0, 1.5, -800];

  // python3: [v / (1 + math.exp(-v)) for v in values[:3]]; silu(-800)
  // underflows to -0, which compares equal to 0.
  const want = {
    shape: [4],
    values: [-0.2384058440442351, 0, 1.2263617142904655, 0],
  };
  assertClose(silu(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(silu(tensor(values)), want, FLOAT32);
});

test('gives σ(x)(1 + x(1 - σ(x))) as gradient', () => {
  const x = tensor([0, 1.5], { dtype: 'float64', requiresGrad: true });

  x.silu().sum().backward();

  // 1/2 at 0 by hand; python3 for 1.5, with s = 1 / (1 + math.exp(-1.5)):
  // s * (1 + 1.5 * (1 - s))
  const want = { shape: [2], values: [0.5, 1.041294154299143] };
  assertClose(x.grad!, want, FLOAT64);
});

test('keeps a rank-0 input rank 0', () => {
  const out = silu(tensor(0, { dtype: 'float64' }));

  assert.equal(out.shape, []);
  assert.is(out.item(), 0); // 0 · σ(0)
});

test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
  assert.equal(silu(zeros([0, 3])).shape, [0, 3]);
});

test('x.silu() and silu(x) give the same values', () => {
  const x = scaledNormal([2, 3], 142, 2);

  assertClose(x.silu(), silu(x), FLOAT64);
});

test('takes a plain number as a rank-0 float32 tensor', () => {
  const out = silu(1.5);

  assert.equal(out.shape, []);
  assert.is(out.dtype, 'float32');
  // python3: 1.5 / (1 + math.exp(-1.5))
  assertClose(out, { shape: [], values: [1.2263617142904655] }, FLOAT32);
});

test('rejects an int32 tensor, saying how to convert', () => {
  assertThrows(
    () => silu(tensor([1, 2], { dtype: 'int32' })),
    DTypeError,
    'silu: expected a float32 or float64 tensor, got int32',
    "Convert first with x.to('float32')",
  );
});

test('rejects an array, saying to wrap it with tensor()', () => {
  assertThrows(
    () => silu([1, 2] as unknown as Tensor),
    DTypeError,
    'silu: expected a Tensor or a number, got an array',
  );
});

test.run();
