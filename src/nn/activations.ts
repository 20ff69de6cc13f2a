import { flatten } from '../autograd/ops/flatten.js';
import { gelu } from '../autograd/ops/gelu.js';
import { relu } from '../autograd/ops/relu.js';
import { sigmoid } from '../autograd/ops/sigmoid.js';
import { logSoftmax } from '../autograd/ops/log-softmax.js';
import { softmax } from '../autograd/ops/softmax.js';
import { tanh } from '../autograd/ops/tanh.js';
import type { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';

// Parameter-free layers: each wraps one op so it can sit in a Sequential.

/** `relu(x)` as a layer. */
export class ReLU extends Module {
  forward(input: Tensor): Tensor {
    return relu(input);
  }
}

/** `tanh(x)` as a layer. */
export class Tanh extends Module {
  forward(input: Tensor): Tensor {
    return tanh(input);
  }
}

/** `sigmoid(x)` as a layer. */
export class Sigmoid extends Module {
  forward(input: Tensor): Tensor {
    return sigmoid(input);
  }
}

/** `gelu(x)` (exact erf form) as a layer. */
export class GELU extends Module {
  forward(input: Tensor): Tensor {
    return gelu(input);
  }
}

/** `softmax(x, dim)` as a layer; `dim` defaults to the last. */
export class Softmax extends Module {
  constructor(readonly dim = -1) {
    super();
  }
  forward(input: Tensor): Tensor {
    return softmax(input, this.dim);
  }
}

/** `logSoftmax(x, dim)` as a layer, the usual head before `nllLoss`. */
export class LogSoftmax extends Module {
  constructor(readonly dim = -1) {
    super();
  }
  forward(input: Tensor): Tensor {
    return logSoftmax(input, this.dim);
  }
}

/** Merges dims `startDim..endDim` (default 1..-1: all but the batch). */
export class Flatten extends Module {
  constructor(
    readonly startDim = 1,
    readonly endDim = -1,
  ) {
    super();
  }
  forward(input: Tensor): Tensor {
    return flatten(input, this.startDim, this.endDim);
  }
}

/** Returns its input unchanged. */
export class Identity extends Module {
  forward(input: Tensor): Tensor {
    return input;
  }
}
