import { CheckpointError, NotSupportedError, formatShape } from '../errors.js';
import { allocate, type DType } from '../tensor/dtype.js';
import { sizeOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { TensorSpec } from './check-state-dict.js';
import {
  BYTES_PER_ELEMENT,
  DTYPES,
  DTYPE_NAMES,
  LITTLE_ENDIAN,
  MAX_HEADER_BYTES,
  METADATA_KEY,
  OTHER_DTYPES,
  describe,
  isObject,
  type Safetensors,
} from './safetensors-format.js';

// Reading a safetensors file, checking every part of it as the reference
// reader does (see the top of safetensors.ts for the layout).

/** `decodeSafetensors`, with errors naming `op`, the function called. */
export function decode(
  op: string,
  bytes: Uint8Array,
  source: string | undefined,
): Safetensors {
  const where = source === undefined ? 'the buffer' : `'${source}'`;
  const fail = (detail: string): CheckpointError =>
    new CheckpointError(`${op}: ${where}: ${detail}`);
  const headerLength = readHeaderLength(bytes, fail);
  const header = parseHeader(bytes.subarray(8, 8 + headerLength), fail);

  const metadata: Record<string, string> = {};
  const specs: HeaderEntry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === METADATA_KEY) readMetadata(value, metadata, fail);
    else specs.push(readSpec(op, where, name, value, fail));
  }
  const dataStart = 8 + headerLength;
  checkOffsets(specs, bytes.length - dataStart, fail);

  const tensors: Record<string, Tensor> = {};
  for (const spec of specs) {
    const start = dataStart + spec.begin;
    const src = bytes.subarray(start, dataStart + spec.end);
    setOwn(tensors, spec.name, readTensor(src, spec));
  }

  return { tensors, metadata };
}

type Fail = (detail: string) => CheckpointError;

/**
 * A tensor's header entry, read and type-checked: its spec, narrowed to
 * the dtypes tapegrad holds, plus its name and byte range in the data.
 */
interface HeaderEntry extends TensorSpec {
  name: string;
  dtype: DType;
  shape: number[];
  begin: number;
  end: number;
}

function readHeaderLength(bytes: Uint8Array, fail: Fail): number {
  if (bytes.length < 8) {
    throw fail(
      `the file is ${bytes.length} bytes, too short to hold the 8-byte ` +
        `header length. It is truncated or not a safetensors file.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getBigUint64(0, true);
  if (declared > BigInt(MAX_HEADER_BYTES)) {
    throw fail(
      `the header length is ${declared} bytes, over the 100 MB that ` +
        `safetensors allows. This is not a safetensors file, or its first ` +
        `8 bytes are damaged.`,
    );
  }
  const length = Number(declared);
  if (8 + length > bytes.length) {
    throw fail(
      `the header length says ${length} bytes, but only ` +
        `${bytes.length - 8} follow it. The file is truncated; save it again.`,
    );
  }
  return length;
}

function parseHeader(header: Uint8Array, fail: Fail): Record<string, unknown> {
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark, which is not JSON, so it is refused.
    const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    text = utf8.decode(header);
  } catch {
    throw fail(`the header is not valid UTF-8. The file is damaged.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fail(
      `the header is not valid JSON (${(error as Error).message}). The file ` +
        `is damaged or not a safetensors file.`,
    );
  }
  if (!isObject(parsed)) {
    throw fail(`the header must be a JSON object, got ${describe(parsed)}.`);
  }
  return parsed;
}

function readMetadata(
  value: unknown,
  into: Record<string, string>,
  fail: Fail,
): void {
  // The Rust reader reads `null` as no metadata.
  if (value === null) return;
  if (!isObject(value)) {
    throw fail(`${METADATA_KEY} must be an object, got ${describe(value)}.`);
  }
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== 'string') {
      throw fail(
        `${METADATA_KEY} entry '${key}' must be a string, got ` +
          `${describe(text)}. Metadata maps text to text.`,
      );
    }
    setOwn(into, key, text);
  }
}

