import { DTypeError, ShapeError, formatShape } from '../errors.js';
import type { TargetLike } from '../losses/target.js';
import { Tensor } from '../tensor/tensor.js';
import { readClassPairs } from './classes.js';

/**
 * Counts of (true class, predicted class) pairs over C classes, with the
 * per-class scores read from them. Made by `confusionMatrix`.
 */
export class ConfusionMatrix {
  /**
   * int32 (C, C): `matrix[t][p]` counts the examples of true class t that
   * were predicted as p. Rows are true classes, columns predictions; the
   * diagonal holds the correct ones.
   */
  readonly matrix: Tensor;

  /** Wraps counts int32 (C, C), rows true and columns predicted. */
  constructor(matrix: Tensor) {
    checkMatrix(matrix);

    this.matrix = matrix;
  }

  /** C, the number of classes. */
  get numClasses(): number {
    return this.matrix.shape[0]!;
  }

  /**
   * Per class c, the fraction of the examples predicted as c that truly
   * are c: matrix[c][c] / (sum of column c). A class never predicted gets
   * 0, not NaN (scikit-learn's `zero_division=0`). Length C.
   */
  precision(): number[] {
    return this.ratios((counts, c, k) => counts[k * this.numClasses + c]!);
  }

  /**
   * Per class c, the fraction of the examples of true class c predicted as
   * c: matrix[c][c] / (sum of row c). A class with no examples gets 0,
   * not NaN. Length C.
   */
  recall(): number[] {
    return this.ratios((counts, c, k) => counts[c * this.numClasses + k]!);
  }

  /**
   * The counts as an aligned text table, one row per true class, one
   * column per predicted class, headed 'true' and 'predicted'; classes are
   * labelled 0..C-1, or by `classNames` (length C) when given.
   * @throws RangeError when `classNames` does not hold C names.
   * @example
   * //      | predicted
   * // true |  0  1
   * // -----+------
   * //    0 |  5  1
   * //    1 |  0  4
   */
  toString(classNames?: readonly string[]): string {
    const c = this.numClasses;
    const labels = classNames ?? Array.from({ length: c }, (_, i) => String(i));
    if (labels.length !== c) {
      throw new RangeError(
        `ConfusionMatrix.toString: expected ${c} class names, one per ` +
          `class, got ${labels.length}. Pass a name for every class, or none.`,
      );
    }

    const counts = this.matrix.values();
    const rows = labels.map((_, t) =>
      labels.map((_, p) => String(counts[t * c + p])),
    );
    const widths = labels.map((label, p) =>
      Math.max(label.length, ...rows.map((row) => row[p]!.length)),
    );
    const cells = (items: readonly string[]): string =>
      items.map((item, p) => item.padStart(widths[p]!)).join('  ');
    const left = Math.max('true'.length, ...labels.map((l) => l.length));
    const header = cells(labels);
    const lines = [
      `${''.padStart(left)} | predicted`,
      `${'true'.padStart(left)} | ${header}`,
      `${'-'.repeat(left)}-+-${'-'.repeat(Math.max(header.length, 9))}`,
      ...rows.map((row, t) => `${labels[t]!.padStart(left)} | ${cells(row)}`),
    ];

    return lines.map((line) => line.trimEnd()).join('\n');
  }

  /** Per class c: matrix[c][c] / (sum over k of pick(counts, c, k)), or 0. */
  private ratios(
    pick: (counts: ArrayLike<number>, c: number, k: number) => number,
  ): number[] {
    const counts = this.matrix.values();
    const c = this.numClasses;
    return Array.from({ length: c }, (_, cls) => {
      let total = 0;
      for (let k = 0; k < c; k++) total += pick(counts, cls, k);
      return total === 0 ? 0 : counts[cls * c + cls]! / total;
    });
  }
}

