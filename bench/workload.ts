// The standard training workload of bench/BENCHMARK.md, defined once for the
// benchmark and for the test that checks its figures.
import { data, tensor, type Tensor } from '../src/index.js';
// Written from bench/BENCHMARK.md's recipe, independently of tapegrad's Generator.
import { mulberry32 } from '../test/helpers/fisher-yates.js';

/** The initial parameters, each as a row-major [in, out] or [out] array. */
export interface WorkloadInit {
  w1: Float32Array; // (784, 128)
  b1: Float32Array; // (128)
  w2: Float32Array; // (128, 10)
  b2: Float32Array; // (10)
}

/**
 * One mulberry32(1337) stream drawn in the order W1, b1, W2, b2, each
 * value (2r - 1) / sqrt(fanIn) rounded to float32, fanIn 784 for the
 * first layer and 128 for the second.
 */
export function workloadInit(): WorkloadInit {
  const r = mulberry32(1337);
  const draw = (count: number, fanIn: number): Float32Array =>
    Float32Array.from(
      { length: count },
      () => (2 * r() - 1) / Math.sqrt(fanIn),
    );
  const w1 = draw(784 * 128, 784);
  const b1 = draw(128, 784);
  const w2 = draw(128 * 10, 128);
  const b2 = draw(10, 128);
  return { w1, b1, w2, b2 };
}

/** The init as a state dict for Sequential(Linear, ReLU, Linear): weights (out, in). */
export function workloadStateDict(init: WorkloadInit): Record<string, Tensor> {
  return {
    '0.weight': tensor(init.w1, { shape: [784, 128] }).T.clone(),
    '0.bias': tensor(init.b1),
    '2.weight': tensor(init.w2, { shape: [128, 10] }).T.clone(),
    '2.bias': tensor(init.b2),
  };
}

/**
 * The data: loadMnist's default split is exactly the benchmark's order
 * (files 0..9, Fisher-Yates with mulberry32(42), 8,000 / 2,000), and the
 * 125 training batches of 64 are built once, in that order.
 */
export function workloadData(): {
  batches: data.DataLoader;
  test: data.TensorDataset;
} {
  const { train, test } = data.loadMnist();
  return { batches: new data.DataLoader(train, { batchSize: 64 }), test };
}

/** bench/BENCHMARK.md's figures, identical for every correct framework. */
export const EXPECTED = {
  firstEpochLoss: 1.0749,
  trainLoss: 0.34257,
  testAccuracy: 0.8935,
};
