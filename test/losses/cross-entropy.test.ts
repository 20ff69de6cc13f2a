import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  Generator,
  NotSupportedError,
  ShapeError,
  crossEntropy,
  grad,
  logSoftmax,
  nllLoss,
  rand,
  randint,
  tensor,
  zeros,
  type CrossEntropyOptions,
  type Reduction,
  type Tensor,
} from '../../src/index.js';
import { sizeOf } from '../../src/tensor/shape.js';
import {
  FLOAT32,
  FLOAT64,
  assertClose,
  assertThrows,
} from '../helpers/assert-close.js';
import { assertGradcheck } from '../helpers/gradcheck.js';
import { normal } from '../helpers/inputs.js';

const REDUCTIONS: Reduction[] = ['none', 'mean', 'sum'];

/** Seeded class probabilities of `shape`: positive, summing to 1 over dim 1. */
function probabilities(shape: number[], seed: number): Tensor {
  const raw = rand(shape, {
    generator: new Generator(seed),
    dtype: 'float64',
  }).add(0.1);
  const values = normalizeOverClasses(Array.from(raw.values()), shape);
  return tensor(values, { dtype: 'float64', shape });
}

/** How a (C), (N, C) or (N, C, d1..) shape splits around the class dim. */
function layout(shape: readonly number[]): {
  outer: number;
  classes: number;
  inner: number;
} {
  if (shape.length === 1) return { outer: 1, classes: shape[0]!, inner: 1 };
  const inner = sizeOf(shape.slice(2));
  return { outer: shape[0]!, classes: shape[1]!, inner };
}

/** Flat row-major position of (n, c, j) in a (N, C, inner) layout. */
function at(
  n: number,
  c: number,
  j: number,
  classes: number,
  inner: number,
): number {
  return (n * classes + c) * inner + j;
}

/** Plain-JS scaling of `v` so each class slice sums to 1. */
function normalizeOverClasses(v: number[], shape: number[]): number[] {
  const { outer, classes, inner } = layout(shape);
  const out = v.slice();
  for (let n = 0; n < outer; n++) {
    for (let j = 0; j < inner; j++) {
      let total = 0;
      for (let c = 0; c < classes; c++)
        total += v[at(n, c, j, classes, inner)]!;
      for (let c = 0; c < classes; c++)
        out[at(n, c, j, classes, inner)]! /= total;
    }
  }
  return out;
}

/** Plain-JS log softmax over the class dim: x - (m + log Σ exp(x - m)). */
function jsLogSoftmax(
  x: ArrayLike<number>,
  shape: readonly number[],
): number[] {
  const { outer, classes, inner } = layout(shape);
  const out = new Array<number>(x.length);
  for (let n = 0; n < outer; n++) {
    for (let j = 0; j < inner; j++) {
      let m = -Infinity;
      for (let c = 0; c < classes; c++)
        m = Math.max(m, x[at(n, c, j, classes, inner)]!);
      let total = 0;
      for (let c = 0; c < classes; c++)
        total += Math.exp(x[at(n, c, j, classes, inner)]! - m);
      const lse = m + Math.log(total);
      for (let c = 0; c < classes; c++) {
        const i = at(n, c, j, classes, inner);
        out[i] = x[i]! - lse;
      }
    }
  }
  return out;
}

/**
 * Plain-JS per-element loss against class probabilities `q`, with class
 * weights `w`: -Σ_c w_c q_c log softmax(x)_c.
 */
function jsSoftLoss(x: Tensor, q: ArrayLike<number>, w?: number[]): number[] {
  const { outer, classes, inner } = layout(x.shape);
  const logp = jsLogSoftmax(x.values(), x.shape);
  const out: number[] = [];
  for (let n = 0; n < outer; n++) {
    for (let j = 0; j < inner; j++) {
      let total = 0;
      for (let c = 0; c < classes; c++) {
        const i = at(n, c, j, classes, inner);
        total -= (w?.[c] ?? 1) * q[i]! * logp[i]!;
      }
      out.push(total);
    }
  }
  return out;
}

