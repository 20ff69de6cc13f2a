import { allocate, requireFloating } from '../../tensor/dtype.js';
import { gatherRuns } from '../../tensor/kernels/reduce.js';
import { sizeOf } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { reductionDims, shapeResult, spread } from '../reduce-dims.js';
import { record } from '../tape.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { sub } from './sub.js';

export interface VarOptions {
  /**
   * Subtracted from the element count in the divisor: 1 (the default, as
   * PyTorch) gives the unbiased sample variance, 0 the population one.
   */
  correction?: number;
  /** Keep the reduced dims as size 1. Default false. */
  keepdim?: boolean;
}

/**
 * The variance of `x` over `dim` (one, several, or all when omitted):
 * `Σ (x - mean)² / max(0, n - correction)`, so one element with the
 * default correction gives NaN (0 / 0), as in PyTorch. The mean and the
 * squared deviations are accumulated in float64 and the result rounded
 * once, as PyTorch's CPU kernel does, so float32 data whose mean is large
 * against its spread keeps its digits.
 * @throws DTypeError for an int32 input.
 */
export function variance(
  x: Tensor,
  dim?: number | number[],
  options: VarOptions = {},
): Tensor {
  requireFloating('var', checkTensor('var', x).dtype);
  const dims = reductionDims('var', x, dim);
  const correction = options.correction ?? 1;

  const { means, variances, divisor } = moments(x, dims, correction);
  const out = shapeResult(variances, x.shape, dims, options.keepdim ?? false);

  // dx = dy · 2 (x - mean) / divisor
  return record('var', out, [x], (dy) => {
    const centered = sub(x.detach(), spread(means, x.shape, dims));
    return [mul(spread(dy, x.shape, dims), div(mul(centered, 2), divisor))];
  });
}

/**
 * Two passes over each reduced run, both in float64: the mean, then the
 * sum of squared deviations from it. Returns the means (for the
 * backward) and the variances in `x`'s dtype, both of the kept shape.
 */
function moments(
  x: Tensor,
  dims: readonly number[],
  correction: number,
): { means: Tensor; variances: Tensor; divisor: number } {
  const { data, kept, run } = gatherRuns(x, dims);
  const divisor = Math.max(0, run - correction);
  const means = allocate(x.dtype, sizeOf(kept));
  const variances = allocate(x.dtype, means.length);
  for (let o = 0; o < means.length; o++) {
    const start = o * run;
    let total = 0;
    for (let i = start; i < start + run; i++) total += data[i]!;
    const mean = total / run;
    let squares = 0;
    for (let i = start; i < start + run; i++) {
      const d = data[i]! - mean;
      squares += d * d;
    }
    means[o] = mean;
    variances[o] = squares / divisor;
  }
  return {
    means: Tensor.fromData(means, kept),
    variances: Tensor.fromData(variances, kept),
    divisor,
  };
}
