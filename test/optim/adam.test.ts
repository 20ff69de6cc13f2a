import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { optim, tensor, type Tensor } from '../../src/index.js';
import {
  FLOAT32,
  FLOAT64,
  assertClose,
  assertThrows,
} from '../helpers/assert-close.js';

// The expected values follow PyTorch's Adam with β1 = 0.9, β2 = 0.999,
// eps = 1e-8, written out step by step in each test:
//   m_t = β1 m + (1 - β1) g,  v_t = β2 v + (1 - β2) g²
//   m̂ = m_t / (1 - β1ᵗ),      v̂ = v_t / (1 - β2ᵗ)
//   p ← p - lr · m̂ / (√v̂ + eps)
// At t = 1 the corrections cancel (m̂ = g, v̂ = g²), so the first step is
// p - lr · g / (|g| + eps).

const EPS = 1e-8;

/** A float64 leaf requiring grad. */
function param(values: number[]): Tensor {
  return tensor(values, { dtype: 'float64', requiresGrad: true });
}

/** Sets `p.grad` to `g` (float64) and steps. */
function stepWith(opt: optim.Optimizer, p: Tensor, g: number[]): void {
  p.grad = tensor(g, { dtype: 'float64' });
  opt.step();
}

/** The first Adam step from `p` with gradient `g`: p - lr · g / (|g| + eps). */
function firstStep(p: number, g: number, lr: number): number {
  return p - (lr * g) / (Math.abs(g) + EPS);
}

const adam = suite('Adam');

adam(
  'defaults: lr 1e-3, betas [0.9, 0.999], eps 1e-8, no decay, no amsgrad',
  () => {
    // PyTorch's defaults.
    const opt = new optim.Adam([param([1])]);
    assert.equal(
      [opt.lr, opt.beta1, opt.beta2, opt.eps, opt.weightDecay, opt.amsgrad],
      [1e-3, 0.9, 0.999, 1e-8, 0, false],
    );
  },
);

adam('first step: bias correction makes it lr · g / (|g| + eps)', () => {
  const p = param([1, -2]);
  const opt = new optim.Adam([p], { lr: 0.1 });
  stepWith(opt, p, [0.5, -0.25]);
  // m̂ = g, v̂ = g² at t = 1: [1 - 0.1 · 0.5/0.5, -2 + 0.1 · 0.25/0.25]
  // ≈ [0.9, -1.9] (eps moves them by about 2e-9).
  assertClose(
    p,
    { shape: [2], values: [firstStep(1, 0.5, 0.1), firstStep(-2, -0.25, 0.1)] },
    FLOAT64,
  );
  // The stored moments are uncorrected: m = 0.1 g, v = 0.001 g².
  const state = opt.stateDict();
  assertClose(
    state['expAvg.0']!,
    { shape: [2], values: [0.05, -0.025] },
    FLOAT64,
  );
  assertClose(
    state['expAvgSq.0']!,
    { shape: [2], values: [0.00025, 0.0000625] },
    FLOAT64,
  );
});

adam(
  'second step with a new gradient: corrections 1 - 0.9² and 1 - 0.999²',
  () => {
    const p = param([1]);
    const opt = new optim.Adam([p], { lr: 0.1 });
    stepWith(opt, p, [0.5]);
    stepWith(opt, p, [-1]);
    // After step 1 (g = 0.5): p1 = 1 - 0.1 · 0.5 / (0.5 + eps).
    // Step 2 (g = -1):
    //   m = 0.9 · 0.05 + 0.1 · (-1) = -0.055
    //   v = 0.999 · 0.00025 + 0.001 · 1 = 0.00124975
    //   m̂ = -0.055 / 0.19, v̂ = 0.00124975 / 0.001999
    const p1 = firstStep(1, 0.5, 0.1);
    const mHat = -0.055 / 0.19;
    const vHat = 0.00124975 / 0.001999;
    const p2 = p1 - (0.1 * mHat) / (Math.sqrt(vHat) + EPS);
    assertClose(p, { shape: [1], values: [p2] }, FLOAT64);
    // ≈ 0.9 + 0.0366: the step is smaller than lr, as the moments disagree.
    assert.ok(Math.abs(p2 - 0.93661) < 1e-5);
  },
);