/** A plain-JS reduction of per-element losses. */
function jsReduce(losses: number[], reduction: Reduction): number[] {
  const total = losses.reduce((a, b) => a + b, 0);
  if (reduction === 'none') return losses;
  return [reduction === 'sum' ? total : total / losses.length];
}

/** The output shape of a reduction over per-element `shape`. */
function reducedShape(shape: number[], reduction: Reduction): number[] {
  return reduction === 'none' ? shape : [];
}

const ce = suite('crossEntropy');

for (const shape of [
  [4, 5],
  [2, 3, 4],
]) {
  ce(
    `equals nllLoss(logSoftmax(x, 1), t) for index targets, ${JSON.stringify(shape)}`,
    () => {
      const x = normal(shape, 1);
      const t = randint(0, shape[1]!, [shape[0]!, ...shape.slice(2)], {
        generator: new Generator(2),
      });

      for (const reduction of REDUCTIONS) {
        const want = nllLoss(logSoftmax(x, 1), t, { reduction });
        assertClose(
          crossEntropy(x, t, { reduction }),
          want,
          FLOAT64,
          reduction,
        );
      }
    },
  );
}

ce(
  'gives -log softmax(x)[t] for logits [3, 4], as plain JS computes it',
  () => {
    const x = normal([3, 4], 3);
    const labels = [3, 0, 2];
    const logp = jsLogSoftmax(x.values(), [3, 4]);
    // Expected: minus the plain-JS log-softmax at each target.
    const want = labels.map((t, n) => -logp[n * 4 + t]!);

    const out = crossEntropy(x, labels, { reduction: 'none' });

    assertClose(out, { shape: [3], values: want }, FLOAT64);
  },
);

ce(
  'defaults to reduction mean: a scalar, the mean of the per-element losses',
  () => {
    const x = normal([4, 3], 4);
    const labels = [0, 2, 1, 1];
    const logp = jsLogSoftmax(x.values(), [4, 3]);
    // Expected: the plain-JS mean of -log softmax(x)[t].
    const mean = labels.reduce((sum, t, n) => sum - logp[n * 3 + t]!, 0) / 4;

    assertClose(
      crossEntropy(x, labels),
      { shape: [], values: [mean] },
      FLOAT64,
    );
  },
);

ce('takes logits (C) = [4] with a scalar target', () => {
  const x = normal([4], 5);
  // Expected: the plain-JS -log softmax(x)[2].
  const want = -jsLogSoftmax(x.values(), [4])[2]!;

  assertClose(crossEntropy(x, 2), { shape: [], values: [want] }, FLOAT64);
});

ce(
  'is finite for logits near 1e3 and equals the loss of logits shifted by -1000',
  () => {
    const rows = [
      [1000, 1001, 999.5],
      [1002, 1000, 1000.5],
      [999, 1003, 1001],
    ];
    const labels = [1, 0, 2];
    // The same logits minus 1000, built in plain JS: softmax does not
    // change under a shift, so the losses must agree. Their losses are also
    // computed in plain JS, where small logits need no care.
    const shifted = rows.map((row) => row.map((v) => v - 1000));
    const logp = jsLogSoftmax(shifted.flat(), [3, 3]);
    const plain = {
      shape: [3],
      values: labels.map((t, n) => -logp[n * 3 + t]!),
    };

    for (const dtype of ['float64', 'float32'] as const) {
      const x = tensor(rows, { dtype, requiresGrad: true });
      const out = crossEntropy(x, labels, { reduction: 'none' });
      const [dx] = grad(out.sum(), x);

      const want = crossEntropy(tensor(shifted, { dtype }), labels, {
        reduction: 'none',
      });
      assert.ok(
        out.values().every(Number.isFinite),
        `${dtype}: ${out.toString()}`,
      );
      assert.ok(dx!.values().every(Number.isFinite), `${dtype} gradient`);
      assertClose(out, want, dtype === 'float64' ? FLOAT64 : FLOAT32, dtype);
      assertClose(
        out,
        plain,
        dtype === 'float64' ? FLOAT64 : FLOAT32,
        `${dtype}, plain JS`,
      );
    }
  },
);

