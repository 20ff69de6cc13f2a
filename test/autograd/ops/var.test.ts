import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  tensor,
  var as variance,
  zeros,
} from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

/** Two-pass variance of plain numbers, the textbook way. */
function plainVariance(values: number[], correction: number): number {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((a, v) => a + (v - m) * (v - m), 0);
  return squares / (values.length - correction);
}

const varSuite = suite('var');

varSuite(
  'gradcheck: whole tensor of [3, 4] and [2, 1, 3], corrections 1 and 0',
  () => {
    for (const correction of [1, 0]) {
      assertGradcheck(
        (x) => variance(x, undefined, { correction }),
        [normal([3, 4], 1)],
      );
      assertGradcheck(
        (x) => variance(x, undefined, { correction }),
        [normal([2, 1, 3], 2)],
      );
    }
  },
);

varSuite(
  'gradcheck: one dim of [3, 4] and [2, 1, 3], keepdim false and true',
  () => {
    for (const keepdim of [false, true]) {
      assertGradcheck((x) => variance(x, 1, { keepdim }), [normal([3, 4], 3)]);
      assertGradcheck((x) => variance(x, 0, { keepdim }), [normal([3, 4], 4)]);
      assertGradcheck(
        (x) => variance(x, 2, { keepdim }),
        [normal([2, 1, 3], 5)],
      );
    }
  },
);

varSuite('gradcheck: several and negative dims of [2, 3, 4]', () => {
  assertGradcheck((x) => variance(x, [0, 2]), [normal([2, 3, 4], 6)]);
  assertGradcheck(
    (x) => variance(x, [-1, -3], { keepdim: true }),
    [normal([2, 3, 4], 7)],
  );
  assertGradcheck(
    (x) => variance(x, -2, { correction: 0 }),
    [normal([2, 3, 4], 8)],
  );
});

varSuite('matches numpy on [[0.5, -1.25, 2], [3, 1.5, -0.75]]', () => {
  const x = tensor(
    [
      [0.5, -1.25, 2],
      [3, 1.5, -0.75],
    ],
    { dtype: 'float64' },
  );
  // Expected, python3 with numpy 2.4.6: np.var(x, axis=1, ddof=1),
  // np.var(x, axis=0, ddof=0) and np.var(x, ddof=1).
  assertClose(
    variance(x, 1),
    { shape: [2], values: [2.6458333333333335, 3.5625] },
    FLOAT64,
  );
  assertClose(
    variance(x, 0, { correction: 0 }),
    { shape: [3], values: [1.5625, 1.890625, 1.890625] },
    FLOAT64,
  );
  assertClose(
    variance(x),
    { shape: [], values: [2.6916666666666664] },
    FLOAT64,
  );
});

varSuite('matches a two-pass loop over dims [0, 2] of [2, 3, 4]', () => {
  const x = normal([2, 3, 4], 9);
  const v = x.toArray() as number[][][];
  const want: number[] = [];
  for (let j = 0; j < 3; j++) {
    const run: number[] = [];
    for (let i = 0; i < 2; i++)
      for (let k = 0; k < 4; k++) run.push(v[i]![j]![k]!);
    want.push(plainVariance(run, 1));
  }
  const out = variance(x, [0, 2], { keepdim: true });
  assertClose(out, { shape: [1, 3, 1], values: want }, FLOAT64);
});

varSuite(
  'stays exact for values near 1e8: [1e8 + 1, 1e8 + 2, 1e8 + 3] gives 1',
  () => {
    // Expected: exact arithmetic, deviations -1, 0, 1 from the mean, 2 / 2.
    // A one-pass Σx² - (Σx)²/n formula would lose it to cancellation.
    const x = tensor([1e8 + 1, 1e8 + 2, 1e8 + 3], { dtype: 'float64' });
    assert.is(variance(x).item(), 1);
  },
);

varSuite(
  'gives NaN for one element with correction 1, 0 with correction 0',
  () => {
    // Expected: 0 / max(0, 1 - 1) is 0 / 0, as torch.var(torch.ones(1)).
    assert.ok(Number.isNaN(variance(tensor([4])).item()));
    assert.is(variance(tensor([4]), 0, { correction: 0 }).item(), 0);
    assert.ok(Number.isNaN(variance(tensor(4)).item()), 'rank 0');
    assert.equal(variance(tensor(4), 0).shape, []);
  },
);

varSuite('gives NaN over zero elements: [0, 3] over dim 0', () => {
  assertClose(
    variance(zeros([0, 3]), 0),
    { shape: [3], values: [NaN, NaN, NaN] },
    FLOAT64,
  );
});

varSuite('keeps a size-1 dim with keepdim: [4, 1] over dim 1 is zeros', () => {
  const out = variance(normal([4, 1], 10), 1, { correction: 0, keepdim: true });
  assertClose(out, { shape: [4, 1], values: [0, 0, 0, 0] }, FLOAT64);
});

varSuite('rejects an int32 tensor', () => {
  const x = tensor([1, 2, 3], { dtype: 'int32' });
  assertThrows(() => variance(x), DTypeError, 'var:', 'got int32');
});

varSuite(
  'rejects dim 2 for [2, 3] and dims [1, -1], naming range and repeat',
  () => {
    assertThrows(
      () => variance(zeros([2, 3]), 2),
      RangeError,
      'var:',
      '[-2, 1]',
      'got 2',
    );
    assertThrows(
      () => variance(zeros([2, 3]), [1, -1]),
      RangeError,
      'var:',
      'appears twice',
    );
  },
);

varSuite(
  'accumulates in float64 for float32 [30000, ..., 30000.2], rounding once',
  () => {
    const x = tensor([30000, 30000.05, 30000.1, 30000.15, 30000.2], {
      requiresGrad: true,
    });
    // Expected: the exact variance of the five float32 values (30000,
    // 30000.05078125, 30000.099609375, 30000.150390625, 30000.19921875) is
    // 16257/2621440 by python3's fractions, 0.0049612428992986679 with
    // correction 0; each rounded to float32 by Math.fround. Float32 sums
    // and deviations gave 0.006201744.
    const out = variance(x);
    assert.is(out.dtype, 'float32');
    assert.is(out.item(), Math.fround(16257 / 2621440));
    const population = variance(x, 0, { correction: 0 });
    assert.is(population.item(), Math.fround(0.0049612428992986679));
    // dx = 2 (x - mean) / 4 with the mean in float32, as PyTorch: the
    // exact mean 300001/10 (fractions) rounds to 30000.099609375, and each
    // difference from it and its half are exact in float32.
    out.backward();
    const mean = Math.fround(30000.1);
    const want = Array.from(x.values(), (v) => (v - mean) / 2);
    assertClose(x.grad!, { shape: [5], values: want }, FLOAT64);
  },
);

varSuite.run();
