import { DTypeError, ShapeError, formatShape } from '../errors.js';
import { unravel } from '../autograd/indices.js';
import { INT32_MAX, INT32_MIN, checkInt32 } from '../tensor/dtype.js';
import { flattenNested } from '../tensor/nested.js';
import type { NestedArray } from '../tensor/tensor.js';
import { Tensor } from '../tensor/tensor.js';

const TARGET_ARRAYS = {
  ragged: 'target is a ragged array',
  arrays: 'target arrays',
};

/** Class indices as the losses accept them. */
export type TargetLike = Tensor | number | NestedArray[] | Int32Array;

/** Class indices read into plain numbers, with their shape. */
export interface ClassTargets {
  values: Int32Array;
  shape: number[];
}

/**
 * Reads class indices from any accepted form: an int32 tensor, a float
 * tensor holding whole numbers, a number, nested arrays or an Int32Array.
 * The values are always a fresh copy: a loss keeps them for its backward,
 * and a caller may reuse its label buffer for the next batch.
 * @throws DTypeError for another kind of value.
 * @throws RangeError for a non-whole or NaN entry, or one outside int32
 * (it would wrap to another label), naming its position.
 * @throws ShapeError for ragged nested arrays.
 */
export function readClassTargets(op: string, target: unknown): ClassTargets {
  if (target instanceof Tensor) {
    return checkWhole(op, target.values(), target.shape.slice());
  }
  if (typeof target === 'number') return checkWhole(op, [target], []);
  if (target instanceof Int32Array) {
    return { values: target.slice(), shape: [target.length] };
  }
  if (Array.isArray(target)) {
    const { flat, shape } = flattenNested(
      op,
      TARGET_ARRAYS,
      target as NestedArray[],
    );
    return checkWhole(op, flat, shape);
  }
  const got = ArrayBuffer.isView(target)
    ? target.constructor.name
    : typeof target;
  throw new DTypeError(
    `${op}: target must be class indices (an int32 tensor, a tensor of ` +
      `whole numbers, a number, nested arrays or an Int32Array), got ${got}. ` +
      `Wrap other arrays with tensor(...) or Int32Array.from(...).`,
  );
}

function checkWhole(
  op: string,
  values: ArrayLike<number>,
  shape: number[],
): ClassTargets {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) {
      throw new RangeError(
        `${op}: targets must be whole class indices, got ${v} at position ` +
          `${formatShape(unravel(i, shape))}. Pass integer labels (round ` +
          `or argmax probabilities first); NaN usually means the labels ` +
          `were computed from bad data.`,
      );
    }
    // Stored as int32, a larger label would wrap round to another class.
    // The range test is inline so the message is only built on failure.
    if (v < INT32_MIN || v > INT32_MAX) {
      checkInt32(
        op,
        v,
        ` (target at position ${formatShape(unravel(i, shape))})`,
        'Such a label is no class index; targets must lie in [0, C) or ' +
          'equal ignoreIndex. Check how the labels were made.',
      );
    }
    out[i] = v;
  }
  return { values: out, shape };
}
