import { requireFloating, allocate } from '../../tensor/dtype.js';
import { gatherRuns } from '../../tensor/kernels/reduce.js';
import { logSumExpRun } from '../../tensor/kernels/softmax.js';
import { sizeOf } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { reductionDims, shapeResult, spread } from '../reduce-dims.js';
import { record } from '../tape.js';
import { exp } from './exp.js';
import { mul } from './mul.js';
import { sub } from './sub.js';

/**
 * `log(Σ exp(x))` over `dim` (one dim or several), computed stably: each
 * run is shifted by its maximum (the softmax kernel's shift), so inputs
 * of ±1e3 stay finite. A run of all -inf, or of no elements, gives -inf;
 * a run holding +inf gives +inf; a run holding NaN gives NaN.
 * `keepdim` as in `sum`.
 * @throws DTypeError for an int32 input.
 * @throws RangeError for a dim outside `[-ndim, ndim)` or listed twice.
 */
export function logsumexp(
  x: Tensor,
  dim: number | number[],
  keepdim = false,
): Tensor {
  requireFloating('logsumexp', checkTensor('logsumexp', x).dtype);
  const dims = reductionDims('logsumexp', x, dim);

  // One result per kept position; a run of zero elements (a reduced dim of
  // size 0) gives log 0 = -inf, as in PyTorch.
  const { data, kept, run } = gatherRuns(x, dims);
  const result = allocate(x.dtype, sizeOf(kept));
  for (let o = 0; o < result.length; o++) {
    result[o] = logSumExpRun(data, o * run, (o + 1) * run);
  }
  const out = shapeResult(
    Tensor.fromData(result, kept),
    x.shape,
    dims,
    keepdim,
  );

  // dx = dy · exp(x - logsumexp(x)) = dy · softmax(x)
  return record('logsumexp', out, [x], (dy) => [
    mul(spread(dy, x.shape, dims), exp(sub(x, spread(out, x.shape, dims)))),
  ]);
}
