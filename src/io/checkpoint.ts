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
import { CheckpointError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  layoutSafetensors,
  tensorBytes,
  type Safetensors,
} from './safetensors.js';
import { decode } from './safetensors-reader.js';

/** Options of `save`. */
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
 * file, if any, is left as it was. Also for the reserved name
 * `__metadata__`, or a name UTF-8 cannot store, before anything is written.
 * @throws DTypeError for a value that is not a Tensor, or metadata that is
 * not text; nothing is written then.
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

/**
 * `load`, plus the metadata stored in the file.
 * @throws CheckpointError naming `path` when it cannot be read or is
 * damaged; NotSupportedError for dtypes tapegrad cannot hold (F16, I64...).
 * @example
 * const { tensors, metadata } = loadCheckpoint('runs/epoch-3.safetensors');
 * metadata.epoch; // '3'
 */
export function loadCheckpoint(path: string): Safetensors {
  return read('loadCheckpoint', path);
}

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
