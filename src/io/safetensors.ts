import { Tensor } from '../tensor/tensor.js';
import { CheckpointError, DTypeError } from '../errors.js';
import {
  BYTES_PER_ELEMENT,
  DTYPE_NAMES,
  DTYPE_ORDER,
  LITTLE_ENDIAN,
  METADATA_KEY,
  describe,
  isObject,
  type Safetensors,
} from './safetensors-format.js';
import { decode } from './safetensors-reader.js';

export type { Safetensors } from './safetensors-format.js';

// The safetensors format, written to match what Python's `safetensors`
// writes byte for byte. We followed the public huggingface/safetensors
// sources: `prepare`, `serialize`, `Metadata`'s Serialize impl,
// `read_metadata`, `Metadata::validate` and the `Dtype` enum in
// safetensors/src/tensor.rs, and `serialize` in bindings/python/src/lib.rs
// (which hands the tensor dict and metadata to the Rust writer). The layout:
//
//   bytes [0, 8)        N, the header length, as a little-endian u64
//   bytes [8, 8 + N)    the header: compact JSON in UTF-8, no spaces, then
//                       spaces (0x20) until N is a multiple of 8, so the data
//                       that follows starts 8-byte aligned
//   bytes [8 + N, end)  the tensors' raw little-endian row-major data, packed
//                       with no gaps, in the order the header lists them
//
// The header is one object: `"__metadata__":{...}` first when metadata was
// given (an empty `{}` included; omitted when none was), then one entry per
// tensor, `"name":{"dtype":"F32","shape":[2,3],"data_offsets":[b,e]}`, keys
// in that order, offsets relative to the start of the data. Tensors are
// ordered by dtype, later `Dtype` variants first (F64, then F32, then I32),
// ties by name in byte order. Strings are escaped as serde_json does, which
// JSON.stringify matches for well-formed strings: `"`, `\` and control
// characters only, everything else raw UTF-8.
//
// One choice is ours: the Python bindings keep metadata in a Rust HashMap,
// whose iteration order differs from run to run, so with two or more
// metadata keys no single byte layout is "the" Python one. We sort them by
// byte order (what safetensors did when it kept them in a BTreeMap), which
// is one of the layouts Python may write and is reproducible.

/**
 * Encodes tensors as a safetensors file, byte for byte as Python's
 * `safetensors` writes the same tensors. float32, float64 and int32 become
 * F32, F64 and I32; any shape works (rank 0 is `[]`, size 0 holds no bytes);
 * views are written in row-major order.
 * @param tensors Tensors by name. `__metadata__` is reserved.
 * @param metadata Free text stored in the header; omitted when undefined.
 * @throws DTypeError for a value that is not a Tensor, `tensors` or
 * `metadata` that is not a plain object, or metadata that is not text.
 * @throws CheckpointError for the reserved name or an unpaired surrogate.
 * @example
 * const bytes = encodeSafetensors({ w: ones([2, 3]) }, { epoch: '3' });
 * decodeSafetensors(bytes).metadata.epoch; // '3'
 */
export function encodeSafetensors(
  tensors: Record<string, Tensor>,
  metadata?: Record<string, string>,
): Uint8Array {
  const layout = layoutSafetensors('encodeSafetensors', tensors, metadata);

  const out = new Uint8Array(layout.head.length + layout.dataLength);
  out.set(layout.head);
  let at = layout.head.length;
  for (const entry of layout.entries) {
    out.set(tensorBytes(entry), at);
    at += entry.byteLength;
  }

  return out;
}

/**
 * Decodes a safetensors file, checking all of it first: the header length,
 * UTF-8, JSON, every dtype, shape and `data_offsets` (in range, no overlap,
 * no gap, sized shape × dtype), and no bytes after the last tensor. The
 * tensors own their memory, copied out of `bytes`.
 * @param source The file name to put in error messages.
 * @throws CheckpointError naming `source` (and the tensor at fault) for a
 * damaged or truncated file; NotSupportedError for a dtype such as F16 or
 * I64, which tapegrad cannot hold.
 * @throws DTypeError when `bytes` is not a Uint8Array.
 */
export function decodeSafetensors(
  bytes: Uint8Array,
  source?: string,
): Safetensors {
  if (!(bytes instanceof Uint8Array)) {
    throw new DTypeError(
      `decodeSafetensors: expected the file's bytes as a Uint8Array (a ` +
        `Buffer is one), got ${describe(bytes)}. Read the file with ` +
        `fs.readFileSync(path), or call load(path) instead.`,
    );
  }
  return decode('decodeSafetensors', bytes, source);
}

/** One tensor as laid out: its name, the tensor and its size in bytes. */
export interface LayoutEntry {
  name: string;
  tensor: Tensor;
  byteLength: number;
}

/** The length prefix and padded header, then the tensors in data order. */
export interface SafetensorsLayout {
  head: Uint8Array;
  entries: LayoutEntry[];
  dataLength: number;
}

/**
 * Checks the tensors and metadata and lays them out, without reading any
 * tensor's values: `save` streams them to disk one at a time after this.
 */
