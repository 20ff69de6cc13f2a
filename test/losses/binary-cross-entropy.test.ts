import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  Generator,
  ShapeError,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  grad,
  onesLike,
  rand,
  tensor,
  zeros,
  type Reduction,
  type Tensor,
} from '../../src/index.js';
import {
  FLOAT32,
  FLOAT64,
  assertClose,
  assertThrows,
} from '../helpers/assert-close.js';
import { assertGradcheck } from '../helpers/gradcheck.js';
import { normal } from '../helpers/inputs.js';

const REDUCTIONS: Reduction[] = ['none', 'mean', 'sum'];

/** Seeded float64 values of `shape`, uniform in [low, high). */
function uniform(shape: number[], seed: number, low = 0, high = 1): Tensor {
  const u = rand(shape, { generator: new Generator(seed), dtype: 'float64' });
  return u.mul(high - low).add(low);
}

/** A plain-JS reduction of per-element losses. */
function jsReduce(losses: number[], reduction: Reduction): number[] {
  const total = losses.reduce((a, b) => a + b, 0);
  if (reduction === 'none') return losses;
  return [reduction === 'sum' ? total : total / losses.length];
}

/** Element i of `values` broadcast from the trailing-aligned `shape` to `full`. */
function broadcastAt(
  values: ArrayLike<number>,
  shape: number[],
  full: number[],
  i: number,
): number {
  let flat = 0;
  let stride = 1;
  for (let d = full.length - 1, r = i; d >= 0; d--) {
    const n = full[d]!;
    const coord = r % n;
    r = Math.floor(r / n);
    const k = d - (full.length - shape.length);
    if (k < 0) continue;
    if (shape[k] !== 1) flat += coord * stride;
    stride *= shape[k]!;
  }
  return values[flat]!;
}

/** Plain-JS binary cross entropy of one element, each log clamped at -100. */
function jsBce(p: number, t: number): number {
  return -(
    t * Math.max(Math.log(p), -100) +
    (1 - t) * Math.max(Math.log(1 - p), -100)
  );
}

/** Plain-JS softplus, log(1 + e^z), without overflow. */
function jsSoftplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Plain-JS binary cross entropy on a logit x with positive weight pw:
 * -(pw · t · log σ(x) + (1 - t) · log(1 - σ(x))), where
 * log σ(x) = -softplus(-x) and log(1 - σ(x)) = -softplus(x).
 */
function jsBceLogits(x: number, t: number, pw = 1): number {
  return pw * t * jsSoftplus(-x) + (1 - t) * jsSoftplus(x);
}

const bce = suite('binaryCrossEntropy');

bce('matches plain JS on [3, 4] under every reduction', () => {
  const p = uniform([3, 4], 1, 0.05, 0.95);
  const t = uniform([3, 4], 2);
  const ts = t.values();
  // Expected: jsBce of each element, reduced in plain JS.
  const losses = Array.from(p.values(), (v, i) => jsBce(v, ts[i]!));

  for (const reduction of REDUCTIONS) {
    const want = {
      shape: reduction === 'none' ? [3, 4] : [],
      values: jsReduce(losses, reduction),
    };
    assertClose(
      binaryCrossEntropy(p, t, { reduction }),
      want,
      FLOAT64,
      reduction,
    );
  }
});

bce('defaults to reduction mean', () => {
  const p = tensor([0.2, 0.9], { dtype: 'float64' });
  const t = tensor([0, 1], { dtype: 'float64' });
  // Expected: the mean of -ln 0.8 and -ln 0.9, in plain JS.
  const want = -(Math.log(0.8) + Math.log(0.9)) / 2;

  assertClose(binaryCrossEntropy(p, t), { shape: [], values: [want] }, FLOAT64);
});

bce(
  'scales by weight [4] (broadcast over rows) and [3, 4], as plain JS does',
  () => {
    const p = uniform([3, 4], 3, 0.05, 0.95);
    const t = uniform([3, 4], 4);
    const ts = t.values();
    for (const shape of [[4], [3, 4], [3, 1]]) {
      const w = uniform(shape, 5, 0.5, 2);
      // Expected: w (broadcast in plain JS) times jsBce, then reduced.
      const losses = Array.from(
        p.values(),
        (v, i) => broadcastAt(w.values(), shape, [3, 4], i) * jsBce(v, ts[i]!),
      );

      for (const reduction of REDUCTIONS) {
        const want = {
          shape: reduction === 'none' ? [3, 4] : [],
          values: jsReduce(losses, reduction),
        };
        const out = binaryCrossEntropy(p, t, { reduction, weight: w });
        assertClose(
          out,
          want,
          FLOAT64,
          `weight ${JSON.stringify(shape)}, ${reduction}`,
        );
      }
    }
  },
);

