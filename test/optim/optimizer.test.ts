import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CheckpointError,
  DTypeError,
  NotSupportedError,
  optim,
  tensor,
  zeros,
  type Tensor,
  type TypedArray,
} from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';
import { normal } from '../helpers/inputs.js';

/**
 * The smallest optimizer: p ← p - lr · g, and a buffer `trace` summing
 * every gradient seen, so the base class can be tested on its own.
 */
class Tracer extends optim.Optimizer {
  constructor(params: Iterable<Tensor>, lr = 0.5) {
    super(params, lr, ['trace']);
  }

  protected update(i: number, p: TypedArray, g: TypedArray): void {
    const trace = this.buffer('trace', i);
    for (let k = 0; k < p.length; k++) {
      trace[k] = trace[k]! + g[k]!;
      p[k] = p[k]! - this.lr * g[k]!;
    }
  }
}

/** A float64 leaf requiring grad. */
function param(values: number[]): Tensor {
  return tensor(values, { dtype: 'float64', requiresGrad: true });
}

/** Sets each parameter's grad from the loss Σ (p - 1)² + Σ p⁴ / 10. */
function backwardOn(params: Tensor[]): void {
  for (const p of params) {
    p.grad = null;
    p.sub(1).pow(2).sum().add(p.pow(4).sum().mul(0.1)).backward();
  }
}

/** Plain-number copies of the parameters' values. */
function valuesOf(params: Tensor[]): number[][] {
  return params.map((p) => Array.from(p.values()));
}

/** Plain-number copies of every entry of a state dict. */
function plain(state: Record<string, Tensor>): Record<string, number[]> {
  return Object.fromEntries(
    Object.entries(state).map(([key, t]) => [key, Array.from(t.values())]),
  );
}

const optimizer = suite('Optimizer');

optimizer('keeps the parameters from any iterable, in order', () => {
  const a = param([1]);
  const b = param([2, 3]);
  const opt = new Tracer(new Set([a, b]));
  assert.is(opt.params.length, 2);
  assert.ok(opt.params[0] === a && opt.params[1] === b);
});

optimizer(
  'rejects an int32 parameter, naming its index, dtype and shape',
  () => {
    assertThrows(
      () => new Tracer([param([1]), tensor([1, 2, 3], { dtype: 'int32' })]),
      DTypeError,
      'Tracer: parameter 1 must be a float tensor, got int32 [3].',
      "make a float copy of anything else with .to('float32').",
    );
  },
);

optimizer('rejects a value that is not a tensor, naming its index', () => {
  assertThrows(
    () => new Tracer([param([1]), [1, 2] as unknown as Tensor]),
    DTypeError,
    'Tracer: parameter 1 must be a float tensor, got object.',
  );
});

optimizer('rejects a non-contiguous view [3, 2], saying it is one', () => {
  const view = zeros([2, 3]).T;
  assertThrows(
    () => new Tracer([view]),
    NotSupportedError,
    'Tracer: parameter 0 must be contiguous, got a non-contiguous float32 ' +
      '[3, 2] view; its update would be written into a copy and lost.',
    'optimise a contiguous copy, p.detach().clone().',
  );
});

optimizer('rejects a negative or NaN learning rate', () => {
  assertThrows(
    () => new Tracer([], -1),
    RangeError,
    'Tracer: lr must be >= 0, got -1. Pass a learning rate such as 0.01.',
  );
  assertThrows(() => new Tracer([], NaN), RangeError, 'got NaN');
});

optimizer('zeroGrad sets every grad to null', () => {
  const params = [param([1, 2]), param([3])];
  backwardOn(params);
  const opt = new Tracer(params);
  opt.zeroGrad();
  for (const p of params) assert.is(p.grad, null);
});

optimizer('step updates each parameter in place from its grad', () => {
  const p = param([1, 2]);
  const storage = p.values();
  p.grad = tensor([0.5, -1], { dtype: 'float64' });
  new Tracer([p], 0.5).step();
  // p - lr · g = [1 - 0.25, 2 + 0.5] by hand.
  assert.equal(Array.from(p.values()), [0.75, 2.5]);
  assert.ok(p.values().buffer === storage.buffer, 'same storage');
  assert.ok(p.isLeaf, 'nothing recorded on the tape');
});

optimizer(
  'step skips parameters without a grad and makes no buffer for them',
  () => {
    const a = param([1, 2]);
    const b = param([5]);
    a.grad = tensor([1, 1], { dtype: 'float64' });
    const opt = new Tracer([a, b]);
    opt.step();
    // b had no grad: unchanged; a moved by lr · 1 = 0.5.
    assert.equal(valuesOf([a, b]), [[0.5, 1.5], [5]]);
    assert.equal(Object.keys(opt.stateDict()), [
      'lr',
      'step',
      'step.0',
      'trace.0',
    ]);
  },
);

optimizer('stepCount counts calls to step', () => {
  const opt = new Tracer([param([1])]);
  assert.is(opt.stepCount, 0);
  opt.step();
  opt.step();
  assert.is(opt.stepCount, 2);
});