export function layoutSafetensors(
  op: string,
  tensors: Record<string, Tensor>,
  metadata: Record<string, string> | undefined,
): SafetensorsLayout {
  checkRecord(op, 'tensors', tensors);
  const entries = Object.entries(tensors).map(([name, tensor]) => {
    checkEntry(op, name, tensor);
    const byteLength = tensor.size * BYTES_PER_ELEMENT[tensor.dtype];
    return { name, tensor, byteLength };
  });

  // 1. Order the data as the Rust writer does: F64, F32, I32, then by name.
  entries.sort(
    (a, b) =>
      DTYPE_ORDER[b.tensor.dtype] - DTYPE_ORDER[a.tensor.dtype] ||
      compareCodePoints(a.name, b.name),
  );
  // 2. Write the header JSON by hand, to fix the key order and spacing.
  const parts: string[] = [];
  if (metadata !== undefined) {
    parts.push(`"${METADATA_KEY}":${metadataJson(op, metadata)}`);
  }
  let offset = 0;
  for (const { name, tensor, byteLength } of entries) {
    const dtype = DTYPE_NAMES[tensor.dtype];
    const shape = tensor.shape.join(',');
    const offsets = `${offset},${offset + byteLength}`;
    parts.push(
      `${JSON.stringify(name)}:{"dtype":"${dtype}","shape":[${shape}],` +
        `"data_offsets":[${offsets}]}`,
    );
    offset += byteLength;
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`);
  // 3. Pad with spaces to a multiple of 8; prefix the padded length.
  const padded = Math.ceil(json.length / 8) * 8;
  const head = new Uint8Array(8 + padded).fill(0x20, 8 + json.length);
  new DataView(head.buffer).setBigUint64(0, BigInt(padded), true);
  head.set(json, 8);

  return { head, entries, dataLength: offset };
}

/** The entry's values as little-endian bytes (a view when possible). */
export function tensorBytes(entry: LayoutEntry): Uint8Array {
  const values = entry.tensor.values();
  if (values.byteLength !== entry.byteLength) {
    throw new Error(
      `internal: tensor '${entry.name}' gave ${values.byteLength} bytes, ` +
        `its shape and dtype say ${entry.byteLength}.`,
    );
  }
  if (LITTLE_ENDIAN) {
    return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  }
  const out = new Uint8Array(entry.byteLength);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (values instanceof Float32Array) view.setFloat32(4 * i, v, true);
    else if (values instanceof Float64Array) view.setFloat64(8 * i, v, true);
    else view.setInt32(4 * i, v, true);
  }
  return out;
}

function metadataJson(op: string, metadata: Record<string, string>): string {
  checkRecord(op, 'metadata', metadata);
  const entries = Object.entries(metadata);
  for (const [key, text] of entries) {
    if (typeof text !== 'string') {
      throw new DTypeError(
        `${op}: metadata['${key}'] must be a string, got ${describe(text)}. ` +
          `Convert it first, e.g. String(value) or JSON.stringify(value).`,
      );
    }
    checkText(op, `metadata key '${key}'`, key);
    checkText(op, `metadata['${key}']`, text);
  }
  entries.sort(([a], [b]) => compareCodePoints(a, b));
  const body = entries.map(
    ([key, text]) => `${JSON.stringify(key)}:${JSON.stringify(text)}`,
  );
  return `{${body.join(',')}}`;
}

function checkEntry(op: string, name: string, tensor: unknown): void {
  if (!(tensor instanceof Tensor)) {
    throw new DTypeError(
      `${op}: tensors['${name}'] must be a Tensor, got ${describe(tensor)}. ` +
        `Pass a record of tensors, such as model.stateDict().`,
    );
  }
  if (name === METADATA_KEY) {
    throw new CheckpointError(
      `${op}: the name '${METADATA_KEY}' is reserved for the file's ` +
        `metadata. Rename the tensor, or pass the text as metadata.`,
    );
  }
  checkText(op, `tensor name '${name}'`, name);
}

/**
 * Refuses unpaired surrogates, which UTF-8 cannot encode: TextEncoder would
 * write U+FFFD instead, silently changing the name.
 */
function checkText(op: string, what: string, text: string): void {
  if (!/\p{Surrogate}/u.test(text)) return;
  throw new CheckpointError(
    `${op}: ${what} holds an unpaired UTF-16 surrogate, which UTF-8 ` +
      `cannot store. Use well-formed text.`,
  );
}

function checkRecord(op: string, what: string, value: unknown): void {
  if (isObject(value)) return;
  throw new DTypeError(
    `${op}: ${what} must be a plain object (a record by name), got ` +
      `${describe(value)}. Pass entries by name, e.g. { 'fc.weight': w }.`,
  );
}

/**
 * Orders strings by code point, which is UTF-8 byte order, as Rust sorts
 * `String`s. JavaScript's `<` compares UTF-16 units, which would put
 * U+10000 and above before U+E000..U+FFFF.
 */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
