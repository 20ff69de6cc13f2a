import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Generator,
  NotSupportedError,
  ShapeError,
  nn,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import { fans as fansOf } from '../../../src/nn/init/init.js';
import { assertThrows } from '../../helpers/assert-close.js';

const { init } = nn;

// Gains are closed forms evaluated in float64 in both places.
const GAIN = 1e-15;

/** Mean and (population) standard deviation of `t`'s values. */
function moments(t: Tensor): { mean: number; std: number } {
  const v = t.values();
  let sum = 0;
  for (const x of v) sum += x;
  const mean = sum / v.length;
  let squares = 0;
  for (const x of v) squares += (x - mean) ** 2;
  return { mean, std: Math.sqrt(squares / v.length) };
}

/** Smallest and largest of `t`'s values. */
function range(t: Tensor): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const x of t.values()) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return { min, max };
}

/** A float64 tensor of `shape`, zero-filled: something to initialise. */
function blank(shape: number[]): Tensor {
  return zeros(shape, { dtype: 'float64' });
}

const calculateGain = suite('calculateGain');

calculateGain('is 1 for linear, conv2d and sigmoid', () => {
  // PyTorch's table: linear, conv and sigmoid all have gain 1.
  for (const name of ['linear', 'conv2d', 'sigmoid'] as const) {
    assert.is(init.calculateGain(name), 1);
  }
});

calculateGain('is 5/3 for tanh and √2 for relu', () => {
  // PyTorch's table: tanh 5/3, relu √2.
  assert.ok(Math.abs(init.calculateGain('tanh') - 5 / 3) < GAIN);
  assert.ok(Math.abs(init.calculateGain('relu') - Math.sqrt(2)) < GAIN);
});

calculateGain(
  'is √(2 / (1 + slope²)) for leakyRelu, slope 0.01 by default',
  () => {
    // √(2 / 1.0001) with PyTorch's default slope 0.01.
    const byDefault = Math.sqrt(2 / (1 + 0.01 ** 2));
    assert.ok(Math.abs(init.calculateGain('leakyRelu') - byDefault) < GAIN);
    // Slope 0.2: √(2 / 1.04).
    assert.ok(
      Math.abs(init.calculateGain('leakyRelu', 0.2) - Math.sqrt(2 / 1.04)) <
        GAIN,
    );
    // Slope 0 is taken as given (not replaced by the default): √2.
    assert.ok(
      Math.abs(init.calculateGain('leakyRelu', 0) - Math.sqrt(2)) < GAIN,
    );
  },
);

calculateGain('is 3/4 for selu', () => {
  // PyTorch's table: selu 3/4.
  assert.is(init.calculateGain('selu'), 0.75);
});

calculateGain.run();

// fans is internal (not in nn.init), so it is imported from its module.
const fans = suite('fans');

fans('rank 2 (out 3, in 5): fanIn 5, fanOut 3', () => {
  assert.equal(fansOf('op', blank([3, 5])), { fanIn: 5, fanOut: 3 });
});

fans('rank 4 conv weight (8, 3, 5, 5): fanIn 75, fanOut 200', () => {
  // The receptive field 5 · 5 = 25 multiplies both: 3 · 25 and 8 · 25.
  assert.equal(fansOf('op', blank([8, 3, 5, 5])), { fanIn: 75, fanOut: 200 });
});

fans('rank 3 (4, 2, 7): fanIn 14, fanOut 28', () => {
  // 2 · 7 and 4 · 7.
  assert.equal(fansOf('op', blank([4, 2, 7])), { fanIn: 14, fanOut: 28 });
});

fans('rejects shapes [5] and [] with a ShapeError naming the caller', () => {
  assertThrows(
    () => fansOf('xavierUniform_', blank([5])),
    ShapeError,
    'xavierUniform_: expected a weight of rank >= 2 (out, in, ...), whose ' +
      'fan in and fan out are defined, got shape [5].',
    'Fill a bias or other rank-1 tensor with uniform_ or normal_.',
  );
  assertThrows(() => fansOf('op', blank([])), ShapeError, 'got shape []');
});

