import { softmaxLastDim } from '../../tensor/kernels/softmax.js';
import type { Tensor } from '../../tensor/tensor.js';
import { alongDim } from '../along-dim.js';
import { record } from '../tape.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { sum } from './sum.js';

/**
 * `x - logsumexp(x)` along `dim`: log-probabilities, computed without
 * forming exp(x), so logits near ±1e3 give exact finite results. The
 * usual input to `nllLoss`.
 * @throws DTypeError for an int32 input.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  const [out, keep] = alongDim('logSoftmax', x, dim, (last) =>
    softmaxLastDim(last, true),
  );

  // dx = dy - softmax(x) · Σ dy
  return record('logSoftmax', out, [x], (dy) => [
    sub(dy, mul(out.exp(), sum(dy, keep, true))),
  ]);
}
