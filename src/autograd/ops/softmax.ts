import { requireFloating } from '../../tensor/dtype.js';
import { softmaxLastDim } from '../../tensor/kernels/softmax.js';
import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { mul } from './mul.js';
import { checkTensor } from './operands.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { transpose } from './transpose.js';

/**
 * `exp(x) / Σ exp(x)` along `dim`, so each slice along `dim` sums to 1.
 * Stable for large inputs (shifted by the maximum first).
 * @throws DTypeError for an int32 input.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function softmax(x: Tensor, dim: number): Tensor {
  return alongDim('softmax', x, dim, false);
}

/**
 * `x - logsumexp(x)` along `dim`: log-probabilities, computed without
 * forming exp(x), so logits near ±1e3 give exact finite results. The
 * usual input to `nllLoss`.
 * @throws DTypeError for an int32 input.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  return alongDim('logSoftmax', x, dim, true);
}

function alongDim(op: string, x: Tensor, dim: number, log: boolean): Tensor {
  requireFloating(op, checkTensor(op, x).dtype);
  const last = Math.max(x.ndim - 1, 0);
  const d = normalizeDim(op, dim, x.ndim);

  // The kernel works on the last dim; other dims are swapped there and back.
  const moved = d === last ? x.detach() : transpose(x.detach(), d, last);
  const result = softmaxLastDim(moved, log);
  const out = d === last ? result : transpose(result, d, last);

  return record(op, out, [x], (dy) => {
    const keep = x.ndim === 0 ? undefined : d;
    if (log) {
      // dx = dy - softmax(x) · Σ dy
      return [sub(dy, mul(out.exp(), sum(dy, keep, true)))];
    }
    // dx = y · (dy - Σ dy · y)
    return [mul(out, sub(dy, sum(mul(dy, out), keep, true)))];
  });
}
