import { DTypeError } from '../errors.js';

/** The element types a tensor can hold. */
export type DType = 'float32' | 'float64' | 'int32';

/** The typed array behind each dtype. */
export type TypedArray = Float32Array | Float64Array | Int32Array;

export const DEFAULT_DTYPE: DType = 'float32';

/** The smallest value an int32 holds, -2^31. */
export const INT32_MIN = -2147483648;
/** The largest value an int32 holds, 2^31 - 1. */
export const INT32_MAX = 2147483647;

/** Whether `value` can be stored in int32 unchanged: whole, in range. */
export function isInt32(value: number): boolean {
  return value >= INT32_MIN && value <= INT32_MAX && Number.isInteger(value);
}

/**
 * Throws unless `value` can be stored in int32 unchanged: a whole number in
 * `[INT32_MIN, INT32_MAX]`. Storing anything else into an Int32Array would
 * truncate or wrap silently, so every path that writes int32 values from
 * outside checks here. Messages start with `op`; `where` follows the value
 * (' at flat index 3') and `fix` replaces the default advice. In a loop,
 * test `isInt32` first so the `where` string is built only on failure.
 * @throws DTypeError for a finite value that is not whole, such as 2.5.
 * @throws RangeError for NaN, an infinity, or a whole value outside the
 * int32 range.
 * @example
 * checkInt32('full', 2 ** 31); // RangeError: full: int32 values must lie…
 */
export function checkInt32(
  op: string,
  value: number,
  where = '',
  fix = 'Use a float dtype for larger values.',
): void {
  if (isInt32(value)) return;
  if (Number.isFinite(value) && !Number.isInteger(value)) {
    throw new DTypeError(
      `${op}: int32 values must be whole numbers, got ${value}${where}. ` +
        `Round them first or use a float dtype.`,
    );
  }
  throw new RangeError(
    `${op}: int32 values must lie in [-2147483648, 2147483647], got ` +
      `${value}${where}. ${fix}`,
  );
}

/**
 * The most elements one tensor may hold, 2^31 - 1: argmax, gather and
 * indexSelect keep flat positions in int32, so every position must fit.
 */
export const MAX_SIZE = 2147483647;

/**
 * Allocates zeroed storage for `size` elements. Every tensor's memory comes
 * from here, so that moving storage into a WebAssembly.Memory later (views
 * over one wasm heap) is a change to this one function: kernels only ever
 * see a typed array, an offset and strides.
 * @throws RangeError for more than `MAX_SIZE` elements. Creation functions
 * check their shape first and name it; this catches results that grow
 * past the limit, such as a broadcast of two large operands.
 */
export function allocate(dtype: DType, size: number): TypedArray {
  if (size > MAX_SIZE) {
    throw new RangeError(
      `allocate: a result of ${size} elements is more than the ` +
        `${MAX_SIZE} (2^31 - 1) a tensor can hold. Check the shapes ` +
        `going into the last op: a broadcast may have multiplied them.`,
    );
  }
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
