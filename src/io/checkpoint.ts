import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatShape } from '../errors.js';
import { sameShape } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { CheckpointError } from './checkpoint-error.js';
import {
  layoutSafetensors,
  tensorBytes,
  type Safetensors,
} from './safetensors.js';
import { decode } from './safetensors-reader.js';

export interface SaveOptions {
  /** Free text stored in the file's `__metadata__`, e.g. `{ epoch: '3' }`. */
  metadata?: Record<string, string>;
}

/**
 * Saves tensors to `path` as a safetensors file (the bytes
 * `encodeSafetensors` gives), atomically: the file at `path` is either the
 * old one or the complete new one, never a mix, even if the process dies
 * midway. Creates missing parent directories.
 *
 * How: write a temporary file beside the target (same directory, so the
 * same file system), fsync it, rename it over the target (atomic on POSIX
 * and on Windows' NTFS), then fsync the directory (best effort) so the
 * rename itself survives a power cut. On failure the temporary file is
 * removed.
 * @throws CheckpointError when writing fails, naming `path`; the previous
 * file, if any, is left as it was. TypeError for a value that is not a
 * Tensor.
 * @example
 * save(model.stateDict(), 'runs/mnist/epoch-3.safetensors', {
 *   metadata: { epoch: '3' },
 * });
 */
export function save(
  stateDict: Record<string, Tensor>,
  path: string,
  options: SaveOptions = {},
): void {
  // Node's fs has no atomic write, and we chose not to depend on
  // write-file-atomic: its current release (8.x) requires Node 22, while
  // tapegrad supports Node 20; it also takes the whole file as one buffer,
  // where we stream tensor by tensor from their own memory.
  const layout = layoutSafetensors('save', stateDict, options.metadata);
  const target = resolve(path);
  const dir = dirname(target);
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const temp = join(dir, `.${basename(target)}.${tag}.tmp`);

  let fd: number | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(temp, 'wx');
    writeAll(fd, layout.head);
    for (const entry of layout.entries) writeAll(fd, tensorBytes(entry));
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== null) closeQuietly(fd);
    rmSync(temp, { force: true });
    throw new CheckpointError(
      `save: could not write '${path}': ${(error as Error).message}. Any ` +
        `previous file there is unchanged.`,
      { cause: error },
    );
  }
  syncDirectory(dir);
}

/**
 * Loads the tensors saved at `path` (any safetensors file of F32, F64 and
 * I32 tensors, such as one written by Python's `safetensors`).
 * @throws CheckpointError naming `path` when it cannot be read or is
 * damaged; NotSupportedError for dtypes tapegrad cannot hold (F16, I64...).
 */
export function load(path: string): Record<string, Tensor> {
  return read('load', path).tensors;
}

/** `load`, plus the metadata stored in the file. */
export function loadCheckpoint(path: string): Safetensors {
  return read('loadCheckpoint', path);
}

/** A tensor's description: what `checkStateDict` compares. */
export interface TensorSpec {
  shape: readonly number[];
  dtype: string;
}

/**
 * Checks a loaded state dict against the one expected (a model's own, say)
 * before anything is copied: the same names, and for each the same shape
 * and dtype. Tensors qualify as specs, so pass `model.stateDict()` as is.
 * @param source Where `loaded` came from (a path), for the message.
 * @throws CheckpointError listing every missing, unexpected, wrong-shaped
 * and wrong-dtype tensor by name (expected vs got).
 */
export function checkStateDict(
  expected: Record<string, TensorSpec>,
  loaded: Record<string, TensorSpec>,
  source: string,
): void {
  const problems: string[] = [];
  for (const [name, want] of Object.entries(expected)) {
    const got = Object.hasOwn(loaded, name) ? loaded[name] : undefined;
    if (got === undefined) {
      problems.push(
        `missing tensor '${name}' (expected shape ` +
          `${formatShape(want.shape)}, ${want.dtype})`,
      );
      continue;
    }
    if (!sameShape(want.shape, got.shape)) {
      problems.push(
        `tensor '${name}' has shape ${formatShape(got.shape)}, expected ` +
          `${formatShape(want.shape)}`,
      );
    }
    if (got.dtype !== want.dtype) {
      problems.push(
        `tensor '${name}' has dtype ${got.dtype}, expected ${want.dtype}`,
      );
    }
  }
  for (const [name, got] of Object.entries(loaded)) {
    if (Object.hasOwn(expected, name)) continue;
    problems.push(
      `unexpected tensor '${name}' (shape ${formatShape(got.shape)}, ` +
        `${got.dtype})`,
    );
  }

  if (problems.length === 0) return;
  const shown = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) {
    shown.push(`and ${problems.length - MAX_LISTED} more`);
  }
  throw new CheckpointError(
    `checkStateDict: '${source}' does not fit: ${shown.join('; ')}. Load a ` +
      `checkpoint saved from this same architecture, or build the model ` +
      `the checkpoint was saved from.`,
  );
}

/** How many problems `checkStateDict` lists before it summarises. */
const MAX_LISTED = 10;

function read(op: string, path: string): Safetensors {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint =
      code === 'ENOENT'
        ? 'Check the path, or save a checkpoint there first.'
        : 'Check the path and its permissions.';
    throw new CheckpointError(
      `${op}: cannot read '${path}': ${(error as Error).message}. ${hint}`,
      { cause: error },
    );
  }
  return decode(op, bytes, path);
}

/** writeSync may write less than asked; loop until all of `bytes` is out. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) {
    done += writeSync(fd, bytes, done, bytes.length - done);
  }
}

/** Closes `fd` on a path that is already failing or done; errors ignored. */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Only the first error is worth reporting.
  }
}

/**
 * Flushes the directory entry the rename wrote, so the new name survives a
 * power cut. Best effort: by now the new file is complete and in place, and
 * some systems cannot fsync a directory (Windows refuses to open one; NTFS
 * journals the rename anyway), which must not fail a save that succeeded.
 */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // See above: the checkpoint is already saved.
  } finally {
    if (fd !== null) closeQuietly(fd);
  }
}
