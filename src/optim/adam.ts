import type { TypedArray } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { Optimizer, checkNonNegative } from './optimizer.js';

/** Options of `Adam` and `AdamW`. */
export interface AdamOptions {
  /** Learning rate, >= 0. Default 1e-3. */
  lr?: number;
  /**
   * Decay rates of the first and second moment estimates, each in
   * [0, 1). Default [0.9, 0.999].
   */
  betas?: [number, number];
  /** Added to the denominator for stability, >= 0. Default 1e-8. */
  eps?: number;
  /**
   * Weight decay, >= 0. Adam adds it to the gradient as an L2 penalty,
   * default 0; AdamW decays the weights directly, default 0.01.
   */
  weightDecay?: number;
  /** Use the maximum of past second moments (AMSGrad). Default false. */
  amsgrad?: boolean;
}

/**
 * Adam, exactly as PyTorch's: with t the number of steps this parameter
 * has taken (steps where it had no gradient do not count),
 *   g ← grad + weightDecay · p          (AdamW instead: p ← p (1 - lr · wd))
 *   m ← β1 m + (1 - β1) g,   v ← β2 v + (1 - β2) g²
 *   v̂ ← max(v̂, v) with amsgrad, else v
 *   p ← p - lr / (1 - β1ᵗ) · m / (√v̂ / √(1 - β2ᵗ) + eps)
 * @throws RangeError for a negative (or NaN) `lr`, `eps` or
 * `weightDecay`, or a beta outside [0, 1).
 * @throws DTypeError for a parameter that is not a float tensor;
 * NotSupportedError for a non-contiguous one.
 * @example
 * const opt = new Adam(model.parameters(), { lr: 3e-4 });
 */
export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;
  /** AdamW decays the weights directly instead of through the gradient. */
  protected readonly decoupled: boolean = false;

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, options.lr ?? 1e-3, ['expAvg', 'expAvgSq', 'maxExpAvgSq']);
    [this.beta1, this.beta2] = options.betas ?? [0.9, 0.999];
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 0;
    this.amsgrad = options.amsgrad ?? false;
    const op = this.constructor.name;
    for (const [name, b] of [
      ['beta1', this.beta1],
      ['beta2', this.beta2],
    ] as const) {
      if (!(b >= 0 && b < 1)) {
        throw new RangeError(
          `${op}: ${name} must lie in [0, 1), got ${b}. Pass betas such as ` +
            `the default [0.9, 0.999].`,
        );
      }
    }
    checkNonNegative(op, 'eps', this.eps, 'Keep the default 1e-8');
    checkNonNegative(
      op,
      'weightDecay',
      this.weightDecay,
      'Pass 0 for none, or a small decay such as 0.01',
    );
  }

  protected update(i: number, p: TypedArray, g: TypedArray): void {
    const { lr, beta1, beta2, eps, weightDecay, amsgrad, decoupled } = this;
    const m = this.buffer('expAvg', i);
    const v = this.buffer('expAvgSq', i);
    const vMax = amsgrad ? this.buffer('maxExpAvgSq', i) : null;
    // This parameter's own count: steps where it had no gradient do not
    // count, so its bias correction starts at t = 1 as in PyTorch.
    const t = this.paramSteps[i]!;
    const stepSize = lr / (1 - beta1 ** t);
    const sqrtCorrection = Math.sqrt(1 - beta2 ** t);
    for (let k = 0; k < p.length; k++) {
      let d = g[k]!;
      if (decoupled) p[k] = p[k]! * (1 - lr * weightDecay);
      else d += weightDecay * p[k]!;
      m[k] = beta1 * m[k]! + (1 - beta1) * d;
      v[k] = beta2 * v[k]! + (1 - beta2) * d * d;
      if (vMax !== null) vMax[k] = Math.max(vMax[k]!, v[k]!);
      const second = vMax === null ? v[k]! : vMax[k]!;
      p[k] =
        p[k]! - (stepSize * m[k]!) / (Math.sqrt(second) / sqrtCorrection + eps);
    }
  }
}

/**
 * AdamW: Adam with decoupled weight decay, `p ← p (1 - lr · weightDecay)`
 * before the Adam step, as PyTorch's (whose default weightDecay is 0.01).
 * @throws As `Adam`, with messages naming AdamW.
 */
export class AdamW extends Adam {
  protected override readonly decoupled = true;

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, { weightDecay: 0.01, ...options });
  }
}
