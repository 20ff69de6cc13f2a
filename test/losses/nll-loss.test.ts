import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  Generator,
  NotSupportedError,
  ShapeError,
  formatShape,
  grad,
  log,
  logSoftmax,
  narrow,
  nllLoss,
  noGrad,
  onesLike,
  rand,
  randint,
  randn,
  tensor,
  transpose,
  zeros,
  type NllLossOptions,
  type Reduction,
  type Tensor,
} from '../../src/index.js';
import { observeAllocations } from '../../src/tensor/dtype.js';
import {
  FLOAT32,
  FLOAT64,
  assertClose,
  assertThrows,
} from '../helpers/assert-close.js';
import { assertGradcheck } from '../helpers/gradcheck.js';
import { normal } from '../helpers/inputs.js';

const REDUCTIONS: Reduction[] = ['none', 'mean', 'sum'];

/** The message `fn` throws (fails when it throws nothing). */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  assert.unreachable('expected an error, but nothing was thrown');
  return '';
}

const nll = suite('nllLoss');

// braintools documents nll_loss with these two examples. The losses are
// minus the log-probability of the target class: -ln 0.7 for class 1 of
// [0.1, 0.7, 0.2], and -ln 0.4 for class 2 of [0.3, 0.3, 0.4]. The
// expected values are computed with Math.log below; 0.3567 and 0.9163 are
// the four-decimal values braintools prints.
nll(
  'braintools example: log([0.1, 0.7, 0.2]) (C = 3) with target 1 gives 0.3567',
  () => {
    const out = nllLoss(log(tensor([0.1, 0.7, 0.2])), 1);

    assertClose(out, { shape: [], values: [-Math.log(0.7)] }, FLOAT32);
    assert.ok(Math.abs(out.item() - 0.3567) < 5e-5, `got ${out.item()}`);
  },
);

nll(
  'braintools example: log of [2, 3] with targets [1, 2] gives [0.3567, 0.9163]',
  () => {
    const input = log(
      tensor([
        [0.1, 0.7, 0.2],
        [0.3, 0.3, 0.4],
      ]),
    );

    const out = nllLoss(input, [1, 2]);

    assertClose(
      out,
      { shape: [2], values: [-Math.log(0.7), -Math.log(0.4)] },
      FLOAT32,
    );
    const [a, b] = out.values();
    assert.ok(Math.abs(a! - 0.3567) < 5e-5, `got ${a}`);
    assert.ok(Math.abs(b! - 0.9163) < 5e-5, `got ${b}`);
  },
);

// Shapes of every input rank the loss takes: (C), (N, C), (N, C, d1) and
// (N, C, d1, d2), each with its target shape.
const RANKS: { input: number[]; target: number[] }[] = [
  { input: [5], target: [] },
  { input: [4, 5], target: [4] },
  { input: [3, 4, 2], target: [3, 2] },
  { input: [2, 3, 2, 2], target: [2, 2, 2] },
];

/**
 * Seeded targets in [0, C); with `ignoreIndex`, every third element (from
 * the second on) is replaced by it, so at least one element is kept.
 */
function targetsFor(
  inputShape: number[],
  targetShape: number[],
  seed: number,
  ignoreIndex?: number,
): Tensor {
  const classes = inputShape.length === 1 ? inputShape[0]! : inputShape[1]!;
  const t = randint(0, classes, targetShape, {
    generator: new Generator(seed),
  });
  if (ignoreIndex !== undefined) {
    const data = t.nd.data;
    for (let e = 1; e < data.length; e += 3) data[e] = ignoreIndex;
  }
  return t;
}

/** Seeded class weights in [0.5, 1.5). */
function weightsFor(classes: number, seed: number): Tensor {
  return rand([classes], {
    generator: new Generator(seed),
    dtype: 'float64',
  }).add(0.5);
}

