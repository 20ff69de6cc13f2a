import { mul } from '../autograd/ops/mul.js';
import { allocate, requireFloating } from '../tensor/dtype.js';
import { defaultGenerator, type Generator } from '../tensor/random.js';
import { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';

/**
 * During training, zeroes each element with probability `p` and scales the
 * rest by `1 / (1 - p)`, so the expected value is unchanged; in eval mode
 * it is the identity. The mask comes from `generator` (seedable), so runs
 * repeat.
 * @throws RangeError for `p` outside [0, 1); DTypeError in training for an
 * int32 input, whose scale 1 / (1 - p) would be truncated.
 */
export class Dropout extends Module {
  readonly p: number;
  private readonly generator: Generator;

  constructor(p = 0.5, options: { generator?: Generator } = {}) {
    super();
    if (!(p >= 0 && p < 1)) {
      throw new RangeError(`Dropout: p must lie in [0, 1), got ${p}.`);
    }
    this.p = p;
    this.generator = options.generator ?? defaultGenerator;
  }

  forward(input: Tensor): Tensor {
    if (!this.training || this.p === 0) return input;
    requireFloating('Dropout', input.dtype);

    const mask = allocate(input.dtype, input.size);
    const keep = 1 / (1 - this.p);
    for (let i = 0; i < mask.length; i++)
      mask[i] = this.generator.next() < this.p ? 0 : keep;
    return mul(input, Tensor.fromData(mask, input.shape));
  }
}
