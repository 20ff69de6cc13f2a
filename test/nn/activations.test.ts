import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  flatten,
  gelu,
  logSoftmax,
  nn,
  relu,
  sigmoid,
  softmax,
  tanh,
  type Tensor,
} from '../../src/index.js';
import { FLOAT64, assertClose } from '../helpers/assert-close.js';
import { assertGradcheck } from '../helpers/gradcheck.js';
import { awayFromZero, normal } from '../helpers/inputs.js';

// Each layer only calls its op, so layer and op run the same arithmetic.
const EXACT = { rtol: 0, atol: 0 };

/** The tests every pointwise activation layer shares. */
function pointwiseSuite(
  name: string,
  make: () => nn.Module,
  op: (x: Tensor) => Tensor,
  input: (shape: number[], seed: number) => Tensor = normal,
): void {
  const test = suite(name);

  test('equals its op on (3, 4)', () => {
    const x = input([3, 4], 1);
    assertClose(make().forward(x), op(x), EXACT);
  });

  test('keeps the shape of a rank-3 input (2, 3, 4)', () => {
    assert.equal(make().forward(input([2, 3, 4], 2)).shape, [2, 3, 4]);
  });

  test('has no parameters', () => {
    assert.equal(make().namedParameters(), []);
  });

  test('gradcheck through the layer, float64', () => {
    const layer = make();
    assertGradcheck((x) => layer.forward(x), [input([2, 3], 3)]);
  });

  test.run();
}

// ReLU is checked off its kink at 0.
pointwiseSuite('ReLU', () => new nn.ReLU(), relu, awayFromZero);
pointwiseSuite('Tanh', () => new nn.Tanh(), tanh);
pointwiseSuite('Sigmoid', () => new nn.Sigmoid(), sigmoid);
pointwiseSuite('GELU', () => new nn.GELU(), gelu);

const softmaxLayer = suite('Softmax');

softmaxLayer('defaults to the last dim: rows of (3, 4) sum to 1', () => {
  const x = normal([3, 4], 1);
  const y = new nn.Softmax().forward(x);
  assertClose(y, softmax(x, -1), EXACT);
  // A softmax along dim 1 sums to 1 along dim 1.
  assertClose(y.sum(1), { shape: [3], values: [1, 1, 1] }, FLOAT64);
});

softmaxLayer('dim 0: columns of (3, 4) sum to 1', () => {
  const x = normal([3, 4], 2);
  const layer = new nn.Softmax(0);
  assert.is(layer.dim, 0);
  const y = layer.forward(x);
  assertClose(y, softmax(x, 0), EXACT);
  // Softmax along dim 0 sums to 1 down each of the 4 columns.
  assertClose(y.sum(0), { shape: [4], values: [1, 1, 1, 1] }, FLOAT64);
});

softmaxLayer('gradcheck along dim 0, float64', () => {
  const layer = new nn.Softmax(0);
  assertGradcheck((x) => layer.forward(x), [normal([3, 2], 3)]);
});

softmaxLayer.run();

const logSoftmaxLayer = suite('LogSoftmax');

logSoftmaxLayer('defaults to the last dim and equals logSoftmax(x, -1)', () => {
  const x = normal([3, 4], 1);
  const layer = new nn.LogSoftmax();
  assert.is(layer.dim, -1);
  const y = layer.forward(x);
  assertClose(y, logSoftmax(x, -1), EXACT);
  // exp of a log-softmax along dim 1 sums to 1 along dim 1.
  assertClose(y.exp().sum(1), { shape: [3], values: [1, 1, 1] }, FLOAT64);
});

logSoftmaxLayer('dim 0 equals logSoftmax(x, 0)', () => {
  const x = normal([3, 4], 2);
  const y = new nn.LogSoftmax(0).forward(x);
  assertClose(y, logSoftmax(x, 0), EXACT);
  // exp of a log-softmax along dim 0 sums to 1 down each of the 4 columns.
  assertClose(y.exp().sum(0), { shape: [4], values: [1, 1, 1, 1] }, FLOAT64);
});

logSoftmaxLayer('gradcheck along the last dim, float64', () => {
  const layer = new nn.LogSoftmax();
  assertGradcheck((x) => layer.forward(x), [normal([2, 3], 3)]);
});

logSoftmaxLayer.run();

const flattenLayer = suite('Flatten');

flattenLayer('defaults keep the batch dim: (2, 3, 4, 5) to (2, 60)', () => {
  const x = normal([2, 3, 4, 5], 1);
  const layer = new nn.Flatten();
  assert.is(layer.startDim, 1);
  assert.is(layer.endDim, -1);
  const y = layer.forward(x);
  // 3 · 4 · 5 = 60 features per example.
  assert.equal(y.shape, [2, 60]);
  assertClose(y, flatten(x, 1, -1), EXACT);
});

flattenLayer('keeps row-major order: values are unchanged', () => {
  const x = normal([2, 3, 4], 2);
  assert.equal(
    Array.from(new nn.Flatten().forward(x).values()),
    Array.from(x.values()),
  );
});

flattenLayer('startDim 0 flattens everything: (2, 3, 4) to (24)', () => {
  assert.equal(new nn.Flatten(0).forward(normal([2, 3, 4], 3)).shape, [24]);
});

flattenLayer('startDim 1, endDim 2: (2, 3, 4, 5) to (2, 12, 5)', () => {
  const x = normal([2, 3, 4, 5], 4);
  const y = new nn.Flatten(1, 2).forward(x);
  assert.equal(y.shape, [2, 12, 5]);
  assertClose(y, flatten(x, 1, 2), EXACT);
});

flattenLayer('gradcheck: the gradient is reshaped back, float64', () => {
  const layer = new nn.Flatten();
  assertGradcheck(
    (x) => layer.forward(x).mul(layer.forward(x)),
    [normal([2, 2, 3], 5)],
  );
});

flattenLayer.run();

const identity = suite('Identity');

identity('returns the very input tensor', () => {
  const x = normal([2, 3], 1);
  assert.ok(new nn.Identity().forward(x) === x);
});

identity('has no parameters and passes gradients through', () => {
  const layer = new nn.Identity();
  assert.equal(layer.parameters(), []);
  assertGradcheck((x) => layer.forward(x).mul(3), [normal([2, 3], 2)]);
});

identity.run();
