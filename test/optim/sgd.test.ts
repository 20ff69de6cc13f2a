import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { optim, tensor, type Tensor } from '../../src/index.js';
import {
  FLOAT32,
  FLOAT64,
  assertClose,
  assertThrows,
} from '../helpers/assert-close.js';

// Every test starts from p = [1, -2] with the gradient g = [0.5, 0.25] at
// each step, lr = 0.1; the expected values are worked out by hand from
// PyTorch's SGD update written beside them.

/** p = [1, -2] in float64, requiring grad. */
function start(): Tensor {
  return tensor([1, -2], { dtype: 'float64', requiresGrad: true });
}

/** Sets g = [0.5, 0.25] and takes `n` steps. */
function steps(opt: optim.SGD, p: Tensor, n: number): void {
  for (let i = 0; i < n; i++) {
    p.grad = tensor([0.5, 0.25], { dtype: 'float64' });
    opt.step();
  }
}

/** Shorthand for an expected [2] float64 value. */
function pair(a: number, b: number): { shape: number[]; values: number[] } {
  return { shape: [2], values: [a, b] };
}

const sgd = suite('SGD');

sgd('plain: p ← p - lr · g', () => {
  const p = start();
  const opt = new optim.SGD([p], { lr: 0.1 });
  steps(opt, p, 1);
  // [1 - 0.1 · 0.5, -2 - 0.1 · 0.25] = [0.95, -2.025]
  assertClose(p, pair(0.95, -2.025), FLOAT64);
  steps(opt, p, 1);
  // Again: [0.95 - 0.05, -2.025 - 0.025] = [0.9, -2.05]
  assertClose(p, pair(0.9, -2.05), FLOAT64);
});

sgd('plain SGD keeps no momentum buffer', () => {
  const p = start();
  const opt = new optim.SGD([p], { lr: 0.1 });
  steps(opt, p, 1);
  assert.equal(Object.keys(opt.stateDict()), ['lr', 'step', 'step.0']);
});

sgd('defaults: momentum 0, dampening 0, nesterov off, weightDecay 0', () => {
  const opt = new optim.SGD([start()], { lr: 0.1 });
  assert.equal(
    [opt.momentum, opt.dampening, opt.nesterov, opt.weightDecay],
    [0, 0, false, 0],
  );
});

sgd('momentum 0.9: the first buffer is the gradient itself', () => {
  const p = start();
  const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.9 });
  steps(opt, p, 1);
  // b = g = [0.5, 0.25] (no momentum term yet), p - lr · b as plain SGD.
  assert.equal(opt.stateDict()['momentumBuffer.0']!.toArray(), [0.5, 0.25]);
  assertClose(p, pair(0.95, -2.025), FLOAT64);
});

sgd('momentum 0.9: the second step uses b = 0.9 b + g', () => {
  const p = start();
  const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.9 });
  steps(opt, p, 2);
  // b = 0.9 · [0.5, 0.25] + [0.5, 0.25] = [0.95, 0.475]
  assertClose(opt.stateDict()['momentumBuffer.0']!, pair(0.95, 0.475), FLOAT64);
  // p = [0.95 - 0.1 · 0.95, -2.025 - 0.1 · 0.475] = [0.855, -2.0725]
  assertClose(p, pair(0.855, -2.0725), FLOAT64);
});

sgd('dampening 0.5 scales the new gradient after the first step', () => {
  const p = start();
  const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.9, dampening: 0.5 });
  steps(opt, p, 1);
  // First step: b = g undamped (as PyTorch), so p = [0.95, -2.025].
  assertClose(p, pair(0.95, -2.025), FLOAT64);
  steps(opt, p, 1);
  // b = 0.9 · g + (1 - 0.5) · g = 1.4 g = [0.7, 0.35]
  // p = [0.95 - 0.07, -2.025 - 0.035] = [0.88, -2.06]
  assertClose(opt.stateDict()['momentumBuffer.0']!, pair(0.7, 0.35), FLOAT64);
  assertClose(p, pair(0.88, -2.06), FLOAT64);
});

sgd('nesterov: steps along g + momentum · b', () => {
  const p = start();
  const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.9, nesterov: true });
  steps(opt, p, 1);
  // b = g; d = g + 0.9 g = 1.9 g = [0.95, 0.475]
  // p = [1 - 0.095, -2 - 0.0475] = [0.905, -2.0475]
  assertClose(p, pair(0.905, -2.0475), FLOAT64);
  steps(opt, p, 1);
  // b = 0.9 g + g = 1.9 g; d = g + 0.9 · 1.9 g = 2.71 g = [1.355, 0.6775]
  // p = [0.905 - 0.1355, -2.0475 - 0.06775] = [0.7695, -2.11525]
  assertClose(p, pair(0.7695, -2.11525), FLOAT64);
});

