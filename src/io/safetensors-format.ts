import type { DType } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';

// The tables and small helpers both the writer (safetensors.ts) and the
// reader (safetensors-reader.ts) use. The layout, and the sources we
// followed for it, are described at the top of safetensors.ts.

/** The dtype names safetensors writes for the dtypes tapegrad holds. */
export const DTYPE_NAMES: Readonly<Record<DType, string>> = {
  float32: 'F32',
  float64: 'F64',
  int32: 'I32',
};

/** The tapegrad dtype for each safetensors dtype name it can hold. */
export const DTYPES = new Map<string, DType>([
  ['F32', 'float32'],
  ['F64', 'float64'],
  ['I32', 'int32'],
]);

/** Other safetensors dtypes: legal in a file, but tapegrad cannot hold them. */
export const OTHER_DTYPES = new Set([
  'BOOL',
  'F4',
  'F6_E2M3',
  'F6_E3M2',
  'U8',
  'I8',
  'F8_E5M2',
  'F8_E4M3',
  'F8_E8M0',
  'I16',
  'U16',
  'F16',
  'BF16',
  'U32',
  'C64',
  'I64',
  'U64',
]);

export const BYTES_PER_ELEMENT: Readonly<Record<DType, number>> = {
  float32: 4,
  float64: 8,
  int32: 4,
};

/** Position in the Rust `Dtype` enum, relatively: I32 < F32 < F64. */
export const DTYPE_ORDER: Readonly<Record<DType, number>> = {
  int32: 0,
  float32: 1,
  float64: 2,
};

/** The reference reader refuses headers over 100 MB; so do we. */
export const MAX_HEADER_BYTES = 100_000_000;
export const METADATA_KEY = '__metadata__';
/** Typed arrays use the host's byte order; the file is little-endian. */
export const LITTLE_ENDIAN =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A decoded safetensors file: its tensors (in file order) and metadata. */
export interface Safetensors {
  tensors: Record<string, Tensor>;
  metadata: Record<string, string>;
}

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of a value for an error message. */
export function describe(value: unknown): string {
  if (value instanceof Tensor) return `a tensor`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