bce('clamps each log at -100: p = 0 with t = 1 gives 100, as PyTorch', () => {
  const p = tensor([0, 1, 0, 1], { dtype: 'float64' });
  const t = tensor([1, 0, 0, 1], { dtype: 'float64' });

  const out = binaryCrossEntropy(p, t, { reduction: 'none' });

  // Expected: -max(ln 0, -100) = 100 where the prediction is certain and
  // wrong, 0 where it is certain and right.
  assertClose(out, { shape: [4], values: [100, 100, 0, 0] }, FLOAT64);
});

bce('has a finite gradient at p = 0 and p = 1, as PyTorch', () => {
  const p = tensor([0, 0, 1, 1], { dtype: 'float64', requiresGrad: true });
  const t = tensor([0, 1, 0, 1], { dtype: 'float64' });

  const [dp] = grad(binaryCrossEntropy(p, t, { reduction: 'sum' }), p);

  // Expected: PyTorch's (p - t) / max(p (1 - p), 1e-12), computed here in
  // plain JS: 0 where p = t, ∓1e12 where the prediction is certain and
  // wrong.
  const want = [0, 0, 1, 1].map(
    (v, i) => (v - [0, 1, 0, 1][i]!) / Math.max(v * (1 - v), 1e-12),
  );
  assertClose(dp!, { shape: [4], values: want }, FLOAT64);
});

bce('has gradient (p - t) / (p (1 - p) N) for mean on [2, 2]', () => {
  const p = tensor(
    [
      [0.2, 0.5],
      [0.9, 0.6],
    ],
    { dtype: 'float64', requiresGrad: true },
  );
  const t = tensor(
    [
      [0, 1],
      [1, 0.5],
    ],
    { dtype: 'float64' },
  );
  const ps = [0.2, 0.5, 0.9, 0.6];
  const ts = [0, 1, 1, 0.5];

  const [dp] = grad(binaryCrossEntropy(p, t), p);

  // Expected: d/dp of -(t ln p + (1 - t) ln(1 - p)), divided by N = 4,
  // computed in plain JS.
  const want = ps.map((v, i) => (v - ts[i]!) / (v * (1 - v)) / 4);
  assertClose(dp!, { shape: [2, 2], values: want }, FLOAT64);
});

bce('gives a float32 loss for float32 inputs [3]', () => {
  const p = tensor([0.25, 0.5, 0.75]);
  const t = tensor([1, 0, 1]);

  const out = binaryCrossEntropy(p, t, { reduction: 'sum' });

  // Expected: -(ln 0.25 + ln 0.5 + ln 0.75), in plain JS.
  assert.is(out.dtype, 'float32');
  const want = -(Math.log(0.25) + Math.log(0.5) + Math.log(0.75));
  assertClose(out, { shape: [], values: [want] }, FLOAT32);
});

for (const shape of [[5], [2, 3]]) {
  bce(
    `gradcheck: probabilities and targets ${JSON.stringify(shape)}, every reduction`,
    () => {
      const weight = uniform(shape, 40, 0.5, 2);
      let seed = 40;
      for (const options of [{}, { weight }]) {
        for (const reduction of REDUCTIONS) {
          seed++;
          // Both are inputs: the loss is differentiable in the targets too.
          assertGradcheck(
            (p, t) => binaryCrossEntropy(p, t, { ...options, reduction }),
            [uniform(shape, seed, 0.1, 0.9), uniform(shape, seed + 100)],
            `${'weight' in options ? 'weight' : 'plain'}, ${reduction}`,
          );
        }
      }
    },
  );
}

bce('rejects a probability 1.5 at position [1] and NaN at [2]', () => {
  assertThrows(
    () => binaryCrossEntropy(tensor([0.5, 1.5, 0]), tensor([1, 1, 0])),
    RangeError,
    'binaryCrossEntropy: input must hold probabilities in [0, 1], got 1.5 at position [1]',
    'binaryCrossEntropyWithLogits',
  );
  assertThrows(
    () => binaryCrossEntropy(tensor([0.5, 0.5, NaN]), tensor([1, 1, 0])),
    RangeError,
    'got NaN at position [2]',
  );
});

