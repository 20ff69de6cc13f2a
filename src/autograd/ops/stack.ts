import { ShapeError, formatShape } from '../../errors.js';
import { normalizeDim, sameShape } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { cat } from './cat.js';
import { unsqueeze } from './unsqueeze.js';

/**
 * The tensors, all of one shape, stacked along a new dim `dim` (default
 * 0): `cat` of each unsqueezed at `dim`, and differentiated as such.
 * @throws ShapeError for an empty list or shapes that differ.
 * @throws RangeError for a dim outside `[-ndim-1, ndim]`, ndim being the
 * rank of each tensor.
 * @throws DTypeError for an entry that is not a Tensor.
 */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new ShapeError(
      'stack: expected a non-empty array of tensors, got none.',
    );
  }
  const first = checkTensor('stack', tensors[0]);
  tensors.forEach((t, i) => {
    if (!sameShape(checkTensor('stack', t).shape, first.shape)) {
      throw new ShapeError(
        `stack: every tensor must have tensor 0's shape ` +
          `${formatShape(first.shape)}, but tensor ${i} has ` +
          `${formatShape(t.shape)}.`,
      );
    }
  });
  const d = normalizeDim('stack', dim, first.ndim, { insert: true });
  return cat(
    tensors.map((t) => unsqueeze(t, d)),
    d,
  );
}
