import { DTypeError, ShapeError, formatShape } from '../errors.js';
import { allocate, dtypeOf, type TypedArray } from '../tensor/dtype.js';
import { sizeOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * Anything that holds `length` examples and hands out example `i`, for
 * `i` in `[0, length)`.
 */
export interface Dataset<T> {
  readonly length: number;
  get(index: number): T;
}

/** One example of a `TensorDataset`: x (...) and its target y (). */
export interface Sample {
  x: Tensor;
  y: Tensor;
}

/** Rows of a `TensorDataset` stacked: x (B, ...) and y (B). */
export interface Batch {
  x: Tensor;
  y: Tensor;
}

/**
 * Examples stored as rows of two tensors: inputs `x` (N, ...) and targets
 * `y` (N), row `i` of each making example `i`. `y` may also carry extra
 * dims, (N, ...), for targets that are vectors (regression).
 *
 * Contiguous tensors are read in place, so later writes into their storage
 * show through; a strided view (a transpose) is copied once, here. Items
 * and batches are fresh copies that the tape does not track.
 * @throws DTypeError when `x` or `y` is not a Tensor.
 * @throws ShapeError when either tensor is rank 0 or the first dims differ.
 * @example
 * const y = zeros([100], { dtype: 'int32' });
 * const ds = new TensorDataset(zeros([100, 784]), y);
 * ds.length; // 100
 * ds.get(0).x.shape; // [784]
 */
export class TensorDataset implements Dataset<Sample> {
  /** Inputs, (N, ...). */
  readonly x: Tensor;
  /** Targets, (N) or (N, ...). */
  readonly y: Tensor;
  // Row-major values of x and y (views when the tensors are contiguous),
  // so that gathering rows is a typed-array copy, not a tensor op.
  private readonly xData: TypedArray;
  private readonly yData: TypedArray;
  private readonly xRow: number;
  private readonly yRow: number;

  constructor(x: Tensor, y: Tensor) {
    checkTensors(x, y);

    this.x = x;
    this.y = y;
    this.xData = x.values();
    this.yData = y.values();
    this.xRow = rowSize(x);
    this.yRow = rowSize(y);
  }

  /** N, the number of examples. */
  get length(): number {
    return this.x.shape[0]!;
  }

  /**
   * Example `index` as fresh tensors: x with shape x.shape minus its first
   * dim, y a scalar (or y.shape minus its first dim).
   * @throws RangeError unless `index` is a whole number in [0, N).
   */
  get(index: number): Sample {
    checkIndex('TensorDataset.get', index, this.length);

    const { x, y } = this.batch([index]);

    return { x: dropFirstDim(x), y: dropFirstDim(y) };
  }

  /**
   * The examples at `indices`, in that order, stacked into one contiguous
   * tensor each: x (B, ...) and y (B) for B = indices.length. This is how
   * `DataLoader` builds its batches: one allocation per tensor, rows
   * copied straight from storage.
   * @throws RangeError for an index outside [0, N), naming its position.
   */
  batch(indices: ArrayLike<number>): Batch {
    const n = this.length;
    for (let b = 0; b < indices.length; b++) {
      checkIndex('TensorDataset.batch', indices[b]!, n, ` at position ${b}`);
    }

    const x = gatherRows(this.xData, this.xRow, indices);
    const y = gatherRows(this.yData, this.yRow, indices);

    return {
      x: Tensor.fromData(x, [indices.length, ...this.x.shape.slice(1)]),
      y: Tensor.fromData(y, [indices.length, ...this.y.shape.slice(1)]),
    };
  }
}

function checkTensors(x: unknown, y: unknown): void {
  if (!(x instanceof Tensor) || !(y instanceof Tensor)) {
    throw new DTypeError(
      `TensorDataset: expected two tensors x (N, ...) and y (N), got ` +
        `${describe(x)} and ${describe(y)}. Wrap arrays with tensor().`,
    );
  }
  if (x.ndim === 0 || y.ndim === 0) {
    throw new ShapeError(
      `TensorDataset: x and y need a first dim N (one row per example), ` +
        `got x ${formatShape(x.shape)} and y ${formatShape(y.shape)}. ` +
        `Reshape a single example to [1, ...].`,
    );
  }
  if (x.shape[0] !== y.shape[0]) {
    throw new ShapeError(
      `TensorDataset: x and y must have the same first dim N, got x ` +
        `${formatShape(x.shape)} (N = ${x.shape[0]}) and y ` +
        `${formatShape(y.shape)} (N = ${y.shape[0]}). Pass one target per ` +
        `example.`,
    );
  }
}

function describe(value: unknown): string {
  if (value instanceof Tensor) return `a tensor ${formatShape(value.shape)}`;
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value;
}

/** The number of elements in one row: the product of dims after the first. */
function rowSize(t: Tensor): number {
  return sizeOf(t.shape.slice(1));
}

function checkIndex(op: string, index: number, n: number, where = ''): void {
  if (Number.isInteger(index) && index >= 0 && index < n) return;
  throw new RangeError(
    `${op}: index must be a whole number in [0, ${n}), got ${index}` +
      `${where}. The dataset holds ${n} examples.`,
  );
}

/** Copies rows `indices` of a row-major buffer into a new buffer. */
function gatherRows(
  data: TypedArray,
  row: number,
  indices: ArrayLike<number>,
): TypedArray {
  const out = allocate(dtypeOf(data), indices.length * row);
  if (row === 1) {
    for (let b = 0; b < indices.length; b++) out[b] = data[indices[b]!]!;
    return out;
  }
  for (let b = 0; b < indices.length; b++) {
    const start = indices[b]! * row;
    out.set(data.subarray(start, start + row), b * row);
  }
  return out;
}

/** A view of a (1, ...) tensor as (...). */
function dropFirstDim(t: Tensor): Tensor {
  return Tensor.fromData(t.values(), t.shape.slice(1));
}