optimizer(
  'stateDict holds lr, step and step.<i> as rank-0 float64, buffers as name.<i>',
  () => {
    const params = [param([1, 2]), param([3])];
    const opt = new Tracer(params, 0.25);
    params[0]!.grad = tensor([1, 2], { dtype: 'float64' });
    params[1]!.grad = tensor([4], { dtype: 'float64' });
    opt.step();
    params[1]!.grad = null;
    opt.step();
    const state = opt.stateDict();
    assert.equal(Object.keys(state), [
      'lr',
      'step',
      'step.0',
      'step.1',
      'trace.0',
      'trace.1',
    ]);
    for (const key of ['lr', 'step', 'step.0', 'step.1']) {
      assert.equal(state[key]!.shape, [], key);
      assert.is(state[key]!.dtype, 'float64', key);
    }
    // The lr given above; two steps, of which parameter 1 (no grad in the
    // second) took one; the traces sum the grads set: [1, 2] twice, [4] once.
    assert.equal(plain(state), {
      lr: [0.25],
      step: [2],
      'step.0': [2],
      'step.1': [1],
      'trace.0': [2, 4],
      'trace.1': [4],
    });
    assert.equal(state['trace.0']!.shape, [2]);
  },
);

optimizer('stateDict is a snapshot: later steps do not change it', () => {
  const p = param([1, 2]);
  const opt = new Tracer([p]);
  p.grad = tensor([1, 1], { dtype: 'float64' });
  opt.step();
  const state = opt.stateDict();
  const before = plain(state);
  opt.step();
  assert.equal(plain(state), before);
});

optimizer(
  'loadStateDict round trip: two copies continue identically (Adam)',
  () => {
    const first = [
      normal([2, 3], 1).requiresGrad_(true),
      normal([4], 2).requiresGrad_(true),
    ];
    const a = new optim.Adam(first, { lr: 0.05, amsgrad: true });
    for (let i = 0; i < 3; i++) {
      backwardOn(first);
      a.step();
    }
    const second = first.map((p) => p.detach().clone().requiresGrad_(true));
    const b = new optim.Adam(second, { lr: 0.9, amsgrad: true });
    b.loadStateDict(a.stateDict());
    assert.is(b.stepCount, 3);
    assert.is(b.lr, 0.05);
    assert.equal(plain(b.stateDict()), plain(a.stateDict()));
    for (let i = 0; i < 4; i++) {
      backwardOn(first);
      a.step();
      backwardOn(second);
      b.step();
    }
    // Same state and same arithmetic: equal to the last bit.
    assert.equal(valuesOf(second), valuesOf(first));
  },
);

optimizer(
  'loadStateDict round trip: SGD momentum buffers continue identically',
  () => {
    const first = [normal([5], 3).requiresGrad_(true)];
    const a = new optim.SGD(first, { lr: 0.1, momentum: 0.9 });
    backwardOn(first);
    a.step();
    const second = first.map((p) => p.detach().clone().requiresGrad_(true));
    const b = new optim.SGD(second, { lr: 0.1, momentum: 0.9 });
    b.loadStateDict(a.stateDict());
    for (let i = 0; i < 3; i++) {
      backwardOn(first);
      a.step();
      backwardOn(second);
      b.step();
    }
    assert.equal(valuesOf(second), valuesOf(first));
  },
);

optimizer(
  'loadStateDict round trip keeps per-parameter steps (Adam, a late parameter)',
  () => {
    const first = [
      normal([3], 4).requiresGrad_(true),
      normal([2], 5).requiresGrad_(true),
    ];
    const a = new optim.Adam(first, { lr: 0.05 });
    // Parameter 1 joins at the third step, so its own count lags by two.
    for (let i = 0; i < 4; i++) {
      backwardOn(i < 2 ? [first[0]!] : first);
      if (i < 2) first[1]!.grad = null;
      a.step();
    }
    assert.equal(plain(a.stateDict())['step.1'], [2]);
    const second = first.map((p) => p.detach().clone().requiresGrad_(true));
    const b = new optim.Adam(second, { lr: 0.05 });
    b.loadStateDict(a.stateDict());
    for (let i = 0; i < 3; i++) {
      backwardOn(first);
      a.step();
      backwardOn(second);
      b.step();
    }
    assert.equal(valuesOf(second), valuesOf(first));
  },
);

optimizer(
  'loadStateDict of a state without step.<i> counts step for each buffer',
  () => {
    const params = [param([1, 2]), param([3])];
    const opt = new Tracer(params);
    // The layout saved before per-parameter counts: lr, step and buffers.
    opt.loadStateDict({
      lr: tensor(0.5, { dtype: 'float64' }),
      step: tensor(7, { dtype: 'float64' }),
      'trace.0': tensor([1, 1], { dtype: 'float64' }),
    });
    // Parameter 0 has a buffer, so 7 steps; parameter 1 none, so none.
    assert.equal(plain(opt.stateDict())['step.0'], [7]);
    assert.is(opt.stateDict()['step.1'], undefined);
  },
);