for (const { input, target } of RANKS) {
  const classes = input.length === 1 ? input[0]! : input[1]!;
  const shapes = `input ${JSON.stringify(input)}, target ${JSON.stringify(target)}`;
  // A non-default ignoreIndex of -1 for one variant, a class index (0)
  // that is still a legal label for another: both must be skipped.
  const variants: { name: string; options: NllLossOptions; ignore?: number }[] =
    [
      { name: 'plain', options: {} },
      { name: 'weight', options: { weight: weightsFor(classes, 11) } },
      { name: 'default ignoreIndex', options: {}, ignore: -100 },
      { name: 'ignoreIndex -1', options: { ignoreIndex: -1 }, ignore: -1 },
      {
        name: 'ignoreIndex 0 and weight',
        options: { ignoreIndex: 0, weight: weightsFor(classes, 12) },
        ignore: 0,
      },
    ];
  nll(
    `gradcheck: ${shapes}, plain, weight and ignoreIndex, every reduction`,
    () => {
      let seed = 100;
      for (const variant of variants) {
        for (const reduction of REDUCTIONS) {
          seed++;
          const x = normal(input, seed);
          const t = targetsFor(input, target, seed, variant.ignore);
          assertGradcheck(
            (xs) => nllLoss(xs, t, { ...variant.options, reduction }),
            [x, t],
            `${variant.name}, ${reduction}`,
          );
        }
      }
    },
  );
}

nll(
  'gradcheck: inputs [3, 4] and (C) = [4] with every target ignored, sum and none',
  () => {
    const t = tensor([-100, -100, -100], { dtype: 'int32' });
    const one = tensor(-100, { dtype: 'int32' });
    for (const reduction of ['none', 'sum'] as const) {
      assertGradcheck(
        (x) => nllLoss(x, t, { reduction }),
        [normal([3, 4], 7), t],
        reduction,
      );
      assertGradcheck(
        (x) => nllLoss(x, one, { reduction }),
        [normal([4], 8), one],
        reduction,
      );
    }
  },
);

// The scatter test. Every tensor's storage is requested from `allocate` in
// src/tensor/dtype.ts, and `observeAllocations` reports the size of each
// request, so the observer sees every tensor the loss makes, in the
// forward and in the node's own backward. `grad` (not `backward`, which
// clones leaf gradients) returns the node's gradient as it was made.
// A one-hot target matrix, a dense mask, or a product such as dy · onehot
// would each be a tensor of N·C elements. Seeing exactly one allocation of
// that size, the gradient itself, and O(N) elements besides, shows the
// backward writes the N non-zero entries straight into the gradient.
// (Plain typed arrays that never become tensors, such as nllLoss's O(N)
// buffer of targets, do not pass through `allocate`.)
nll(
  'forward and backward on [4096, 1000] float32 allocate one N·C array: the gradient',
  () => {
    const [n, c] = [4096, 1000];
    const g = new Generator(2024);
    const input = randn([n, c], { generator: g, requiresGrad: true });
    const target = randint(0, c, [n], { generator: g });
    assert.ok(
      input.isLeaf && input.isContiguous() && input.dtype === 'float32',
    );
    const forward: number[] = [];
    const backward: number[] = [];

    let dx: Tensor | null = null;
    let sizes = forward;
    observeAllocations((_, size) => sizes.push(size));
    try {
      const loss = nllLoss(input, target, { reduction: 'mean' });
      sizes = backward;
      dx = grad(loss, input)[0] ?? null;
    } finally {
      observeAllocations(null);
    }

    const all = [...forward, ...backward];
    const large = all.filter((size) => size >= n * c);
    assert.equal(
      large,
      [n * c],
      `allocations of N·C or more: ${JSON.stringify(large)}`,
    );
    assert.ok(
      !forward.some((size) => size >= n * c),
      'the forward allocated N·C elements',
    );
    assert.ok(dx !== null && dx.size === n * c);
    const total = all.reduce((a, b) => a + b, 0);
    assert.ok(total < n * c + 4 * n, `allocated ${total} elements in all`);
    // The gradient of the mean: -1/N at each target position, 0 elsewhere.
    const values = dx.values();
    const t = target.values();
    let nonZero = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== 0) nonZero++;
    assert.is(nonZero, n);
    for (let row = 0; row < n; row++) {
      assert.is(values[row * c + t[row]!], Math.fround(-1 / n), `row ${row}`);
    }
  },
);

