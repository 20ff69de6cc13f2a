import { mul } from '../autograd/ops/mul.js';
import { allocate, requireFloating } from '../tensor/dtype.js';
import { defaultGenerator, type Generator } from '../tensor/random.js';
import { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';

/** Options of `Dropout`. */
export interface DropoutOptions {
  /**
   * Where the masks' random numbers come from: pass a seeded
   * `new Generator(seed)` to repeat a run. Default: the shared default
   * generator, which `manualSeed` reseeds.
   */
  generator?: Generator;
}

/**
 * During training, zeroes each element with probability `p` and scales the
 * rest by `1 / (1 - p)`, so the expected value is unchanged; in eval mode
 * it is the identity. Input and output have the same shape (any). The mask
 * comes from `generator` (seedable), so runs repeat.
 * @param p The probability of zeroing an element, in [0, 1). Default 0.5.
 * (PyTorch also takes p = 1, which zeroes everything; we refuse it.)
 * @throws RangeError for `p` outside [0, 1); DTypeError in training for an
 * int32 input, whose scale 1 / (1 - p) would be truncated.
 * @example
 * const drop = new Dropout(0.2, { generator: new Generator(1) });
 * drop.forward(x); // training: about 20% zeros, the rest × 1.25
 * drop.eval().forward(x); // x itself
 */
export class Dropout extends Module {
  /** The probability of zeroing an element. */
  readonly p: number;
  private readonly generator: Generator;

  constructor(p = 0.5, options: DropoutOptions = {}) {
    super();
    if (!(p >= 0 && p < 1)) {
      throw new RangeError(
        `Dropout: p must lie in [0, 1), got ${p}. Pass the probability of ` +
          `zeroing each element, such as the default 0.5; to turn dropout ` +
          `off, pass 0 or call eval().`,
      );
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
