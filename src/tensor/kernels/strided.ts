import type ndarray from 'ndarray';
import { allocate, dtypeOf, type TypedArray } from '../dtype.js';

export type NdArray = ndarray.NdArray<TypedArray>;

/** True when `nd` walks its storage in row-major order with no gaps. */
export function isContiguous(nd: NdArray): boolean {
  let step = 1;
  for (let i = nd.shape.length - 1; i >= 0; i--) {
    const n = nd.shape[i]!;
    if (n !== 1 && nd.stride[i] !== step) return false;
    step *= n;
  }
  return true;
}

/**
 * The elements of `nd` in row-major order as one typed array: a subarray of
 * the storage when the view is already contiguous (no copy), else a fresh
 * copy. Callers must not write into the result unless they own `nd`.
 */
export function contiguousData(nd: NdArray): TypedArray {
  const size = nd.size;
  if (isContiguous(nd)) return nd.data.subarray(nd.offset, nd.offset + size);
  const out = allocate(dtypeOf(nd.data), size);
  copyStrided(nd.data, nd.offset, nd.shape, nd.stride, out);
  return out;
}

/**
 * Copies the view (`src`, `offset`, `shape`, `strides`) into `out` in
 * row-major order. The innermost dim is a tight loop; the outer dims are
 * walked with an index counter, so any rank works without recursion.
 */
export function copyStrided(
  src: TypedArray,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
  out: TypedArray,
): void {
  const ndim = shape.length;
  if (ndim === 0) {
    out[0] = src[offset]!;
    return;
  }
  const size = out.length;
  if (size === 0) return;
  const inner = shape[ndim - 1]!;
  const innerStride = strides[ndim - 1]!;
  const index = new Array<number>(ndim - 1).fill(0);
  let base = offset;
  for (let o = 0; o < size; o += inner) {
    for (let j = 0, p = base; j < inner; j++, p += innerStride) {
      out[o + j] = src[p]!;
    }
    // Advance the outer index like an odometer, fixing `base` as we go.
    for (let d = ndim - 2; d >= 0; d--) {
      index[d]!++;
      base += strides[d]!;
      if (index[d]! < shape[d]!) break;
      base -= strides[d]! * shape[d]!;
      index[d] = 0;
    }
  }
}

/**
 * Writes `values` (row-major) into the view (`dst`, `offset`, `shape`,
 * `strides`): the inverse of `copyStrided`.
 */
export function writeStrided(
  dst: TypedArray,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
  values: TypedArray,
): void {
  const ndim = shape.length;
  if (ndim === 0) {
    dst[offset] = values[0]!;
    return;
  }
  const size = values.length;
  if (size === 0) return;
  const inner = shape[ndim - 1]!;
  const innerStride = strides[ndim - 1]!;
  const index = new Array<number>(ndim - 1).fill(0);
  let base = offset;
  for (let o = 0; o < size; o += inner) {
    for (let j = 0, p = base; j < inner; j++, p += innerStride) {
      dst[p] = values[o + j]!;
    }
    for (let d = ndim - 2; d >= 0; d--) {
      index[d]!++;
      base += strides[d]!;
      if (index[d]! < shape[d]!) break;
      base -= strides[d]! * shape[d]!;
      index[d] = 0;
    }
  }
}
