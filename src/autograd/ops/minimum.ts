import { zip } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';
import { mul } from './mul.js';
import { operands } from './operands.js';

/**
 * The smaller of `a` and `b`, element by element, broadcasting by NumPy's
 * rules; NaN if either is NaN.
 * @throws ShapeError when the shapes do not broadcast.
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands('minimum', a, b);

  const out = zip(
    'minimum',
    x,
    y,
    (p, q) => (p <= q || Number.isNaN(p) ? p : q),
    x.dtype,
  );

  // dy goes to the smaller input; on a tie each gets half, as in PyTorch.
  return record('minimum', out, [x, y], (dy) => [
    x.requiresGrad
      ? sumTo(mul(dy, zip('minimum', x, y, share, dy.dtype)), x.shape)
      : null,
    y.requiresGrad
      ? sumTo(mul(dy, zip('minimum', y, x, share, dy.dtype)), y.shape)
      : null,
  ]);
}

/** The share of the gradient that `p` gets when it meets `q`. */
function share(p: number, q: number): number {
  return p < q ? 1 : p === q ? 0.5 : 0;
}
