import { requireFloating, allocate } from '../../tensor/dtype.js';
import { gatherRuns } from '../../tensor/kernels/reduce.js';
import { sizeOf } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { exp } from './exp.js';
import { mul } from './mul.js';
import { checkTensor } from './operands.js';
import { reductionDims, shapeResult, spread } from './reduce-dims.js';
import { sub } from './sub.js';

/**
 * `log(Σ exp(x))` over `dim` (one dim or several), computed stably: each
 * run is shifted by its maximum, so inputs of ±1e3 stay finite. A run of
 * all -inf, or of no elements, gives -inf; a run holding NaN gives NaN.
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
  // size 0) has no maximum and gives log 0 = -inf, as in PyTorch.
  const { data, kept, run } = gatherRuns(x, dims);
  const result = allocate(x.dtype, sizeOf(kept));
  for (let o = 0; o < result.length; o++) {
    const start = o * run;
    // NaN wins the scan, so a run holding NaN gives NaN even when its
    // maximum is infinite (the early return below skips the sum).
    let max = -Infinity;
    for (let i = start; i < start + run; i++) {
      const v = data[i]!;
      if (v > max || Number.isNaN(v)) max = v;
      if (Number.isNaN(max)) break;
    }
    if (!Number.isFinite(max)) {
      result[o] = max;
      continue;
    }
    let total = 0;
    for (let i = start; i < start + run; i++) total += Math.exp(data[i]! - max);
    result[o] = max + Math.log(total);
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
