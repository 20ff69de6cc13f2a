import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { logSoftmax, metrics, nllLoss, nn, optim } from '../../src/index.js';
import {
  EXPECTED,
  workloadData,
  workloadInit,
  workloadStateDict,
} from '../../bench/workload.js';

// The standard workload of bench/BENCHMARK.md, built from tapegrad's
// own nn, optim and data: 784-128-10 MLP, plain SGD lr 0.1, batch 64, one
// warm-up epoch, parameters reset to the init, then 3 epochs. Every
// correct framework lands on the same figures, which the benchmark lists:
// train loss 0.34257 (mean batch loss of the third epoch) and test
// accuracy 0.8935. Timing is the benchmark's business, not this test's.

const workload = suite('standard workload');

workload('reproduces train loss 0.34257 and test accuracy 0.8935', () => {
  const { batches: loader, test } = workloadData();
  const batches = [...loader];
  assert.is(batches.length, 125);
  const model = new nn.Sequential(
    new nn.Linear(784, 128),
    new nn.ReLU(),
    new nn.Linear(128, 10),
  );
  const init = workloadStateDict(workloadInit());

  const runEpoch = (opt: optim.SGD): number => {
    let total = 0;
    for (const { x, y } of batches) {
      opt.zeroGrad();
      const loss = nllLoss(logSoftmax(model.forward(x), 1), y, {
        reduction: 'mean',
      });
      loss.backward();
      opt.step();
      total += loss.item();
    }
    return total / batches.length;
  };

  model.loadStateDict(init);
  const firstEpoch = runEpoch(new optim.SGD(model.parameters(), { lr: 0.1 }));
  // bench/BENCHMARK.md: mean loss of the first epoch 1.0749 (5 significant digits).
  assert.ok(
    Math.abs(firstEpoch - EXPECTED.firstEpochLoss) < 2e-4,
    `first epoch loss ${firstEpoch}`,
  );

  model.loadStateDict(init);
  const opt = new optim.SGD(model.parameters(), { lr: 0.1 });
  let last = 0;
  for (let epoch = 0; epoch < 3; epoch++) last = runEpoch(opt);
  const acc = metrics.accuracy(model.forward(test.x), test.y);

  // bench/BENCHMARK.md: train loss 0.34257 (within 2e-4) and accuracy 0.8935.
  assert.ok(
    Math.abs(last - EXPECTED.trainLoss) < 2e-4,
    `train loss ${last}, expected ${EXPECTED.trainLoss}`,
  );
  assert.is(acc, EXPECTED.testAccuracy);
});

workload.run();
