import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { reshape } from './reshape.js';

/**
 * `x` with a new size-1 dim inserted at `dim` (`-1` appends one). A view
 * when `x` is contiguous.
 * @throws RangeError for a dim outside `[-ndim-1, ndim]`.
 * @throws DTypeError when `x` is not a Tensor.
 */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  checkTensor('unsqueeze', x);
  const d = normalizeDim('unsqueeze', dim, x.ndim, { insert: true });
  const shape = x.shape.slice();
  shape.splice(d, 0, 1);
  return reshape(x, shape);
}
