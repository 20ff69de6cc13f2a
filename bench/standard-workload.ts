// The standard training workload of bench/BENCHMARK.md, timed for tapegrad and
// for TensorFlow.js (pure-JS cpu and wasm SIMD backends) in one run, with
// the matmul throughput behind it. Compare the ratios: the machine is
// noisy. Every correct framework must print train loss 0.34257 and test
// accuracy 0.8935. Run with `npm run bench:workload`.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import {
  Generator,
  logSoftmax,
  matmul,
  metrics,
  nllLoss,
  nn,
  noGrad,
  optim,
  randn,
  type Tensor,
} from '../src/index.js';
import { printTable, timeIt } from './harness.js';
import {
  EXPECTED,
  workloadData,
  workloadInit,
  workloadStateDict,
} from './workload.js';

interface Result {
  name: string;
  epochSeconds: number;
  trainLoss: number;
  testAccuracy: number;
  gflops: [number, number];
}

const STEP_FLOP = 26.0e6;
const { batches: loader, test } = workloadData();
const batches = [...loader];
const init = workloadInit();

/** Warm-up epoch, reset to the init, 3 timed epochs: the median and the last loss. */
function protocol(
  reset: () => void,
  epoch: () => number,
): { seconds: number; loss: number } {
  reset();
  epoch();
  reset();
  const times: number[] = [];
  let loss = NaN;
  for (let e = 0; e < 3; e++) {
    const start = performance.now();
    loss = epoch();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[1]!, loss };
}

function matmulGflops(
  run: (m: number, k: number, n: number) => () => void,
): [number, number] {
  const shapes: [number, number, number][] = [
    [64, 784, 128],
    [512, 512, 512],
  ];
  return shapes.map(
    ([m, k, n]) => (2 * m * k * n) / timeIt(run(m, k, n)) / 1e9,
  ) as [number, number];
}

function tapegrad(): Result {
  const model = new nn.Sequential(
    new nn.Linear(784, 128),
    new nn.ReLU(),
    new nn.Linear(128, 10),
  );
  const state = workloadStateDict(init);
  let opt = new optim.SGD(model.parameters(), { lr: 0.1 });
  const { seconds, loss } = protocol(
    () => {
      model.loadStateDict(state);
      opt = new optim.SGD(model.parameters(), { lr: 0.1 });
    },
    () => {
      let total = 0;
      for (const { x, y } of batches) {
        opt.zeroGrad();
        const l = nllLoss(logSoftmax(model.forward(x), 1), y, {
          reduction: 'mean',
        });
        l.backward();
        opt.step();
        total += l.item();
      }
      return total / batches.length;
    },
  );
  const scores = noGrad(() => model.forward(test.x));
  const g = new Generator(0);
  const gflops = matmulGflops((m, k, n) => {
    const a: Tensor = randn([m, k], { generator: g });
    const b: Tensor = randn([k, n], { generator: g });
    return () => void matmul(a, b);
  });
  return {
    name: 'tapegrad',
    epochSeconds: seconds,
    trainLoss: loss,
    testAccuracy: metrics.accuracy(scores, test.y),
    gflops,
  };
}

async function tfjs(backend: 'cpu' | 'wasm'): Promise<Result> {
  const ok = await tf.setBackend(backend);
  if (!ok || tf.getBackend() !== backend)
    throw new Error(`tfjs backend ${backend} did not start`);
  const w1 = tf.variable(tf.tensor2d(init.w1, [784, 128]));
  const b1 = tf.variable(tf.tensor1d(init.b1));
  const w2 = tf.variable(tf.tensor2d(init.w2, [128, 10]));
  const b2 = tf.variable(tf.tensor1d(init.b2));
  const data = batches.map(({ x, y }) => ({
    x: tf.tensor2d(x.values() as Float32Array, x.shape as [number, number]),
    y: tf.oneHot(tf.tensor1d(y.values() as Int32Array, 'int32'), 10),
  }));
  const forward = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.relu(x.matMul(w1).add(b1)).matMul(w2).add(b2);
  const opt = tf.train.sgd(0.1);
  const { seconds, loss } = protocol(
    () => {
      w1.assign(tf.tensor2d(init.w1, [784, 128]));
      b1.assign(tf.tensor1d(init.b1));
      w2.assign(tf.tensor2d(init.w2, [128, 10]));
      b2.assign(tf.tensor1d(init.b2));
    },
    () => {
      let total = 0;
      for (const { x, y } of data) {
        const l = opt.minimize(
          () =>
            tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(forward(x))), 1))),
          true,
        )!;
        total += l.dataSync()[0]!;
        l.dispose();
      }
      return total / data.length;
    },
  );
  const testX = tf.tensor2d(
    test.x.values() as Float32Array,
    test.x.shape as [number, number],
  );
  const predicted = tf.tidy(() => forward(testX).argMax(1).dataSync());
  const labels = test.y.values();
  let correct = 0;
  predicted.forEach((p, i) => (correct += p === labels[i] ? 1 : 0));
  const gflops = matmulGflops((m, k, n) => {
    const a = tf.randomNormal([m, k]) as tf.Tensor2D;
    const b = tf.randomNormal([k, n]) as tf.Tensor2D;
    return () => tf.tidy(() => void a.matMul(b).dataSync());
  });
  return {
    name: `tfjs-${backend}`,
    epochSeconds: seconds,
    trainLoss: loss,
    testAccuracy: correct / labels.length,
    gflops,
  };
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wasmDir = path.dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/package.json'),
  );
  setWasmPaths(path.join(wasmDir, 'dist') + path.sep);
  tf.enableProdMode();

  const results = [tapegrad(), await tfjs('wasm'), await tfjs('cpu')];
  const ours = results[0]!;
  console.log(
    'Standard workload (bench/BENCHMARK.md): 784-128-10 MLP, SGD lr 0.1, batch 64, float32\n',
  );
  printTable(
    [
      'framework',
      'epoch s',
      'steps/s',
      'GFLOP/s step',
      'GFLOP/s mm 64x784x128',
      'GFLOP/s mm 512^3',
      'train loss',
      'test acc',
      'tapegrad speed-up',
    ],
    results.map((r) => [
      r.name,
      r.epochSeconds.toFixed(3),
      (125 / r.epochSeconds).toFixed(0),
      ((STEP_FLOP * 125) / r.epochSeconds / 1e9).toFixed(2),
      r.gflops[0].toFixed(2),
      r.gflops[1].toFixed(2),
      r.trainLoss.toFixed(5),
      r.testAccuracy.toFixed(4),
      r === ours ? '-' : `${(r.epochSeconds / ours.epochSeconds).toFixed(2)}x`,
    ]),
  );
  console.log(
    `\nExpected for every correct framework: train loss ${EXPECTED.trainLoss}, ` +
      `test accuracy ${EXPECTED.testAccuracy}.`,
  );
}

await main();
