import type ndarray from 'ndarray';
import { allocate, dtypeOf, type TypedArray } from '../dtype.js';
import { sizeOf } from '../shape.js';

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
 * row-major order.
 */
export function copyStrided(
  src: TypedArray,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
  out: TypedArray,
): void {
  const step = strides[shape.length - 1] ?? 0;
  forEachRow(shape, strides, offset, (base, o, n) => {
    for (let j = 0, p = base; j < n; j++, p += step) out[o + j] = src[p]!;
  });
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
  const step = strides[shape.length - 1] ?? 0;
  forEachRow(shape, strides, offset, (base, o, n) => {
    for (let j = 0, p = base; j < n; j++, p += step) dst[p] = values[o + j]!;
  });
}

/**
 * Adds the view (`src`, `offset`, `shape`, `strides`) into `acc` in
 * row-major order: `acc[o] += view[o]`. A reduction's inner step, reading
 * the view in place.
 */
export function accumulateStrided(
  src: TypedArray,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
  acc: Float64Array,
): void {
  const step = strides[shape.length - 1] ?? 0;
  forEachRow(shape, strides, offset, (base, o, n) => {
    for (let j = 0, p = base; j < n; j++, p += step) {
      acc[o + j] = acc[o + j]! + src[p]!;
    }
  });
}

/**
 * Walks a strided view row by row (a row runs along the last dim):
 * `visit(base, o, n)` gets the storage offset of the row's first element,
 * its row-major position `o`, and its length `n`. The outer dims advance
 * like an odometer, so any rank works without recursion; a rank-0 view is
 * one row of one element.
 */
function forEachRow(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  visit: (base: number, o: number, n: number) => void,
): void {
  const ndim = shape.length;
  if (ndim === 0) {
    visit(offset, 0, 1);
    return;
  }
  const size = sizeOf(shape);
  if (size === 0) return;
  const inner = shape[ndim - 1]!;
  const index = new Array<number>(ndim - 1).fill(0);
  let base = offset;
  for (let o = 0; o < size; o += inner) {
    visit(base, o, inner);
    for (let d = ndim - 2; d >= 0; d--) {
      index[d]!++;
      base += strides[d]!;
      if (index[d]! < shape[d]!) break;
      base -= strides[d]! * shape[d]!;
      index[d] = 0;
    }
  }
}
