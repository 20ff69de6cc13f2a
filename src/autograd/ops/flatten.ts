import { normalizeDim, sizeOf } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { reshape } from './reshape.js';

/**
 * `x` with dims `startDim..endDim` (inclusive; default all) merged into
 * one. A rank-0 tensor becomes shape [1]. A view when contiguous.
 * @throws RangeError for a dim outside `[-ndim, ndim)` or start > end.
 */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  checkTensor('flatten', x);
  // A rank-0 tensor still has one dim to name, 0 or -1 (as PyTorch), and
  // merging its no dims gives [1].
  const start = normalizeDim('flatten', startDim, x.ndim);
  const end = normalizeDim('flatten', endDim, x.ndim);
  if (start > end) {
    throw new RangeError(
      `flatten: startDim ${startDim} comes after endDim ${endDim} for a ` +
        `tensor of rank ${x.ndim}. Pass startDim <= endDim.`,
    );
  }
  const merged = sizeOf(x.shape.slice(start, end + 1));
  return reshape(x, [
    ...x.shape.slice(0, start),
    merged,
    ...x.shape.slice(end + 1),
  ]);
}