bce('rejects target [4] for input [4, 1]: never broadcast', () => {
  assertThrows(
    () => binaryCrossEntropy(zeros([4, 1]), zeros([4])),
    ShapeError,
    "binaryCrossEntropy: target must have the input's shape [4, 1], got [4]",
    'Losses never broadcast',
  );
});

bce(
  'rejects weight [4, 1] for input [4], which would grow the loss to [4, 4]',
  () => {
    assertThrows(
      () =>
        binaryCrossEntropy(zeros([4]), zeros([4]), { weight: zeros([4, 1]) }),
      ShapeError,
      "binaryCrossEntropy: weight must broadcast to the input's shape [4], got [4, 1]",
    );
    assertThrows(
      () =>
        binaryCrossEntropy(zeros([2, 4]), zeros([2, 4]), {
          weight: zeros([3]),
        }),
      ShapeError,
      "weight must broadcast to the input's shape [2, 4], got [3]",
    );
  },
);

bce('rejects int32 input or target', () => {
  assertThrows(
    () => binaryCrossEntropy(zeros([2], { dtype: 'int32' }), zeros([2])),
    DTypeError,
    'binaryCrossEntropy: expected a float32 or float64 tensor, got int32',
  );
  assertThrows(
    () => binaryCrossEntropy(zeros([2]), zeros([2], { dtype: 'int32' })),
    DTypeError,
    'got int32',
  );
});

bce.run();

const bcel = suite('binaryCrossEntropyWithLogits');

bcel('matches plain JS on [3, 4] under every reduction', () => {
  const x = normal([3, 4], 1).mul(3);
  const t = uniform([3, 4], 2);
  const ts = t.values();
  // Expected: jsBceLogits of each element, reduced in plain JS.
  const losses = Array.from(x.values(), (v, i) => jsBceLogits(v, ts[i]!));

  for (const reduction of REDUCTIONS) {
    const want = {
      shape: reduction === 'none' ? [3, 4] : [],
      values: jsReduce(losses, reduction),
    };
    assertClose(
      binaryCrossEntropyWithLogits(x, t, { reduction }),
      want,
      FLOAT64,
      reduction,
    );
  }
});

bcel('defaults to reduction mean', () => {
  const x = tensor([0, 2], { dtype: 'float64' });
  const t = tensor([1, 0], { dtype: 'float64' });
  // Expected: the mean of ln 2 (σ(0) = 1/2) and softplus(2), in plain JS.
  const want = (Math.log(2) + Math.log1p(Math.exp(2))) / 2;

  assertClose(
    binaryCrossEntropyWithLogits(x, t),
    { shape: [], values: [want] },
    FLOAT64,
  );
});

bcel('is finite for logits ±1e3: 1000 for logit -1000 with target 1', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    const x = tensor([1000, -1000, 1000, -1000], { dtype, requiresGrad: true });
    const t = tensor([1, 1, 0, 0], { dtype });

    const out = binaryCrossEntropyWithLogits(x, t, { reduction: 'none' });
    const [dx] = grad(out, x, { gradOutputs: [onesLike(out)] });

    // Expected: softplus(-x) for t = 1 and softplus(x) for t = 0, where
    // softplus(1000) = 1000 and softplus(-1000) = ln(1 + e^-1000) = 0; the
    // gradient σ(x) - t is then [0, -1, 1, 0].
    const tolerance = dtype === 'float64' ? FLOAT64 : FLOAT32;
    assertClose(
      out,
      { shape: [4], values: [0, 1000, 1000, 0] },
      tolerance,
      dtype,
    );
    assertClose(
      dx!,
      { shape: [4], values: [0, -1, 1, 0] },
      tolerance,
      `${dtype} gradient`,
    );
  }
});

bcel('has gradient (σ(0) - t) / N = (0.5 - t) / 4 at logits exactly 0', () => {
  const x = zeros([4], { dtype: 'float64', requiresGrad: true });
  const t = tensor([0, 1, 0.25, 1], { dtype: 'float64' });

  const [dx] = grad(binaryCrossEntropyWithLogits(x, t), x);

  // Expected: (0.5 - t) / 4 for t = [0, 1, 0.25, 1], by hand.
  assertClose(
    dx!,
    { shape: [4], values: [0.125, -0.125, 0.0625, -0.125] },
    FLOAT64,
  );
});

