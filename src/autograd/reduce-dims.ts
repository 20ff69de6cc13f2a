import { broadcastValues } from '../tensor/kernels/elementwise.js';
import { normalizeDims } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * The dims a reduction runs over, normalised and sorted: every dim when
 * `dim` is undefined, else the one or several given (negative counts from
 * the end). A rank-0 tensor reduces over nothing.
 */
export function reductionDims(
  op: string,
  x: Tensor,
  dim: number | readonly number[] | undefined,
): number[] {
  if (dim === undefined) return [...x.shape.keys()];
  const list = typeof dim === 'number' ? [dim] : dim;
  if (x.ndim === 0) {
    normalizeDims(op, list, 0);
    return [];
  }
  return normalizeDims(op, list, x.ndim).sort((a, b) => a - b);
}

/** `shape` with each of `dims` set to 1: the keepdim shape. */
export function keptShape(
  shape: readonly number[],
  dims: readonly number[],
): number[] {
  return shape.map((n, d) => (dims.includes(d) ? 1 : n));
}

/**
 * A reduction's result in the shape asked for: the kept dims alone, or
 * with size-1 dims where the reduced ones were when `keepdim` is true.
 */
export function shapeResult(
  reduced: Tensor,
  shape: readonly number[],
  dims: readonly number[],
  keepdim: boolean,
): Tensor {
  return keepdim ? reduced.reshape(keptShape(shape, dims)) : reduced;
}

/**
 * Spreads a reduction's gradient back over the input: `dy` viewed in the
 * keepdim shape, then repeated along the reduced dims to `shape`.
 */
export function spread(
  dy: Tensor,
  shape: readonly number[],
  dims: readonly number[],
): Tensor {
  const kept = dy.reshape(keptShape(shape, dims));
  return Tensor.fromData(broadcastValues(kept, shape), shape);
}
