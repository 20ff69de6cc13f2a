import { ShapeError, formatShape } from '../errors.js';
import { reduce } from '../tensor/kernels/reduce.js';
import { sameShape } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Sums the gradient `g` of a broadcast result back to the `shape` of the
 * operand that was broadcast, the reverse of NumPy's rules:
 *   1. sum away the leading dims `shape` does not have;
 *   2. sum, keeping the dim, wherever `shape` has 1 and `g` more;
 *   3. view the result as `shape`.
 * Every element that was read more than once so gets all its uses.
 */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  if (lead < 0) {
    throw new ShapeError(
      `internal: cannot sum a gradient of shape ${formatShape(g.shape)} ` +
        `to the larger shape ${formatShape(shape)}.`,
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < g.ndim; d++) {
    if (d < lead || (shape[d - lead] === 1 && g.shape[d] !== 1)) dims.push(d);
  }
  const summed = reduce(g, dims, 'sum');
  return summed.reshape(shape.slice());
}
