import { requireFloating } from '../../tensor/dtype.js';
import { reduce } from '../../tensor/kernels/reduce.js';
import type { Tensor } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { checkTensor } from './operands.js';
import { reductionDims, shapeResult, spread } from './reduce-dims.js';
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
 * default correction gives NaN (0 / 0), as in PyTorch.
 * @throws DTypeError for an int32 input.
 */
export function variance(
  x: Tensor,
  dim?: number | number[],
  options: VarOptions = {},
): Tensor {
  requireFloating('var', checkTensor('var', x).dtype);
  const dims = reductionDims('var', x, dim);
  const n = dims.reduce((count, d) => count * x.shape[d]!, 1);
  const divisor = Math.max(0, n - (options.correction ?? 1));

  const centered = sub(
    x.detach(),
    spread(div(reduce(x, dims, 'sum'), n), x.shape, dims),
  );
  const squares = reduce(mul(centered, centered), dims, 'sum');
  const out = shapeResult(
    div(squares, divisor),
    x.shape,
    dims,
    options.keepdim ?? false,
  );

  // dx = dy · 2 (x - mean) / divisor
  return record('var', out, [x], (dy) => [
    mul(spread(dy, x.shape, dims), div(mul(centered, 2), divisor)),
  ]);
}
