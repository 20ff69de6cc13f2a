import { DTypeError, ShapeError, formatShape } from '../errors.js';
import type { TypedArray } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkTensor } from './operands.js';

/** Throws unless `index` is an int32 tensor; `role` names it in messages. */
export function checkIndexTensor(
  op: string,
  index: unknown,
  role = 'index',
): Tensor {
  const t = checkTensor(op, index);
  if (t.dtype !== 'int32') {
    throw new DTypeError(
      `${op}: ${role} must be an int32 tensor, got ${t.dtype}. ` +
        `Create it with { dtype: 'int32' } or convert with .to('int32').`,
    );
  }
  return t;
}

/**
 * Throws a RangeError naming the first entry of `values` (row-major over
 * `shape`) outside `[0, size)`, with its position.
 */
export function checkIndexRange(
  op: string,
  values: TypedArray,
  shape: readonly number[],
  size: number,
  what: string,
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v >= 0 && v < size) continue;
    throw new RangeError(
      `${op}: index ${v} at position ${formatShape(unravel(i, shape))} is ` +
        `out of range for ${what} of size ${size}; indices must lie in ` +
        `[0, ${size}).`,
    );
  }
}

/** The coordinates of flat position `flat` in a row-major `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const coords = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    coords[d] = n === 0 ? 0 : flat % n;
    flat = n === 0 ? 0 : Math.floor(flat / n);
  }
  return coords;
}

/** Throws a ShapeError unless index and input have the same rank. */
export function checkSameRank(op: string, x: Tensor, index: Tensor): void {
  if (index.ndim === x.ndim) return;
  throw new ShapeError(
    `${op}: index must have the input's rank ${x.ndim}, got shape ` +
      `${formatShape(index.shape)} for input ${formatShape(x.shape)}. ` +
      `Unsqueeze the index to match.`,
  );
}