nll(
  'accepts targets as int32 tensor, whole float tensor, nested array, Int32Array',
  () => {
    const x = normal([3, 4], 21);
    const rows = x.toArray() as number[][];
    const labels = [2, 0, 3];
    // Expected: -x[n][t_n], read from the input in plain JS.
    const want = { shape: [3], values: labels.map((t, n) => -rows[n]![t]!) };

    const forms: [string, Parameters<typeof nllLoss>[1]][] = [
      ['int32 tensor', tensor(labels, { dtype: 'int32' })],
      ['float32 tensor', tensor(labels)],
      ['float64 tensor', tensor(labels, { dtype: 'float64' })],
      ['nested array', labels],
      ['Int32Array', Int32Array.from(labels)],
    ];

    for (const [name, target] of forms)
      assertClose(nllLoss(x, target), want, FLOAT64, name);
  },
);

nll(
  'accepts a plain number target for input (C) = [4], and a rank-0 tensor',
  () => {
    const x = normal([4], 22);
    // Expected: minus the input's element 3, read in plain JS.
    const want = { shape: [], values: [-(x.toArray() as number[])[3]!] };

    assertClose(nllLoss(x, 3), want, FLOAT64, 'number');
    assertClose(
      nllLoss(x, tensor(3, { dtype: 'int32' })),
      want,
      FLOAT64,
      'int32 scalar',
    );
    assertClose(nllLoss(x, tensor(3)), want, FLOAT64, 'float32 scalar');
  },
);

nll('accepts nested arrays for input [2, 3, 2] and target [2, 2]', () => {
  const x = normal([2, 3, 2], 23);
  const v = x.toArray() as number[][][];
  const labels = [
    [0, 2],
    [1, 1],
  ];
  // Expected: -x[n][t][j], read from the input in plain JS.
  const want = labels.flatMap((row, n) => row.map((t, j) => -v[n]![t]![j]!));

  const fromInt32 = nllLoss(x, tensor(labels, { dtype: 'int32' }));

  assertClose(
    nllLoss(x, labels),
    { shape: [2, 2], values: want },
    FLOAT64,
    'nested',
  );
  assertClose(fromInt32, { shape: [2, 2], values: want }, FLOAT64, 'int32');
});

// The loss reads its input through the strides, so views (a transpose,
// a narrowed slice with an offset, logSoftmax over dim 1 of a 4-D tensor)
// need no copy. Each is compared with the same values made contiguous.
nll(
  'reads a transposed view [4, 3] as its contiguous copy, value and gradient',
  () => {
    const base = normal([3, 4], 24);
    const t = tensor([2, 0, 1, 2], { dtype: 'int32' });
    const view = (y: Tensor): Tensor => transpose(y, 0, 1);
    assert.not.ok(view(base).isContiguous());

    for (const reduction of REDUCTIONS) {
      const want = nllLoss(view(base).clone(), t, { reduction });
      assertClose(
        nllLoss(view(base), t, { reduction }),
        want,
        FLOAT64,
        reduction,
      );
      assertGradcheck(
        (y) => nllLoss(view(y), t, { reduction }),
        [base, t],
        reduction,
      );
    }
  },
);

