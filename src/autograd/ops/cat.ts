import { ShapeError, formatShape } from '../../errors.js';
import { promote } from '../../tensor/dtype.js';
import { placeAlong } from '../../tensor/kernels/gather.js';
import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { record } from '../tape.js';
import { cast } from './cast.js';
import { narrow } from './narrow.js';

/**
 * The tensors joined end to end along `dim` (default 0). All must have
 * the same rank and the same sizes in every other dim; dtypes promote.
 * @throws ShapeError for an empty list, a rank-0 tensor or mismatched
 * shapes.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new ShapeError(
      'cat: expected a non-empty array of tensors, got none.',
    );
  }
  const list: Tensor[] = tensors.map((t) => checkTensor('cat', t));
  const scalarAt = list.findIndex((t) => t.ndim === 0);
  if (scalarAt >= 0) {
    throw new ShapeError(
      `cat: tensor ${scalarAt} has rank 0 (shape []), so it has no dim to ` +
        `join along. Use stack for scalars, or unsqueeze them first.`,
    );
  }
  const first = list[0]!;
  const d = normalizeDim('cat', dim, first.ndim);
  list.forEach((t, i) => {
    const fits =
      t.ndim === first.ndim &&
      t.shape.every((n, k) => k === d || n === first.shape[k]);
    if (!fits) {
      throw new ShapeError(
        `cat: tensor ${i} has shape ${formatShape(t.shape)}, which does not ` +
          `fit tensor 0's ${formatShape(first.shape)} along dim ${d}: every ` +
          `size but dim ${d}'s must match. Reshape them to agree first.`,
      );
    }
  });
  const dtype = list.map((t) => t.dtype).reduce(promote);
  const parts = list.map((t) => cast(t, dtype));

  const shape = first.shape.slice();
  shape[d] = parts.reduce((n, t) => n + t.shape[d]!, 0);
  const out = placeAlong(shape, dtype, d, 0, parts);

  // Each input's gradient is its own slice of dy along dim.
  const starts = parts.map((_, i) =>
    parts.slice(0, i).reduce((n, t) => n + t.shape[d]!, 0),
  );
  return record('cat', out, parts, (dy) =>
    parts.map((t, i) =>
      t.requiresGrad ? narrow(dy, d, starts[i]!, t.shape[d]!) : null,
    ),
  );
}
