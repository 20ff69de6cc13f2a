// nllLoss forward plus backward throughput beside TensorFlow.js, in one
// run (machines are noisy: compare the ratios, not the absolute times).
//
// TensorFlow.js has no nll_loss; its usual equivalent multiplies the
// log-probabilities by a one-hot matrix and sums over the class axis,
// which is what a person porting this loss would write. Run with
// `npm run bench:nll`.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import {
  Generator,
  grad,
  logSoftmax,
  nllLoss,
  randint,
  randn,
} from '../src/index.js';
import { sizeOf } from '../src/tensor/shape.js';
import { printTable, timeIt } from './harness.js';

const SHAPES: number[][] = [
  [64, 10],
  [4096, 1000],
  [8, 21, 64, 64],
];

function tapegradStep(shape: number[]): () => void {
  const g = new Generator(0);
  const input = logSoftmax(randn(shape, { generator: g }), 1)
    .detach()
    .requiresGrad_();
  const target = randint(0, shape[1]!, [shape[0]!, ...shape.slice(2)], {
    generator: g,
  });
  return () => {
    const loss = nllLoss(input, target, { reduction: 'mean' });
    grad(loss, input);
  };
}

function tfjsStep(shape: number[]): () => void {
  const classes = shape[1]!;
  // The values do not change the work; tf.logSoftmax only takes the last axis.
  const logp = tf.randomNormal(shape);
  // Class axis last, as tf.oneHot produces it.
  const order = [0, ...shape.slice(2).map((_, i) => i + 2), 1];
  const targetShape = [shape[0]!, ...shape.slice(2)];
  const target = tf.randomUniformInt(targetShape, 0, classes);
  const loss = (x: tf.Tensor): tf.Scalar =>
    tf.neg(
      tf.mean(
        tf.sum(tf.mul(tf.oneHot(target, classes), tf.transpose(x, order)), -1),
      ),
    );
  const lossGrad = tf.grad(loss);
  return () => {
    tf.tidy(() => {
      lossGrad(logp).dataSync();
    });
  };
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wasmDir = path.dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/package.json'),
  );
  setWasmPaths(path.join(wasmDir, 'dist') + path.sep);
  tf.enableProdMode();

  const rows: string[][] = [];
  for (const shape of SHAPES) {
    const elements = sizeOf(shape);
    const ours = timeIt(tapegradStep(shape));
    const peers: number[] = [];
    for (const backend of ['cpu', 'wasm']) {
      const ok = await tf.setBackend(backend);
      if (!ok || tf.getBackend() !== backend)
        throw new Error(`tfjs backend ${backend} did not start`);
      peers.push(timeIt(tfjsStep(shape)));
    }
    rows.push([
      `(${shape.join(', ')})`,
      (ours * 1e3).toFixed(3),
      (elements / ours / 1e6).toFixed(1),
      (peers[0]! * 1e3).toFixed(3),
      (peers[1]! * 1e3).toFixed(3),
      (peers[0]! / ours).toFixed(1) + 'x',
      (peers[1]! / ours).toFixed(1) + 'x',
    ]);
  }
  console.log(
    'nllLoss forward + backward, float32, reduction mean (median of >= 1 s)\n',
  );
  printTable(
    [
      'shape',
      'tapegrad ms',
      'M input elems/s',
      'tfjs-cpu ms',
      'tfjs-wasm ms',
      'vs cpu',
      'vs wasm',
    ],
    rows,
  );
  console.log(
    '\n"vs": how many times faster tapegrad ran than that peer in this run.',
  );
}

await main();