nll(
  'reads narrowed views with offsets: [2, 3, 2] of [4, 3, 3], and (C) = [3] of [5]',
  () => {
    const base = normal([4, 3, 3], 25);
    const slice = (y: Tensor): Tensor => narrow(narrow(y, 0, 1, 2), 2, 1, 2);
    const t = tensor(
      [
        [0, 2],
        [1, -100],
      ],
      { dtype: 'int32' },
    );
    const row = normal([5], 26);
    const middle = (y: Tensor): Tensor => narrow(y, 0, 1, 3);
    assert.ok(slice(base).nd.offset > 0 && !slice(base).isContiguous());
    assert.ok(middle(row).nd.offset > 0);

    for (const reduction of REDUCTIONS) {
      const want = nllLoss(slice(base).clone(), t, { reduction });
      assertClose(
        nllLoss(slice(base), t, { reduction }),
        want,
        FLOAT64,
        reduction,
      );
      assertGradcheck(
        (y) => nllLoss(slice(y), t, { reduction }),
        [base, t],
        `slice, ${reduction}`,
      );
      const wantRow = nllLoss(middle(row).clone(), 2, { reduction });
      assertClose(
        nllLoss(middle(row), 2, { reduction }),
        wantRow,
        FLOAT64,
        `(C), ${reduction}`,
      );
      assertGradcheck(
        (y) => nllLoss(middle(y), 2, { reduction }),
        [row],
        `(C), ${reduction}`,
      );
    }
  },
);

nll('takes logSoftmax over dim 1 of [2, 4, 3, 2] as input', () => {
  const x = normal([2, 4, 3, 2], 27);
  const t = randint(0, 4, [2, 3, 2], { generator: new Generator(27) });

  for (const reduction of REDUCTIONS) {
    const want = nllLoss(logSoftmax(x, 1).clone(), t, { reduction });
    assertClose(
      nllLoss(logSoftmax(x, 1), t, { reduction }),
      want,
      FLOAT64,
      reduction,
    );
  }
  assertGradcheck(
    (y) => nllLoss(logSoftmax(y, 1), t, { reduction: 'mean' }),
    [x, t],
    'mean',
  );
});

nll('keeps its own copy of Int32Array targets [3] for the backward', () => {
  const x = normal([3, 4], 28).requiresGrad_();
  const labels = Int32Array.from([1, 3, 0]);

  const out = nllLoss(x, labels, { reduction: 'sum' });
  labels.fill(2);
  const [dx] = grad(out, x);

  // Expected: -1 at the labels given, [1, 3, 0], not at the rewritten 2s.
  const want = [0, -1, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0];
  assertClose(dx!, { shape: [3, 4], values: want }, FLOAT64);
});

nll('defaults to reduction none: shapes [], [4], [3, 2] and [2, 2, 2]', () => {
  for (const { input, target } of RANKS) {
    const out = nllLoss(normal(input, 31), targetsFor(input, target, 31));
    assert.equal(out.shape, target, `input ${JSON.stringify(input)}`);
  }
});

nll(
  'sums and averages [3, 4] as plain JS does, with weight and ignoreIndex',
  () => {
    const x = normal([3, 4], 32);
    const rows = x.toArray() as number[][];
    const labels = [1, -100, 3];
    const w = [0.5, 2, 1, 4];
    const weight = tensor(w, { dtype: 'float64' });
    // Expected, in plain JS: element 1 is ignored; the mean divides by the
    // weight of the kept targets, w[1] + w[3].
    const kept = -w[1]! * rows[0]![1]! - w[3]! * rows[2]![3]!;

    const sum = nllLoss(x, labels, { weight, reduction: 'sum' });
    const mean = nllLoss(x, labels, { weight, reduction: 'mean' });

    assertClose(sum, { shape: [], values: [kept] }, FLOAT64, 'sum');
    assertClose(
      mean,
      { shape: [], values: [kept / (w[1]! + w[3]!)] },
      FLOAT64,
      'mean',
    );
  },
);

nll('sum over an empty batch [0, 5] is 0, and mean is NaN', () => {
  const x = zeros([0, 5], { dtype: 'float64', requiresGrad: true });
  const t = tensor([], { dtype: 'int32' });

  // 0 and NaN: a sum of nothing, and 0 / 0 (PyTorch gives the same).
  assert.is(nllLoss(x, t, { reduction: 'sum' }).item(), 0);
  assert.ok(Number.isNaN(nllLoss(x, t, { reduction: 'mean' }).item()));
  assert.equal(nllLoss(x, t).shape, [0]);
});