adam('weightDecay adds wd · p to the gradient (L2), before the moments', () => {
  const p = param([1, -2]);
  const opt = new optim.Adam([p], { lr: 0.1, weightDecay: 0.1 });
  stepWith(opt, p, [0.5, -0.25]);
  // g' = g + 0.1 p = [0.6, -0.45]; first step lr · g' / (|g'| + eps).
  assertClose(
    p,
    { shape: [2], values: [firstStep(1, 0.6, 0.1), firstStep(-2, -0.45, 0.1)] },
    FLOAT64,
  );
  // m = 0.1 g' holds the decayed gradient.
  assertClose(
    opt.stateDict()['expAvg.0']!,
    { shape: [2], values: [0.06, -0.045] },
    FLOAT64,
  );
});

adam('amsgrad keeps the largest second moment and steps with it', () => {
  const p = param([1]);
  const opt = new optim.Adam([p], { lr: 0.1, amsgrad: true });
  stepWith(opt, p, [1]);
  stepWith(opt, p, [0.01]);
  // v1 = 0.001 · 1² = 0.001; v2 = 0.999 · 0.001 + 0.001 · 0.01² = 0.0009991,
  // smaller, so the max stays 0.001.
  const state = opt.stateDict();
  assertClose(
    state['expAvgSq.0']!,
    { shape: [1], values: [0.0009991] },
    FLOAT64,
  );
  assertClose(
    state['maxExpAvgSq.0']!,
    { shape: [1], values: [0.001] },
    FLOAT64,
  );
  // m2 = 0.9 · 0.1 + 0.1 · 0.01 = 0.091; the step divides by
  // √(0.001 / (1 - 0.999²)) rather than by √(0.0009991 / (1 - 0.999²)).
  const p1 = firstStep(1, 1, 0.1);
  const p2 = p1 - (0.1 * (0.091 / 0.19)) / (Math.sqrt(0.001 / 0.001999) + EPS);
  assertClose(p, { shape: [1], values: [p2] }, FLOAT64);
});

adam('without amsgrad there is no maxExpAvgSq buffer', () => {
  const p = param([1]);
  const opt = new optim.Adam([p], { lr: 0.1 });
  stepWith(opt, p, [1]);
  assert.equal(
    Object.keys(opt.stateDict()).filter((k) => k.startsWith('max')),
    [],
  );
});

adam(
  'a parameter first given a gradient at step 2 takes its own first step',
  () => {
    const a = param([1]);
    const b = param([3]);
    const opt = new optim.Adam([a, b], { lr: 0.1 });
    stepWith(opt, a, [0.5]);
    a.grad = tensor([0.5], { dtype: 'float64' });
    b.grad = tensor([2], { dtype: 'float64' });
    opt.step();
    // PyTorch counts steps per parameter: b is at its t = 1, so its update
    // is the first-step one, 3 - 0.1 · 2 / (2 + eps) ≈ 2.9.
    assertClose(b, { shape: [1], values: [firstStep(3, 2, 0.1)] }, FLOAT64);
    // a, with the same g at t = 2, also moves by lr · g / (|g| + eps): m̂ = g
    // and v̂ = g² whenever the gradient is constant.
    assertClose(
      a,
      { shape: [1], values: [firstStep(firstStep(1, 0.5, 0.1), 0.5, 0.1)] },
      FLOAT64,
    );
  },
);

adam('float32 parameters keep float32 values and buffers', () => {
  const p = tensor([1, -2], { requiresGrad: true });
  const opt = new optim.Adam([p], { lr: 0.1, amsgrad: true });
  p.grad = tensor([0.5, -0.25]);
  opt.step();
  assert.is(p.dtype, 'float32');
  const state = opt.stateDict();
  for (const key of ['expAvg.0', 'expAvgSq.0', 'maxExpAvgSq.0']) {
    assert.is(state[key]!.dtype, 'float32', key);
  }
  // The first step by hand, ≈ [0.9, -1.9], to float32 precision.
  assertClose(p, { shape: [2], values: [0.9, -1.9] }, FLOAT32);
});

