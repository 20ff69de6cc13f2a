import { DTypeError, ShapeError, formatShape } from '../errors.js';
import type { NestedArray } from './tensor.js';

/**
 * Reads nested arrays of numbers into flat row-major values and a shape,
 * checking that every level is rectangular. Messages start with `op`;
 * `names.ragged` describes a ragged input ('ragged nested array') and
 * `names.arrays` what must hold numbers ('nested arrays').
 * @throws ShapeError for rows of different lengths, or a hole or non-array
 * where a row belongs, naming the position.
 * @throws DTypeError for a leaf that is not a number, including a hole
 * (the empty slot of `[, 1]`), naming the position.
 */
export function flattenNested(
  op: string,
  names: { ragged: string; arrays: string },
  value: NestedArray[],
): { flat: number[]; shape: number[] } {
  const shape: number[] = [];
  for (
    let level: NestedArray | undefined = value;
    Array.isArray(level);
    level = level[0]
  ) {
    shape.push(level.length);
    if (level.length === 0) break;
  }
  const flat: number[] = [];
  // One path array, mutated as the walk goes; copied only for a message.
  const path: number[] = [];
  const visit = (node: unknown, present: boolean): void => {
    const depth = path.length;
    const got = present ? undefined : 'an empty slot (a hole, as in [, 1])';
    if (depth === shape.length && !Array.isArray(node)) {
      if (typeof node !== 'number' || !present) {
        throw new DTypeError(
          `${op}: ${names.arrays} must hold numbers, got ` +
            `${got ?? typeof node} at ${formatShape(path)}. ` +
            `Convert the values to numbers first, and fill every position.`,
        );
      }
      flat.push(node);
    } else if (!Array.isArray(node) || node.length !== shape[depth]) {
      const leaf = depth === shape.length;
      const expected = leaf ? 'a number' : `length ${shape[depth]}`;
      const found =
        got ??
        (!Array.isArray(node)
          ? String(node)
          : leaf
            ? 'an array'
            : `length ${node.length}`);
      throw new ShapeError(
        `${op}: ${names.ragged}: expected ${expected} at ` +
          `${formatShape(path)}, got ${found}. ` +
          `Every row at one depth must have the same length.`,
      );
    } else {
      // An index loop, not forEach: forEach skips holes silently.
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i], i in node);
        path.pop();
      }
    }
  };
  visit(value, true);
  return { flat, shape };
}