function readSpec(
  op: string,
  where: string,
  name: string,
  value: unknown,
  fail: Fail,
): HeaderEntry {
  const at = `tensor '${name}'`;
  if (!isObject(value)) {
    throw fail(
      `${at}: expected {dtype, shape, data_offsets}, got ${describe(value)}.`,
    );
  }
  const { dtype, shape, data_offsets: offsets } = value;
  if (typeof dtype !== 'string' || !DTYPES.has(dtype)) {
    if (typeof dtype === 'string' && OTHER_DTYPES.has(dtype)) {
      throw new NotSupportedError(
        `${op}: ${where}: ${at} has dtype ${dtype}, which tapegrad cannot ` +
          `hold; it reads F32, F64 and I32. Convert it before saving (in ` +
          `PyTorch, t.float() or t.int()).`,
      );
    }
    throw fail(
      `${at} has unknown dtype ${describe(dtype)}; expected a safetensors ` +
        `dtype such as "F32", "F64" or "I32". The header is damaged.`,
    );
  }
  if (!isCountList(shape)) {
    throw fail(
      `${at}: shape must be a list of whole numbers >= 0, got ` +
        `${describe(shape)}. The header is damaged.`,
    );
  }
  if (!isCountList(offsets) || offsets.length !== 2) {
    throw fail(
      `${at}: data_offsets must be two whole numbers >= 0, got ` +
        `${describe(offsets)}. The header is damaged.`,
    );
  }
  const [begin, end] = offsets as [number, number];
  return { name, dtype: DTYPES.get(dtype)!, shape, begin, end };
}

/**
 * Checks the tensors tile the data section exactly, as the Rust reader
 * does: sorted by offset, each begins where the previous ended, holds
 * shape × dtype bytes, and the last ends at the end of the file.
 */
function checkOffsets(
  specs: HeaderEntry[],
  dataLength: number,
  fail: Fail,
): void {
  specs.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  let previous = '';
  for (const { name, dtype, shape, begin, end } of specs) {
    const at = `tensor '${name}' has data_offsets [${begin}, ${end}]`;
    const need = sizeOf(shape) * BYTES_PER_ELEMENT[dtype];
    if (end < begin) throw fail(`${at}, which end before they begin.`);
    if (end - begin !== need) {
      throw fail(
        `${at} (${end - begin} bytes), but shape ${formatShape(shape)} of ` +
          `${DTYPE_NAMES[dtype]} needs ${need} bytes. The header is damaged.`,
      );
    }
    if (begin < cursor) {
      throw fail(
        `${at}, overlapping tensor '${previous}', which ends at ${cursor}. ` +
          `The header is damaged.`,
      );
    }
    if (begin > cursor) {
      throw fail(
        `${at}, leaving bytes [${cursor}, ${begin}) of the data unused; ` +
          `safetensors packs tensors with no gaps. The header is damaged.`,
      );
    }
    if (end > dataLength) {
      throw fail(
        `${at}, past the end of the data (${dataLength} bytes). The file ` +
          `is truncated; save it again.`,
      );
    }
    cursor = end;
    previous = name;
  }
  if (cursor !== dataLength) {
    throw fail(
      `${dataLength - cursor} bytes of trailing data follow the last ` +
        `tensor (the tensors cover ${cursor} of ${dataLength} data bytes). ` +
        `The file is damaged or was appended to.`,
    );
  }
}

/** A new tensor owning a copy of `src`, read as little-endian values. */
function readTensor(src: Uint8Array, spec: HeaderEntry): Tensor {
  const data = allocate(spec.dtype, sizeOf(spec.shape));
  if (LITTLE_ENDIAN) {
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength).set(src);
  } else {
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    for (let i = 0; i < data.length; i++) {
      if (spec.dtype === 'float32') data[i] = view.getFloat32(4 * i, true);
      else if (spec.dtype === 'float64') data[i] = view.getFloat64(8 * i, true);
      else data[i] = view.getInt32(4 * i, true);
    }
  }
  return Tensor.fromData(data, spec.shape);
}

function isCountList(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
  );
}

/** Sets an own property even for the name `__proto__`. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
