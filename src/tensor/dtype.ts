import { DTypeError } from '../errors.js';

/** The element types a tensor can hold. */
export type DType = 'float32' | 'float64' | 'int32';

/** The typed array behind each dtype. */
export type TypedArray = Float32Array | Float64Array | Int32Array;

export const DEFAULT_DTYPE: DType = 'float32';

/**
 * Allocates zeroed storage for `size` elements. Every tensor's memory comes
 * from here, so that moving storage into a WebAssembly.Memory later (views
 * over one wasm heap) is a change to this one function: kernels only ever
 * see a typed array, an offset and strides.
 */
export function allocate(dtype: DType, size: number): TypedArray {
  allocationObserver?.(dtype, size);
  switch (dtype) {
    case 'float32':
      return new Float32Array(size);
    case 'float64':
      return new Float64Array(size);
    case 'int32':
      return new Int32Array(size);
  }
}

let allocationObserver: ((dtype: DType, size: number) => void) | null = null;

/**
 * Calls `observer` on every tensor allocation until it is set to null:
 * lets tests prove what a kernel allocates (and what it does not).
 */
export function observeAllocations(
  observer: ((dtype: DType, size: number) => void) | null,
): void {
  allocationObserver = observer;
}

/** The dtype whose typed array `data` is. */
export function dtypeOf(data: TypedArray): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  return 'int32';
}

export function isFloating(dtype: DType): boolean {
  return dtype !== 'int32';
}

export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'float64' || value === 'int32';
}

/**
 * The dtype of a binary op's result, as PyTorch promotes: float64 wins over
 * float32, any float wins over int32.
 */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'float64' || b === 'float64') return 'float64';
  return 'float32';
}

/** Throws unless `dtype` is floating; `op` names the caller. */
export function requireFloating(op: string, dtype: DType): void {
  if (isFloating(dtype)) return;
  throw new DTypeError(
    `${op}: expected a float32 or float64 tensor, got int32. ` +
      `Convert first with x.to('float32').`,
  );
}
