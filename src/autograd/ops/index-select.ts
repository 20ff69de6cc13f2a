import { ShapeError, formatShape } from '../../errors.js';
import { indexAddAlong, selectAlong } from '../../tensor/kernels/gather.js';
import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkIndexRange, checkIndexTensor } from '../indices.js';
import { checkTensor } from '../operands.js';
import { record } from '../tape.js';

/**
 * The slices of `x` along `dim` at the positions in `index` (int32, rank
 * 1), in that order and repeats allowed: x's shape with `dim` resized to
 * `index.size`.
 * @throws ShapeError when `index` is not rank 1.
 * @throws RangeError for an index outside `[0, x.shape[dim])`, naming it.
 */
export function indexSelect(x: Tensor, dim: number, index: Tensor): Tensor {
  checkTensor('indexSelect', x);
  const idx = checkIndexTensor('indexSelect', index);
  if (idx.ndim !== 1) {
    throw new ShapeError(
      `indexSelect: index must be rank 1, got shape ${formatShape(idx.shape)}. ` +
        `Flatten it first.`,
    );
  }
  if (x.ndim === 0) {
    throw new ShapeError(
      'indexSelect: expected a tensor of rank >= 1, got rank 0.',
    );
  }
  const d = normalizeDim('indexSelect', dim, x.ndim);
  const positions = idx.values();
  checkIndexRange('indexSelect', positions, idx.shape, x.shape[d]!, `dim ${d}`);

  const out = selectAlong(x, d, positions);

  // dx = each slice of dy added back at its position (repeats add up)
  return record('indexSelect', out, [x], (dy) => [
    indexAddAlong(x.shape, dy.dtype, d, positions, dy),
  ]);
}