fans('is not part of the public nn.init namespace', () => {
  assert.not.ok('fans' in init);
  assert.equal(Object.keys(init).sort(), [
    'calculateGain',
    'kaimingNormal_',
    'kaimingUniform_',
    'normal_',
    'uniform_',
    'xavierNormal_',
    'xavierUniform_',
  ]);
});

fans.run();

const uniform = suite('uniform_');

uniform('fills in place and returns the same tensor', () => {
  const t = blank([3, 4]);
  assert.ok(init.uniform_(t, 0, 1, { generator: new Generator(1) }) === t);
  assert.ok(Array.from(t.values()).every((v) => v !== 0));
});

uniform('defaults to [0, 1): 100000 draws have mean ≈ 1/2, std ≈ 1/√12', () => {
  const t = init.uniform_(blank([100_000]), undefined, undefined, {
    generator: new Generator(2),
  });
  const { min, max } = range(t);
  assert.ok(min >= 0 && max < 1, `range [${min}, ${max}]`);
  const { mean, std } = moments(t);
  // U(0, 1): mean 1/2, std 1/√12 ≈ 0.2887; the mean's std is 0.2887/√1e5
  // ≈ 0.0009, so the bounds below are several standard deviations.
  assert.ok(Math.abs(mean - 0.5) < 0.005, `mean ${mean}`);
  assert.ok(Math.abs(std - 1 / Math.sqrt(12)) < 0.005, `std ${std}`);
});

uniform('[-2, 3): stays in range, mean ≈ 1/2, std ≈ 5/√12', () => {
  const t = init.uniform_(blank([100_000]), -2, 3, {
    generator: new Generator(3),
  });
  const { min, max } = range(t);
  assert.ok(min >= -2 && max < 3, `range [${min}, ${max}]`);
  // Both ends are reached closely over 1e5 draws.
  assert.ok(min < -1.99 && max > 2.99, `range [${min}, ${max}]`);
  const { mean, std } = moments(t);
  // U(a, b): mean (a + b)/2 = 0.5, std (b - a)/√12 = 5/√12 ≈ 1.443.
  assert.ok(Math.abs(mean - 0.5) < 0.025, `mean ${mean}`);
  assert.ok(Math.abs(std - 5 / Math.sqrt(12)) < 0.025, `std ${std}`);
});

uniform('the same seed gives the same values', () => {
  const a = init.uniform_(blank([20]), -1, 1, { generator: new Generator(4) });
  const b = init.uniform_(blank([20]), -1, 1, { generator: new Generator(4) });
  assert.equal(Array.from(a.values()), Array.from(b.values()));
});

uniform('records nothing on the tape: a parameter stays a leaf', () => {
  const t = blank([3, 3]).requiresGrad_(true);
  init.uniform_(t, 0, 1, { generator: new Generator(5) });
  assert.ok(t.isLeaf && t.requiresGrad);
});

uniform('rejects a non-contiguous [3, 2] view before drawing a number', () => {
  const generator = new Generator(6);
  assertThrows(
    () => init.uniform_(blank([2, 3]).T, 0, 1, { generator }),
    NotSupportedError,
    'uniform_: expected a contiguous tensor to fill in place, got a ' +
      'non-contiguous [3, 2] view (a transpose or slice).',
    't.detach().clone()',
  );
  // The generator was not advanced: it still gives a fresh Generator(6)'s
  // first number.
  assert.is(generator.next(), new Generator(6).next());
});

uniform.run();

const normal = suite('normal_');

