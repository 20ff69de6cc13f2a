import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { data, logSoftmax, metrics, nllLoss, nn, optim, tensor } from '../../src/index.js';
import type { Tensor } from '../../src/index.js';
import { mulberry32 } from '../helpers/fisher-yates.js';

// The standard workload of ../shared/BENCHMARK.md, built from tapegrad's
// own nn, optim and data: 784-128-10 MLP, plain SGD lr 0.1, batch 64, one
// warm-up epoch, parameters reset to the init, then 3 epochs. Every
// correct framework lands on the same figures, which the benchmark lists:
// train loss 0.34257 (mean batch loss of the third epoch) and test
// accuracy 0.8935. Timing is the benchmark's business, not this test's.

/**
 * The benchmark's init: one mulberry32(1337) stream drawn in the order
 * W1 (784, 128) [in, out], b1, W2 (128, 10) [in, out], b2, each value
 * (2r - 1) / sqrt(fanIn), rounded to float32. Linear stores (out, in),
 * so the weights are transposed.
 */
function benchmarkInit(): Record<string, Tensor> {
  const r = mulberry32(1337);
  const draw = (count: number, fanIn: number): number[] =>
    Array.from({ length: count }, () => Math.fround((2 * r() - 1) / Math.sqrt(fanIn)));
  const w1 = tensor(draw(784 * 128, 784), { shape: [784, 128] });
  const b1 = tensor(draw(128, 784));
  const w2 = tensor(draw(128 * 10, 128), { shape: [128, 10] });
  const b2 = tensor(draw(10, 128));
  return {
    '0.weight': w1.T.clone(),
    '0.bias': b1,
    '2.weight': w2.T.clone(),
    '2.bias': b2,
  };
}

const workload = suite('standard workload');

workload('reproduces train loss 0.34257 and test accuracy 0.8935', () => {
  const { train, test } = data.loadMnist();
  // Batches are built once, in dataset order (the benchmark's train order
  // is the same every epoch).
  const batches = [...new data.DataLoader(train, { batchSize: 64 })];
  assert.is(batches.length, 125);
  const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
  const init = benchmarkInit();

  const runEpoch = (opt: optim.SGD): number => {
    let total = 0;
    for (const { x, y } of batches) {
      opt.zeroGrad();
      const loss = nllLoss(logSoftmax(model.forward(x), 1), y, { reduction: 'mean' });
      loss.backward();
      opt.step();
      total += loss.item();
    }
    return total / batches.length;
  };

  model.loadStateDict(init);
  const firstEpoch = runEpoch(new optim.SGD(model.parameters(), { lr: 0.1 }));
  // BENCHMARK.md: mean loss of the first epoch 1.0749 (5 significant digits).
  assert.ok(Math.abs(firstEpoch - 1.0749) < 2e-4, `first epoch loss ${firstEpoch}`);

  model.loadStateDict(init);
  const opt = new optim.SGD(model.parameters(), { lr: 0.1 });
  let last = 0;
  for (let epoch = 0; epoch < 3; epoch++) last = runEpoch(opt);
  const acc = metrics.accuracy(model.forward(test.x), test.y);

  // BENCHMARK.md: train loss 0.34257 (within 2e-4) and accuracy 0.8935.
  assert.ok(Math.abs(last - 0.34257) < 2e-4, `train loss ${last}, expected 0.34257`);
  assert.is(acc, 0.8935);
});

workload.run();
