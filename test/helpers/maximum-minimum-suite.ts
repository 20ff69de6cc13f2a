// The tests maximum and minimum share beyond binaryOpSuite: the same
// operands for both, with each op's hand-checked results passed in. They
// cover the pick along a broadcast row, NaN from either side, the tie that
// splits the gradient, NaN passing the whole gradient, the gradient summed
// over broadcast rows, and int32 against whole and fractional numbers.
import * as assert from 'uvu/assert';
import type { Test } from 'uvu';
import { tensor, type Tensor, type TensorLike } from '../../src/index.js';
import { FLOAT64, assertClose } from './assert-close.js';

// The [2, 3] operand the row tests share.
const ROWS = [
  [1, 5, -2],
  [0, -1, 4],
];

/** What differs between maximum and minimum: the op and its results. */
export interface MaximumMinimumSpec {
  name: 'maximum' | 'minimum';
  /** The op under test, as exported from the package. */
  fn: (a: TensorLike, b: TensorLike) => Tensor;
  /** The input the op picks, for the test names. */
  picks: 'larger' | 'smaller';
  /** `op(a, b)` for a [[1, 5, -2], [0, -1, 4]] and b [3, 2, -2]. */
  rows: number[];
  /** The gradients of sum(op(a, b)) for a [1, 5, 2] and b [3, 2, 2]. */
  tie: { da: number[]; db: number[] };
  /**
   * The gradients of sum(op(a, b)) for a [[1, 5, -2], [0, -1, 4]] and
   * b [3, 2, -3]: da [2, 3] and db [3].
   */
  broadcast: { da: number[]; db: number[] };
  /** For int32 x [1, -4]: op(x, 0) in int32 and op(x, 0.5) in float32. */
  int32: { whole: number[]; fraction: number[] };
}

/** Registers the tests maximum and minimum share on `test`. */
export function maximumMinimumSuite(
  test: Test,
  spec: MaximumMinimumSpec,
): void {
  const { fn, picks } = spec;
  const float64 = { dtype: 'float64', requiresGrad: true } as const;

  test(`takes the ${picks} of [2, 3] and [3] element by element`, () => {
    const a = tensor(ROWS, { dtype: 'float64' });
    const b = tensor([3, 2, -2], { dtype: 'float64' });

    assertClose(fn(a, b), { shape: [2, 3], values: spec.rows }, FLOAT64);
  });

  test('gives NaN where either operand is NaN', () => {
    const a = tensor([NaN, 1, NaN], { dtype: 'float64' });
    const b = tensor([1, NaN, NaN], { dtype: 'float64' });

    // PyTorch's maximum and minimum propagate NaN from either side.
    assertClose(fn(a, b), { shape: [3], values: [NaN, NaN, NaN] }, FLOAT64);
  });

  test(`sends the gradient to the ${picks} input, half each on a tie`, () => {
    const a = tensor([1, 5, 2], float64);
    const b = tensor([3, 2, 2], float64);

    fn(a, b).sum().backward();

    // PyTorch's convention: a tie splits the gradient evenly.
    assertClose(a.grad!, { shape: [3], values: spec.tie.da }, FLOAT64);
    assertClose(b.grad!, { shape: [3], values: spec.tie.db }, FLOAT64);
  });

  test('passes the whole gradient to both inputs where either is NaN', () => {
    const a = tensor([NaN, 1, NaN, 4], float64);
    const b = tensor([1, NaN, NaN, 4], float64);

    fn(a, b).backward(tensor([2, 3, 5, 8], { dtype: 'float64' }));

    // PyTorch (derivatives.yaml): where(a == b, dy / 2, dy), set to 0 where
    // the other side wins. Every comparison with NaN is false, so both get
    // dy at the first three; the tie at 4 splits 8 into 4 and 4.
    const want = { shape: [4], values: [2, 3, 5, 4] };
    assertClose(a.grad!, want, FLOAT64);
    assertClose(b.grad!, want, FLOAT64);
  });

  test('sums the gradient of b [3] over the rows of a [2, 3]', () => {
    const a = tensor(ROWS, float64);
    const b = tensor([3, 2, -3], float64);

    fn(a, b).sum().backward();

    const { da, db } = spec.broadcast;
    assertClose(b.grad!, { shape: [3], values: db }, FLOAT64);
    assertClose(a.grad!, { shape: [2, 3], values: da }, FLOAT64);
  });

  test('compares int32 in int32, and in float32 against a fraction', () => {
    const x = tensor([1, -4], { dtype: 'int32' });

    const whole = fn(x, 0);
    const fraction = fn(x, 0.5);

    // The fraction must not be truncated to 0.
    assert.is(whole.dtype, 'int32');
    assert.equal(Array.from(whole.values()), spec.int32.whole);
    assert.is(fraction.dtype, 'float32');
    const want = { shape: [2], values: spec.int32.fraction };
    assertClose(fraction, want, FLOAT64);
  });
}