normal('defaults to N(0, 1): 100000 draws have mean ≈ 0, std ≈ 1', () => {
  const t = init.normal_(blank([100_000]), undefined, undefined, {
    generator: new Generator(7),
  });
  const { mean, std } = moments(t);
  // The sample mean's std is 1/√1e5 ≈ 0.003; the sample std's ≈ 0.0022.
  assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
  assert.ok(Math.abs(std - 1) < 0.02, `std ${std}`);
});

normal('mean 3, std 0.5: moments within 2%', () => {
  const t = init.normal_(blank([100_000]), 3, 0.5, {
    generator: new Generator(8),
  });
  const { mean, std } = moments(t);
  // Scaled N(0, 1): mean 3, std 0.5.
  assert.ok(Math.abs(mean - 3) < 0.01, `mean ${mean}`);
  assert.ok(Math.abs(std - 0.5) < 0.01, `std ${std}`);
});

normal('the same seed gives the same values', () => {
  const a = init.normal_(blank([21]), 0, 1, { generator: new Generator(9) });
  const b = init.normal_(blank([21]), 0, 1, { generator: new Generator(9) });
  assert.equal(Array.from(a.values()), Array.from(b.values()));
});

normal.run();

const xavierUniform = suite('xavierUniform_');

xavierUniform(
  '(64, 32): U(±√(6 / 96)) = U(±0.25), reaching near the bound',
  () => {
    const t = init.xavierUniform_(blank([64, 32]), 1, {
      generator: new Generator(10),
    });
    // gain · √(6 / (fanIn + fanOut)) = √(6 / (32 + 64)) = 0.25.
    const { min, max } = range(t);
    assert.ok(min >= -0.25 && max < 0.25, `range [${min}, ${max}]`);
    assert.ok(min < -0.24 && max > 0.24, `range [${min}, ${max}]`);
  },
);

xavierUniform('gain 2 doubles the bound to 0.5', () => {
  const t = init.xavierUniform_(blank([64, 32]), 2, {
    generator: new Generator(11),
  });
  // 2 · √(6 / 96) = 0.5.
  const { min, max } = range(t);
  assert.ok(min >= -0.5 && max < 0.5 && min < -0.48 && max > 0.48);
});

xavierUniform('rejects a rank-1 tensor [4]', () => {
  assertThrows(
    () => init.xavierUniform_(blank([4])),
    ShapeError,
    'xavierUniform_: expected a weight of rank >= 2',
    'got shape [4]',
  );
});

xavierUniform.run();

const xavierNormal = suite('xavierNormal_');

xavierNormal('(300, 200): std ≈ √(2 / 500), mean ≈ 0', () => {
  const t = init.xavierNormal_(blank([300, 200]), 1, {
    generator: new Generator(12),
  });
  // gain · √(2 / (fanIn + fanOut)) = √(2 / 500) ≈ 0.0632.
  const want = Math.sqrt(2 / 500);
  const { mean, std } = moments(t);
  assert.ok(Math.abs(std / want - 1) < 0.02, `std ${std}`);
  assert.ok(Math.abs(mean) < 0.002, `mean ${mean}`);
});

xavierNormal('gain 5/3 (tanh) scales the std to 5/3 · √(2 / 500)', () => {
  const gain = init.calculateGain('tanh');
  const t = init.xavierNormal_(blank([300, 200]), gain, {
    generator: new Generator(13),
  });
  const want = (5 / 3) * Math.sqrt(2 / 500);
  assert.ok(Math.abs(moments(t).std / want - 1) < 0.02);
});

xavierNormal('rejects a rank-0 tensor', () => {
  assertThrows(
    () => init.xavierNormal_(blank([])),
    ShapeError,
    'xavierNormal_: expected a weight of rank >= 2',
    'got shape []',
  );
});

xavierNormal.run();

const kaimingUniform = suite('kaimingUniform_');