nll(
  'mean of [3, 4] with every target ignored is NaN, with a zero gradient',
  () => {
    const x = normal([3, 4], 33).requiresGrad_();

    const out = nllLoss(x, [-1, -1, -1], {
      ignoreIndex: -1,
      reduction: 'mean',
    });
    const [dx] = grad(out, x);

    // NaN: 0 / 0, a mean over no weight, as PyTorch gives.
    assert.ok(Number.isNaN(out.item()));
    assertClose(dx!, { shape: [3, 4], values: new Array(12).fill(0) }, FLOAT64);
  },
);

nll('ignored elements of [4, 3] get loss 0 and gradient 0', () => {
  const x = normal([4, 3], 34).requiresGrad_();
  const rows = x.toArray() as number[][];
  const labels = [2, 7, 0, 7];

  const out = nllLoss(x, labels, { ignoreIndex: 7 });
  const [dx] = grad(out, x, { gradOutputs: [onesLike(out)] });

  // Expected: -x[n][t] for kept rows, 0 for ignored ones; the gradient is
  // -1 at each kept target and 0 everywhere else.
  assertClose(
    out,
    { shape: [4], values: [-rows[0]![2]!, 0, -rows[2]![0]!, 0] },
    FLOAT64,
  );
  const want = [0, 0, -1, 0, 0, 0, -1, 0, 0, 0, 0, 0];
  assertClose(dx!, { shape: [4, 3], values: want }, FLOAT64);
});

nll('an ignoreIndex inside [0, C) skips that class for [3, 3]', () => {
  const x = normal([3, 3], 35);
  const rows = x.toArray() as number[][];

  const out = nllLoss(x, [0, 1, 2], { ignoreIndex: 1 });

  // Expected: row 1 (label 1) is skipped; the others are -x[n][t].
  assertClose(
    out,
    { shape: [3], values: [-rows[0]![0]!, 0, -rows[2]![2]!] },
    FLOAT64,
  );
});

nll('a float32 input [2, 3] gives a float32 loss and gradient', () => {
  const x = tensor(
    [
      [-1, -2, -3],
      [-0.5, -1.5, -2.5],
    ],
    { requiresGrad: true },
  );

  const out = nllLoss(x, [2, 0], { reduction: 'sum' });
  const [dx] = grad(out, x);

  assert.is(out.dtype, 'float32');
  assert.is(dx!.dtype, 'float32');
  // Expected: 3 + 0.5, the negated inputs at the targets.
  assert.is(out.item(), 3.5);
});

nll('rejects a rank-0 input', () => {
  assertThrows(
    () => nllLoss(tensor(0.5), 0),
    ShapeError,
    'nllLoss: input must have shape (C), (N, C) or (N, C, d1, ..., dK)',
    'got a rank-0 tensor []',
    'at least one row',
  );
});

nll('rejects target [4, 3] for input [4, 10]', () => {
  assertThrows(
    () => nllLoss(zeros([4, 10]), zeros([4, 3], { dtype: 'int32' })),
    ShapeError,
    'nllLoss: target must have shape [4] (input [4, 10] without C), got [4, 3]',
    'one class index per element',
  );
});

nll('rejects target [4, 1] for input [4, 10], suggesting a squeeze', () => {
  assertThrows(
    () => nllLoss(zeros([4, 10]), zeros([4, 1], { dtype: 'int32' })),
    ShapeError,
    'target must have shape [4]',
    'got [4, 1]',
    'Squeeze the trailing size-1 dim',
  );
});

nll('rejects target [2] for input (C) = [3], which takes one index', () => {
  assertThrows(
    () => nllLoss(zeros([3]), [0, 1]),
    ShapeError,
    'target must have shape [] (input [3] is one sample of C classes), got [2]',
  );
});

nll(
  'rejects target [3] for input [2, 3]: batch sizes differ, no broadcast',
  () => {
    assertThrows(
      () => nllLoss(zeros([2, 3]), [0, 1, 2]),
      ShapeError,
      'target must have shape [2] (input [2, 3] without C), got [3]',
      'never broadcast',
    );
  },
);