optimizer('loadStateDict copies the buffers rather than aliasing them', () => {
  const p = param([1, 2]);
  const opt = new Tracer([p]);
  const state = {
    step: tensor(4, { dtype: 'float64' }),
    'trace.0': tensor([1, 1], { dtype: 'float64' }),
  };
  opt.loadStateDict(state);
  state['trace.0'].values()[0] = 99;
  assert.equal(opt.stateDict()['trace.0']!.toArray(), [1, 1]);
});

optimizer('loadStateDict drops buffers the state does not have', () => {
  const p = param([1, 2]);
  const opt = new Tracer([p], 0.5);
  p.grad = tensor([1, 1], { dtype: 'float64' });
  opt.step();
  opt.loadStateDict({ lr: tensor(0.125, { dtype: 'float64' }) });
  // lr as given; step absent, so 0; the trace of the step above is gone.
  assert.equal(plain(opt.stateDict()), { lr: [0.125], step: [0] });
});

optimizer(
  'loadStateDict converts float64 buffers to float32 parameters',
  () => {
    const p = tensor([1, 2], { requiresGrad: true });
    const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.5 });
    opt.loadStateDict({
      'momentumBuffer.0': tensor([0.5, 0.25], { dtype: 'float64' }),
    });
    const buffer = opt.stateDict()['momentumBuffer.0']!;
    assert.is(buffer.dtype, 'float32');
    // Both values are exact in float32.
    assert.equal(buffer.toArray(), [0.5, 0.25]);
  },
);

/** A Tracer over [2] and [1] parameters after one step, and its state. */
function stepped(): { opt: Tracer; before: Record<string, number[]> } {
  const params = [param([1, 2]), param([3])];
  const opt = new Tracer(params, 0.5);
  params[0]!.grad = tensor([1, 1], { dtype: 'float64' });
  opt.step();
  return { opt, before: plain(opt.stateDict()) };
}

optimizer(
  'loadStateDict rejects an unknown buffer name, changing nothing',
  () => {
    const { opt, before } = stepped();
    assertThrows(
      () =>
        opt.loadStateDict({
          lr: tensor(1, { dtype: 'float64' }),
          'velocity.0': tensor([0, 0], { dtype: 'float64' }),
        }),
      CheckpointError,
      "Tracer.loadStateDict: unknown entry 'velocity.0'; expected one of lr, " +
        'step, step.<i>, trace.<i> (i a parameter index).',
      'Load a state saved from a Tracer',
    );
    assert.equal(plain(opt.stateDict()), before);
  },
);

optimizer(
  'loadStateDict rejects a parameter index out of range: trace.2 of 2',
  () => {
    const { opt, before } = stepped();
    assertThrows(
      () => opt.loadStateDict({ 'trace.2': tensor([0], { dtype: 'float64' }) }),
      CheckpointError,
      "Tracer.loadStateDict: entry 'trace.2' is for parameter 2, but this " +
        'optimizer has 2 parameters.',
      'Load the state saved for these parameters',
    );
    assert.equal(plain(opt.stateDict()), before);
  },
);

optimizer('loadStateDict rejects keys without a whole-number index', () => {
  const { opt, before } = stepped();
  for (const key of ['trace', 'trace.', 'trace.0.5', 'trace.-1', 'trace. 0']) {
    assertThrows(
      () => opt.loadStateDict({ [key]: tensor([0, 0], { dtype: 'float64' }) }),
      CheckpointError,
      `unknown entry '${key}'`,
    );
  }
  assert.equal(plain(opt.stateDict()), before);
});

optimizer('loadStateDict rejects a step.<i> that is not a scalar', () => {
  const { opt, before } = stepped();
  assertThrows(
    () => opt.loadStateDict({ 'step.0': tensor([1, 1], { dtype: 'float64' }) }),
    CheckpointError,
    "Tracer.loadStateDict: 'step.0' has shape [2], but it must be a scalar [].",
  );
  assert.equal(plain(opt.stateDict()), before);
});

optimizer(
  'loadStateDict rejects a buffer of shape [3] for parameter [2]',
  () => {
    const { opt, before } = stepped();
    assertThrows(
      () =>
        opt.loadStateDict({
          step: tensor(9, { dtype: 'float64' }),
          'trace.0': tensor([0, 0, 0], { dtype: 'float64' }),
        }),
      CheckpointError,
      "Tracer.loadStateDict: 'trace.0' has shape [3], but parameter 0 has [2].",
      'from a model built with the same sizes',
    );
    assert.equal(plain(opt.stateDict()), before);
  },
);

optimizer('loadStateDict rejects a value that is not a tensor', () => {
  const { opt, before } = stepped();
  assertThrows(
    () => opt.loadStateDict({ lr: 0.1 as unknown as Tensor }),
    DTypeError,
    "Tracer.loadStateDict: state['lr'] must be a Tensor, got number.",
  );
  assert.equal(plain(opt.stateDict()), before);
});

optimizer.run();