kaimingUniform(
  'defaults (fanIn, leaky ReLU slope 0): bound √(6 / fanIn)',
  () => {
    const t = init.kaimingUniform_(blank([100, 150]), {
      generator: new Generator(14),
    });
    // gain √2, std √2/√150, bound √3 · std = √(6 / 150) = 0.2.
    const { min, max } = range(t);
    assert.ok(
      min >= -0.2 && max < 0.2 && min < -0.195 && max > 0.195,
      `[${min}, ${max}]`,
    );
  },
);

kaimingUniform('mode fanOut uses fanOut = 100: bound √(6 / 100)', () => {
  const t = init.kaimingUniform_(blank([100, 150]), {
    mode: 'fanOut',
    generator: new Generator(15),
  });
  const bound = Math.sqrt(6 / 100);
  const { min, max } = range(t);
  assert.ok(
    min >= -bound && max < bound && max > 0.97 * bound && min < -0.97 * bound,
  );
});

kaimingUniform('a = √5 gives Linear bound 1/√fanIn', () => {
  const t = init.kaimingUniform_(blank([100, 64]), {
    a: Math.sqrt(5),
    generator: new Generator(16),
  });
  // gain √(2 / (1 + 5)) = √(1/3); bound √3 · √(1/3) / √64 = 1/8.
  const { min, max } = range(t);
  assert.ok(min >= -1 / 8 && max < 1 / 8 && max > 0.97 / 8 && min < -0.97 / 8);
});

kaimingUniform('nonlinearity tanh on a conv weight (16, 4, 3, 3)', () => {
  const t = init.kaimingUniform_(blank([16, 4, 3, 3]), {
    nonlinearity: 'tanh',
    generator: new Generator(17),
  });
  // fanIn 4 · 9 = 36; bound √3 · (5/3) / √36 = 5√3 / 18 ≈ 0.481.
  const bound = (5 * Math.sqrt(3)) / 18;
  const { min, max } = range(t);
  assert.ok(
    min >= -bound && max < bound && max > 0.95 * bound && min < -0.95 * bound,
  );
});

kaimingUniform('rejects a rank-1 tensor [7]', () => {
  assertThrows(
    () => init.kaimingUniform_(blank([7])),
    ShapeError,
    'kaimingUniform_: expected a weight of rank >= 2',
    'got shape [7]',
  );
});

kaimingUniform(
  'rejects a transposed weight, leaving its storage as it was',
  () => {
    const weight = blank([4, 6]);
    assertThrows(
      () => init.kaimingUniform_(weight.T),
      NotSupportedError,
      'kaimingUniform_: expected a contiguous tensor to fill in place, got a ' +
        'non-contiguous [6, 4] view',
    );
    assert.ok(Array.from(weight.values()).every((v) => v === 0));
  },
);

kaimingUniform.run();

const kaimingNormal = suite('kaimingNormal_');

kaimingNormal('defaults: std √2 / √fanIn', () => {
  const t = init.kaimingNormal_(blank([400, 250]), {
    generator: new Generator(18),
  });
  // gain √2 (leaky ReLU slope 0) over √250: √(2 / 250) ≈ 0.0894.
  const want = Math.sqrt(2 / 250);
  const { mean, std } = moments(t);
  assert.ok(Math.abs(std / want - 1) < 0.02, `std ${std}`);
  assert.ok(Math.abs(mean) < 0.002, `mean ${mean}`);
});

kaimingNormal('mode fanOut, relu: std √2 / √400', () => {
  const t = init.kaimingNormal_(blank([400, 250]), {
    mode: 'fanOut',
    nonlinearity: 'relu',
    generator: new Generator(19),
  });
  // √(2 / 400) ≈ 0.0707.
  assert.ok(Math.abs(moments(t).std / Math.sqrt(2 / 400) - 1) < 0.02);
});

kaimingNormal('rejects a rank-1 tensor', () => {
  assertThrows(
    () => init.kaimingNormal_(blank([3])),
    ShapeError,
    'kaimingNormal_: expected a weight of rank >= 2',
    'got shape [3]',
  );
});

kaimingNormal.run();
