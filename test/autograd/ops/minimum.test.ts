import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { minimum, tensor } from '../../../src/index.js';
import { FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal, offGrid } from '../../helpers/inputs.js';

const test = suite('minimum');

binaryOpSuite(test, {
  name: 'minimum',
  fn: minimum,
  // Grids offset by 0.25, so no central difference straddles a tie.
  gradcheckInputs: (shapeA, shapeB) => [
    offGrid(shapeA, 241, 0),
    offGrid(shapeB, 242, 0.25),
  ],
  methodInputs: () => [normal([2, 3], 243), normal([3], 244)],
  rank0: { a: -1, b: 2, want: -1 }, // min(-1, 2)
  // min(x, 0) by hand; only x = -1 wins, three times.
  plainNumber: {
    x: [-1, 2],
    number: 0,
    right: [-1, 0],
    left: [-1, 0],
    grad: [3, 0],
  },
});

test('takes the smaller of [2, 3] and [3] element by element', () => {
  const a = tensor(
    [
      [1, 5, -2],
      [0, -1, 4],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([3, 2, -2], { dtype: 'float64' });

  // By hand.
  const want = { shape: [2, 3], values: [1, 2, -2, 0, -1, -2] };
  assertClose(minimum(a, b), want, FLOAT64);
});

test('gives NaN where either operand is NaN', () => {
  const a = tensor([NaN, 1, NaN], { dtype: 'float64' });
  const b = tensor([1, NaN, NaN], { dtype: 'float64' });

  // PyTorch's minimum propagates NaN from either side.
  assertClose(minimum(a, b), { shape: [3], values: [NaN, NaN, NaN] }, FLOAT64);
});

test('sends the gradient to the smaller input, half each on a tie', () => {
  const a = tensor([1, 5, 2], { dtype: 'float64', requiresGrad: true });
  const b = tensor([3, 2, 2], { dtype: 'float64', requiresGrad: true });

  minimum(a, b).sum().backward();

  // PyTorch's convention: a tie splits the gradient evenly.
  assertClose(a.grad!, { shape: [3], values: [1, 0, 0.5] }, FLOAT64);
  assertClose(b.grad!, { shape: [3], values: [0, 1, 0.5] }, FLOAT64);
});

test('passes the whole gradient to both inputs where either is NaN', () => {
  const a = tensor([NaN, 1, NaN, 4], { dtype: 'float64', requiresGrad: true });
  const b = tensor([1, NaN, NaN, 4], { dtype: 'float64', requiresGrad: true });

  minimum(a, b).backward(tensor([2, 3, 5, 8], { dtype: 'float64' }));

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

  minimum(a, b).sum().backward();

  // a wins at [0][0], [1][0], [1][1]: b wins the rest, counted by hand.
  assertClose(b.grad!, { shape: [3], values: [0, 1, 2] }, FLOAT64);
  const da = { shape: [2, 3], values: [1, 0, 0, 1, 1, 0] };
  assertClose(a.grad!, da, FLOAT64);
});

test('compares int32 in int32, and in float32 against a fraction', () => {
  const x = tensor([1, -4], { dtype: 'int32' });

  const whole = minimum(x, 0);
  const fraction = minimum(x, 0.5);

  // By hand; the fraction must not be truncated to 0.
  assert.is(whole.dtype, 'int32');
  assert.equal(Array.from(whole.values()), [0, -4]);
  assert.is(fraction.dtype, 'float32');
  assertClose(fraction, { shape: [2], values: [0.5, -4] }, FLOAT64);
});

test.run();