bcel(
  'applies posWeight [4] per class and weight [3, 4] as plain JS does',
  () => {
    const x = normal([3, 4], 3).mul(2);
    const t = uniform([3, 4], 4);
    const posWeight = uniform([4], 5, 0.5, 3);
    const weight = uniform([3, 4], 6, 0.5, 2);
    const ts = t.values();
    const pw = posWeight.values();
    const w = weight.values();
    // Expected: w · jsBceLogits with the class's posWeight, in plain JS.
    const withPos = Array.from(x.values(), (v, i) =>
      jsBceLogits(v, ts[i]!, pw[i % 4]!),
    );
    const withBoth = withPos.map((loss, i) => w[i]! * loss);

    for (const reduction of REDUCTIONS) {
      const shape = reduction === 'none' ? [3, 4] : [];
      const onlyPos = binaryCrossEntropyWithLogits(x, t, {
        reduction,
        posWeight,
      });
      const both = binaryCrossEntropyWithLogits(x, t, {
        reduction,
        posWeight,
        weight,
      });
      assertClose(
        onlyPos,
        { shape, values: jsReduce(withPos, reduction) },
        FLOAT64,
        reduction,
      );
      assertClose(
        both,
        { shape, values: jsReduce(withBoth, reduction) },
        FLOAT64,
        reduction,
      );
    }
  },
);

bcel('with posWeight 1 equals the loss without it', () => {
  const x = normal([2, 3], 7);
  const t = uniform([2, 3], 8);

  const out = binaryCrossEntropyWithLogits(x, t, {
    posWeight: tensor([1, 1, 1]),
  });

  assertClose(out, binaryCrossEntropyWithLogits(x, t), FLOAT64);
});

for (const shape of [[5], [2, 3]]) {
  bcel(
    `gradcheck: logits and targets ${JSON.stringify(shape)}, every option and reduction`,
    () => {
      const classes = shape[shape.length - 1]!;
      const posWeight = uniform([classes], 50, 0.5, 3);
      const weight = uniform(shape, 51, 0.5, 2);
      const variants = [{}, { posWeight }, { weight }, { posWeight, weight }];
      let seed = 50;
      for (const options of variants) {
        for (const reduction of REDUCTIONS) {
          seed++;
          // Both are inputs: the loss is differentiable in the targets too.
          assertGradcheck(
            (x, t) =>
              binaryCrossEntropyWithLogits(x, t, { ...options, reduction }),
            [normal(shape, seed).mul(3), uniform(shape, seed + 100)],
            `${Object.keys(options).join(' and ') || 'plain'}, ${reduction}`,
          );
        }
      }
    },
  );
}

bcel('rejects target [4] for input [4, 1]: never broadcast', () => {
  assertThrows(
    () => binaryCrossEntropyWithLogits(zeros([4, 1]), zeros([4])),
    ShapeError,
    "binaryCrossEntropyWithLogits: target must have the input's shape [4, 1], got [4]",
    'Losses never broadcast',
  );
});

bcel('rejects posWeight [3] and weight [2, 1, 4] for input [2, 4]', () => {
  assertThrows(
    () =>
      binaryCrossEntropyWithLogits(zeros([2, 4]), zeros([2, 4]), {
        posWeight: zeros([3]),
      }),
    ShapeError,
    "binaryCrossEntropyWithLogits: posWeight must broadcast to the input's shape [2, 4], got [3]",
  );
  assertThrows(
    () =>
      binaryCrossEntropyWithLogits(zeros([2, 4]), zeros([2, 4]), {
        weight: zeros([2, 1, 4]),
      }),
    ShapeError,
    "weight must broadcast to the input's shape [2, 4], got [2, 1, 4]",
  );
});

bcel('rejects int32 logits or target', () => {
  assertThrows(
    () =>
      binaryCrossEntropyWithLogits(zeros([2], { dtype: 'int32' }), zeros([2])),
    DTypeError,
    'binaryCrossEntropyWithLogits: expected a float32 or float64 tensor, got int32',
  );
  assertThrows(
    () =>
      binaryCrossEntropyWithLogits(zeros([2]), zeros([2], { dtype: 'int32' })),
    DTypeError,
    'got int32',
  );
});

bcel.run();
