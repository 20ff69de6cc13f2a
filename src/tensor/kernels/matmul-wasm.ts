import { readFileSync } from 'node:fs';
import { pack, type MatrixView } from './matmul.js';

// The float32 matmul in WebAssembly SIMD (the kernel's source is
// wasm/matmul.ts, AssemblyScript, compiled into dist/wasm by the build).
// Operands are packed straight into the module's memory, so the only
// copy beyond the JavaScript kernel's packing is the result's.

// The few WebAssembly types used here: TypeScript's ES2022 library has
// none, and the DOM library would bring in the whole browser.
declare global {
  namespace WebAssembly {
    class Module {
      constructor(bytes: Uint8Array);
    }
    class Instance {
      constructor(module: Module);
      readonly exports: Record<string, unknown>;
    }
    class Memory {
      readonly buffer: ArrayBuffer;
      grow(pages: number): number;
    }
  }
}

interface MatmulModule {
  matmul(
    pa: number,
    pb: number,
    pc: number,
    m: number,
    n: number,
    k: number,
  ): void;
  memory: WebAssembly.Memory;
}

/** Where packed operands start: past anything the module keeps itself. */
const BASE = 65536;
const PAGE = 65536;

let loaded: MatmulModule | null | undefined;

/**
 * The compiled kernel, or null when it cannot run here: the file is
 * missing (a build without the wasm step), the engine lacks SIMD, or the
 * environment variable TAPEGRAD_WASM is '0' (to compare against the
 * JavaScript kernel).
 */
function kernel(): MatmulModule | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (process.env.TAPEGRAD_WASM === '0') return loaded;
  try {
    const url = new URL('../../../wasm/matmul.wasm', import.meta.url);
    const module = new WebAssembly.Module(readFileSync(url));
    loaded = new WebAssembly.Instance(module)
      .exports as unknown as MatmulModule;
  } catch {
    // Not built, or no SIMD: the JavaScript kernel serves instead.
  }
  return loaded;
}

/** Whether float32 matmuls run in WebAssembly SIMD in this process. */
export function wasmMatmulAvailable(): boolean {
  return kernel() !== null;
}

/**
 * out[M, N] (row-major at `outOffset`) = a[M, K] · b[K, N] in float32 by
 * the SIMD kernel, for operands of any strides. Returns false, having done
 * nothing, when the kernel is not available.
 */
export function wasmMatmulInto(
  a: MatrixView,
  b: MatrixView,
  out: Float32Array,
  outOffset: number,
  m: number,
  k: number,
  n: number,
): boolean {
  const wasm = kernel();
  if (wasm === null) return false;

  const aFloats = Math.ceil(m / 4) * 4 * k;
  const bFloats = Math.ceil(n / 8) * 8 * k;
  const pa = BASE;
  const pb = pa + aFloats * 4;
  const pc = pb + bFloats * 4;
  // The kernel spills edge tiles (4 × 8 floats) just past c.
  const end = pc + (m * n + 32) * 4;
  const have = wasm.memory.buffer.byteLength;
  if (end > have) wasm.memory.grow(Math.ceil((end - have) / PAGE));

  const heap = new Float32Array(wasm.memory.buffer);
  pack(a, m, k, true, 4, heap, pa / 4);
  pack(b, n, k, false, 8, heap, pb / 4);
  wasm.matmul(pa, pb, pc, m, n, k);
  out.set(heap.subarray(pc / 4, pc / 4 + m * n), outOffset);
  return true;
}
