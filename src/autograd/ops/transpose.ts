import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { permute } from './permute.js';

/**
 * `x` with dims `dim0` and `dim1` swapped. A view sharing storage; the
 * gradient is swapped back by `permute`'s backward.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  checkTensor('transpose', x);
  const a = normalizeDim('transpose', dim0, x.ndim);
  const b = normalizeDim('transpose', dim1, x.ndim);
  const order = [...x.shape.keys()];
  // A rank-0 tensor has no dims to swap (a = b = 0): its order stays [].
  if (x.ndim > 0) [order[a], order[b]] = [b, a];
  return permute(x, order);
}
