import type { TypedArray } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { Optimizer } from './optimizer.js';

export interface SGDOptions {
  /** Learning rate. Required. */
  lr: number;
  /** Momentum factor. Default 0. */
  momentum?: number;
  /** Dampening of the momentum's new gradient. Default 0. */
  dampening?: number;
  /** Use Nesterov momentum (needs momentum > 0 and dampening 0). */
  nesterov?: boolean;
  /** L2 penalty added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * Stochastic gradient descent, exactly as PyTorch's `SGD`:
 *   g ← grad + weightDecay · p
 *   b ← g on the first step, else momentum · b + (1 - dampening) · g
 *   g ← g + momentum · b (Nesterov) or b (plain momentum)
 *   p ← p - lr · g
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
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new RangeError(
        'SGD: nesterov needs momentum > 0 and dampening 0, got momentum ' +
          `${this.momentum}, dampening ${this.dampening}.`,
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
