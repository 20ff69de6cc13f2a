import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { optim, tensor } from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';

// Each schedule is checked against its closed formula, written out in the
// test, after every call to step(). The formulas are evaluated in float64
// like the library's, so they agree to a few ulps.
const ULPS = 1e-15;

/** An SGD optimizer with lr `lr` over one float64 parameter. */
function sgd(lr = 0.1): optim.SGD {
  return new optim.SGD(
    [tensor([1], { dtype: 'float64', requiresGrad: true })],
    { lr },
  );
}

/** Steps `scheduler` `n` times; the optimizer's lr after each step. */
function run(scheduler: optim.LRScheduler, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    scheduler.step();
    out.push(scheduler.optimizer.lr);
  }
  return out;
}

/** Asserts each `got[i]` is within ULPS (relative) of `want(i + 1)`. */
function follows(got: number[], want: (epoch: number) => number): void {
  got.forEach((lr, i) => {
    const e = want(i + 1);
    assert.ok(
      Math.abs(lr - e) <= ULPS * Math.max(1, Math.abs(e)),
      `epoch ${i + 1}: ${lr}, expected ${e}`,
    );
  });
}

/** A schedule that halves the rate each epoch, to test the base class. */
class Halving extends optim.LRScheduler {
  lrAt(epoch: number): number {
    return this.baseLr / 2 ** epoch;
  }
}

const scheduler = suite('LRScheduler');

scheduler(
  'baseLr is the optimizer lr at construction; lastEpoch starts at 0',
  () => {
    const s = new Halving(sgd(0.4));
    assert.is(s.baseLr, 0.4);
    assert.is(s.lastEpoch, 0);
    assert.is(s.optimizer.lr, 0.4);
  },
);

scheduler(
  'step() counts epochs and sets optimizer.lr = lrAt(lastEpoch)',
  () => {
    const s = new Halving(sgd(0.4));
    s.step();
    assert.is(s.lastEpoch, 1);
    // 0.4 / 2 = 0.2, then 0.4 / 4 = 0.1: exact halvings.
    assert.is(s.optimizer.lr, 0.2);
    s.step();
    assert.is(s.optimizer.lr, 0.1);
  },
);

scheduler('the optimizer steps with the scheduled rate', () => {
  const p = tensor([1], { dtype: 'float64', requiresGrad: true });
  const opt = new optim.SGD([p], { lr: 0.4 });
  new Halving(opt).step();
  p.grad = tensor([1], { dtype: 'float64' });
  opt.step();
  // p - 0.2 · 1 with the halved rate.
  assert.equal(p.toArray(), [0.8]);
});

scheduler.run();

const stepLR = suite('StepLR');

stepLR('multiplies by gamma every stepSize epochs: base · γ^⌊n / s⌋', () => {
  const s = new optim.StepLR(sgd(0.1), 3, 0.5);
  const got = run(s, 10);
  follows(got, (n) => 0.1 * 0.5 ** Math.floor(n / 3));
  // Epochs 1, 2 at 0.1; 3-5 at 0.05; 6-8 at 0.025; 9-10 at 0.0125
  // (halvings of 0.1 are exact in binary).
  assert.equal(
    got,
    [0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125],
  );
});

stepLR('gamma defaults to 0.1', () => {
  const s = new optim.StepLR(sgd(1), 2);
  assert.is(s.gamma, 0.1);
  follows(run(s, 5), (n) => 0.1 ** Math.floor(n / 2));
});

stepLR('rejects a stepSize that is not a positive whole number', () => {
  for (const size of [0, -1, 1.5]) {
    assertThrows(
      () => new optim.StepLR(sgd(), size),
      RangeError,
      `StepLR: stepSize must be a positive whole number, got ${size}.`,
    );
  }
});

stepLR.run();

const exponentialLR = suite('ExponentialLR');

exponentialLR('multiplies by gamma every epoch: base · γⁿ', () => {
  const s = new optim.ExponentialLR(sgd(0.1), 0.9);
  follows(run(s, 8), (n) => 0.1 * 0.9 ** n);
});

exponentialLR('gamma 1 keeps the rate', () => {
  assert.equal(run(new optim.ExponentialLR(sgd(0.1), 1), 3), [0.1, 0.1, 0.1]);
});

exponentialLR.run();

const cosine = suite('CosineAnnealingLR');

/** η_min + (base - η_min)(1 + cos(π n / T)) / 2, n held at T after T. */
function cosineAt(
  n: number,
  base: number,
  etaMin: number,
  tMax: number,
): number {
  const m = Math.min(n, tMax);
  return etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * m) / tMax))) / 2;
}

cosine('follows η_min + (base - η_min)(1 + cos(π n / T)) / 2', () => {
  const s = new optim.CosineAnnealingLR(sgd(0.1), 10, 0.01);
  follows(run(s, 10), (n) => cosineAt(n, 0.1, 0.01, 10));
});

