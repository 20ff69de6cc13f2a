import ndarray from 'ndarray';
import {
  allocate,
  checkInt32,
  isInt32,
  type DType,
  type TypedArray,
} from '../dtype.js';
import { sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { accumulateStrided } from './strided.js';

export type ReduceKind = 'sum' | 'max' | 'min' | 'argmax' | 'argmin';

/**
 * The values of `x` with the dims in `dims` moved last, row-major, so each
 * output element reduces one contiguous run. Returns the runs and the
 * shape of what is left. Copies unless that order is already the storage
 * order (reducing trailing dims of a contiguous tensor).
 */
export function gatherRuns(
  x: Tensor,
  dims: readonly number[],
): { data: TypedArray; kept: number[]; run: number } {
  const keptDims: number[] = [];
  for (let d = 0; d < x.ndim; d++) if (!dims.includes(d)) keptDims.push(d);
  const order = [...keptDims, ...dims];
  const kept = keptDims.map((d) => x.shape[d]!);
  let run = 1;
  for (const d of dims) run *= x.shape[d]!;
  const moved = new Tensor(
    ndarray(
      x.nd.data,
      order.map((d) => x.shape[d]!),
      order.map((d) => x.nd.stride[d]!),
      x.nd.offset,
    ),
  );
  return { data: moved.values(), kept, run };
}

/**
 * Reduces `x` over `dims` (normalised, distinct). Sums accumulate in
 * float64 whatever the dtype. argmax and argmin give int32 positions
 * within the reduced run (row-major over `dims`), first one on ties; the
 * max and min of a run holding NaN are NaN. Returns the kept shape; the
 * caller reinserts size-1 dims for keepdim.
 * @throws RangeError when an int32 sum leaves the int32 range.
 */
export function reduce(
  x: Tensor,
  dims: readonly number[],
  kind: ReduceKind,
): Tensor {
  if (kind === 'sum' && isLeadingPrefix(dims, x.ndim)) {
    return sumLeading(x, dims.length);
  }
  const { data, kept, run } = gatherRuns(x, dims);
  const count = run === 0 ? 0 : data.length / run;
  const outSize = sizeOf(kept);
  const dtype: DType =
    kind === 'argmax' || kind === 'argmin' ? 'int32' : x.dtype;
  const out = allocate(dtype, outSize);
  if (kind === 'sum') {
    for (let o = 0; o < count; o++) {
      let acc = 0;
      const start = o * run;
      for (let i = start; i < start + run; i++) acc += data[i]!;
      out[o] = acc;
      if (dtype === 'int32' && !isInt32(acc)) int32SumError(acc);
    }
  } else {
    const wantMax = kind === 'max' || kind === 'argmax';
    const wantIndex = kind === 'argmax' || kind === 'argmin';
    for (let o = 0; o < count; o++) {
      const start = o * run;
      let best = data[start]!;
      let bestAt = 0;
      for (let i = 1; i < run; i++) {
        const v = data[start + i]!;
        if (Number.isNaN(best)) break;
        if (Number.isNaN(v) || (wantMax ? v > best : v < best)) {
          best = v;
          bestAt = i;
        }
      }
      out[o] = wantIndex ? bestAt : best;
    }
  }
  return Tensor.fromData(out, kept);
}

/**
 * True for dims `[0, 1, ..., k-1]` with 1 <= k < ndim: leading dims, in
 * order, with some dim kept (a full sum reads one run, no copy, already).
 */
function isLeadingPrefix(dims: readonly number[], ndim: number): boolean {
  if (dims.length === 0 || dims.length >= ndim) return false;
  for (let i = 0; i < dims.length; i++) if (dims[i] !== i) return false;
  return true;
}

/**
 * The sum over the first `lead` dims, read in place through the strides:
 * for each position of the summed dims (an odometer), the rest of `x` is
 * added into a float64 accumulator, row by row. No copy of `x`, and each
 * output adds its terms in the same order as the run-based path, so the
 * results agree to the last bit. This is the bias gradient's reduction:
 * (N, C) summed over N.
 */
function sumLeading(x: Tensor, lead: number): Tensor {
  const shape = x.shape;
  const stride = x.nd.stride;
  const keptShape = shape.slice(lead);
  const keptStrides = stride.slice(lead);
  const acc = new Float64Array(sizeOf(keptShape));
  const count = sizeOf(shape.slice(0, lead));
  const index = new Array<number>(lead).fill(0);
  let base = x.nd.offset;
  const src = x.nd.data;
  const inner = keptStrides[0]!;
  for (let r = 0; r < count && acc.length > 0; r++) {
    if (keptShape.length === 1) {
      for (let j = 0, p = base; j < acc.length; j++, p += inner) {
        acc[j] = acc[j]! + src[p]!;
      }
    } else {
      accumulateStrided(src, base, keptShape, keptStrides, acc);
    }
    for (let d = lead - 1; d >= 0; d--) {
      index[d]!++;
      base += stride[d]!;
      if (index[d]! < shape[d]!) break;
      base -= stride[d]! * shape[d]!;
      index[d] = 0;
    }
  }
  const out = allocate(x.dtype, acc.length);
  if (x.dtype === 'int32') {
    for (const v of acc) if (!isInt32(v)) int32SumError(v);
  }
  out.set(acc);
  return Tensor.fromData(out, keptShape);
}

/** An int32 sum left the int32 range; storing it would wrap. */
function int32SumError(value: number): never {
  checkInt32(
    'sum',
    value,
    ' for the sum of an int32 tensor',
    "Sum in float64 instead: x.to('float64').sum().",
  );
  throw new RangeError(`internal: ${value} was expected outside int32.`);
}
