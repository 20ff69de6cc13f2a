import { reduce } from '../../tensor/kernels/reduce.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { reductionDims, shapeResult, spread } from '../reduce-dims.js';
import { record } from '../tape.js';

/**
 * The sum of `x` over `dim` (one dim, several, or all when omitted). The
 * reduced dims are dropped, or kept as size 1 when `keepdim` is true.
 * Sums accumulate in float64.
 * @throws RangeError for a dim outside `[-ndim, ndim)` or listed twice.
 * @example
 * sum(tensor([[1, 2], [3, 4]]), 1); // tensor([3., 7.])
 */
export function sum(
  x: Tensor,
  dim?: number | number[],
  keepdim = false,
): Tensor {
  checkTensor('sum', x);
  const dims = reductionDims('sum', x, dim);

  const out = shapeResult(reduce(x, dims, 'sum'), x.shape, dims, keepdim);

  // dx = dy, repeated along every reduced dim
  return record('sum', out, [x], (dy) => [spread(dy, x.shape, dims)]);
}
