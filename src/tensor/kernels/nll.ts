import { sizeOf } from '../shape.js';

/**
 * Where element e = (n, j) of a loss finds class t of its row in an
 * `(C)`, `(N, C)` or `(N, C, d1, ..., dK)` input: at
 * `offset + n·batchStride + t·classStride + extra[j]`, with j running
 * row-major over d1..dK and `extra[j]` its offset in those dims. A rank-1
 * input is one row whose class stride is its only stride.
 */
export interface ClassLayout {
  offset: number;
  batchStride: number;
  classStride: number;
  extra: Int32Array;
}

/** The class layout of a strided view (an ndarray, or shape and strides). */
export function classLayout(view: {
  shape: readonly number[];
  stride: readonly number[];
  offset: number;
}): ClassLayout {
  const { shape, stride, offset } = view;
  if (shape.length === 1) {
    return {
      offset,
      batchStride: 0,
      classStride: stride[0]!,
      extra: new Int32Array([0]),
    };
  }
  const dims = shape.slice(2);
  const extra = new Int32Array(sizeOf(dims));
  for (let j = 0; j < extra.length; j++) {
    let rest = j;
    let at = 0;
    for (let d = dims.length - 1; d >= 0; d--) {
      at += (rest % dims[d]!) * stride[d + 2]!;
      rest = Math.floor(rest / dims[d]!);
    }
    extra[j] = at;
  }
  return { offset, batchStride: stride[0]!, classStride: stride[1]!, extra };
}

/**
 * Calls `visit(e, t, at)` for every element e whose target t is not
 * `ignoreIndex`, with `at` the position of its target class in `layout`.
 * The targets must already be checked to lie in `[0, C)`.
 */
export function forEachTarget(
  targets: Int32Array,
  layout: ClassLayout,
  ignoreIndex: number,
  visit: (e: number, t: number, at: number) => void,
): void {
  const { offset, batchStride, classStride, extra } = layout;
  const inner = extra.length;
  const batch = inner === 0 ? 0 : targets.length / inner;
  for (let n = 0, e = 0; n < batch; n++) {
    const row = offset + n * batchStride;
    for (let j = 0; j < inner; j++, e++) {
      const t = targets[e]!;
      if (t !== ignoreIndex) visit(e, t, row + t * classStride + extra[j]!);
    }
  }
}
