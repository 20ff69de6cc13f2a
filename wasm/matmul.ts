// AssemblyScript, compiled to WebAssembly with 128-bit SIMD by
// `npm run build` (see package.json's build:wasm). The TypeScript side is
// src/tensor/kernels/matmul-wasm.ts, which packs the operands into this
// module's memory and calls `matmul`.

/**
 * c[m, n] (row-major, float32) = a · b, from operands packed as the JS
 * side's `pack` writes them: a in panels of 4 rows, b in panels of 8
 * columns, both k-major and zero-padded to whole panels.
 *
 * Each 4×8 tile of c lives in eight f32x4 registers for the whole k loop:
 * per step, two vector loads of b and four broadcast loads of a feed
 * eight vector multiply-adds (32 multiply-adds). Sums are float32, as in
 * PyTorch's float32 matmul.
 */
export function matmul(
  pa: usize,
  pb: usize,
  pc: usize,
  m: i32,
  n: i32,
  k: i32,
): void {
  const mPanels = (m + 3) >> 2;
  const nPanels = (n + 7) >> 3;
  const tile = pc + ((<usize>(m * n)) << 2);
  for (let ip = 0; ip < mPanels; ip++) {
    const aBase = pa + ((<usize>(ip * 4 * k)) << 2);
    for (let jp = 0; jp < nPanels; jp++) {
      let pA = aBase;
      let pB = pb + ((<usize>(jp * 8 * k)) << 2);
      let c00 = f32x4.splat(0);
      let c01 = f32x4.splat(0);
      let c10 = f32x4.splat(0);
      let c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0);
      let c21 = f32x4.splat(0);
      let c30 = f32x4.splat(0);
      let c31 = f32x4.splat(0);
      for (let q = 0; q < k; q++) {
        const b0 = v128.load(pB);
        const b1 = v128.load(pB, 16);
        const a0 = v128.load32_splat(pA);
        const a1 = v128.load32_splat(pA, 4);
        const a2 = v128.load32_splat(pA, 8);
        const a3 = v128.load32_splat(pA, 12);
        c00 = f32x4.add(c00, f32x4.mul(a0, b0));
        c01 = f32x4.add(c01, f32x4.mul(a0, b1));
        c10 = f32x4.add(c10, f32x4.mul(a1, b0));
        c11 = f32x4.add(c11, f32x4.mul(a1, b1));
        c20 = f32x4.add(c20, f32x4.mul(a2, b0));
        c21 = f32x4.add(c21, f32x4.mul(a2, b1));
        c30 = f32x4.add(c30, f32x4.mul(a3, b0));
        c31 = f32x4.add(c31, f32x4.mul(a3, b1));
        pA += 16;
        pB += 32;
      }
      const i = ip * 4;
      const j = jp * 8;
      const rows = min(4, m - i);
      const cols = min(8, n - j);
      if (rows == 4 && cols == 8) {
        const row = (<usize>n) << 2;
        let o = pc + ((<usize>(i * n + j)) << 2);
        v128.store(o, c00);
        v128.store(o, c01, 16);
        o += row;
        v128.store(o, c10);
        v128.store(o, c11, 16);
        o += row;
        v128.store(o, c20);
        v128.store(o, c21, 16);
        o += row;
        v128.store(o, c30);
        v128.store(o, c31, 16);
      } else {
        // An edge tile: spill it past the end of c, then copy what fits.
        v128.store(tile, c00);
        v128.store(tile, c01, 16);
        v128.store(tile, c10, 32);
        v128.store(tile, c11, 48);
        v128.store(tile, c20, 64);
        v128.store(tile, c21, 80);
        v128.store(tile, c30, 96);
        v128.store(tile, c31, 112);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            const v = load<f32>(tile + ((<usize>(r * 8 + c)) << 2));
            store<f32>(pc + ((<usize>((i + r) * n + j + c)) << 2), v);
          }
        }
      }
    }
  }
}
