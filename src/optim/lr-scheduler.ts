import type { Optimizer } from './optimizer.js';

/**
 * Sets an optimizer's learning rate from a formula of the epoch (or step)
 * count: call `step()` once per epoch, after the optimizer's steps. The
 * rate for count n is `lrAt(n)`; `baseLr` is the optimizer's lr when the
 * schedule was made.
 */
export abstract class LRScheduler {
  readonly optimizer: Optimizer;
  readonly baseLr: number;
  /** How many times `step()` has been called. */
  lastEpoch = 0;

  constructor(optimizer: Optimizer) {
    this.optimizer = optimizer;
    this.baseLr = optimizer.lr;
  }

  /** The learning rate after `epoch` calls to `step()`. */
  abstract lrAt(epoch: number): number;

  /** Advances one epoch and sets the optimizer's lr. */
  step(): void {
    this.lastEpoch++;
    this.optimizer.lr = this.lrAt(this.lastEpoch);
  }
}

/** Multiplies the rate by `gamma` every `stepSize` epochs. */
export class StepLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly stepSize: number,
    readonly gamma = 0.1,
  ) {
    super(optimizer);
  }
  lrAt(epoch: number): number {
    return this.baseLr * this.gamma ** Math.floor(epoch / this.stepSize);
  }
}

/** Multiplies the rate by `gamma` every epoch. */
export class ExponentialLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly gamma: number,
  ) {
    super(optimizer);
  }
  lrAt(epoch: number): number {
    return this.baseLr * this.gamma ** epoch;
  }
}

/**
 * Half a cosine from the base rate down to `etaMin` over `tMax` epochs:
 * `etaMin + (base - etaMin)(1 + cos(π n / tMax)) / 2` (the closed form
 * PyTorch documents), holding `etaMin` after `tMax`.
 */
export class CosineAnnealingLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly tMax: number,
    readonly etaMin = 0,
  ) {
    super(optimizer);
  }
  lrAt(epoch: number): number {
    const n = Math.min(epoch, this.tMax);
    return this.etaMin + ((this.baseLr - this.etaMin) * (1 + Math.cos((Math.PI * n) / this.tMax))) / 2;
  }
}

/**
 * A linear warm-up from `baseLr · startFactor` to `baseLr` over
 * `warmupSteps`, then a cosine down to `etaMin` at `totalSteps`. Meant to
 * be stepped once per batch. The optimizer starts at the warm-up rate.
 */
export class WarmupCosineLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly warmupSteps: number,
    readonly totalSteps: number,
    readonly etaMin = 0,
    readonly startFactor = 0.1,
  ) {
    super(optimizer);
    optimizer.lr = this.lrAt(0);
  }
  lrAt(step: number): number {
    if (step < this.warmupSteps) {
      const f = this.startFactor + ((1 - this.startFactor) * step) / this.warmupSteps;
      return this.baseLr * f;
    }
    const span = Math.max(1, this.totalSteps - this.warmupSteps);
    const n = Math.min(step - this.warmupSteps, span);
    return this.etaMin + ((this.baseLr - this.etaMin) * (1 + Math.cos((Math.PI * n) / span))) / 2;
  }
}
