import { logSoftmax } from '../autograd/ops/log-softmax.js';
import { noGrad } from '../autograd/tape.js';
import { DataLoader } from '../data/data-loader.js';
import type { TensorDataset } from '../data/dataset.js';
import { nllLoss } from '../losses/nll-loss.js';
import { accuracy } from '../metrics/accuracy.js';
import { ReLU } from '../nn/activations.js';
import { Linear } from '../nn/linear.js';
import type { Module } from '../nn/module.js';
import { Sequential } from '../nn/sequential.js';
import { Adam, AdamW } from '../optim/adam.js';
import { CosineAnnealingLR } from '../optim/lr-scheduler.js';
import type { Optimizer } from '../optim/optimizer.js';
import { SGD } from '../optim/sgd.js';
import { Generator } from '../tensor/random.js';
import type { Tensor } from '../tensor/tensor.js';
import type { TrainConfig } from './args.js';
import type { Progress } from './progress.js';

/** What one epoch did. */
export interface EpochResult {
  epoch: number;
  trainLoss: number;
  testAccuracy: number;
  seconds: number;
}

export interface TrainResult {
  model: Module;
  optimizer: Optimizer;
  epochs: EpochResult[];
  /** The loss of every step, in order. */
  stepLosses: number[];
}

/** An MLP: Linear + ReLU for each hidden size, then Linear to the classes. */
export function buildMlp(
  inputs: number,
  hidden: number[],
  classes: number,
  seed: number,
): Sequential {
  const generator = new Generator(seed);
  const sizes = [inputs, ...hidden];
  const layers: Module[] = [];
  for (let i = 0; i < hidden.length; i++) {
    layers.push(
      new Linear(sizes[i]!, sizes[i + 1]!, { generator }),
      new ReLU(),
    );
  }
  layers.push(new Linear(sizes[sizes.length - 1]!, classes, { generator }));
  return new Sequential(...layers);
}

export function buildOptimizer(
  config: TrainConfig,
  params: Tensor[],
): Optimizer {
  switch (config.optimizer) {
    case 'adam':
      return new Adam(params, { lr: config.lr });
    case 'adamw':
      return new AdamW(params, { lr: config.lr });
    case 'sgd':
      return new SGD(params, { lr: config.lr, momentum: 0.9 });
  }
}

/** Class scores of `model` for `x`, computed without recording. */
export function predict(model: Module, x: Tensor): Tensor {
  const wasTraining = model.training;
  model.eval();
  const scores = noGrad(() => model.forward(x));
  model.train(wasTraining);
  return scores;
}

/**
 * Trains a fresh MLP on `train` with mean nllLoss over logSoftmax, and
 * measures test accuracy after every epoch. Deterministic for a seed.
 */
export function trainMlp(
  config: TrainConfig,
  train: TensorDataset,
  test: TensorDataset,
  progress: Progress,
): TrainResult {
  const classes = 10;
  const model = buildMlp(
    train.x.shape[1]!,
    config.hidden,
    classes,
    config.seed,
  );
  const optimizer = buildOptimizer(config, model.parameters());
  const loader = new DataLoader(train, {
    batchSize: config.batchSize,
    shuffle: true,
    seed: config.seed,
  });
  // The rate falls along half a cosine to 0 by the last epoch: the last
  // epochs take small steps, so the final accuracy does not jitter.
  const schedule = new CosineAnnealingLR(optimizer, config.epochs);
  const epochs: EpochResult[] = [];
  const stepLosses: number[] = [];

  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    const start = performance.now();
    progress.startEpoch(epoch, loader.length);
    let total = 0;
    let steps = 0;
    for (const { x, y } of loader) {
      optimizer.zeroGrad();
      const loss = nllLoss(logSoftmax(model.forward(x), 1), y, {
        reduction: 'mean',
      });
      loss.backward();
      optimizer.step();
      const value = loss.item();
      stepLosses.push(value);
      total += value;
      steps++;
      progress.step(value);
    }
    schedule.step();
    const testAccuracy = accuracy(predict(model, test.x), test.y);
    const result = {
      epoch,
      trainLoss: total / steps,
      testAccuracy,
      seconds: (performance.now() - start) / 1000,
    };
    epochs.push(result);
    progress.endEpoch(
      `epoch ${String(epoch).padStart(String(config.epochs).length)}/${config.epochs}` +
        `  train loss ${result.trainLoss.toFixed(4)}` +
        `  test accuracy ${(100 * testAccuracy).toFixed(2)}%` +
        `  ${result.seconds.toFixed(1)} s`,
    );
  }
  return { model, optimizer, epochs, stepLosses };
}
