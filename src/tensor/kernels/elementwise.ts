import { ShapeError, formatShape } from '../../errors.js';
import { allocate, type DType, type TypedArray } from '../dtype.js';
import { broadcastShapes, sameShape, sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { copyStrided } from './strided.js';

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
 * `f(g, v)` for each element `g` of `dy` and the element `v` of `x` at the
 * same position: a unary op's gradient `dy · f'(x)` in one pass, with no
 * full-size array of derivatives beside it. The result has dy's shape and
 * dtype.
 * @throws ShapeError (internal) when `dy` and `x` differ in shape.
 */
export function mapWith(
  dy: Tensor,
  x: Tensor,
  f: (g: number, v: number) => number,
): Tensor {
  if (!sameShape(dy.shape, x.shape)) {
    throw new ShapeError(
      `internal: mapWith needs dy and x of one shape, got ` +
        `${formatShape(dy.shape)} and ${formatShape(x.shape)}.`,
    );
  }
  const gv = dy.values();
  const xv = x.values();
  const out = allocate(dy.dtype, gv.length);
  for (let i = 0; i < gv.length; i++) out[i] = f(gv[i]!, xv[i]!);
  return Tensor.fromData(out, dy.shape);
}

/**
 * The values of `x` broadcast to `shape`, row-major: `x`'s own values when
 * the shapes match, else an expanded copy read through a stride-0 view.
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
  const out = allocate(x.dtype, sizeOf(shape));
  copyStrided(x.nd.data, x.nd.offset, shape, strides, out);
  return out;
}

/**
 * `f(a, b)` element by element over the broadcast of `a` and `b`. When one
 * operand has the full size and the other's shape is a suffix of the
 * result's (a bias (C) or (1, C) beside (N, C), or one element), the
 * smaller one is read in place, again for each block of its size, instead
 * of being expanded into a full-size copy.
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
  if (a.size === size && isTrailing(b.shape, shape)) {
    const av = a.values();
    const bv = b.values();
    const m = bv.length;
    if (m === size) {
      for (let i = 0; i < size; i++) out[i] = f(av[i]!, bv[i]!);
    } else if (m === 1) {
      const y = bv[0]!;
      for (let i = 0; i < size; i++) out[i] = f(av[i]!, y);
    } else {
      for (let base = 0; base < size; base += m) {
        for (let j = 0; j < m; j++) out[base + j] = f(av[base + j]!, bv[j]!);
      }
    }
  } else if (b.size === size && isTrailing(a.shape, shape)) {
    const av = a.values();
    const bv = b.values();
    const m = av.length;
    if (m === 1) {
      const x = av[0]!;
      for (let i = 0; i < size; i++) out[i] = f(x, bv[i]!);
    } else {
      for (let base = 0; base < size; base += m) {
        for (let j = 0; j < m; j++) out[base + j] = f(av[j]!, bv[base + j]!);
      }
    }
  } else {
    const av = broadcastValues(a, shape);
    const bv = broadcastValues(b, shape);
    for (let i = 0; i < size; i++) out[i] = f(av[i]!, bv[i]!);
  }
  return Tensor.fromData(out, shape);
}

/**
 * Whether `inner`, without its leading 1s, equals the last dims of
 * `shape`: then its row-major values repeat with period `inner`'s size
 * along the row-major order of `shape`.
 */
function isTrailing(
  inner: readonly number[],
  shape: readonly number[],
): boolean {
  let first = 0;
  while (first < inner.length && inner[first] === 1) first++;
  const offset = shape.length - inner.length;
  for (let d = first; d < inner.length; d++) {
    if (inner[d] !== shape[offset + d]) return false;
  }
  return true;
}
