import type { TypedArray } from '../dtype.js';

/**
 * out[M, N] = a[M, K] · b[K, N] over row-major blocks starting at the given
 * offsets. `out` is overwritten.
 *
 * Register tiling: each pass of the k loop updates a 4×4 tile of sums held
 * in local variables, reading 4 values of `a` and 4 of `b` for 16
 * multiply-adds, instead of 2 reads per multiply-add in the naive loop.
 * Rows and columns left over at the edges take the plain path. Sums are
 * JavaScript numbers (float64) and rounded once when stored.
 */
export function matmulInto(
  a: TypedArray,
  aOffset: number,
  b: TypedArray,
  bOffset: number,
  out: TypedArray,
  outOffset: number,
  m: number,
  k: number,
  n: number,
): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = aOffset + i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let p = bOffset + j;
      for (let q = 0; q < k; q++, p += n) {
        const b0 = b[p]!, b1 = b[p + 1]!, b2 = b[p + 2]!, b3 = b[p + 3]!;
        const x0 = a[a0 + q]!, x1 = a[a1 + q]!, x2 = a[a2 + q]!, x3 = a[a3 + q]!;
        c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
        c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
        c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
        c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
      }
      const o = outOffset + i * n + j;
      out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
      out[o + n] = c10; out[o + n + 1] = c11;
      out[o + n + 2] = c12; out[o + n + 3] = c13;
      out[o + 2 * n] = c20; out[o + 2 * n + 1] = c21;
      out[o + 2 * n + 2] = c22; out[o + 2 * n + 3] = c23;
      out[o + 3 * n] = c30; out[o + 3 * n + 1] = c31;
      out[o + 3 * n + 2] = c32; out[o + 3 * n + 3] = c33;
    }
    for (let r = i; r < i + 4; r++) {
      edgeRow(a, aOffset, b, bOffset, out, outOffset, r, n4, k, n);
    }
  }
  for (let r = m4; r < m; r++) {
    edgeRow(a, aOffset, b, bOffset, out, outOffset, r, 0, k, n);
  }
}

/** Columns `from..n` of output row `r`, one dot product each. */
function edgeRow(
  a: TypedArray,
  aOffset: number,
  b: TypedArray,
  bOffset: number,
  out: TypedArray,
  outOffset: number,
  r: number,
  from: number,
  k: number,
  n: number,
): void {
  const row = aOffset + r * k;
  for (let j = from; j < n; j++) {
    let acc = 0;
    for (let q = 0, p = bOffset + j; q < k; q++, p += n) acc += a[row + q]! * b[p]!;
    out[outOffset + r * n + j] = acc;
  }
}
