import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Generator,
  ShapeError,
  nn,
  tensor,
  type Tensor,
} from '../../src/index.js';
import { FLOAT64, assertClose, assertThrows } from '../helpers/assert-close.js';
import { assertGradcheck } from '../helpers/gradcheck.js';
import { normal } from '../helpers/inputs.js';

/** Linear(2, 3) in float64 with weight [[1, 2], [3, 4], [5, 6]], bias [0.5, -1, 2]. */
function known(): nn.Linear {
  const layer = new nn.Linear(2, 3, { dtype: 'float64' });
  layer.loadStateDict({
    weight: tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { dtype: 'float64' },
    ),
    bias: tensor([0.5, -1, 2], { dtype: 'float64' }),
  });
  return layer;
}

/**
 * `layer` made to read `weight` and `bias` instead of its own parameters.
 * gradcheck differentiates copies of its inputs, so the layer must use
 * the tensors it is handed; the fields are readonly only to callers.
 */
function pointedAt(
  layer: nn.Linear,
  weight: Tensor,
  bias: Tensor | null,
): nn.Linear {
  return Object.assign(layer, { weight, bias });
}

const linear = suite('Linear');

linear('stores weight (out, in) = [3, 5] and bias (out) = [3]', () => {
  const layer = new nn.Linear(5, 3);
  assert.equal(layer.weight.shape, [3, 5]);
  assert.equal(layer.bias!.shape, [3]);
  assert.is(layer.inFeatures, 5);
  assert.is(layer.outFeatures, 3);
});

linear('makes float32 parameters by default and float64 on request', () => {
  assert.is(new nn.Linear(2, 2).weight.dtype, 'float32');
  const wide = new nn.Linear(2, 2, { dtype: 'float64' });
  assert.is(wide.weight.dtype, 'float64');
  assert.is(wide.bias!.dtype, 'float64');
});

linear('registers weight and bias as parameters requiring grad', () => {
  const layer = new nn.Linear(2, 3);
  assert.equal(
    layer.namedParameters().map(([name]) => name),
    ['weight', 'bias'],
  );
  assert.ok(layer.weight.requiresGrad && layer.bias!.requiresGrad);
});

linear('bias: false has a null bias and only a weight parameter', () => {
  const layer = new nn.Linear(2, 3, { bias: false });
  assert.is(layer.bias, null);
  assert.equal(
    layer.namedParameters().map(([name]) => name),
    ['weight'],
  );
});

linear(
  'initial values lie within PyTorch bound 1/√in = 0.25 for in = 16',
  () => {
    const layer = new nn.Linear(16, 64, { generator: new Generator(7) });
    // PyTorch: kaiming_uniform_(a = √5) for the weight and U(±1/√fanIn) for
    // the bias both reduce to U(-1/√in, 1/√in); 1/√16 = 0.25.
    const bound = 0.25;
    for (const t of [layer.weight, layer.bias!]) {
      for (const v of t.values()) assert.ok(v >= -bound && v <= bound, `${v}`);
    }
    // And they fill the range: 1024 draws reach past ±0.2 on both sides.
    const w = Array.from(layer.weight.values());
    assert.ok(Math.max(...w) > 0.2 && Math.min(...w) < -0.2);
  },
);

linear('the same seeded generator gives identical layers', () => {
  const a = new nn.Linear(4, 3, { generator: new Generator(11) });
  const b = new nn.Linear(4, 3, { generator: new Generator(11) });
  const c = new nn.Linear(4, 3, { generator: new Generator(12) });
  assert.equal(Array.from(a.weight.values()), Array.from(b.weight.values()));
  assert.equal(Array.from(a.bias!.values()), Array.from(b.bias!.values()));
  assert.not.equal(
    Array.from(a.weight.values()),
    Array.from(c.weight.values()),
  );
});

linear('forward on (N, in) = [2, 2] computes x · weightᵀ + bias', () => {
  const x = tensor(
    [
      [1, -1],
      [2, 0.5],
    ],
    { dtype: 'float64' },
  );
  // By hand, with weight [[1, 2], [3, 4], [5, 6]] and bias [0.5, -1, 2]:
  // row [1, -1]:  [1 - 2 + 0.5, 3 - 4 - 1, 5 - 6 + 2] = [-0.5, -2, 1]
  // row [2, 0.5]: [2 + 1 + 0.5, 6 + 2 - 1, 10 + 3 + 2] = [3.5, 7, 15]
  assertClose(
    known().forward(x),
    { shape: [2, 3], values: [-0.5, -2, 1, 3.5, 7, 15] },
    FLOAT64,
  );
});

