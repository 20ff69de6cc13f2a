import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  matmulInto,
  type MatrixView,
} from '../../../src/tensor/kernels/matmul.js';
import {
  wasmMatmulAvailable,
  wasmMatmulInto,
} from '../../../src/tensor/kernels/matmul-wasm.js';
import { Generator } from '../../../src/index.js';

// The WebAssembly SIMD kernel against the JavaScript kernel run in
// float64 on the same values: every shape from 1 to 9 in each dim (so
// every kind of edge tile), larger ones, and transposed operands.

const wasm = suite('wasmMatmulInto');

/** A k-by-n or m-by-k matrix of seeded float32 values, row-major. */
function matrix(rows: number, cols: number, seed: number): Float32Array {
  const g = new Generator(seed);
  return Float32Array.from({ length: rows * cols }, () => g.normal());
}

function view(
  data: Float32Array | Float64Array,
  rows: number,
  cols: number,
  transposed: boolean,
): MatrixView {
  // A transposed view of a (cols, rows) buffer reads element (r, c) at
  // c·rows + r.
  return transposed
    ? { data, offset: 0, rowStride: 1, colStride: rows }
    : { data, offset: 0, rowStride: cols, colStride: 1 };
}

function check(m: number, k: number, n: number, transposed: boolean): void {
  const a = matrix(m, k, m * 100 + k);
  const b = matrix(k, n, k * 100 + n);
  const got = new Float32Array(m * n + 2).fill(NaN);
  assert.ok(
    wasmMatmulInto(
      view(a, m, k, transposed),
      view(b, k, n, transposed),
      got,
      1,
      m,
      k,
      n,
    ),
    'the kernel did not run',
  );
  const want = new Float64Array(m * n);
  matmulInto(
    view(Float64Array.from(a), m, k, transposed),
    view(Float64Array.from(b), k, n, transposed),
    want,
    0,
    m,
    k,
    n,
  );
  // float32 sums of k products of N(0, 1) values: the error grows with √k.
  const tolerance = 1e-5 * Math.sqrt(k) * 4;
  assert.ok(Number.isNaN(got[0]!), 'wrote before outOffset');
  assert.ok(Number.isNaN(got[m * n + 1]!), 'wrote past the result');
  for (let i = 0; i < m * n; i++) {
    const diff = Math.abs(got[i + 1]! - want[i]!);
    if (diff > tolerance * Math.max(1, Math.abs(want[i]!))) {
      assert.unreachable(
        `(${m}, ${k}) @ (${k}, ${n}) element ${i}: ${got[i + 1]} vs ${want[i]}`,
      );
    }
  }
}

wasm('is built and runs here (npm run build compiles it)', () => {
  assert.ok(wasmMatmulAvailable(), 'dist/wasm/matmul.wasm did not load');
});

wasm('matches the float64 kernel for every m, k, n in 1..9', () => {
  for (let m = 1; m <= 9; m++) {
    for (let k = 1; k <= 9; k++) {
      for (let n = 1; n <= 9; n++) check(m, k, n, false);
    }
  }
});

wasm('matches for transposed operands, read through their strides', () => {
  for (const [m, k, n] of [
    [5, 7, 9],
    [8, 3, 16],
    [13, 1, 2],
  ] as const) {
    check(m, k, n, true);
  }
});

wasm(
  'matches for the training shapes (64, 784) @ (784, 256) and larger',
  () => {
    check(64, 784, 256, false);
    check(784, 64, 128, true);
    check(129, 67, 131, false);
  },
);

wasm('grows its memory for a product larger than any before', () => {
  check(300, 300, 300, false);
  check(2, 2, 2, false);
});

wasm.run();