ce('gives 2000 for logits [1000, -1000, 0] with target 1', () => {
  const x = tensor([[1000, -1000, 0]], {
    dtype: 'float64',
    requiresGrad: true,
  });

  const out = crossEntropy(x, [1]);
  const [dx] = grad(out, x);

  // Expected: logsumexp = 1000 + log(1 + e^-1000 + e^-2000), which is 1000
  // in float64, minus the target logit -1000. The gradient is softmax
  // minus one-hot: [1, 0, 0] - [0, 1, 0].
  assertClose(out, { shape: [], values: [2000] }, FLOAT64);
  assertClose(dx!, { shape: [1, 3], values: [1, -1, 0] }, FLOAT64);
});

for (const shape of [
  [4, 3],
  [2, 3, 2],
]) {
  ce(
    `matches plain-JS -Σ p·log softmax for probability targets ${JSON.stringify(shape)}`,
    () => {
      const x = normal(shape, 6);
      const p = probabilities(shape, 7);
      const perElement = [shape[0]!, ...shape.slice(2)];
      // Expected: jsSoftLoss, reduced in plain JS (the mean divides by N·d1).
      const losses = jsSoftLoss(x, p.values());

      for (const reduction of REDUCTIONS) {
        const want = {
          shape: reducedShape(perElement, reduction),
          values: jsReduce(losses, reduction),
        };
        assertClose(
          crossEntropy(x, p, { reduction }),
          want,
          FLOAT64,
          reduction,
        );
      }
    },
  );
}

ce(
  'weights probability targets [4, 3] per class, the mean still over N',
  () => {
    const x = normal([4, 3], 8);
    const p = probabilities([4, 3], 9);
    const w = [0.5, 2, 1.5];
    // Expected: -Σ w_c p_c log softmax(x)_c in plain JS; PyTorch divides
    // the mean by N for probability targets, not by a total weight.
    const losses = jsSoftLoss(x, p.values(), w);
    const weight = tensor(w, { dtype: 'float64' });

    for (const reduction of REDUCTIONS) {
      const want = {
        shape: reducedShape([4], reduction),
        values: jsReduce(losses, reduction),
      };
      assertClose(
        crossEntropy(x, p, { reduction, weight }),
        want,
        FLOAT64,
        reduction,
      );
    }
  },
);

ce('smooths probability targets [4, 3]: (1 - s) p + s / C, s = 0.2', () => {
  const x = normal([4, 3], 10);
  const p = probabilities([4, 3], 11);
  // Expected: the smoothed targets mixed in plain JS, then jsSoftLoss.
  const q = Array.from(p.values(), (v) => 0.8 * v + 0.2 / 3);
  const losses = jsSoftLoss(x, q);

  for (const reduction of REDUCTIONS) {
    const want = {
      shape: reducedShape([4], reduction),
      values: jsReduce(losses, reduction),
    };
    const out = crossEntropy(x, p, { reduction, labelSmoothing: 0.2 });
    assertClose(out, want, FLOAT64, reduction);
  }
});

ce(
  'smooths index targets [4] of logits [4, 5], s = 0.1, as plain JS does',
  () => {
    const x = normal([4, 5], 12);
    const labels = [4, 0, 2, 2];
    // Expected: the one-hot target mixed with the uniform one, in plain JS:
    // q = 0.9 · onehot + 0.1 / 5, then jsSoftLoss.
    const q = labels.flatMap((t) =>
      [0, 1, 2, 3, 4].map((c) => 0.9 * (c === t ? 1 : 0) + 0.02),
    );
    const losses = jsSoftLoss(x, q);

    for (const reduction of REDUCTIONS) {
      const want = {
        shape: reducedShape([4], reduction),
        values: jsReduce(losses, reduction),
      };
      const out = crossEntropy(x, labels, { reduction, labelSmoothing: 0.1 });
      assertClose(out, want, FLOAT64, reduction);
    }
  },
);

