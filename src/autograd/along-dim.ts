import { requireFloating } from '../tensor/dtype.js';
import { normalizeDim } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkTensor } from './operands.js';
import { transpose } from './ops/transpose.js';

/**
 * The checks and forward shared by softmax and logSoftmax: `x` must be a
 * float tensor and `dim` lie in `[-ndim, ndim)`; `lastDim` computes along
 * the last dim, and any other `dim` is swapped there and back. Returns the
 * result, not yet recorded, and the dim its backward sums over (undefined
 * for a rank-0 `x`: all of it).
 * @throws DTypeError for an int32 input.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function alongDim(
  op: string,
  x: Tensor,
  dim: number,
  lastDim: (moved: Tensor) => Tensor,
): [Tensor, number | undefined] {
  requireFloating(op, checkTensor(op, x).dtype);
  const last = Math.max(x.ndim - 1, 0);
  const d = normalizeDim(op, dim, x.ndim);

  const moved = d === last ? x.detach() : transpose(x.detach(), d, last);
  const result = lastDim(moved);
  const out = d === last ? result : transpose(result, d, last);

  return [out, x.ndim === 0 ? undefined : d];
}
