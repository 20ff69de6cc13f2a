import { allocate } from '../dtype.js';
import { Tensor } from '../tensor.js';

/**
 * The largest of `data[start..end)`: NaN if any entry is NaN, -inf for an
 * empty run. The shift of every max-shifted sum of exponentials below.
 */
export function runMax(
  data: ArrayLike<number>,
  start: number,
  end: number,
): number {
  let max = -Infinity;
  for (let i = start; i < end; i++) {
    const v = data[i]!;
    if (v > max) max = v;
    else if (Number.isNaN(v)) return NaN;
  }
  return max;
}

/**
 * `Σ exp(data[i] - shift)` over `[start, end)`. With `into`, each term is
 * also stored at `into[i - start]`, so softmax takes each exponential once.
 */
export function sumExpShifted(
  data: ArrayLike<number>,
  start: number,
  end: number,
  shift: number,
  into?: Float64Array,
): number {
  let total = 0;
  for (let i = start; i < end; i++) {
    const e = Math.exp(data[i]! - shift);
    if (into !== undefined) into[i - start] = e;
    total += e;
  }
  return total;
}

/**
 * `log Σ exp(data[start..end))`, shifted by the run's maximum so no
 * exponential overflows: `log Σ exp(x - max) + max`. As in PyTorch, an
 * infinite maximum is not subtracted (inf - inf would be NaN): a run of
 * all -inf, or of no elements, gives -inf, a run holding +inf gives +inf,
 * and a run holding NaN gives NaN.
 */
export function logSumExpRun(
  data: ArrayLike<number>,
  start: number,
  end: number,
): number {
  const max = runMax(data, start, end);
  const shift = Number.isFinite(max) ? max : 0;
  return Math.log(sumExpShifted(data, start, end, shift)) + shift;
}

/**
 * Softmax or log-softmax along the last dim of `x`, row by row, in
 * PyTorch's order: each row is shifted by its maximum m first, so exp
 * never overflows, then `exp(x - m) / Σ` or `(x - m) - log Σ`. Subtracting
 * m before the log term keeps `x - m` exact, so large logits (±1e3,
 * even ±1e308) lose no digits. Work is in float64 and each result is
 * rounded once to the dtype. `-inf` entries of a finite row give
 * probability 0 (log -inf); a row holding +inf or NaN, or only -inf,
 * gives NaN throughout, as in PyTorch.
 */
export function softmaxLastDim(x: Tensor, log: boolean): Tensor {
  const src = x.values();
  const out = allocate(x.dtype, src.length);
  const n = x.shape[x.ndim - 1] ?? 1;
  const terms = new Float64Array(log ? 0 : n);
  for (let start = 0; start < src.length; start += n) {
    const end = start + n;
    const max = runMax(src, start, end);
    if (log) {
      const logTotal = Math.log(sumExpShifted(src, start, end, max));
      for (let i = start; i < end; i++) out[i] = src[i]! - max - logTotal;
    } else {
      const total = sumExpShifted(src, start, end, max, terms);
      for (let i = 0; i < n; i++) out[start + i] = terms[i]! / total;
    }
  }
  return Tensor.fromData(out, x.shape);
}
