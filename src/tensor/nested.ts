import { DTypeError, ShapeError, formatShape } from '../errors.js';
import type { NestedArray } from './tensor.js';

/**
 * Reads nested arrays of numbers into flat row-major values and a shape,
 * checking that every level is rectangular. Messages start with `op`;
 * `names.ragged` describes a ragged input ('ragged nested array') and
 * `names.arrays` what must hold numbers ('nested arrays').
 * @throws ShapeError for rows of different lengths, naming the position.
 * @throws DTypeError for a leaf that is not a number.
 */
export function flattenNested(
  op: string,
  names: { ragged: string; arrays: string },
  value: NestedArray[],
): { flat: number[]; shape: number[] } {
  const shape: number[] = [];
  for (
    let level: NestedArray = value;
    Array.isArray(level);
    level = level[0]!
  ) {
    shape.push(level.length);
    if (level.length === 0) break;
  }
  const flat: number[] = [];
  const visit = (node: NestedArray, path: number[]): void => {
    const depth = path.length;
    if (depth === shape.length && !Array.isArray(node)) {
      if (typeof node !== 'number') {
        throw new DTypeError(
          `${op}: ${names.arrays} must hold numbers, got ${typeof node} at ` +
            `${formatShape(path)}. Convert the values to numbers first.`,
        );
      }
      flat.push(node);
    } else if (!Array.isArray(node) || node.length !== shape[depth]) {
      const leaf = depth === shape.length;
      const expected = leaf ? 'a number' : `length ${shape[depth]}`;
      const got = !Array.isArray(node)
        ? String(node)
        : leaf
          ? 'an array'
          : `length ${node.length}`;
      throw new ShapeError(
        `${op}: ${names.ragged}: expected ${expected} at ${formatShape(path)}, got ` +
          `${got}. ` +
          `Every row at one depth must have the same length.`,
      );
    } else {
      node.forEach((child, i) => visit(child, [...path, i]));
    }
  };
  visit(value, []);
  return { flat, shape };
}
