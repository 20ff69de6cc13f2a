import { allocate, type DType, type TypedArray } from '../dtype.js';
import { contiguousStrides, sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { writeStrided } from './strided.js';

/**
 * Visits every position of `shape` in row-major order, passing the flat
 * position, the position's coordinate along `dim`, and its offset in a
 * tensor with `strides` and `offset` whose `dim` coordinate is zero.
 */
function walkAlong(
  shape: readonly number[],
  dim: number,
  strides: readonly number[],
  offset: number,
  visit: (pos: number, along: number, base: number) => void,
): void {
  const size = sizeOf(shape);
  const index = new Array<number>(shape.length).fill(0);
  let base = offset;
  for (let pos = 0; pos < size; pos++) {
    visit(pos, index[dim] ?? 0, base);
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d]!++;
      if (d !== dim) base += strides[d]!;
      if (index[d]! < shape[d]!) break;
      if (d !== dim) base -= strides[d]! * shape[d]!;
      index[d] = 0;
    }
  }
}

/**
 * out[p] = x[p with its `dim` coordinate replaced by index[p]], for every
 * position p of `index` (PyTorch's gather). Indices must be checked first.
 */
export function gatherAlong(x: Tensor, dim: number, index: Tensor): Tensor {
  const idx = index.values();
  const out = allocate(x.dtype, idx.length);
  const src = x.nd.data;
  // A rank-0 tensor has no dim to step along: its one element is at the
  // offset, and the checked index there is 0.
  const stride = x.nd.stride[dim] ?? 0;
  walkAlong(index.shape, dim, x.nd.stride, x.nd.offset, (pos, _, base) => {
    out[pos] = src[base + idx[pos]! * stride]!;
  });
  return Tensor.fromData(out, index.shape);
}

/**
 * The reverse of `gatherAlong`: a zero tensor of `shape` with each
 * `values[p]` added at `p` with its `dim` coordinate replaced by
 * `index[p]`. Repeated indices add up. Cost: one zero-fill of `shape` plus
 * one add per element of `index`.
 */
export function scatterAddAlong(
  shape: readonly number[],
  dtype: DType,
  dim: number,
  index: TypedArray,
  indexShape: readonly number[],
  values: TypedArray,
): Tensor {
  const out = allocate(dtype, sizeOf(shape));
  const strides = contiguousStrides(shape);
  const stride = strides[dim] ?? 0; // rank 0: see gatherAlong
  walkAlong(indexShape, dim, strides, 0, (pos, _, base) => {
    const at = base + index[pos]! * stride;
    out[at] = out[at]! + values[pos]!;
  });
  return Tensor.fromData(out, shape);
}

/**
 * PyTorch's index_select: the slices of `x` at `index` (rank 1) along
 * `dim`, in that order. out has x's shape with `dim` sized `index.length`.
 */
export function selectAlong(x: Tensor, dim: number, index: TypedArray): Tensor {
  const shape = x.shape.slice();
  shape[dim] = index.length;
  const out = allocate(x.dtype, sizeOf(shape));
  const src = x.nd.data;
  const stride = x.nd.stride[dim]!;
  walkAlong(shape, dim, x.nd.stride, x.nd.offset, (pos, along, base) => {
    out[pos] = src[base + index[along]! * stride]!;
  });
  return Tensor.fromData(out, shape);
}

/** The reverse of `selectAlong`: slices of `values` added at `index`. */
export function indexAddAlong(
  shape: readonly number[],
  dtype: DType,
  dim: number,
  index: TypedArray,
  values: Tensor,
): Tensor {
  const out = allocate(dtype, sizeOf(shape));
  const strides = contiguousStrides(shape);
  const stride = strides[dim]!;
  const src = values.values();
  walkAlong(values.shape, dim, strides, 0, (pos, along, base) => {
    const at = base + index[along]! * stride;
    out[at] = out[at]! + src[pos]!;
  });
  return Tensor.fromData(out, shape);
}

/**
 * A zero tensor of `shape` and `dtype` with `parts` written back to back
 * along `dim`, the first at `from`: cat's result when the parts fill the
 * dim, narrow's gradient for a single part. Each part must have `shape`
 * outside `dim`, and the dtype `dtype`.
 */
export function placeAlong(
  shape: readonly number[],
  dtype: DType,
  dim: number,
  from: number,
  parts: readonly Tensor[],
): Tensor {
  const out = allocate(dtype, sizeOf(shape));
  const strides = contiguousStrides(shape);
  let at = from;
  for (const part of parts) {
    writeStrided(out, at * strides[dim]!, part.shape, strides, part.values());
    at += part.shape[dim]!;
  }
  return Tensor.fromData(out, shape);
}
