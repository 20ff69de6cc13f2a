import type { TypedArray } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { Optimizer, checkNonNegative } from './optimizer.js';

/** Options of `SGD`. */
export interface SGDOptions {
  /** Learning rate, >= 0. Required. */
  lr: number;
  /** Momentum factor, >= 0. Default 0. */
  momentum?: number;
  /** Dampening of the momentum's new gradient. Default 0. */
  dampening?: number;
  /**
   * Use Nesterov momentum (needs momentum > 0 and dampening 0). Default
   * false.
   */
  nesterov?: boolean;
  /** L2 penalty added to the gradient, >= 0. Default 0. */
  weightDecay?: number;
}

/**
 * Stochastic gradient descent, exactly as PyTorch's `SGD`:
 *   g ← grad + weightDecay · p
 *   b ← g on the first step, else momentum · b + (1 - dampening) · g
 *   g ← g + momentum · b (Nesterov) or b (plain momentum)
 *   p ← p - lr · g
 * @throws RangeError for a negative (or NaN) `lr`, `momentum` or
 * `weightDecay`, and for `nesterov` without momentum > 0 and dampening 0.
 * @throws DTypeError for a parameter that is not a float tensor;
 * NotSupportedError for a non-contiguous one.
 * @example
 * const opt = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;

  constructor(params: Iterable<Tensor>, options: SGDOptions) {
    super(params, options.lr, ['momentumBuffer']);
    this.momentum = options.momentum ?? 0;
    this.dampening = options.dampening ?? 0;
    this.nesterov = options.nesterov ?? false;
    this.weightDecay = options.weightDecay ?? 0;
    checkNonNegative(
      'SGD',
      'momentum',
      this.momentum,
      'Pass 0 for none, or a factor such as 0.9',
    );
    checkNonNegative(
      'SGD',
      'weightDecay',
      this.weightDecay,
      'Pass 0 for none, or a small penalty such as 1e-4',
    );
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new RangeError(
        'SGD: nesterov needs momentum > 0 and dampening 0, got momentum ' +
          `${this.momentum}, dampening ${this.dampening}. Pass a momentum ` +
          `such as 0.9 and leave dampening at 0, or drop nesterov.`,
      );
    }
  }

  protected update(i: number, p: TypedArray, g: TypedArray): void {
    const { lr, momentum, dampening, nesterov, weightDecay } = this;
    const first = momentum !== 0 && !this.hasBuffer('momentumBuffer', i);
    const buf = momentum === 0 ? null : this.buffer('momentumBuffer', i);
    for (let k = 0; k < p.length; k++) {
      let d = g[k]! + weightDecay * p[k]!;
      if (buf !== null) {
        buf[k] = first ? d : momentum * buf[k]! + (1 - dampening) * d;
        d = nesterov ? d + momentum * buf[k]! : buf[k]!;
      }
      p[k] = p[k]! - lr * d;
    }
  }
}
