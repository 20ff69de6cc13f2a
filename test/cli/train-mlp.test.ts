import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULTS, type TrainConfig } from '../../src/cli/args.js';
import type { Progress } from '../../src/cli/progress.js';
import {
  buildMlp,
  buildOptimizer,
  predict,
  trainMlp,
} from '../../src/cli/train-mlp.js';
import { Generator, data, nn, optim, randn } from '../../src/index.js';

/** Progress that records every call instead of printing. */
function recorder(): { progress: Progress; calls: string[] } {
  const calls: string[] = [];
  const progress: Progress = {
    startEpoch: (epoch, steps) => calls.push(`start ${epoch} ${steps}`),
    step: (loss) => calls.push(`step ${loss}`),
    endEpoch: (line) => calls.push(`end ${line}`),
  };
  return { progress, calls };
}

const silent: Progress = {
  startEpoch: () => {},
  step: () => {},
  endEpoch: () => {},
};

/** A small config: 784-16-10, batch 64. */
function tinyConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return { ...DEFAULTS, epochs: 2, hidden: [16], batchSize: 64, ...overrides };
}

// The bundled MNIST digits (loadMnist's default split), cut to 512 train
// rows (8 batches of 64) and 256 test rows to keep the tests quick.
const mnist = data.loadMnist();
const firstRows = (set: data.TensorDataset, n: number): data.TensorDataset => {
  const { x, y } = set.batch(Array.from({ length: n }, (_, i) => i));
  return new data.TensorDataset(x, y);
};
const TRAIN = firstRows(mnist.train, 512);
const TEST = firstRows(mnist.test, 256);
const STEPS_PER_EPOCH = 512 / 64;

const build = suite('buildMlp');

build('stacks Linear + ReLU per hidden size, then Linear to classes', () => {
  const mlp = buildMlp(784, [64, 32], 10, 0);

  assert.instance(mlp, nn.Sequential);
  assert.equal(
    mlp.layers.map((layer) => layer.constructor.name),
    ['Linear', 'ReLU', 'Linear', 'ReLU', 'Linear'],
  );
});

build('names parameters by layer index, shapes (out, in) as in PyTorch', () => {
  const mlp = buildMlp(784, [64, 32], 10, 0);
  const shapes = mlp
    .namedParameters()
    .map(([name, p]) => `${name} ${p.shape.join('x')}`);

  // nn.Sequential names child i `i`; ReLUs (1, 3) hold no parameters.
  assert.equal(shapes, [
    '0.weight 64x784',
    '0.bias 64',
    '2.weight 32x64',
    '2.bias 32',
    '4.weight 10x32',
    '4.bias 10',
  ]);
});

build('builds a single Linear (784, 10) for no hidden layer', () => {
  const mlp = buildMlp(784, [], 10, 0);
  const shapes = mlp
    .namedParameters()
    .map(([name, p]) => `${name} ${p.shape.join('x')}`);

  assert.equal(shapes, ['0.weight 10x784', '0.bias 10']);
});

build('maps (N, 784) to scores (N, 10)', () => {
  const mlp = buildMlp(784, [16], 10, 0);
  const scores = predict(mlp, randn([5, 784], { generator: new Generator(1) }));

  assert.equal(scores.shape, [5, 10]);
});

build('starts from the same weights for the same seed only', () => {
  const values = (seed: number): number[] =>
    buildMlp(784, [16], 10, seed)
      .parameters()
      .flatMap((p) => Array.from(p.values()));

  assert.equal(values(3), values(3));
  assert.not.equal(values(3), values(4));
});

build.run();

const optimizer = suite('buildOptimizer');

optimizer('makes the optimizer named in the config, with its lr', () => {
  const params = buildMlp(4, [], 2, 0).parameters();

  const make = (overrides: Partial<TrainConfig>) =>
    buildOptimizer(tinyConfig(overrides), params);

  const adam = make({ optimizer: 'adam', lr: 0.01 });
  const adamw = make({ optimizer: 'adamw' });
  const sgd = make({ optimizer: 'sgd', lr: 0.1 });

  assert.instance(adam, optim.Adam);
  assert.not.instance(adam, optim.AdamW);
  assert.is(adam.lr, 0.01);
  assert.instance(adamw, optim.AdamW);
  assert.instance(sgd, optim.SGD);
  assert.is(sgd.lr, 0.1);
  // USAGE promises sgd with momentum 0.9.
  assert.is((sgd as optim.SGD).momentum, 0.9);
  assert.is(sgd.params.length, 2);
});

optimizer.run();

const predictSuite = suite('predict');

predictSuite('records nothing and restores the training mode', () => {
  const mlp = buildMlp(784, [16], 10, 0);
  const x = randn([3, 784], { generator: new Generator(2) });

  const scores = predict(mlp, x);

  assert.is(scores.node, null);
  assert.is(mlp.training, true);
  mlp.eval();
  predict(mlp, x);
  assert.is(mlp.training, false);
});

predictSuite.run();

const train = suite('trainMlp');

train('returns an EpochResult per epoch, accuracy in [0, 1]', () => {
  const result = trainMlp(tinyConfig({ epochs: 2 }), TRAIN, TEST, silent);

  assert.equal(
    result.epochs.map((e) => e.epoch),
    [1, 2],
  );
  for (const e of result.epochs) {
    const { trainLoss, testAccuracy } = e;
    assert.ok(Number.isFinite(trainLoss) && trainLoss > 0, `${trainLoss}`);
    assert.ok(testAccuracy >= 0 && testAccuracy <= 1, `${testAccuracy}`);
    assert.ok(e.seconds >= 0);
  }
});

