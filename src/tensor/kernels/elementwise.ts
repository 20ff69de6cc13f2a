import ndarray from 'ndarray';
import { allocate, type DType, type TypedArray } from '../dtype.js';
import { broadcastShapes, sameShape, sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';

/** `f` applied to every element of `x`; the result has dtype `dtype`. */
export function map(
  x: Tensor,
  f: (v: number) => number,
  dtype: DType = x.dtype,
): Tensor {
  const src = x.values();
  const out = allocate(dtype, src.length);
  for (let i = 0; i < src.length; i++) out[i] = f(src[i]!);
  return Tensor.fromData(out, x.shape);
}

/**
 * The values of `x` broadcast to `shape`, row-major: `x`'s own values when
 * the shapes match, else an expanded copy.
 */
export function broadcastValues(
  x: Tensor,
  shape: readonly number[],
): TypedArray {
  if (sameShape(x.shape, shape)) return x.values();
  const lead = shape.length - x.ndim;
  const strides = shape.map((n, i) => {
    const d = i - lead;
    return d < 0 || x.shape[d] === 1 ? 0 : x.nd.stride[d]!;
  });
  const view = ndarray(x.nd.data, shape.slice(), strides, x.nd.offset);
  const out = allocate(x.dtype, sizeOf(shape));
  if (out.length > 0) {
    // An expanded view is never contiguous, so this always copies.
    const src = view.data;
    const index = new Array<number>(shape.length).fill(0);
    for (let o = 0; o < out.length; o++) {
      let p = view.offset;
      for (let d = 0; d < shape.length; d++) p += index[d]! * strides[d]!;
      out[o] = src[p]!;
      for (let d = shape.length - 1; d >= 0; d--) {
        if (++index[d]! < shape[d]!) break;
        index[d] = 0;
      }
    }
  }
  return out;
}

/**
 * `f(a, b)` element by element over the broadcast of `a` and `b`. A
 * one-element operand is read once instead of being expanded.
 */
export function zip(
  op: string,
  a: Tensor,
  b: Tensor,
  f: (x: number, y: number) => number,
  dtype: DType,
): Tensor {
  const shape = broadcastShapes(op, a.shape, b.shape);
  const size = sizeOf(shape);
  const out = allocate(dtype, size);
  if (b.size === 1 && a.size === size) {
    const av = a.values();
    const y = b.item();
    for (let i = 0; i < size; i++) out[i] = f(av[i]!, y);
  } else if (a.size === 1 && b.size === size) {
    const bv = b.values();
    const x = a.item();
    for (let i = 0; i < size; i++) out[i] = f(x, bv[i]!);
  } else {
    const av = broadcastValues(a, shape);
    const bv = broadcastValues(b, shape);
    for (let i = 0; i < size; i++) out[i] = f(av[i]!, bv[i]!);
  }
  return Tensor.fromData(out, shape);
}
