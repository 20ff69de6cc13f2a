import { requireFloating } from '../../tensor/dtype.js';
import { reduce } from '../../tensor/kernels/reduce.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { reductionDims, shapeResult, spread } from '../reduce-dims.js';
import { record } from '../tape.js';
import { div } from './div.js';

/**
 * The mean of `x` over `dim` (one dim, several, or all when omitted); NaN
 * over zero elements. `keepdim` as in `sum`.
 * @throws DTypeError for an int32 input.
 * @throws RangeError for a dim outside `[-ndim, ndim)` or listed twice.
 */
export function mean(
  x: Tensor,
  dim?: number | number[],
  keepdim = false,
): Tensor {
  requireFloating('mean', checkTensor('mean', x).dtype);
  const dims = reductionDims('mean', x, dim);
  const count = dims.reduce((n, d) => n * x.shape[d]!, 1);

  const total = shapeResult(reduce(x, dims, 'sum'), x.shape, dims, keepdim);
  const out = div(total, count);

  // dx = dy / count, repeated along every reduced dim
  return record('mean', out, [x], (dy) => [
    div(spread(dy, x.shape, dims), count),
  ]);
}
