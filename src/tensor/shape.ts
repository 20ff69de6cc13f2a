import { ShapeError, formatShape } from '../errors.js';

/** The number of elements in a tensor of `shape`. */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const n of shape) size *= n;
  return size;
}

/** Row-major strides for `shape`: the last dim moves fastest. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i]!;
  }
  return strides;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The shape two operands broadcast to, by NumPy's rules: align the shapes
 * at their last dims; each pair of sizes must be equal or contain a 1.
 */
export function broadcastShapes(
  op: string,
  a: readonly number[],
  b: readonly number[],
): number[] {
  const ndim = Math.max(a.length, b.length);
  const out = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) {
    const m = a[a.length - ndim + i] ?? 1;
    const n = b[b.length - ndim + i] ?? 1;
    if (m !== n && m !== 1 && n !== 1) {
      throw new ShapeError(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} do not ` +
          `broadcast: dim ${i} of the aligned shapes is ${m} against ${n}. ` +
          `Sizes must match or be 1; reshape or unsqueeze one operand.`,
      );
    }
    out[i] = m === 1 ? n : m;
  }
  return out;
}

/**
 * Turns a possibly negative `dim` into an index in `[0, ndim)`. With
 * `{ insert: true }` it is instead a position at which to insert a new
 * dim into a rank-`ndim` tensor, in `[0, ndim]` (`-1` appends), as
 * unsqueeze and stack take.
 * @throws RangeError naming `op` when `dim` is outside `[-ndim, ndim)`
 * (`[-ndim - 1, ndim]` for an insert position).
 */
export function normalizeDim(
  op: string,
  dim: number,
  ndim: number,
  options: { insert?: boolean } = {},
): number {
  if (options.insert) {
    const n = ndim + 1;
    if (!Number.isInteger(dim) || dim < -n || dim > ndim) {
      throw new RangeError(
        `${op}: dim must be an insert position in [${-n}, ${ndim}] for a ` +
          `rank-${ndim} tensor, got ${dim}. Negative positions count from ` +
          `the end: -1 appends a dim.`,
      );
    }
    return dim < 0 ? dim + n : dim;
  }
  const lo = -Math.max(ndim, 1);
  const hi = Math.max(ndim, 1) - 1;
  if (!Number.isInteger(dim) || dim < lo || dim > hi) {
    throw new RangeError(
      `${op}: dim must be an integer in [${lo}, ${hi}] for a tensor of ` +
        `rank ${ndim}, got ${dim}. Negative dims count from the end.`,
    );
  }
  return dim < 0 ? dim + Math.max(ndim, 1) : dim;
}

/** Normalises a list of dims, rejecting repeats. */
export function normalizeDims(
  op: string,
  dims: readonly number[],
  ndim: number,
): number[] {
  const out = dims.map((d) => normalizeDim(op, d, ndim));
  const seen = new Set<number>();
  for (const d of out) {
    if (seen.has(d)) {
      throw new RangeError(
        `${op}: dim ${d} appears twice in ${formatShape(dims)}. ` +
          `List each dim once.`,
      );
    }
    seen.add(d);
  }
  return out;
}
