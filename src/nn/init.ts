import { noGrad } from '../autograd/tape.js';
import { defaultGenerator, type Generator } from '../tensor/random.js';
import type { Tensor } from '../tensor/tensor.js';

// Initialisers that fill a tensor's storage in place (hence the trailing
// underscore, as in PyTorch). They record nothing on the tape. The fan of
// a weight is computed as PyTorch does: for shape (out, in, ...rest),
// fanIn = in · Π rest and fanOut = out · Π rest.

/** The nonlinearities `calculateGain` knows. */
export type Nonlinearity =
  'linear' | 'conv2d' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'selu';

/**
 * The gain PyTorch recommends for a nonlinearity: 1 for linear and
 * sigmoid, 5/3 for tanh, √2 for relu, √(2 / (1 + slope²)) for leakyRelu
 * (slope `param`, default 0.01), 3/4 for selu.
 */
export function calculateGain(
  nonlinearity: Nonlinearity,
  param?: number,
): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv2d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
  }
}

/** `fanIn` and `fanOut` of a weight of rank ≥ 2, as PyTorch computes them. */
export function fans(t: Tensor): { fanIn: number; fanOut: number } {
  if (t.ndim < 2) {
    throw new RangeError(
      `init: fan in and fan out need a tensor of rank >= 2, got rank ${t.ndim}.`,
    );
  }
  const receptive = t.shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: t.shape[1]! * receptive, fanOut: t.shape[0]! * receptive };
}

export interface InitOptions {
  generator?: Generator;
}

/** Fills `t` with uniform numbers in [low, high). */
export function uniform_(
  t: Tensor,
  low = 0,
  high = 1,
  options: InitOptions = {},
): Tensor {
  const g = options.generator ?? defaultGenerator;
  return fill(t, () => low + (high - low) * g.next());
}

/** Fills `t` with normal numbers of the given mean and standard deviation. */
export function normal_(
  t: Tensor,
  mean = 0,
  std = 1,
  options: InitOptions = {},
): Tensor {
  const g = options.generator ?? defaultGenerator;
  return fill(t, () => mean + std * g.normal());
}

/** Glorot uniform: U(-a, a) with a = gain · √(6 / (fanIn + fanOut)). */
export function xavierUniform_(
  t: Tensor,
  gain = 1,
  options: InitOptions = {},
): Tensor {
  const { fanIn, fanOut } = fans(t);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniform_(t, -bound, bound, options);
}

/** Glorot normal: N(0, std²) with std = gain · √(2 / (fanIn + fanOut)). */
export function xavierNormal_(
  t: Tensor,
  gain = 1,
  options: InitOptions = {},
): Tensor {
  const { fanIn, fanOut } = fans(t);
  return normal_(t, 0, gain * Math.sqrt(2 / (fanIn + fanOut)), options);
}

export interface KaimingOptions extends InitOptions {
  /** The negative slope of a leaky ReLU after this layer. Default 0. */
  a?: number;
  /** Preserve the variance of the forward pass ('fanIn', the default) or the backward. */
  mode?: 'fanIn' | 'fanOut';
  /** The nonlinearity after this layer. Default 'leakyRelu' (with slope `a`). */
  nonlinearity?: Nonlinearity;
}

/** He uniform: U(-b, b) with b = gain · √(3 / fan). */
export function kaimingUniform_(
  t: Tensor,
  options: KaimingOptions = {},
): Tensor {
  const std = kaimingStd(t, options);
  return uniform_(t, -Math.sqrt(3) * std, Math.sqrt(3) * std, options);
}

/** He normal: N(0, std²) with std = gain / √fan. */
export function kaimingNormal_(
  t: Tensor,
  options: KaimingOptions = {},
): Tensor {
  return normal_(t, 0, kaimingStd(t, options), options);
}

function kaimingStd(t: Tensor, options: KaimingOptions): number {
  const { fanIn, fanOut } = fans(t);
  const fan = (options.mode ?? 'fanIn') === 'fanIn' ? fanIn : fanOut;
  const gain = calculateGain(
    options.nonlinearity ?? 'leakyRelu',
    options.a ?? 0,
  );
  return gain / Math.sqrt(fan);
}

function fill(t: Tensor, draw: () => number): Tensor {
  noGrad(() => {
    const data = t.values();
    if (!t.isContiguous()) {
      throw new RangeError(
        'init: expected a contiguous tensor to fill in place.',
      );
    }
    for (let i = 0; i < data.length; i++) data[i] = draw();
  });
  return t;
}
