import { DTypeError } from '../errors.js';
import { Generator } from '../tensor/random.js';
import { TensorDataset, type Batch } from './dataset.js';
import { permutation } from './permutation.js';

/** Options of `DataLoader`. */
export interface DataLoaderOptions {
  /** B, the examples in each batch: a whole number >= 1. */
  batchSize: number;
  /** Visit the examples in a new random order every epoch. Default false. */
  shuffle?: boolean;
  /**
   * Seeds the generator that draws the epoch orders, once, when the loader
   * is made. Default 0. Only used with `shuffle`.
   */
  seed?: number;
  /** Skip the last batch when it holds fewer than B examples. Default false. */
  dropLast?: boolean;
}

/**
 * Cuts a `TensorDataset` of N examples into batches { x (B, ...), y (B) },
 * one epoch per `for ... of`. Each batch is one fresh contiguous tensor per
 * field, filled by copying rows straight from the dataset's storage.
 *
 * Without `shuffle` the batches follow the dataset's order. With it, every
 * new iteration (epoch) draws a fresh permutation from one generator seeded
 * once with `seed`: epoch 1 and epoch 2 differ, and two loaders made with
 * the same seed give the same sequence of batches. The last batch holds
 * N mod B examples unless that is 0 or `dropLast` is set.
 * @throws DTypeError when `dataset` is not a TensorDataset.
 * @throws RangeError unless `batchSize` is a whole number >= 1, or for a
 * `seed` that is not a whole number.
 * @example
 * const loader = new DataLoader(train, { batchSize: 64, shuffle: true });
 * for (const { x, y } of loader) step(x, y); // x (64, 784), y (64)
 * loader.length; // batches per epoch
 */
export class DataLoader implements Iterable<Batch> {
  readonly dataset: TensorDataset;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  private readonly generator: Generator;

  constructor(dataset: TensorDataset, options: DataLoaderOptions) {
    const { batchSize, shuffle = false, seed = 0, dropLast = false } = options;
    checkOptions(dataset, batchSize, seed);

    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    this.generator = new Generator(seed);
  }

  /**
   * Batches per epoch: ceil(N / B), or floor(N / B) with `dropLast`.
   */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast
      ? Math.floor(n / this.batchSize)
      : Math.ceil(n / this.batchSize);
  }

  /**
   * Starts an epoch. With `shuffle` the epoch's order is drawn here, as the
   * iteration begins, so epoch k's order depends only on the seed and k,
   * not on how far the earlier epochs were read.
   */
  [Symbol.iterator](): IterableIterator<Batch> {
    const n = this.dataset.length;
    const order = this.shuffle
      ? permutation(n, this.generator)
      : Int32Array.from({ length: n }, (_, i) => i);

    return this.batches(order);
  }

  private *batches(order: Int32Array): IterableIterator<Batch> {
    const count = this.length;
    const b = this.batchSize;
    for (let k = 0; k < count; k++) {
      const end = Math.min((k + 1) * b, order.length);
      yield this.dataset.batch(order.subarray(k * b, end));
    }
  }
}

function checkOptions(dataset: unknown, batchSize: number, seed: number): void {
  if (!(dataset instanceof TensorDataset)) {
    throw new DTypeError(
      `DataLoader: expected a TensorDataset, got ` +
        `${dataset === null ? 'null' : typeof dataset}. Wrap tensors x ` +
        `(N, ...) and y (N) with new TensorDataset(x, y).`,
    );
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(
      `DataLoader: batchSize must be a whole number >= 1, got ` +
        `${String(batchSize)}. Pass the number of examples per batch, ` +
        `e.g. { batchSize: 64 }.`,
    );
  }
  if (!Number.isInteger(seed)) {
    throw new RangeError(
      `DataLoader: seed must be a whole number, got ${String(seed)}. ` +
        `Pass an integer such as { seed: 42 }.`,
    );
  }
}