linear('forward without bias computes x · weightᵀ only', () => {
  const plain = new nn.Linear(2, 3, { bias: false, dtype: 'float64' });
  plain.loadStateDict({ weight: known().weight });
  const x = tensor([[1, -1]], { dtype: 'float64' });
  // The row [1, -1] from the test above, without the bias [0.5, -1, 2].
  assertClose(
    plain.forward(x),
    { shape: [1, 3], values: [-1, -1, -1] },
    FLOAT64,
  );
});

linear('forward on a single vector (in) = [2] gives (out) = [3]', () => {
  const x = tensor([1, -1], { dtype: 'float64' });
  // The first row of the (N, in) test: [-0.5, -2, 1].
  assertClose(
    known().forward(x),
    { shape: [3], values: [-0.5, -2, 1] },
    FLOAT64,
  );
});

linear('forward on (2, 3, 4) batch dims equals the rows of (6, 4)', () => {
  const layer = new nn.Linear(4, 5, {
    dtype: 'float64',
    generator: new Generator(3),
  });
  const x = normal([2, 3, 4], 4);
  const y = layer.forward(x);
  assert.equal(y.shape, [2, 3, 5]);
  assertClose(y, layer.forward(x.reshape(6, 4)).reshape(2, 3, 5), FLOAT64);
});

linear('rejects input [2, 3] for Linear(4, 5), saying to reshape', () => {
  const layer = new nn.Linear(4, 5);
  assertThrows(
    () => layer.forward(normal([2, 3], 1)),
    ShapeError,
    'Linear: expected input (..., 4), got [2, 3]',
    'Flatten or reshape the input so its last dim holds the 4 features',
  );
});

linear('rejects a rank-0 input', () => {
  assertThrows(
    () => new nn.Linear(1, 2).forward(tensor(3)),
    ShapeError,
    'Linear: expected input (..., 1), got []',
  );
});

linear('rejects non-positive or fractional sizes with a RangeError', () => {
  assertThrows(
    () => new nn.Linear(0, 3),
    RangeError,
    'Linear: inFeatures must be a positive whole number, got 0.',
    "Pass the size of the input's last dim, as in new Linear(784, 10).",
  );
  assertThrows(
    () => new nn.Linear(3, -2),
    RangeError,
    'Linear: outFeatures must be a positive whole number, got -2.',
    'Pass the number of outputs wanted',
  );
  assertThrows(
    () => new nn.Linear(2.5, 3),
    RangeError,
    'inFeatures must be a positive whole number, got 2.5.',
  );
});

linear('gradcheck: forward w.r.t. input (4, 3), float64', () => {
  const layer = new nn.Linear(3, 2, {
    dtype: 'float64',
    generator: new Generator(5),
  });
  assertGradcheck((x) => layer.forward(x), [normal([4, 3], 6)]);
});

linear('gradcheck: forward w.r.t. input, weight and bias, float64', () => {
  const layer = new nn.Linear(3, 2, { dtype: 'float64' });
  assertGradcheck(
    (x, w, b) => pointedAt(layer, w, b).forward(x),
    [normal([4, 3], 7), normal([2, 3], 8), normal([2], 9)],
  );
});

linear('gradcheck: forward on (2, 2, 3) w.r.t. weight without bias', () => {
  const layer = new nn.Linear(3, 2, { bias: false, dtype: 'float64' });
  assertGradcheck(
    (x, w) => pointedAt(layer, w, null).forward(x),
    [normal([2, 2, 3], 10), normal([2, 3], 11)],
  );
});

linear('backward fills weight.grad = dyᵀ · x and bias.grad = Σ dy', () => {
  const layer = known();
  const x = tensor(
    [
      [1, -1],
      [2, 0.5],
    ],
    { dtype: 'float64' },
  );
  layer.forward(x).sum().backward();
  // dy is all ones (2, 3): each weight row gets the column sums of x,
  // [1 + 2, -1 + 0.5] = [3, -0.5]; each bias entry gets N = 2.
  assertClose(
    layer.weight.grad!,
    { shape: [3, 2], values: [3, -0.5, 3, -0.5, 3, -0.5] },
    FLOAT64,
  );
  assertClose(layer.bias!.grad!, { shape: [3], values: [2, 2, 2] }, FLOAT64);
});

linear.run();
