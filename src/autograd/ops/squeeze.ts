import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { reshape } from './reshape.js';

/**
 * `x` without size-1 dims: all of them, or only `dim` when given (left as
 * it is when its size is not 1, as in PyTorch). A view when contiguous.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function squeeze(x: Tensor, dim?: number): Tensor {
  checkTensor('squeeze', x);
  if (dim === undefined)
    return reshape(
      x,
      x.shape.filter((n) => n !== 1),
    );
  const d = normalizeDim('squeeze', dim, x.ndim);
  // A rank-0 tensor (d = 0, no size there) comes back as it is.
  if (x.shape[d] !== 1) return x;
  return reshape(
    x,
    x.shape.filter((_, i) => i !== d),
  );
}
