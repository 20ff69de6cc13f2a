import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CheckpointError,
  data,
  load,
  logSoftmax,
  nllLoss,
  noGrad,
  nn,
  optim,
  save,
  type Tensor,
} from '../../src/index.js';
import { buildMlp } from '../../src/cli/train-mlp.js';

// Checkpoints of a trained model and its optimizer, end to end: what the
// training command saves must restore exactly, and a run resumed from it
// must end where an uninterrupted run ends.

const { train, test } = data.loadMnist();
const subset = new data.TensorDataset(
  train.x.narrow(0, 0, 512),
  train.y.narrow(0, 0, 512),
);

function makeRun(): {
  model: nn.Sequential;
  opt: optim.Adam;
  loader: data.DataLoader;
} {
  const model = buildMlp(784, [32], 10, 7);
  const opt = new optim.Adam(model.parameters(), { lr: 3e-3 });
  const loader = new data.DataLoader(subset, {
    batchSize: 64,
    shuffle: true,
    seed: 3,
  });
  return { model, opt, loader };
}

/** Trains one epoch; returns the last batch's loss. */
function epoch(run: ReturnType<typeof makeRun>): number {
  let last = NaN;
  for (const { x, y } of run.loader) {
    run.opt.zeroGrad();
    const loss = nllLoss(logSoftmax(run.model.forward(x), 1), y, {
      reduction: 'mean',
    });
    loss.backward();
    run.opt.step();
    last = loss.item();
  }
  return last;
}

function scores(model: nn.Module): Tensor {
  return noGrad(() => model.forward(test.x));
}

const checkpoint = suite('checkpoints');
const dir = mkdtempSync(join(tmpdir(), 'tapegrad-checkpoint-'));

checkpoint(
  'a saved model loads into a fresh one with identical predictions',
  () => {
    const run = makeRun();
    epoch(run);
    save(run.model.stateDict(), join(dir, 'model.safetensors'));

    const fresh = buildMlp(784, [32], 10, 99);
    fresh.loadStateDict(load(join(dir, 'model.safetensors')));

    assert.equal(
      Array.from(scores(fresh).values()),
      Array.from(scores(run.model).values()),
    );
  },
);

checkpoint('a truncated checkpoint fails naming the file', () => {
  const path = join(dir, 'truncated.safetensors');
  const whole = readFileSync(join(dir, 'model.safetensors'));
  writeFileSync(path, whole.subarray(0, whole.length - 100));
  assert.throws(
    () => load(path),
    (e: Error) => e.message.includes('truncated.safetensors'),
  );
});

checkpoint('a checkpoint of another shape fails naming the tensor', () => {
  const wider = buildMlp(784, [48], 10, 1);
  assert.throws(
    () => wider.loadStateDict(load(join(dir, 'model.safetensors'))),
    (e: Error) =>
      e instanceof CheckpointError &&
      e.message.includes("'0.weight'") &&
      e.message.includes('[48, 784]') &&
      e.message.includes('[32, 784]'),
  );
});

checkpoint(
  'resuming from model and optimizer state ends where an uninterrupted run ends',
  () => {
    const straight = makeRun();
    for (let e = 0; e < 3; e++) epoch(straight);
    const straightLoss = epoch(straight);

    const first = makeRun();
    epoch(first);
    epoch(first);
    save(first.model.stateDict(), join(dir, 'resume-model.safetensors'));
    save(first.opt.stateDict(), join(dir, 'resume-optimizer.safetensors'));

    const resumed = makeRun();
    resumed.model.loadStateDict(load(join(dir, 'resume-model.safetensors')));
    resumed.opt.loadStateDict(load(join(dir, 'resume-optimizer.safetensors')));
    // The loader's order for epoch k depends only on its seed and k (see
    // DataLoader): starting two epochs' iterations moves it to epoch 3.
    resumed.loader[Symbol.iterator]();
    resumed.loader[Symbol.iterator]();
    epoch(resumed);
    const resumedLoss = epoch(resumed);

    assert.is(resumed.opt.stepCount, straight.opt.stepCount);
    assert.is(resumedLoss, straightLoss);
    assert.equal(
      Array.from(scores(resumed.model).values()),
      Array.from(scores(straight.model).values()),
    );
  },
);

checkpoint.after(() => rmSync(dir, { recursive: true, force: true }));

checkpoint.run();
