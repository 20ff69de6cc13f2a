import { ShapeError, formatShape } from '../../errors.js';
import { allocate } from '../../tensor/dtype.js';
import { matmulInto, type MatrixView } from '../../tensor/kernels/matmul.js';
import { wasmMatmulInto } from '../../tensor/kernels/matmul-wasm.js';
import { broadcastShapes, sizeOf } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { floatOperands } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';
import { squeeze } from './squeeze.js';
import { transpose } from './transpose.js';
import { unsqueeze } from './unsqueeze.js';

/**
 * Matrix product with PyTorch's rules. `(n, k) @ (k, m)` gives `(n, m)`; a
 * rank-1 `a` is a row `(1, k)` and a rank-1 `b` a column `(k, 1)`, the
 * added dim removed after (so vector @ vector is a scalar). Dims before
 * the last two are batch dims and broadcast: `(3, 1, 4, 5) @ (2, 5, 2)`
 * gives `(3, 2, 4, 2)`.
 * @throws ShapeError for a rank-0 operand or inner sizes k that differ.
 * @throws DTypeError for int32 operands.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const [x, y] = floatOperands('matmul', a, b);
  if (x.ndim === 0 || y.ndim === 0) {
    throw new ShapeError(
      `matmul: both operands need rank >= 1, got shapes ` +
        `${formatShape(x.shape)} and ${formatShape(y.shape)}. ` +
        `Use mul for a product with a scalar.`,
    );
  }
  const k1 = x.shape[x.ndim - 1]!;
  const k2 = y.ndim === 1 ? y.shape[0]! : y.shape[y.ndim - 2]!;
  if (k1 !== k2) {
    throw new ShapeError(
      `matmul: inner sizes differ: ${formatShape(x.shape)} @ ` +
        `${formatShape(y.shape)} multiplies ${k1} columns by ${k2} rows. ` +
        `The last dim of a must equal the ${y.ndim === 1 ? 'size' : 'second-to-last dim'} ` +
        `of b; transpose one operand if needed.`,
    );
  }

  // Vectors become matrices for the product and lose the dim again after;
  // unsqueeze and squeeze carry the gradient through those steps.
  if (x.ndim === 1)
    return squeeze(matmul(unsqueeze(x, 0), y), y.ndim === 1 ? undefined : -2);
  if (y.ndim === 1) return squeeze(matmul(x, unsqueeze(y, 1)), -1);
  return batchedMatmul(x, y);
}

/** `x @ y` for rank ≥ 2 operands whose inner sizes agree. */
function batchedMatmul(x: Tensor, y: Tensor): Tensor {
  const [m, k] = x.shape.slice(-2) as [number, number];
  const n = y.shape[y.ndim - 1]!;
  const batch = batchShape(x.shape, y.shape);

  // The kernel reads both operands through their strides: transposed
  // views (as in every backward) cost no copy.
  const out = allocate(x.dtype, sizeOf(batch) * m * n);
  const xOffsets = batchOffsets(x, batch);
  const yOffsets = batchOffsets(y, batch);
  const a = matrixView(x);
  const b = matrixView(y);
  for (let i = 0; i < xOffsets.length; i++) {
    a.offset = xOffsets[i]!;
    b.offset = yOffsets[i]!;
    // float32 runs in WebAssembly SIMD when the module is built; float64
    // (and any engine without SIMD) in the JavaScript kernel.
    const done =
      out instanceof Float32Array &&
      wasmMatmulInto(a, b, out, i * m * n, m, k, n);
    if (!done) matmulInto(a, b, out, i * m * n, m, k, n);
  }
  const result = Tensor.fromData(out, [...batch, m, n]);

  // da = dy · bᵀ, db = aᵀ · dy, each summed over the batch dims it was
  // broadcast along. An operand that is a transposed view (a Linear
  // layer's weight.T) gets the same numbers as the transpose of the
  // product taken the other way round, (dy · bᵀ)ᵀ = b · dyᵀ: its gradient
  // then has the layout of the tensor behind the view, and reaches that
  // leaf contiguous, with no copy needed there.
  return record('matmul', result, [x, y], (dy) => [
    x.requiresGrad
      ? sumTo(
          isTransposed(x)
            ? transpose(batchedMatmul(y, transpose(dy, -1, -2)), -1, -2)
            : batchedMatmul(dy, transpose(y, -1, -2)),
          x.shape,
        )
      : null,
    y.requiresGrad
      ? sumTo(
          isTransposed(y)
            ? transpose(batchedMatmul(transpose(dy, -1, -2), x), -1, -2)
            : batchedMatmul(transpose(x, -1, -2), dy),
          y.shape,
        )
      : null,
  ]);
}

/** Whether the last two dims of `t` are laid out column by column. */
function isTransposed(t: Tensor): boolean {
  const s = t.nd.stride;
  const d = t.ndim;
  return t.shape[d - 2]! > 1 && t.shape[d - 1]! > 1 && s[d - 2]! < s[d - 1]!;
}

/**
 * The broadcast of the batch dims (all but the last two) of `a` and `b`.
 * @throws ShapeError naming both operand shapes when they do not broadcast.
 */
function batchShape(a: readonly number[], b: readonly number[]): number[] {
  const batchA = a.slice(0, -2);
  const batchB = b.slice(0, -2);
  const ndim = Math.max(batchA.length, batchB.length);
  for (let i = 0; i < ndim; i++) {
    const p = batchA[batchA.length - ndim + i] ?? 1;
    const q = batchB[batchB.length - ndim + i] ?? 1;
    if (p !== q && p !== 1 && q !== 1) {
      throw new ShapeError(
        `matmul: the batch dims of ${formatShape(a)} @ ${formatShape(b)} ` +
          `(all but the last two: ${formatShape(batchA)} and ` +
          `${formatShape(batchB)}) do not broadcast: ${p} against ${q}. ` +
          `Batch sizes must match or be 1; reshape or unsqueeze an operand.`,
      );
    }
  }
  return broadcastShapes('matmul', batchA, batchB);
}

/** The last two dims of `t` as a strided matrix (offset set per batch). */
function matrixView(t: Tensor): MatrixView {
  const s = t.nd.stride;
  return {
    data: t.nd.data,
    offset: 0,
    rowStride: s[t.ndim - 2]!,
    colStride: s[t.ndim - 1]!,
  };
}

/**
 * For each batch index of the broadcast `batch` shape, in row-major
 * order, the storage offset of the matching matrix of `t`, whose own
 * batch dims are aligned at the right and repeat where they are 1 or
 * missing.
 */
function batchOffsets(t: Tensor, batch: readonly number[]): number[] {
  const own = t.shape.slice(0, -2);
  const lead = batch.length - own.length;
  const offsets: number[] = [];
  const index = new Array<number>(batch.length).fill(0);
  for (let i = 0; i < sizeOf(batch); i++) {
    let at = t.nd.offset;
    for (let d = lead; d < batch.length; d++) {
      if (own[d - lead] !== 1) at += index[d]! * t.nd.stride[d - lead]!;
    }
    offsets.push(at);
    for (let d = batch.length - 1; d >= 0; d--) {
      if (++index[d]! < batch[d]!) break;
      index[d] = 0;
    }
  }
  return offsets;
}
