import { requireFloating, allocate } from '../../tensor/dtype.js';
import { gatherRuns } from '../../tensor/kernels/reduce.js';
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
 * all -inf gives -inf. `keepdim` as in `sum`.
 * @throws DTypeError for an int32 input.
 */
export function logsumexp(x: Tensor, dim: number | number[], keepdim = false): Tensor {
  requireFloating('logsumexp', checkTensor('logsumexp', x).dtype);
  const dims = reductionDims('logsumexp', x, dim);

  const { data, kept, run } = gatherRuns(x, dims);
  const result = allocate(x.dtype, data.length / Math.max(run, 1));
  for (let o = 0; o < result.length; o++) {
    const start = o * run;
    let max = -Infinity;
    for (let i = start; i < start + run; i++) if (data[i]! > max) max = data[i]!;
    if (!Number.isFinite(max)) {
      result[o] = max;
      continue;
    }
    let total = 0;
    for (let i = start; i < start + run; i++) total += Math.exp(data[i]! - max);
    result[o] = max + Math.log(total);
  }
  const out = shapeResult(Tensor.fromData(result, kept), x.shape, dims, keepdim);

  // dx = dy · exp(x - logsumexp(x)) = dy · softmax(x)
  return record('logsumexp', out, [x], (dy) => [
    mul(spread(dy, x.shape, dims), exp(sub(x, spread(out, x.shape, dims)))),
  ]);
}