sgd('weightDecay 0.1 adds 0.1 · p to the gradient', () => {
  const p = start();
  const opt = new optim.SGD([p], { lr: 0.1, weightDecay: 0.1 });
  steps(opt, p, 1);
  // d = g + 0.1 p = [0.5 + 0.1, 0.25 - 0.2] = [0.6, 0.05]
  // p = [1 - 0.06, -2 - 0.005] = [0.94, -2.005]
  assertClose(p, pair(0.94, -2.005), FLOAT64);
});

sgd('weightDecay with momentum: the buffer holds the decayed gradient', () => {
  const p = start();
  const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.9, weightDecay: 0.1 });
  steps(opt, p, 1);
  // b = g + 0.1 p = [0.6, 0.05] (first step), p = [0.94, -2.005]
  assertClose(opt.stateDict()['momentumBuffer.0']!, pair(0.6, 0.05), FLOAT64);
  assertClose(p, pair(0.94, -2.005), FLOAT64);
  steps(opt, p, 1);
  // d = g + 0.1 p = [0.5 + 0.094, 0.25 - 0.2005] = [0.594, 0.0495]
  // b = 0.9 · [0.6, 0.05] + d = [1.134, 0.0945]
  // p = [0.94 - 0.1134, -2.005 - 0.00945] = [0.8266, -2.01445]
  assertClose(p, pair(0.8266, -2.01445), FLOAT64);
});

sgd('each parameter has its own momentum buffer', () => {
  const a = start();
  const b = tensor([3], { dtype: 'float64', requiresGrad: true });
  const opt = new optim.SGD([a, b], { lr: 0.1, momentum: 0.9 });
  a.grad = tensor([0.5, 0.25], { dtype: 'float64' });
  opt.step();
  // b had no grad at step 1, so its buffer starts at step 2 as g itself.
  a.grad = tensor([0.5, 0.25], { dtype: 'float64' });
  b.grad = tensor([2], { dtype: 'float64' });
  opt.step();
  assertClose(
    opt.stateDict()['momentumBuffer.1']!,
    { shape: [1], values: [2] },
    FLOAT64,
  );
  // 3 - 0.1 · 2 = 2.8
  assertClose(b, { shape: [1], values: [2.8] }, FLOAT64);
});

sgd('float32 parameters keep float32 values and buffers', () => {
  const p = tensor([1, -2], { requiresGrad: true });
  const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.9 });
  p.grad = tensor([0.5, 0.25]);
  opt.step();
  assert.is(p.dtype, 'float32');
  assert.is(opt.stateDict()['momentumBuffer.0']!.dtype, 'float32');
  // The plain step by hand, [0.95, -2.025], to float32 precision.
  assertClose(p, pair(0.95, -2.025), FLOAT32);
});

sgd('rejects nesterov without momentum', () => {
  assertThrows(
    () => new optim.SGD([start()], { lr: 0.1, nesterov: true }),
    RangeError,
    'SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0, dampening 0.',
    'Pass a momentum such as 0.9 and leave dampening at 0, or drop nesterov.',
  );
});

sgd('rejects nesterov with dampening', () => {
  assertThrows(
    () =>
      new optim.SGD([start()], {
        lr: 0.1,
        momentum: 0.9,
        dampening: 0.1,
        nesterov: true,
      }),
    RangeError,
    'got momentum 0.9, dampening 0.1.',
  );
});

sgd('rejects a negative lr, naming SGD', () => {
  assertThrows(
    () => new optim.SGD([start()], { lr: -0.1 }),
    RangeError,
    'SGD: lr must be >= 0, got -0.1. Pass a learning rate such as 0.01.',
  );
});

sgd('rejects a negative or NaN momentum, as PyTorch does', () => {
  assertThrows(
    () => new optim.SGD([start()], { lr: 0.1, momentum: -0.9 }),
    RangeError,
    'SGD: momentum must be >= 0, got -0.9. Pass 0 for none, or a factor ' +
      'such as 0.9.',
  );
  assertThrows(
    () => new optim.SGD([start()], { lr: 0.1, momentum: NaN }),
    RangeError,
    'SGD: momentum must be >= 0, got NaN.',
  );
});

sgd('rejects a negative weightDecay, as PyTorch does', () => {
  assertThrows(
    () => new optim.SGD([start()], { lr: 0.1, weightDecay: -1e-4 }),
    RangeError,
    'SGD: weightDecay must be >= 0, got -0.0001. Pass 0 for none, or a ' +
      'small penalty such as 1e-4.',
  );
});

sgd('accepts lr 0, momentum 0 and weightDecay 0, the boundaries', () => {
  const opt = new optim.SGD([start()], { lr: 0, momentum: 0, weightDecay: 0 });
  assert.is(opt.lr, 0);
});

sgd.run();
