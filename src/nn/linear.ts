import { ShapeError, formatShape } from '../errors.js';
import { add } from '../autograd/ops/add.js';
import { matmul } from '../autograd/ops/matmul.js';
import { zeros } from '../tensor/create.js';
import type { DType } from '../tensor/dtype.js';
import type { Generator } from '../tensor/random.js';
import type { Tensor } from '../tensor/tensor.js';
import { uniform_ } from './init/init.js';
import { Module } from './module.js';

/** Options of `Linear`. */
export interface LinearOptions {
  /** Add a learned bias. Default true. */
  bias?: boolean;
  /** Parameter dtype. Default float32. */
  dtype?: DType;
  /** Where the initial values come from; the default generator if omitted. */
  generator?: Generator;
}

/**
 * A fully connected layer: `y = x · weightᵀ + bias`, mapping
 * `(..., inFeatures)` to `(..., outFeatures)`.
 *
 * `weight` is stored `(outFeatures, inFeatures)` and `bias`
 * `(outFeatures)`, as in PyTorch, and both start uniform in
 * `[-1/√in, 1/√in)`: PyTorch's default (Kaiming uniform with a = √5 for
 * the weight works out to that bound).
 * @throws RangeError unless `inFeatures` and `outFeatures` are positive
 * whole numbers; `forward` throws ShapeError for an input whose last dim
 * is not `inFeatures`.
 * @example
 * const layer = new Linear(784, 10);
 * layer.forward(randn([64, 784])).shape; // [64, 10]
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(
    inFeatures: number,
    outFeatures: number,
    options: LinearOptions = {},
  ) {
    super();
    for (const [name, n, meaning] of [
      ['inFeatures', inFeatures, "the size of the input's last dim"],
      ['outFeatures', outFeatures, 'the number of outputs wanted'],
    ] as const) {
      if (!Number.isInteger(n) || n <= 0) {
        throw new RangeError(
          `Linear: ${name} must be a positive whole number, got ${n}. ` +
            `Pass ${meaning}, as in new Linear(784, 10).`,
        );
      }
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const dtype = options.dtype ?? 'float32';
    const bound = 1 / Math.sqrt(inFeatures);
    const init =
      options.generator === undefined ? {} : { generator: options.generator };
    this.weight = this.registerParameter(
      'weight',
      uniform_(
        zeros([outFeatures, inFeatures], { dtype }),
        -bound,
        bound,
        init,
      ),
    );
    this.bias =
      options.bias === false
        ? null
        : this.registerParameter(
            'bias',
            uniform_(zeros([outFeatures], { dtype }), -bound, bound, init),
          );
  }

  forward(input: Tensor): Tensor {
    const last = input.shape[input.ndim - 1];
    if (input.ndim === 0 || last !== this.inFeatures) {
      throw new ShapeError(
        `Linear: expected input (..., ${this.inFeatures}), got ` +
          `${formatShape(input.shape)}. Flatten or reshape the input so its ` +
          `last dim holds the ${this.inFeatures} features.`,
      );
    }
    const out = matmul(input, this.weight.T);
    return this.bias === null ? out : add(out, this.bias);
  }
}