ce(
  'labelSmoothing 1 of index targets [3] gives the loss of the uniform target',
  () => {
    const x = normal([3, 4], 13);
    // Expected: -Σ_c (1/4) log softmax(x)_c per row, in plain JS.
    const losses = jsSoftLoss(x, new Array(12).fill(0.25));

    const out = crossEntropy(x, [0, 1, 2], {
      reduction: 'none',
      labelSmoothing: 1,
    });

    assertClose(out, { shape: [3], values: losses }, FLOAT64);
  },
);

// Index targets: every rank, with and without weight, ignoreIndex and
// labelSmoothing, under every reduction.
const INDEX_SHAPES: { input: number[]; target: number[] }[] = [
  { input: [5], target: [] },
  { input: [4, 5], target: [4] },
  { input: [2, 3, 2], target: [2, 2] },
];

for (const { input, target } of INDEX_SHAPES) {
  const classes = input.length === 1 ? input[0]! : input[1]!;
  const weight = rand([classes], {
    generator: new Generator(20),
    dtype: 'float64',
  }).add(0.5);
  const variants: {
    name: string;
    options: CrossEntropyOptions;
    ignore?: number;
  }[] = [
    { name: 'plain', options: {} },
    { name: 'weight', options: { weight } },
    { name: 'ignoreIndex -1', options: { ignoreIndex: -1 }, ignore: -1 },
    { name: 'labelSmoothing 0.1', options: { labelSmoothing: 0.1 } },
    {
      name: 'weight, ignoreIndex and labelSmoothing 0.3',
      options: { weight, ignoreIndex: -100, labelSmoothing: 0.3 },
      ignore: -100,
    },
    {
      name: 'ignoreIndex and labelSmoothing 0.2',
      options: { labelSmoothing: 0.2 },
      ignore: -100,
    },
  ];
  const shapes = `logits ${JSON.stringify(input)}, target ${JSON.stringify(target)}`;
  ce(`gradcheck: index targets, ${shapes}, every option and reduction`, () => {
    let seed = 200;
    for (const variant of variants) {
      for (const reduction of REDUCTIONS) {
        seed++;
        const t = randint(0, classes, target, {
          generator: new Generator(seed),
        });
        // Every third element from the second on is ignored.
        for (let e = 1; e < t.size && variant.ignore !== undefined; e += 3) {
          t.nd.data[e] = variant.ignore;
        }
        assertGradcheck(
          (x) => crossEntropy(x, t, { ...variant.options, reduction }),
          [normal(input, seed), t],
          `${variant.name}, ${reduction}`,
        );
      }
    }
  });
}

for (const shape of [[3, 4], [2, 3, 2], [4]]) {
  ce(
    `gradcheck: probability targets ${JSON.stringify(shape)}, logits and targets`,
    () => {
      const classes = shape.length === 1 ? shape[0]! : shape[1]!;
      const weight = rand([classes], {
        generator: new Generator(30),
        dtype: 'float64',
      }).add(0.5);
      const variants: CrossEntropyOptions[] = [
        {},
        { weight },
        { labelSmoothing: 0.25 },
      ];
      let seed = 300;
      for (const options of variants) {
        for (const reduction of REDUCTIONS) {
          seed++;
          // Both are inputs: the loss is differentiable in the targets too.
          assertGradcheck(
            (x, p) => crossEntropy(x, p, { ...options, reduction }),
            [normal(shape, seed), probabilities(shape, seed + 1000)],
            `${JSON.stringify(options)}, ${reduction}`,
          );
        }
      }
    },
  );
}

