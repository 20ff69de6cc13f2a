import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { maximum, tensor } from '../../../src/index.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal, offGrid } from '../../helpers/inputs.js';

const test = suite('maximum');

binaryOpSuite(test, {
  name: 'maximum',
  fn: maximum,
  // Grids offset by 0.25, so no central difference straddles a tie.
  gradcheckInputs: (shapeA, shapeB) => [
    offGrid(shapeA, 231, 0),
    offGrid(shapeB, 232, 0.25),
  ],
  methodInputs: () => [normal([2, 3], 233), normal([3], 234)],
  rank0: { a: -1, b: 2, want: 2 }, // max(-1, 2)
  // max(x, 0) by hand; only x = 2 wins, three times.
  plainNumber: {
    x: [-1, 2],
    number: 0,
    right: [0, 2],
    left: [0, 2],
    grad: [0, 3],
  },
});

test('takes the larger of [2, 3] and [3] element by element', () => {
  const a = tensor(
    [
      [1, 5, -2],
      [0, -1, 4],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([3, 2, -2], { dtype: 'float64' });

  // By hand.
  const want = { shape: [2, 3], values: [3, 5, -2, 3, 2, 4] };
  assertClose(maximum(a, b), want, FLOAT64);
});

test('gives NaN where either operand is NaN', () => {
  const a = tensor([NaN, 1, NaN], { dtype: 'float64' });
  const b = tensor([1, NaN, NaN], { dtype: 'float64' });

  // PyTorch's maximum propagates NaN from either side.
  assertClose(maximum(a, b), { shape: [3], values: [NaN, NaN, NaN] }, FLOAT64);
});

test('sends the gradient to the larger input, half each on a tie', () => {
  const a = tensor([1, 5, 2], { dtype: 'float64', requiresGrad: true });
  const b = tensor([3, 2, 2], { dtype: 'float64', requiresGrad: true });

  maximum(a, b).sum().backward();

  // PyTorch's convention: a tie splits the gradient evenly.
  assertClose(a.grad!, { shape: [3], values: [0, 1, 0.5] }, FLOAT64);
  assertClose(b.grad!, { shape: [3], values: [1, 0, 0.5] }, FLOAT64);
});

test('passes the whole gradient to both inputs where either is NaN', () => {
  const a = tensor([NaN, 1, NaN, 4], { dtype: 'float64', requiresGrad: true });
  const b = tensor([1, NaN, NaN, 4], { dtype: 'float64', requiresGrad: true });

  maximum(a, b).backward(tensor([2, 3, 5, 8], { dtype: 'float64' }));

  // PyTorch (derivatives.yaml): where(a == b, dy / 2, dy), set to 0 where
  // the other side wins. Every comparison with NaN is false, so both get
  // dy at the first three; the tie at 4 splits 8 into 4 and 4.
  const want = { shape: [4], values: [2, 3, 5, 4] };
  assertClose(a.grad!, want, FLOAT64);
  assertClose(b.grad!, want, FLOAT64);
});

test('sums the gradient of b [3] over the rows of a [2, 3]', () => {
  const options = { dtype: 'float64', requiresGrad: true } as const;
  const a = tensor(
    [
      [1, 5, -2],
      [0, -1, 4],
    ],
    options,
  );
  const b = tensor([3, 2, -3], options);

  maximum(a, b).sum().backward();

  // b wins at [0][0], [1][0], [1][1]: counts per column by hand.
  assertClose(b.grad!, { shape: [3], values: [2, 1, 0] }, FLOAT64);
  const da = { shape: [2, 3], values: [0, 1, 1, 0, 0, 1] };
  assertClose(a.grad!, da, FLOAT64);
});

test('compares int32 in int32, and in float32 against a fraction', () => {
  const x = tensor([1, -4], { dtype: 'int32' });

  const whole = maximum(x, 0);
  const fraction = maximum(x, 0.5);

  // By hand; the fraction must not be truncated to 0.
  assert.is(whole.dtype, 'int32');
  assert.equal(Array.from(whole.values()), [1, 0]);
  assert.is(fraction.dtype, 'float32');
  assertClose(fraction, { shape: [2], values: [1, 0.5] }, FLOAT64);
});

test.run();
