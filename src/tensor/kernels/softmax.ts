import { allocate } from '../dtype.js';
import { Tensor } from '../tensor.js';

/**
 * Softmax or log-softmax along the last dim of `x`, row by row. Each row
 * is shifted by its maximum first, so exp never overflows: inputs near
 * ±1e3 give finite, exact results. A row whose maximum is ±Infinity is
 * left unshifted so that `-inf` entries give probability 0 (log -inf).
 */
export function softmaxLastDim(x: Tensor, log: boolean): Tensor {
  const src = x.values();
  const out = allocate(x.dtype, src.length);
  const n = x.shape[x.ndim - 1] ?? 1;
  for (let start = 0; start < src.length; start += n) {
    const end = start + n;
    let max = -Infinity;
    for (let i = start; i < end; i++) if (src[i]! > max) max = src[i]!;
    if (!Number.isFinite(max)) max = 0;
    let total = 0;
    for (let i = start; i < end; i++) total += Math.exp(src[i]! - max);
    if (log) {
      const shift = max + Math.log(total);
      for (let i = start; i < end; i++) out[i] = src[i]! - shift;
    } else {
      for (let i = start; i < end; i++)
        out[i] = Math.exp(src[i]! - max) / total;
    }
  }
  return Tensor.fromData(out, x.shape);
}