ce('rejects probability targets [4, 5] for logits [4, 3]', () => {
  assertThrows(
    () => crossEntropy(zeros([4, 3]), zeros([4, 5])),
    ShapeError,
    "crossEntropy: probability targets must have the logits' shape [4, 3], got [4, 5]",
    'For class indices, pass an int32 tensor of shape [4]',
  );
});

ce('rejects a weight [2] with probability targets [4, 3]', () => {
  assertThrows(
    () => crossEntropy(zeros([4, 3]), zeros([4, 3]), { weight: zeros([2]) }),
    ShapeError,
    'crossEntropy: weight must have shape [3] (one per class), got [2]',
  );
});

ce('rejects labelSmoothing -0.1, 1.5 and NaN', () => {
  for (const labelSmoothing of [-0.1, 1.5, NaN]) {
    assertThrows(
      () => crossEntropy(zeros([2, 3]), [0, 1], { labelSmoothing }),
      RangeError,
      `crossEntropy: labelSmoothing must lie in [0, 1], got ${labelSmoothing}`,
    );
  }
});

ce('rejects rank-0 logits', () => {
  assertThrows(
    () => crossEntropy(tensor(1.5), 0),
    ShapeError,
    'crossEntropy: logits must have shape (C), (N, C) or (N, C, d1, ..., dK)',
    'got a rank-0 tensor []',
  );
});

ce('rejects int32 logits [2, 3]', () => {
  assertThrows(
    () => crossEntropy(zeros([2, 3], { dtype: 'int32' }), [0, 1]),
    DTypeError,
    'crossEntropy: expected a float32 or float64 tensor, got int32',
  );
});

ce(
  'names itself in the errors about index targets [3] for logits [2, 3]',
  () => {
    assertThrows(
      () => crossEntropy(zeros([2, 3]), [0, 1, 2]),
      ShapeError,
      'crossEntropy: target must have shape [2] (input [2, 3] without C), got [3]',
    );
    assertThrows(
      () => crossEntropy(zeros([2, 3]), [0, 3]),
      RangeError,
      'crossEntropy: target 3 at position [1] is out of range for 3 classes',
    );
    assertThrows(
      () => crossEntropy(zeros([2, 3]), [0, 1], { weight: zeros([4]) }),
      ShapeError,
      'crossEntropy: weight must have shape [3]',
    );
  },
);

ce('rejects a weight that requires grad with index targets, as PyTorch', () => {
  const weight = tensor([1, 2, 3], { requiresGrad: true });

  assertThrows(
    () => crossEntropy(zeros([2, 3]), [0, 1], { weight, labelSmoothing: 0.1 }),
    NotSupportedError,
    'crossEntropy: a weight that requires grad is not supported',
  );
});

ce('rejects a weight that requires grad with probability targets too', () => {
  const weight = tensor([1, 2, 3], { requiresGrad: true });

  // One check for both kinds of target, as nllLoss makes it.
  assertThrows(
    () => crossEntropy(zeros([2, 3]), zeros([2, 3]), { weight }),
    NotSupportedError,
    'crossEntropy: a weight that requires grad is not supported',
    'weight.detach()',
  );
});

ce('rejects a weight that is not a Tensor, with either kind of target', () => {
  const bad = [
    { weight: [1, 2, 3], got: 'got an array' },
    { weight: 2, got: 'got the number 2' },
  ];
  for (const { weight, got } of bad) {
    const options = { weight } as unknown as CrossEntropyOptions;
    for (const target of [zeros([2, 3]), [0, 1]]) {
      assertThrows(
        () => crossEntropy(zeros([2, 3]), target, options),
        DTypeError,
        'crossEntropy: weight must be a Tensor of shape [3] (one weight per ' +
          'class)',
        got,
        'tensor(...)',
      );
    }
  }
});