adam('rejects betas outside [0, 1)', () => {
  assertThrows(
    () => new optim.Adam([param([1])], { betas: [1, 0.999] }),
    RangeError,
    'Adam: beta1 must lie in [0, 1), got 1.',
    'Pass betas such as the default [0.9, 0.999].',
  );
  assertThrows(
    () => new optim.Adam([param([1])], { betas: [0.9, -0.5] }),
    RangeError,
    'Adam: beta2 must lie in [0, 1), got -0.5.',
  );
});

adam('rejects a negative lr, eps or weightDecay, as PyTorch does', () => {
  assertThrows(
    () => new optim.Adam([param([1])], { lr: -1e-3 }),
    RangeError,
    'Adam: lr must be >= 0, got -0.001. Pass a learning rate such as 0.01.',
  );
  assertThrows(
    () => new optim.Adam([param([1])], { eps: -1e-8 }),
    RangeError,
    'Adam: eps must be >= 0, got -1e-8. Keep the default 1e-8.',
  );
  assertThrows(
    () => new optim.Adam([param([1])], { weightDecay: -0.1 }),
    RangeError,
    'Adam: weightDecay must be >= 0, got -0.1. Pass 0 for none, or a small ' +
      'decay such as 0.01.',
  );
});

adam.run();

const adamW = suite('AdamW');

adamW('names AdamW, not Adam, in its errors', () => {
  assertThrows(
    () => new optim.AdamW([param([1])], { weightDecay: -0.01 }),
    RangeError,
    'AdamW: weightDecay must be >= 0, got -0.01.',
  );
  assertThrows(
    () => new optim.AdamW([param([1])], { betas: [0.9, 1] }),
    RangeError,
    'AdamW: beta2 must lie in [0, 1), got 1.',
  );
});

adamW('default weightDecay is 0.01 (PyTorch), other defaults as Adam', () => {
  const opt = new optim.AdamW([param([1])]);
  assert.is(opt.weightDecay, 0.01);
  assert.is(opt.lr, 1e-3);
  assert.ok(opt instanceof optim.Adam);
});

adamW(
  'decays p directly: p (1 - lr · wd), then the Adam step on g alone',
  () => {
    const p = param([1, -2]);
    const opt = new optim.AdamW([p], { lr: 0.1, weightDecay: 0.1 });
    stepWith(opt, p, [0.5, -0.25]);
    // p · (1 - 0.1 · 0.1) = [0.99, -1.98], then lr · g / (|g| + eps) with the
    // undecayed g: ≈ [0.89, -1.88].
    assertClose(
      p,
      {
        shape: [2],
        values: [firstStep(0.99, 0.5, 0.1), firstStep(-1.98, -0.25, 0.1)],
      },
      FLOAT64,
    );
    // The moments see g itself: m = 0.1 g.
    assertClose(
      opt.stateDict()['expAvg.0']!,
      { shape: [2], values: [0.05, -0.025] },
      FLOAT64,
    );
  },
);

adamW(
  "decoupled decay differs from Adam's L2 with the same weightDecay",
  () => {
    const p = param([1, -2]);
    const q = param([1, -2]);
    stepWith(
      new optim.AdamW([p], { lr: 0.1, weightDecay: 0.1 }),
      p,
      [0.5, -0.25],
    );
    stepWith(
      new optim.Adam([q], { lr: 0.1, weightDecay: 0.1 }),
      q,
      [0.5, -0.25],
    );
    // By the two tests above: AdamW ≈ [0.89, -1.88], Adam ≈ [0.9, -1.9].
    assert.ok(Math.abs(p.values()[0]! - 0.89) < 1e-6);
    assert.ok(Math.abs(q.values()[0]! - 0.9) < 1e-6);
  },
);

adamW('weightDecay 0 makes AdamW identical to Adam', () => {
  const p = param([1, -2]);
  const q = param([1, -2]);
  const w = new optim.AdamW([p], { lr: 0.1, weightDecay: 0 });
  const a = new optim.Adam([q], { lr: 0.1 });
  for (const g of [
    [0.5, -0.25],
    [-1, 0.75],
    [0.2, 0.1],
  ]) {
    stepWith(w, p, g);
    stepWith(a, q, g);
  }
  assert.equal(Array.from(p.values()), Array.from(q.values()));
});

adamW.run();
