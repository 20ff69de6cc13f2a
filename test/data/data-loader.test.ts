import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  arange,
  data,
  zeros,
  type Tensor,
} from '../../src/index.js';
import { observeAllocations } from '../../src/tensor/dtype.js';
import { assertThrows } from '../helpers/assert-close.js';
import { fisherYates, mulberry32 } from '../helpers/fisher-yates.js';

const { DataLoader, TensorDataset } = data;

/**
 * N examples with x (N, 2) = [i, 10 i] and y (N) = i, so every batch shows
 * which examples it holds and whether x and y stayed paired.
 */
function numbered(n: number): InstanceType<typeof TensorDataset> {
  const i = arange(n).to('float32').reshape(n, 1);
  const x = i.mul(arange(2).mul(9).add(1).to('float32')); // [i, 10 i]
  return new TensorDataset(x, arange(n));
}

/** The labels of every batch of one epoch, batch by batch. */
function epoch(loader: Iterable<{ x: Tensor; y: Tensor }>): number[][] {
  const out: number[][] = [];
  for (const { x, y } of loader) {
    const labels = Array.from(y.values());
    // x row b must be [y_b, 10 y_b]: rows and labels travel together.
    const rows = Array.from(x.values());
    assert.equal(
      rows,
      labels.flatMap((v) => [v, 10 * v]),
    );
    out.push(labels);
  }
  return out;
}

const loader = suite('DataLoader');

loader('N = 10, B = 4: batches (4, 2), (4, 2), (2, 2) in dataset order', () => {
  const batches = [...new DataLoader(numbered(10), { batchSize: 4 })];

  assert.equal(
    batches.map((b) => [b.x.shape, b.y.shape]),
    [
      [[4, 2], [4]],
      [[4, 2], [4]],
      [[2, 2], [2]],
    ],
  );
  // 0..9 cut into runs of 4; the last batch holds 10 mod 4 = 2.
  assert.equal(epoch(new DataLoader(numbered(10), { batchSize: 4 })), [
    [0, 1, 2, 3],
    [4, 5, 6, 7],
    [8, 9],
  ]);
});

loader('length is ceil(N / B), or floor(N / B) with dropLast', () => {
  const ds = numbered(10);

  // ceil(10 / 4) = 3, floor(10 / 4) = 2, 10 / 5 = 2 either way.
  assert.is(new DataLoader(ds, { batchSize: 4 }).length, 3);
  assert.is(new DataLoader(ds, { batchSize: 4, dropLast: true }).length, 2);
  assert.is(new DataLoader(ds, { batchSize: 5, dropLast: true }).length, 2);
  // One batch when B > N: ceil(10 / 64) = 1; none with dropLast.
  assert.is(new DataLoader(ds, { batchSize: 64 }).length, 1);
  assert.is(new DataLoader(ds, { batchSize: 64, dropLast: true }).length, 0);
});

loader('dropLast skips the short batch: N = 10, B = 4 gives 2 batches', () => {
  const options = { batchSize: 4, dropLast: true };
  const batches = epoch(new DataLoader(numbered(10), options));

  // The first 8 of 0..9 in runs of 4.
  assert.equal(batches, [
    [0, 1, 2, 3],
    [4, 5, 6, 7],
  ]);
});

loader('an empty dataset gives no batches', () => {
  const ds = new TensorDataset(zeros([0, 3]), zeros([0], { dtype: 'int32' }));
  const batches = [...new DataLoader(ds, { batchSize: 2, shuffle: true })];

  assert.equal(batches.length, 0);
});

loader('shuffle: each epoch visits every example once, in a new order', () => {
  const options = { batchSize: 8, shuffle: true };
  const shuffled = new DataLoader(numbered(50), options);

  const first = epoch(shuffled).flat();
  const second = epoch(shuffled).flat();

  const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
  // Every one of the 50 examples, 0..49, exactly once.
  const all = Array.from({ length: 50 }, (_, i) => i);
  assert.equal(sorted(first), all);
  assert.equal(sorted(second), all);
  assert.not.equal(first, second, 'epoch 2 repeated the order of epoch 1');
  assert.not.equal(first, all, 'epoch 1 was not shuffled');
});

loader('shuffle: two loaders with one seed give the same batches', () => {
  const options = { batchSize: 8, shuffle: true, seed: 7 };
  const a = new DataLoader(numbered(50), options);
  const b = new DataLoader(numbered(50), options);
  const c = new DataLoader(numbered(50), { ...options, seed: 8 });

  const epochsA = [epoch(a), epoch(a)];

  assert.equal([epoch(b), epoch(b)], epochsA);
  assert.not.equal(epoch(c), epochsA[0], 'seed 8 repeated the order of seed 7');
});

loader('shuffle: epochs are Fisher–Yates over one mulberry32 stream', () => {
  const shuffled = new DataLoader(numbered(20), {
    batchSize: 20,
    shuffle: true,
    seed: 42,
  });

  // The independent re-implementation in test/helpers, one stream for
  // both epochs, as the loader seeds its generator once.
  const r = mulberry32(42);
  const expected1 = fisherYates(
    Array.from({ length: 20 }, (_, i) => i),
    r,
  );
  const expected2 = fisherYates(
    Array.from({ length: 20 }, (_, i) => i),
    r,
  );
  assert.equal(epoch(shuffled), [expected1]);
  assert.equal(epoch(shuffled), [expected2]);
});

loader('draws an epoch order when iteration starts, not per batch', () => {
  const options = { batchSize: 4, shuffle: true, seed: 3 };
  const partial = new DataLoader(numbered(20), options);
  const full = new DataLoader(numbered(20), options);

  // Read one batch of epoch 1 from one loader and all of it from the other.
  for (const _ of partial) break;
  epoch(full);

  assert.equal(epoch(partial), epoch(full));
});

loader('builds each batch with one allocation for x and one for y', () => {
  const sizes: number[] = [];
  const batches = new DataLoader(numbered(10), { batchSize: 4, shuffle: true });

  observeAllocations((_, size) => sizes.push(size));
  try {
    for (const _ of batches);
  } finally {
    observeAllocations(null);
  }

  // Per batch: x (B, 2) then y (B), for B = 4, 4, 2.
  assert.equal(sizes, [8, 4, 8, 4, 4, 2]);
});

loader('rejects batchSize 0, -1, 2.5 and NaN', () => {
  const ds = numbered(4);
  for (const batchSize of [0, -1, 2.5, NaN]) {
    assertThrows(
      () => new DataLoader(ds, { batchSize }),
      RangeError,
      `DataLoader: batchSize must be a whole number >= 1, got ${batchSize}.`,
      '{ batchSize: 64 }',
    );
  }
});

loader(
  'rejects a dataset that is not a TensorDataset with a DTypeError',
  () => {
    const raw = { x: zeros([4, 2]), y: zeros([4]) } as unknown as InstanceType<
      typeof TensorDataset
    >;
    assertThrows(
      () => new DataLoader(raw, { batchSize: 2 }),
      DTypeError,
      'DataLoader: expected a TensorDataset, got object.',
      'Wrap tensors x (N, ...) and y (N) with new TensorDataset(x, y).',
    );
  },
);

loader('rejects seed 0.5', () => {
  assertThrows(
    () => new DataLoader(numbered(4), { batchSize: 2, seed: 0.5 }),
    RangeError,
    'DataLoader: seed must be a whole number, got 0.5.',
  );
});

loader.run();