nll('rejects target [2, 5] for input [2, 3, 4]: extra dims differ', () => {
  assertThrows(
    () => nllLoss(zeros([2, 3, 4]), zeros([2, 5], { dtype: 'int32' })),
    ShapeError,
    'target must have shape [2, 4] (input [2, 3, 4] without C), got [2, 5]',
    'must match exactly',
  );
});

nll(
  'rejects target [2] for input [2, 3, 4]: the extra dim is not broadcast',
  () => {
    assertThrows(
      () => nllLoss(zeros([2, 3, 4]), [0, 1]),
      ShapeError,
      'target must have shape [2, 4]',
      'got [2]',
      'never broadcast',
    );
  },
);

nll(
  'rejects a one-hot target [4, 3] for input [4, 3]: pass class indices',
  () => {
    const oneHot = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ];
    assertThrows(
      () => nllLoss(zeros([4, 3]), oneHot),
      ShapeError,
      'target must have shape [4] (input [4, 3] without C), got [4, 3]',
      'Pass class indices, not one-hot rows',
      'argmax',
    );
  },
);

nll('rejects target 5 at position [1] for 4 classes', () => {
  assertThrows(
    () => nllLoss(zeros([3, 4]), [1, 5, 2]),
    RangeError,
    'nllLoss: target 5 at position [1] is out of range for 4 classes (input [3, 4])',
    'targets must lie in [0, 3] or equal ignoreIndex (-100)',
  );
});

nll('names the position [1, 2] of a bad target for input [2, 4, 3]', () => {
  const labels = [
    [0, 1, 2],
    [3, 0, 9],
  ];
  assertThrows(
    () => nllLoss(zeros([2, 4, 3]), labels),
    RangeError,
    'target 9 at position [1, 2] is out of range for 4 classes',
  );
});

nll(
  'rejects target -1 when ignoreIndex is the default -100: never wrapped',
  () => {
    assertThrows(
      () => nllLoss(zeros([3, 4]), [0, -1, 2]),
      RangeError,
      'target -1 at position [1] is out of range for 4 classes',
      'pass { ignoreIndex: -1 }',
    );
  },
);

nll('rejects target -2 when ignoreIndex is -1: never clamped', () => {
  assertThrows(
    () => nllLoss(zeros([3, 4]), [-1, -2, 2], { ignoreIndex: -1 }),
    RangeError,
    'target -2 at position [1]',
    'equal ignoreIndex (-1)',
  );
});

nll(
  'suggests labels numbered from 1 when the largest label of [3, 3] is C = 3',
  () => {
    assertThrows(
      () => nllLoss(zeros([3, 3]), [1, 2, 3]),
      RangeError,
      'target 3 at position [2]',
      'labels look numbered from 1; subtract 1 from every target',
    );
    // A largest bad label other than C gets no such hint.
    const message = messageOf(() => nllLoss(zeros([3, 3]), [1, 3, 7]));
    assert.not.ok(message.includes('numbered from 1'), message);
  },
);

nll('rejects target 1.5 at position [1] and NaN at position [2]', () => {
  assertThrows(
    () => nllLoss(zeros([3, 4]), tensor([0, 1.5, 2])),
    RangeError,
    'nllLoss: targets must be whole class indices, got 1.5 at position [1]',
    'Pass integer labels',
  );
  assertThrows(
    () => nllLoss(zeros([3, 4]), tensor([0, 1, NaN])),
    RangeError,
    'got NaN at position [2]',
  );
});

nll('rejects target 2^32 + 1, which int32 would wrap to 1', () => {
  assertThrows(
    () => nllLoss(zeros([1, 3]), [2 ** 32 + 1]),
    RangeError,
    'nllLoss: int32 values must lie in [-2147483648, 2147483647], got ' +
      '4294967297 (target at position [0])',
  );
});

nll('rejects weight [4] and [1, 3] for 3 classes', () => {
  for (const shape of [[4], [1, 3]]) {
    assertThrows(
      () => nllLoss(zeros([2, 3]), [0, 1], { weight: zeros(shape) }),
      ShapeError,
      `nllLoss: weight must have shape [3] (one per class), got ${formatShape(shape)}`,
      'one weight',
    );
  }
});

