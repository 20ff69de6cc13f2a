import { ShapeError, formatShape } from '../../errors.js';
import { zip } from '../../tensor/kernels/elementwise.js';
import { gatherAlong, scatterAddAlong } from '../../tensor/kernels/gather.js';
import { reduce } from '../../tensor/kernels/reduce.js';
import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { checkTensor } from './operands.js';
import { keptShape, spread } from './reduce-dims.js';
import { sum } from './sum.js';

/**
 * The largest element of `x`, or the largest along `dim` (dropped, or kept
 * as size 1 with `keepdim`). NaN wins, as in PyTorch. Returns the values
 * only; `argmax` gives the positions.
 * @throws ShapeError for an empty tensor.
 * @throws RangeError for a dim outside `[-ndim, ndim)`.
 */
export function max(x: Tensor, dim?: number, keepdim = false): Tensor {
  return extremum('max', x, dim, keepdim);
}

/** The smallest element, or the smallest along `dim`; see `max`. */
export function min(x: Tensor, dim?: number, keepdim = false): Tensor {
  return extremum('min', x, dim, keepdim);
}

function extremum(
  op: 'max' | 'min',
  x: Tensor,
  dim: number | undefined,
  keepdim: boolean,
): Tensor {
  checkTensor(op, x);
  if (x.size === 0) {
    throw new ShapeError(
      `${op}: expected a non-empty tensor, got shape ${formatShape(x.shape)}. ` +
        `The ${op} of no elements is undefined.`,
    );
  }
  if (dim === undefined) return overAll(op, x);
  const d =
    x.ndim === 0
      ? (normalizeDim(op, dim, 0), 0)
      : normalizeDim(op, dim, x.ndim);
  const dims = x.ndim === 0 ? [] : [d];

  // Positions first, then the values at them, so values and gradient agree.
  const at = reduce(x, dims, op === 'max' ? 'argmax' : 'argmin').reshape(
    keptShape(x.shape, dims),
  );
  const values = gatherAlong(x, d, at);
  const out = keepdim
    ? values
    : values.reshape(x.shape.filter((_, i) => i !== d));

  // dx = dy at the position of the extremum along dim, 0 elsewhere.
  return record(op, out, [x], (dy) => [
    scatterAddAlong(x.shape, dy.dtype, d, at.values(), at.shape, dy.values()),
  ]);
}

function overAll(op: 'max' | 'min', x: Tensor): Tensor {
  const dims = [...x.shape.keys()];
  const out = reduce(x, dims, op);

  // dx = dy shared evenly between the elements equal to the result, as
  // PyTorch does for a reduction over the whole tensor.
  return record(op, out, [x], (dy) => {
    const hits = zip(op, x, out, (p, q) => (p === q ? 1 : 0), x.dtype);
    return [mul(spread(dy, x.shape, dims), div(hits, sum(hits)))];
  });
}
