import type { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';

/**
 * Modules applied one after another; the i-th is the child named `i`, so
 * parameters are named `0.weight`, `2.bias`, ... as in PyTorch.
 * @example
 * const mlp = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 10));
 */
export class Sequential extends Module {
  readonly layers: readonly Module[];

  constructor(...layers: Module[]) {
    super();
    this.layers = layers;
    layers.forEach((layer, i) => this.registerModule(String(i), layer));
  }

  forward(input: Tensor): Tensor {
    let x = input;
    for (const layer of this.layers) x = layer.forward(x);
    return x;
  }
}