/**
 * Counts how often each true class was predicted as each class.
 *
 * `predictions` are class indices, int32 (N), or scores (N, C) whose
 * argmax over C is the predicted class; `targets` are class indices (N),
 * in any form the losses accept. C is `numClasses` when given, else the
 * score columns, else one more than the largest class seen (so a class
 * above every one seen is left out: pass `numClasses` to keep it).
 * @throws RangeError for a class outside [0, C), naming where it is, or a
 * `numClasses` that is not a whole number >= 1.
 * @throws ShapeError for predictions of another rank, targets not of shape
 * [N], or `numClasses` other than the C of scores (N, C).
 * @throws DTypeError for float predictions of shape (N).
 * @example
 * const cm = confusionMatrix(logits, labels, 10);
 * cm.matrix.shape; // [10, 10]
 * cm.recall()[3]; // the fraction of the 3s that were found
 */
export function confusionMatrix(
  predictions: Tensor,
  targets: TargetLike,
  numClasses?: number,
): ConfusionMatrix {
  const op = 'confusionMatrix';
  const pairs = readClassPairs(op, predictions, targets);
  const { predicted, actual, scoreColumns } = pairs;
  checkNumClasses(numClasses, scoreColumns, predictions);
  const c = numClasses ?? scoreColumns ?? largest(predicted, actual) + 1;
  const fix =
    numClasses === undefined && scoreColumns === null
      ? 'Pass numClasses to cover every class, or fix the labels.'
      : 'Fix the labels, or pass scores with a column for every class.';
  checkClasses(predicted, c, 'predictions', fix);
  checkClasses(actual, c, 'targets', fix);

  const counts = new Int32Array(c * c);
  for (let i = 0; i < predicted.length; i++) {
    counts[actual[i]! * c + predicted[i]!]!++;
  }

  return new ConfusionMatrix(Tensor.fromData(counts, [c, c]));
}

function checkNumClasses(
  numClasses: number | undefined,
  scoreColumns: number | null,
  predictions: Tensor,
): void {
  if (numClasses === undefined) return;
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new RangeError(
      `confusionMatrix: numClasses must be a whole number >= 1, got ` +
        `${String(numClasses)}. Pass the number of classes C, or omit it.`,
    );
  }
  if (scoreColumns !== null && scoreColumns !== numClasses) {
    throw new ShapeError(
      `confusionMatrix: numClasses is ${numClasses} but the scores ` +
        `${formatShape(predictions.shape)} have C = ${scoreColumns} ` +
        `columns. Omit numClasses, or pass scores with one column a class.`,
    );
  }
}

/** The largest class in either list, or -1 when both are empty. */
function largest(a: Int32Array, b: Int32Array): number {
  let max = -1;
  for (const v of a) if (v > max) max = v;
  for (const v of b) if (v > max) max = v;
  return max;
}

/** Throws a RangeError naming the first class outside [0, c). */
function checkClasses(
  classes: Int32Array,
  c: number,
  role: string,
  fix: string,
): void {
  const bad = classes.findIndex((v) => v < 0 || v >= c);
  if (bad < 0) return;
  throw new RangeError(
    `confusionMatrix: ${role} must be classes in [0, ${c}), got ` +
      `${classes[bad]} at position ${bad}. ${fix}`,
  );
}

function checkMatrix(matrix: unknown): void {
  if (!(matrix instanceof Tensor) || matrix.dtype !== 'int32') {
    const got = matrix instanceof Tensor ? matrix.dtype : typeof matrix;
    throw new DTypeError(
      `ConfusionMatrix: expected an int32 tensor of counts, got ${got}. ` +
        `Build one with confusionMatrix(predictions, targets).`,
    );
  }
  const [rows, cols] = matrix.shape;
  if (matrix.ndim !== 2 || rows !== cols) {
    throw new ShapeError(
      `ConfusionMatrix: expected a square matrix (C, C), got ` +
        `${formatShape(matrix.shape)}. Rows are true classes and columns ` +
        `predicted ones, so both have C entries.`,
    );
  }
}
