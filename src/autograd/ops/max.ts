import { ShapeError, formatShape } from '../../errors.js';
import { zip } from '../../tensor/kernels/elementwise.js';
import { gatherAlong, scatterAddAlong } from '../../tensor/kernels/gather.js';
import { reduce } from '../../tensor/kernels/reduce.js';
import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { keptShape, spread } from '../reduce-dims.js';
import { record } from '../tape.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { sum } from './sum.js';

/**
 * The largest element of `x`, or the largest along `dim` (dropped, or kept
 * as size 1 with `keepdim`). NaN wins, as in PyTorch. Returns the values
 * only; `argmax` gives the positions. An empty tensor is fine as long as
 * `dim` itself is not empty: `max(zeros([0, 3]), 1)` has shape `[0]`.
 *
 * Gradient: along `dim`, all of it to the position `argmax` picks; over
 * the whole tensor, shared evenly between the elements equal to the
 * result, or between the NaNs when the result is NaN (PyTorch's rule).
 * @throws ShapeError over the whole of an empty tensor, or along a dim of
 * size 0: the max of no elements is undefined.
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
  if (dim === undefined) {
    checkNotEmpty(op, x, undefined);
    return overAll(op, x);
  }
  const d = normalizeDim(op, dim, x.ndim);
  const dims = x.ndim === 0 ? [] : [d];
  checkNotEmpty(op, x, x.ndim === 0 ? undefined : d);

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
  // PyTorch does for a reduction over the whole tensor; a NaN result
  // came from the NaNs, so they share it (NaN === NaN is false).
  return record(op, out, [x], (dy) => {
    const hits = zip(op, x, out, isHit, x.dtype);
    return [mul(spread(dy, x.shape, dims), div(hits, sum(hits)))];
  });
}

/** 1 where element `p` is the result `q` of the reduction, else 0. */
function isHit(p: number, q: number): number {
  return p === q || (Number.isNaN(p) && Number.isNaN(q)) ? 1 : 0;
}

/**
 * Throws when the reduction has no elements to pick from: over the whole
 * tensor (`dim` undefined) when it is empty, or along a dim of size 0.
 * Other empty dims are fine: they leave an empty result.
 */
export function checkNotEmpty(
  op: string,
  x: Tensor,
  dim: number | undefined,
): void {
  if (dim === undefined ? x.size > 0 : x.shape[dim]! > 0) return;
  const expected =
    dim === undefined
      ? 'a non-empty tensor to reduce over'
      : `dim ${dim} to have non-zero size`;
  const fix =
    dim === undefined
      ? 'pass a dim of non-zero size, or check why the tensor is empty'
      : 'reduce over a dim of non-zero size, or check why it is empty';
  throw new ShapeError(
    `${op}: expected ${expected}, got shape ${formatShape(x.shape)}. ` +
      `The ${op} of no elements is undefined: ${fix}.`,
  );
}
