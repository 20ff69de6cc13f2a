import { zip } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operands } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';
import { mul } from './mul.js';

/**
 * The larger of `a` and `b`, element by element, broadcasting by NumPy's
 * rules; NaN if either is NaN.
 *
 * Gradient, as in PyTorch: all of it to the larger input, half to each on
 * a tie, and all of it to both where either is NaN (no comparison holds).
 * @throws ShapeError when the shapes do not broadcast.
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return pairwiseExtremum('maximum', a, b);
}

/**
 * `maximum` and `minimum`, which differ only in which side wins.
 * `minimum.ts` calls this with `'minimum'`.
 */
export function pairwiseExtremum(
  op: 'maximum' | 'minimum',
  a: TensorLike,
  b: TensorLike,
): Tensor {
  const [x, y] = operands(op, a, b);
  const beats =
    op === 'maximum'
      ? (p: number, q: number) => p > q
      : (p: number, q: number) => p < q;

  const out = zip(
    op,
    x,
    y,
    (p, q) => (beats(p, q) || p === q || Number.isNaN(p) ? p : q),
    x.dtype,
  );

  // PyTorch's rule (derivatives.yaml), for maximum:
  // dx = where(x == y, dy / 2, dy) with 0 where x < y, and dy the same
  // way with 0 where y < x. A comparison with NaN is false both ways, so
  // a NaN operand passes the whole gradient to both inputs.
  const share = (own: number, other: number): number =>
    own === other ? 0.5 : beats(other, own) ? 0 : 1;
  return record(op, out, [x, y], (dy) => [
    x.requiresGrad
      ? sumTo(mul(dy, zip(op, x, y, share, dy.dtype)), x.shape)
      : null,
    y.requiresGrad
      ? sumTo(mul(dy, zip(op, y, x, share, dy.dtype)), y.shape)
      : null,
  ]);
}
