import type { TypedArray } from '../dtype.js';

/** A matrix inside a typed array: element (r, c) is at offset + r·rowStride + c·colStride. */
export interface MatrixView {
  data: TypedArray;
  offset: number;
  rowStride: number;
  colStride: number;
}

// Scratch panels, grown as needed and reused across calls, so a training
// step allocates nothing here.
let packedA = new Float64Array(0);
let packedB = new Float64Array(0);

/**
 * out[M, N] (row-major at `outOffset`) = a[M, K] · b[K, N], for operands
 * of any strides (so transposed views need no copy). `out` is overwritten.
 *
 * 1. Pack a into panels of 4 rows and b into panels of 4 columns, k-major
 *    and zero-padded to whole panels: the inner loop then reads both
 *    sequentially, whatever the operands' layout.
 * 2. For each 4×4 tile of out, keep the 16 sums in local variables over
 *    the whole k loop (register tiling): 8 reads feed 16 multiply-adds,
 *    where the naive loop needs 2 reads per multiply-add.
 * 3. Store the tile, skipping the padding. Sums are JavaScript numbers
 *    (float64) and are rounded once, when stored into a float32 `out`.
 */
export function matmulInto(
  a: MatrixView,
  b: MatrixView,
  out: TypedArray,
  outOffset: number,
  m: number,
  k: number,
  n: number,
): void {
  const mPanels = Math.ceil(m / 4);
  const nPanels = Math.ceil(n / 4);
  if (packedA.length < mPanels * 4 * k)
    packedA = new Float64Array(mPanels * 4 * k);
  if (packedB.length < nPanels * 4 * k)
    packedB = new Float64Array(nPanels * 4 * k);
  pack(a, m, k, true, 4, packedA);
  pack(b, n, k, false, 4, packedB);
  const pa = packedA;
  const pb = packedB;

  for (let ip = 0; ip < mPanels; ip++) {
    const aBase = ip * 4 * k;
    for (let jp = 0; jp < nPanels; jp++) {
      const bBase = jp * 4 * k;
      // prettier-ignore
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0,
        c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      // prettier-ignore
      for (let q = 0, pA = aBase, pB = bBase; q < k; q++, pA += 4, pB += 4) {
        const x0 = pa[pA]!, x1 = pa[pA + 1]!, x2 = pa[pA + 2]!, x3 = pa[pA + 3]!;
        const y0 = pb[pB]!, y1 = pb[pB + 1]!, y2 = pb[pB + 2]!, y3 = pb[pB + 3]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      const i = ip * 4;
      const j = jp * 4;
      const rows = Math.min(4, m - i);
      const cols = Math.min(4, n - j);
      const o = outOffset + i * n + j;
      // prettier-ignore
      if (rows === 4 && cols === 4) {
        out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
        const o1 = o + n, o2 = o1 + n, o3 = o2 + n;
        out[o1] = c10; out[o1 + 1] = c11; out[o1 + 2] = c12; out[o1 + 3] = c13;
        out[o2] = c20; out[o2 + 1] = c21; out[o2 + 2] = c22; out[o2 + 3] = c23;
        out[o3] = c30; out[o3 + 1] = c31; out[o3 + 2] = c32; out[o3 + 3] = c33;
      } else {
        const tile = [c00, c01, c02, c03,
                      c10, c11, c12, c13,
                      c20, c21, c22, c23,
                      c30, c31, c32, c33];
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) out[o + r * n + c] = tile[r * 4 + c]!;
        }
      }
    }
  }
}

/**
 * Copies `count` rows of a (or columns of b, `rowsOfA` false) into panels
 * of `width` lines, each panel k-major: panel p holds, for q = 0..k-1,
 * the values of lines p·width .. p·width + width - 1 at position q. Lines
 * past `count` are zeros. Writes from element `start` of `into`.
 */
export function pack(
  v: MatrixView,
  count: number,
  k: number,
  rowsOfA: boolean,
  width: number,
  into: Float32Array | Float64Array,
  start = 0,
): void {
  const { data, offset } = v;
  const lineStride = rowsOfA ? v.rowStride : v.colStride;
  const stepStride = rowsOfA ? v.colStride : v.rowStride;
  const panels = Math.ceil(count / width);
  for (let p = 0; p < panels; p++) {
    const base = start + p * width * k;
    for (let r = 0; r < width; r++) {
      const line = p * width + r;
      if (line >= count) {
        for (let q = 0; q < k; q++) into[base + q * width + r] = 0;
        continue;
      }
      let src = offset + line * lineStride;
      for (let q = 0; q < k; q++, src += stepStride)
        into[base + q * width + r] = data[src]!;
    }
  }
}