train('keeps the loss of every step, batches per epoch times epochs', () => {
  const result = trainMlp(tinyConfig({ epochs: 2 }), TRAIN, TEST, silent);

  assert.is(result.stepLosses.length, 2 * STEPS_PER_EPOCH);
  assert.ok(result.stepLosses.every((loss) => Number.isFinite(loss)));
});

train('rounds a partial last batch up to a step', () => {
  // 512 rows in batches of 100: 5 full batches and one of 12.
  const config = tinyConfig({ epochs: 1, batchSize: 100 });
  const result = trainMlp(config, TRAIN, TEST, silent);

  assert.is(result.stepLosses.length, 6);
});

train("gives each epoch's train loss as the mean of its steps", () => {
  const result = trainMlp(tinyConfig({ epochs: 2 }), TRAIN, TEST, silent);

  result.epochs.forEach((e, i) => {
    const steps = result.stepLosses.slice(
      i * STEPS_PER_EPOCH,
      (i + 1) * STEPS_PER_EPOCH,
    );
    // Summed in the same order as trainMlp, so the mean matches exactly.
    const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
    assert.is(e.trainLoss, mean);
  });
});

train('learns: the second epoch has the lower mean loss', () => {
  const result = trainMlp(tinyConfig({ epochs: 2 }), TRAIN, TEST, silent);
  const [first, second] = result.epochs;

  assert.ok(
    second!.trainLoss < first!.trainLoss,
    `${second!.trainLoss} < ${first!.trainLoss}`,
  );
  // Ten classes: chance is 0.1. This seeded run (16 steps in all) reaches
  // 0.402 on the 256 test rows, as observed when the test was written.
  assert.ok(second!.testAccuracy > 0.25, `accuracy ${second!.testAccuracy}`);
});

train('reports to progress: epoch start, every step, a summary line', () => {
  const { progress, calls } = recorder();

  const result = trainMlp(tinyConfig({ epochs: 1 }), TRAIN, TEST, progress);
  const e = result.epochs[0]!;

  assert.is(calls.length, 1 + STEPS_PER_EPOCH + 1);
  assert.is(calls[0], `start 1 ${STEPS_PER_EPOCH}`);
  assert.equal(
    calls.slice(1, -1),
    result.stepLosses.map((loss) => `step ${loss}`),
  );
  const summary =
    `end epoch 1/1  train loss ${e.trainLoss.toFixed(4)}` +
    `  test accuracy ${(100 * e.testAccuracy).toFixed(2)}%` +
    `  ${e.seconds.toFixed(1)} s`;
  assert.is(calls.at(-1), summary);
});

train('pads the epoch number to the width of the epoch count', () => {
  const { progress, calls } = recorder();
  const tenRows = firstRows(TRAIN, 10);

  trainMlp(tinyConfig({ epochs: 10 }), tenRows, TEST, progress);
  const ends = calls.filter((call) => call.startsWith('end '));

  assert.is(ends.length, 10);
  assert.ok(ends[0]!.startsWith('end epoch  1/10  '), ends[0]);
  assert.ok(ends[9]!.startsWith('end epoch 10/10  '), ends[9]);
});

train('anneals the learning rate to 0 by the last epoch', () => {
  const config = tinyConfig({ epochs: 2, lr: 0.01 });
  const result = trainMlp(config, TRAIN, TEST, silent);

  // CosineAnnealingLR with tMax = epochs: lr · (1 + cos π) / 2 = 0.
  assert.is(result.optimizer.lr, 0);
});

train('repeats losses and accuracies exactly for the same seed', () => {
  const config = tinyConfig({ epochs: 2, seed: 5 });

  const a = trainMlp(config, TRAIN, TEST, silent);
  const b = trainMlp(config, TRAIN, TEST, silent);

  assert.equal(a.stepLosses, b.stepLosses);
  assert.equal(
    a.epochs.map((e) => [e.trainLoss, e.testAccuracy]),
    b.epochs.map((e) => [e.trainLoss, e.testAccuracy]),
  );
  assert.equal(
    a.model.parameters().map((p) => Array.from(p.values())),
    b.model.parameters().map((p) => Array.from(p.values())),
  );
});

train('gives different losses for a different seed', () => {
  const a = trainMlp(tinyConfig({ epochs: 1, seed: 5 }), TRAIN, TEST, silent);
  const b = trainMlp(tinyConfig({ epochs: 1, seed: 6 }), TRAIN, TEST, silent);

  // Both the init and the shuffle change, so even the first step differs.
  assert.is.not(a.stepLosses[0], b.stepLosses[0]);
  assert.not.equal(a.stepLosses, b.stepLosses);
});

train('trains a model with no hidden layer', () => {
  const config = tinyConfig({ epochs: 1, hidden: [] });
  const result = trainMlp(config, TRAIN, TEST, silent);

  assert.equal(
    result.model.namedParameters().map(([name]) => name),
    ['0.weight', '0.bias'],
  );
  assert.ok(Number.isFinite(result.epochs[0]!.trainLoss));
});

train('trains with each optimizer', () => {
  for (const name of ['adam', 'adamw', 'sgd'] as const) {
    const config = tinyConfig({ epochs: 1, optimizer: name, lr: 0.01 });
    const result = trainMlp(config, TRAIN, TEST, silent);
    const e = result.epochs[0]!;

    assert.ok(Number.isFinite(e.trainLoss), `${name}: loss ${e.trainLoss}`);
    assert.ok(e.testAccuracy >= 0 && e.testAccuracy <= 1, `${name}`);
  }
});

train.run();