nll('rejects a weight that requires grad, which would get no gradient', () => {
  const weight = tensor([1, 2, 3], { requiresGrad: true });

  assertThrows(
    () => nllLoss(zeros([2, 3]), [0, 1], { weight }),
    NotSupportedError,
    'nllLoss: a weight that requires grad is not supported',
    'weight.detach()',
  );
  // Detached, or inside noGrad, the same weight is fine.
  assert.is(
    nllLoss(zeros([2, 3]), [0, 1], { weight: weight.detach() }).size,
    2,
  );
  assert.is(noGrad(() => nllLoss(zeros([2, 3]), [0, 1], { weight })).size, 2);
});

nll('rejects an int32 input [2, 3]', () => {
  assertThrows(
    () => nllLoss(zeros([2, 3], { dtype: 'int32' }), [0, 1]),
    DTypeError,
    'nllLoss: input must hold float log-probabilities, got an int32 tensor of shape [2, 3]',
    'logSoftmax(scores, 1)',
  );
});

nll('rejects reduction "avg"', () => {
  assertThrows(
    () => nllLoss(zeros([2, 3]), [0, 1], { reduction: 'avg' as Reduction }),
    RangeError,
    `nllLoss: reduction must be 'none', 'mean' or 'sum', got "avg"`,
  );
});

nll('rejects ignoreIndex 0.5', () => {
  assertThrows(
    () => nllLoss(zeros([2, 3]), [0, 1], { ignoreIndex: 0.5 }),
    RangeError,
    'nllLoss: ignoreIndex must be a whole number, got 0.5',
  );
});

nll('names the weight when it is a number: a Tensor [3] is expected', () => {
  const options = { weight: 2 } as unknown as NllLossOptions;
  assertThrows(
    () => nllLoss(zeros([2, 3]), [0, 1], options),
    DTypeError,
    'nllLoss: weight must be a Tensor of shape [3] (one weight per class), ' +
      'got the number 2',
    'tensor(...)',
  );
});

nll('names the input when it is a number: a Tensor is expected', () => {
  assertThrows(
    () => nllLoss(3 as unknown as Tensor, 0),
    DTypeError,
    'nllLoss: input must be a Tensor of log-probabilities, shape (C), (N, C) ' +
      'or (N, C, d1, ..., dK), got the number 3',
  );
});

nll('takes null options as the defaults, and rejects a string', () => {
  const x = normal([2, 3], 40);
  assertClose(nllLoss(x, [0, 2], null), nllLoss(x, [0, 2]), FLOAT64);
  assertThrows(
    () => nllLoss(x, [0, 2], 'mean' as unknown as NllLossOptions),
    TypeError,
    "nllLoss: options must be an object such as { reduction: 'mean' }, " +
      'got "mean"',
  );
});

nll('says an input [2, 0] has no classes, not a range [0, -1]', () => {
  const message = messageOf(() => nllLoss(zeros([2, 0]), [0, 0]));
  assert.ok(
    message.startsWith(
      'nllLoss: input [2, 0] has no classes (size 0 along dim 1), so no ' +
        'target can be a class: every target must equal ignoreIndex (-100), ' +
        'got 0 at position [0].',
    ),
    message,
  );
  assert.not.ok(message.includes('[0, -1]'), message);
  assert.not.ok(message.includes('numbered from 1'), message);
  // Every target ignored is legal: loss 0 each.
  const out = nllLoss(zeros([2, 0]), [-100, -100]);
  assertClose(out, { shape: [2], values: [0, 0] }, FLOAT64);
});

nll('shows a string ignoreIndex "1" quoted', () => {
  const options = { ignoreIndex: '1' } as unknown as NllLossOptions;
  assertThrows(
    () => nllLoss(zeros([2, 3]), [0, 1], options),
    RangeError,
    'nllLoss: ignoreIndex must be a whole number, got "1"',
  );
});

nll.run();
