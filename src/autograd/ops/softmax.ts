import { softmaxLastDim } from '../../tensor/kernels/softmax.js';
import type { Tensor } from '../../tensor/tensor.js';
import { alongDim } from '../along-dim.js';
import { record } from '../tape.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { sum } from './sum.js';

/**
 * `exp(x) / Σ exp(x)` along `dim`, so each slice along `dim` sums to 1.
 * Stable for large inputs (shifted by the maximum first).
 * @throws DTypeError for an int32 input.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function softmax(x: Tensor, dim: number): Tensor {
  const [out, keep] = alongDim('softmax', x, dim, (last) =>
    softmaxLastDim(last, false),
  );

  // dx = y · (dy - Σ dy · y)
  return record('softmax', out, [x], (dy) => [
    mul(out, sub(dy, sum(mul(dy, out), keep, true))),
  ]);
}