cosine('lrAt: base at 0, the midpoint at T/2, η_min at T and beyond', () => {
  const s = new optim.CosineAnnealingLR(sgd(0.1), 10, 0.01);
  const near = (a: number, b: number): boolean => Math.abs(a - b) < ULPS;
  // cos 0 = 1: the base rate.
  assert.ok(near(s.lrAt(0), 0.1));
  // cos(π/2) = 0: halfway, 0.01 + 0.09 / 2 = 0.055.
  assert.ok(near(s.lrAt(5), 0.055));
  // cos π = -1: η_min.
  assert.ok(near(s.lrAt(10), 0.01));
  // Held at η_min after T (PyTorch's closed form would rise again).
  assert.ok(near(s.lrAt(15), 0.01) && near(s.lrAt(100), 0.01));
});

cosine('stepping past T keeps η_min', () => {
  const s = new optim.CosineAnnealingLR(sgd(0.1), 4);
  const got = run(s, 7);
  // η_min defaults to 0; epochs 4 to 7 are all at cos π, so 0.
  assert.is(s.etaMin, 0);
  for (const lr of got.slice(3)) assert.ok(Math.abs(lr) < ULPS, `${lr}`);
});

cosine('rejects tMax <= 0, which would divide by zero', () => {
  assertThrows(
    () => new optim.CosineAnnealingLR(sgd(), 0),
    RangeError,
    'CosineAnnealingLR: tMax must be a positive whole number, got 0.',
  );
});

cosine.run();

const warmup = suite('WarmupCosineLR');

/**
 * base · (f + (1 - f) n / W) for n < W, then the cosine from base at W to
 * η_min at the total S: η_min + (base - η_min)(1 + cos(π (n - W) / (S - W))) / 2.
 */
function warmupCosineAt(
  n: number,
  base: number,
  w: number,
  total: number,
  etaMin: number,
  f: number,
): number {
  if (n < w) return base * (f + ((1 - f) * n) / w);
  const m = Math.min(n - w, total - w);
  return (
    etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * m) / (total - w)))) / 2
  );
}

warmup('sets the optimizer to startFactor · base at construction', () => {
  const opt = sgd(0.1);
  const s = new optim.WarmupCosineLR(opt, 4, 12, 0.001, 0.2);
  // 0.2 · 0.1
  assert.ok(Math.abs(opt.lr - 0.02) < ULPS);
  // baseLr is the rate before the warm-up rewrote it.
  assert.is(s.baseLr, 0.1);
});

warmup('follows the warm-up line, then the cosine, step by step', () => {
  const s = new optim.WarmupCosineLR(sgd(0.1), 4, 12, 0.001, 0.2);
  follows(run(s, 16), (n) => warmupCosineAt(n, 0.1, 4, 12, 0.001, 0.2));
});

warmup('reaches base at warmupSteps and η_min at totalSteps', () => {
  const s = new optim.WarmupCosineLR(sgd(0.1), 4, 12, 0.001);
  const got = run(s, 14);
  // Step 2: 0.1 · (0.1 + 0.9 · 2 / 4) = 0.055 (default startFactor 0.1).
  assert.ok(Math.abs(got[1]! - 0.055) < ULPS);
  // Step 4: the end of the warm-up, cos 0: the base rate.
  assert.ok(Math.abs(got[3]! - 0.1) < ULPS);
  // Step 8: halfway down, 0.001 + 0.099 / 2 = 0.0505.
  assert.ok(Math.abs(got[7]! - 0.0505) < ULPS);
  // Step 12 and after: η_min.
  for (const lr of got.slice(11))
    assert.ok(Math.abs(lr - 0.001) < ULPS, `${lr}`);
});

warmup('defaults: η_min 0, startFactor 0.1', () => {
  const s = new optim.WarmupCosineLR(sgd(1), 2, 6);
  assert.equal([s.etaMin, s.startFactor], [0, 0.1]);
  assert.ok(Math.abs(s.lrAt(0) - 0.1) < ULPS && Math.abs(s.lrAt(6)) < ULPS);
});

warmup('warmupSteps 0 starts straight on the cosine at base', () => {
  const opt = sgd(0.1);
  const s = new optim.WarmupCosineLR(opt, 0, 4);
  // cos 0 at step 0: the base rate.
  assert.is(opt.lr, 0.1);
  follows(run(s, 4), (n) => warmupCosineAt(n, 0.1, 0, 4, 0, 0.1));
});

warmup('rejects totalSteps below warmupSteps', () => {
  assertThrows(
    () => new optim.WarmupCosineLR(sgd(), 10, 5),
    RangeError,
    'WarmupCosineLR: totalSteps must be >= warmupSteps (10), got 5.',
  );
});

warmup.run();
