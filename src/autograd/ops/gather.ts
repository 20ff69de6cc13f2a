import { ShapeError, formatShape } from '../../errors.js';
import { gatherAlong, scatterAddAlong } from '../../tensor/kernels/gather.js';
import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import {
  checkIndexRange,
  checkIndexTensor,
  checkSameRank,
} from '../indices.js';
import { checkTensor } from '../operands.js';
import { record } from '../tape.js';

/**
 * Picks values of `x` along `dim` at positions `index`: for a 2-D input
 * and dim 1, `out[i][j] = x[i][index[i][j]]`. `index` is int32 with x's
 * rank and sizes no larger than x's in the other dims; the result has
 * index's shape.
 * @throws ShapeError for a rank or size mismatch.
 * @throws RangeError for an index outside `[0, x.shape[dim])`, naming it.
 */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  checkTensor('gather', x);
  const idx = checkIndexTensor('gather', index);
  checkSameRank('gather', x, idx);
  const d = normalizeDim('gather', dim, x.ndim);
  const tooBig = idx.shape.findIndex((n, k) => k !== d && n > x.shape[k]!);
  if (tooBig >= 0) {
    throw new ShapeError(
      `gather: index shape ${formatShape(idx.shape)} is larger than input ` +
        `${formatShape(x.shape)} in dim ${tooBig}; outside dim ${d} the ` +
        `index may not exceed the input.`,
    );
  }
  const positions = idx.values();
  checkIndexRange('gather', positions, idx.shape, x.shape[d] ?? 1, `dim ${d}`);

  const out = gatherAlong(x, d, idx);

  // dx = dy added back at the gathered positions (repeats add up)
  return record('gather', out, [x], (dy) => [
    scatterAddAlong(x.shape, dy.dtype, d, positions, idx.shape, dy.values()),
  ]);
}
