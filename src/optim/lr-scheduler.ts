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

/**
 * Multiplies the rate by `gamma` (default 0.1) every `stepSize` epochs.
 * @throws RangeError unless `stepSize` is a positive whole number.
 */
export class StepLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly stepSize: number,
    readonly gamma = 0.1,
  ) {
    super(optimizer);
    checkCount('StepLR', 'stepSize', stepSize);
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
 * @throws RangeError unless `tMax` is a positive whole number.
 */
export class CosineAnnealingLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly tMax: number,
    readonly etaMin = 0,
  ) {
    super(optimizer);
    checkCount('CosineAnnealingLR', 'tMax', tMax);
  }
  lrAt(epoch: number): number {
    const n = Math.min(epoch, this.tMax);
    return (
      this.etaMin +
      ((this.baseLr - this.etaMin) *
        (1 + Math.cos((Math.PI * n) / this.tMax))) /
        2
    );
  }
}

/**
 * A linear warm-up from `baseLr · startFactor` to `baseLr` over
 * `warmupSteps`, then a cosine down to `etaMin` at `totalSteps`. Meant to
 * be stepped once per batch. The optimizer starts at the warm-up rate.
 * @throws RangeError unless `warmupSteps` is a whole number >= 0 and
 * `totalSteps` a whole number >= `warmupSteps`.
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
    if (!Number.isInteger(warmupSteps) || warmupSteps < 0) {
      throw new RangeError(
        `WarmupCosineLR: warmupSteps must be a whole number >= 0, got ` +
          `${warmupSteps}. Pass 0 for no warm-up.`,
      );
    }
    if (!Number.isInteger(totalSteps) || totalSteps < warmupSteps) {
      throw new RangeError(
        `WarmupCosineLR: totalSteps must be >= warmupSteps (${warmupSteps}), ` +
          `got ${totalSteps}. Pass the whole run's step count, warm-up included.`,
      );
    }
    optimizer.lr = this.lrAt(0);
  }
  lrAt(step: number): number {
    if (step < this.warmupSteps) {
      const f =
        this.startFactor + ((1 - this.startFactor) * step) / this.warmupSteps;
      return this.baseLr * f;
    }
    const span = Math.max(1, this.totalSteps - this.warmupSteps);
    const n = Math.min(step - this.warmupSteps, span);
    return (
      this.etaMin +
      ((this.baseLr - this.etaMin) * (1 + Math.cos((Math.PI * n) / span))) / 2
    );
  }
}

/** Throws unless `value` is a positive whole number (a count of epochs). */
function checkCount(scheduler: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(
      `${scheduler}: ${name} must be a positive whole number, got ${value}. ` +
        `It counts epochs (or steps), so pass 1 or more.`,
    );
  }
}
