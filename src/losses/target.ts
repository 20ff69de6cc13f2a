import { DTypeError, ShapeError, formatShape } from '../errors.js';
import { unravel } from '../autograd/ops/indices.js';
import type { NestedArray } from '../tensor/tensor.js';
import { Tensor } from '../tensor/tensor.js';

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
 * @throws DTypeError for another kind of value.
 * @throws RangeError for a non-whole or NaN entry, naming its position.
 * @throws ShapeError for ragged nested arrays.
 */
export function readClassTargets(op: string, target: unknown): ClassTargets {
  if (target instanceof Tensor) {
    return checkWhole(op, target.values(), target.shape.slice());
  }
  if (typeof target === 'number') return checkWhole(op, [target], []);
  if (target instanceof Int32Array) {
    return { values: target, shape: [target.length] };
  }
  if (Array.isArray(target)) {
    const { flat, shape } = flattenNested(op, target as NestedArray[]);
    return checkWhole(op, flat, shape);
  }
  const got = ArrayBuffer.isView(target) ? target.constructor.name : typeof target;
  throw new DTypeError(
    `${op}: target must be class indices (an int32 tensor, a tensor of ` +
      `whole numbers, a number, nested arrays or an Int32Array), got ${got}.`,
  );
}

function checkWhole(op: string, values: ArrayLike<number>, shape: number[]): ClassTargets {
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
    out[i] = v;
  }
  return { values: out, shape };
}

function flattenNested(op: string, value: NestedArray[]): { flat: number[]; shape: number[] } {
  const shape: number[] = [];
  for (let level: NestedArray = value; Array.isArray(level); level = level[0]!) {
    shape.push(level.length);
    if (level.length === 0) break;
  }
  const flat: number[] = [];
  const visit = (node: NestedArray, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number') {
        throw new DTypeError(`${op}: target arrays must hold numbers, got ${typeof node}.`);
      }
      flat.push(node);
    } else if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new ShapeError(
        `${op}: target is a ragged array: every row at depth ${depth} must ` +
          `have length ${shape[depth]}.`,
      );
    } else {
      for (const child of node) visit(child, depth + 1);
    }
  };
  visit(value, 0);
  return { flat, shape };
}