ce('rejects ignoreIndex 0 or more with probability targets [2, 3]', () => {
  // PyTorch: "ignore_index is not supported for floating point target";
  // it checks ignore_index < 0, so negative values pass there too.
  for (const ignoreIndex of [0, 2]) {
    assertThrows(
      () => crossEntropy(zeros([2, 3]), zeros([2, 3]), { ignoreIndex }),
      NotSupportedError,
      'crossEntropy: ignoreIndex is not supported with probability targets',
      `got ignoreIndex ${ignoreIndex}`,
      'an int32 tensor of shape [2]',
    );
  }
  const x = normal([2, 3], 16);
  const p = probabilities([2, 3], 17);
  assertClose(
    crossEntropy(x, p, { ignoreIndex: -1 }),
    crossEntropy(x, p),
    FLOAT64,
  );
});

ce(
  'gives the logits dtype float32 with a float64 weight, smoothed or not',
  () => {
    const x = normal([3, 4], 18).to('float32');
    const weight = tensor([0.5, 1, 1.5, 2], { dtype: 'float64' });
    const p = probabilities([3, 4], 19).to('float32');

    for (const labelSmoothing of [0, 0.1]) {
      for (const target of [[0, 3, 1], p]) {
        const out = crossEntropy(x, target, { weight, labelSmoothing });
        assert.is(out.dtype, 'float32', `labelSmoothing ${labelSmoothing}`);
      }
    }
  },
);

ce(
  'divides the smoothing term by the elements kept: unweighted mean, s = 0.2',
  () => {
    const x = normal([4, 3], 21);
    const labels = [2, -100, 0, 1];
    const kept = [0, 2, 3];
    // Expected, as current PyTorch: the mean over the 3 kept rows of the
    // loss against q = 0.8 · onehot + 0.2 / 3, in plain JS (jsSoftLoss).
    // Dividing the smoothing part by all 4 rows was PyTorch's old quirk.
    const q = labels.flatMap((t) =>
      [0, 1, 2].map((c) => 0.8 * (c === t ? 1 : 0) + 0.2 / 3),
    );
    const losses = jsSoftLoss(x, q);
    const want = kept.reduce((a, n) => a + losses[n]!, 0) / kept.length;

    const out = crossEntropy(x, labels, { labelSmoothing: 0.2 });

    assertClose(out, { shape: [], values: [want] }, FLOAT64);
  },
);

ce(
  'says probabilities need a float tensor for a one-hot or nested target',
  () => {
    const oneHot = [
      [0, 1, 0],
      [1, 0, 0],
    ];
    const soft = [
      [0.2, 0.8, 0],
      [0.5, 0.25, 0.25],
    ];
    for (const target of [oneHot, soft]) {
      assertThrows(
        () => crossEntropy(zeros([2, 3]), target),
        ShapeError,
        "crossEntropy: a target of the logits' rank 2 (logits [2, 3]) holds " +
          'class probabilities',
        "must be a float tensor of the logits' shape; got nested arrays",
        'pass tensor(target)',
        'for class indices, give shape [2]',
      );
    }
    assertThrows(
      () => crossEntropy(zeros([2, 3]), tensor(oneHot, { dtype: 'int32' })),
      ShapeError,
      'got an int32 tensor of shape [2, 3]',
      "target.to('float32')",
      'argmax over dim 1',
    );
  },
);

ce('names logits when they are not a Tensor', () => {
  assertThrows(
    () => crossEntropy(3 as unknown as Tensor, 0),
    DTypeError,
    'crossEntropy: logits must be a Tensor of raw scores, shape (C), (N, C) ' +
      'or (N, C, d1, ..., dK), got the number 3',
  );
});

ce('takes null options as the defaults', () => {
  const x = normal([2, 3], 22);
  assertClose(crossEntropy(x, [0, 2], null), crossEntropy(x, [0, 2]), FLOAT64);
});

ce.run();
