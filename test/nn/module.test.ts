import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CheckpointError,
  DTypeError,
  Generator,
  NotSupportedError,
  nn,
  tensor,
  zeros,
  type Tensor,
} from '../../src/index.js';
import { FLOAT64, assertClose, assertThrows } from '../helpers/assert-close.js';
import { normal } from '../helpers/inputs.js';

// Module is abstract: the tests use Sequential and Linear, plus a small
// module with a parameter of its own and two named children.

/** scale · head(encoder(x)): own parameter `scale`, children `encoder`, `head`. */
class Scaled extends nn.Module {
  readonly scale: Tensor;
  readonly encoder: nn.Sequential;
  readonly head: nn.Linear;

  constructor(seed: number) {
    super();
    const generator = new Generator(seed);
    this.scale = this.registerParameter(
      'scale',
      tensor([2], { dtype: 'float64' }),
    );
    this.encoder = this.registerModule(
      'encoder',
      new nn.Sequential(
        new nn.Linear(3, 4, { dtype: 'float64', generator }),
        new nn.Dropout(0.5, { generator }),
      ),
    );
    this.head = this.registerModule(
      'head',
      new nn.Linear(4, 2, { dtype: 'float64', generator }),
    );
  }

  forward(input: Tensor): Tensor {
    return this.head.forward(this.encoder.forward(input)).mul(this.scale);
  }
}

/** Linear(3, 4), ReLU, Linear(4, 2) in float64, from `seed`. */
function mlp(seed: number): nn.Sequential {
  const generator = new Generator(seed);
  return new nn.Sequential(
    new nn.Linear(3, 4, { dtype: 'float64', generator }),
    new nn.ReLU(),
    new nn.Linear(4, 2, { dtype: 'float64', generator }),
  );
}

/** A copy of every parameter's values, by name. */
function snapshot(model: nn.Module): Record<string, number[]> {
  return Object.fromEntries(
    model.namedParameters().map(([name, p]) => [name, Array.from(p.values())]),
  );
}

const module = suite('Module');

module(
  'namedParameters gives dotted names 0.weight … 2.bias in a Sequential',
  () => {
    const names = mlp(1)
      .namedParameters()
      .map(([name]) => name);
    // ReLU at index 1 has no parameters, so no 1.* names.
    assert.equal(names, ['0.weight', '0.bias', '2.weight', '2.bias']);
  },
);

module('namedParameters lists own parameters, then each child in order', () => {
  const names = new Scaled(1).namedParameters().map(([name]) => name);
  assert.equal(names, [
    'scale',
    'encoder.0.weight',
    'encoder.0.bias',
    'head.weight',
    'head.bias',
  ]);
});

module('namedParameters names two levels of nesting 0.1.weight', () => {
  const inner = new nn.Sequential(new nn.ReLU(), new nn.Linear(2, 2));
  const names = new nn.Sequential(inner).namedParameters().map(([n]) => n);
  assert.equal(names, ['0.1.weight', '0.1.bias']);
});

module('parameters() holds the same tensors in namedParameters order', () => {
  const model = mlp(1);
  const layers = model.layers as nn.Linear[];
  const params = model.parameters();
  assert.is(params.length, 4);
  assert.ok(params[0] === layers[0]!.weight);
  assert.ok(params[1] === layers[0]!.bias);
  assert.ok(params[2] === layers[2]!.weight);
  assert.ok(params[3] === layers[2]!.bias);
  model.namedParameters().forEach(([, p], i) => assert.ok(p === params[i]));
});

module('registered parameters require grad', () => {
  for (const p of new Scaled(1).parameters()) assert.ok(p.requiresGrad);
});

module('namedChildren lists the direct children only', () => {
  const children = new Scaled(1).namedChildren();
  assert.equal(
    children.map(([name]) => name),
    ['encoder', 'head'],
  );
});

module('starts in training mode', () => {
  assert.ok(mlp(1).training);
});

module('eval() and train() reach children and grandchildren', () => {
  const model = new Scaled(1);
  const all = (): boolean[] => [
    model.training,
    model.encoder.training,
    model.encoder.layers[0]!.training,
    model.encoder.layers[1]!.training,
    model.head.training,
  ];

  assert.ok(model.eval() === model, 'eval returns the module');
  assert.equal(all(), [false, false, false, false, false]);
  assert.ok(model.train() === model, 'train returns the module');
  assert.equal(all(), [true, true, true, true, true]);
  model.train(false);
  assert.equal(all(), [false, false, false, false, false]);
});

module('eval() turns off dropout inside a nested child', () => {
  const model = new Scaled(1);
  const x = normal([5, 3], 2);
  const twice = (): [number[], number[]] => [
    Array.from(model.forward(x).values()),
    Array.from(model.forward(x).values()),
  ];

  // Training: each call draws a new dropout mask, so two calls differ.
  const [a, b] = twice();
  assert.not.equal(a, b);
  // Eval: the forward is deterministic and two calls agree exactly.
  model.eval();
  const [c, d] = twice();
  assert.equal(c, d);
});

module('zeroGrad clears the grad of every parameter, nested ones too', () => {
  const model = new Scaled(1);
  model
    .forward(normal([5, 3], 2))
    .sum()
    .backward();
  for (const [name, p] of model.namedParameters()) {
    assert.ok(p.grad !== null, `${name} has a grad after backward`);
  }
  model.zeroGrad();
  for (const [name, p] of model.namedParameters()) {
    assert.is(p.grad, null, `${name} grad cleared`);
  }
});

module('stateDict has one entry per parameter, with its name and shape', () => {
  const state = mlp(1).stateDict();
  assert.equal(Object.keys(state), [
    '0.weight',
    '0.bias',
    '2.weight',
    '2.bias',
  ]);
  assert.equal(state['0.weight']!.shape, [4, 3]);
  assert.equal(state['2.bias']!.shape, [2]);
});

module('stateDict returns detached leaves that do not require grad', () => {
  for (const t of Object.values(mlp(1).stateDict())) {
    assert.is(t.requiresGrad, false);
    assert.ok(t.isLeaf);
  }
});

module(
  'stateDict shares storage: a parameter update shows in the state',
  () => {
    const model = mlp(1);
    const state = model.stateDict();
    const weight = model.parameters()[0]!;
    weight.values()[0] = 42;
    // Written just above, through the parameter.
    assert.is(state['0.weight']!.values()[0], 42);
  },
);

module(
  'loadStateDict copies every value from the state into the parameters',
  () => {
    const target = mlp(1);
    const source = mlp(2);
    target.loadStateDict(source.stateDict());
    const x = normal([5, 3], 3);
    assertClose(target.forward(x), source.forward(x), FLOAT64);
    assert.equal(snapshot(target), snapshot(source));
  },
);

module(
  'loadStateDict copies rather than aliases: later changes to the state do not leak',
  () => {
    const target = mlp(1);
    const state = mlp(2).stateDict();
    target.loadStateDict(state);
    const before = snapshot(target);
    state['0.bias']!.values()[0] = 99;
    assert.equal(snapshot(target), before);
  },
);

module(
  'loadStateDict keeps the parameter tensors (an optimizer holding them still works)',
  () => {
    const target = mlp(1);
    const params = target.parameters();
    target.loadStateDict(mlp(2).stateDict());
    target.parameters().forEach((p, i) => assert.ok(p === params[i]));
  },
);

module('loadStateDict converts float64 state values to a float32 model', () => {
  const layer = new nn.Linear(2, 1);
  layer.loadStateDict({
    weight: tensor([[0.5, -0.25]], { dtype: 'float64' }),
    bias: tensor([1.5], { dtype: 'float64' }),
  });
  assert.is(layer.weight.dtype, 'float32');
  // The values given just above, all exact in float32.
  assert.equal(Array.from(layer.weight.values()), [0.5, -0.25]);
  assert.equal(Array.from(layer.bias!.values()), [1.5]);
});

module('loadStateDict rejects a missing name, naming it and its shape', () => {
  const model = mlp(1);
  const before = snapshot(model);
  const state = mlp(2).stateDict();
  delete state['2.bias'];
  assertThrows(
    () => model.loadStateDict(state),
    CheckpointError,
    "Sequential.loadStateDict: the state does not fit: missing tensor '2.bias' " +
      '(expected shape [2], float64).',
    'Load a checkpoint saved from this same architecture',
  );
  // 0.weight, 0.bias and 2.weight were present and fit, but are untouched.
  assert.equal(snapshot(model), before);
});

module('loadStateDict rejects a wrong shape [3, 4] for 0.weight [4, 3]', () => {
  const model = mlp(1);
  const before = snapshot(model);
  const state = mlp(2).stateDict();
  state['0.weight'] = state['0.weight']!.T;
  assertThrows(
    () => model.loadStateDict(state),
    CheckpointError,
    "Sequential.loadStateDict: the state does not fit: tensor '0.weight' has " +
      'shape [3, 4], expected [4, 3].',
    'or build the model the checkpoint was saved from',
  );
  assert.equal(snapshot(model), before);
});

module('loadStateDict rejects an extra name, with its shape and dtype', () => {
  const model = mlp(1);
  const before = snapshot(model);
  const state = { ...mlp(2).stateDict(), '1.weight': tensor([1]) };
  assertThrows(
    () => model.loadStateDict(state),
    CheckpointError,
    'Sequential.loadStateDict: the state does not fit: unexpected tensor ' +
      "'1.weight' (shape [1], float32).",
  );
  assert.equal(snapshot(model), before);
});

module('loadStateDict lists every problem at once, in one message', () => {
  const model = mlp(1);
  const state = mlp(2).stateDict();
  state['0.bias'] = zeros([5], { dtype: 'float64' });
  delete state['2.weight'];
  state.extra = tensor([1]);
  assertThrows(
    () => model.loadStateDict(state),
    CheckpointError,
    "tensor '0.bias' has shape [5], expected [4]; missing tensor " +
      "'2.weight' (expected shape [2, 4], float64); unexpected tensor " +
      "'extra' (shape [1], float32).",
  );
});

module('loadStateDict names the module class of a custom module', () => {
  const state = new Scaled(2).stateDict();
  delete state.scale;
  assertThrows(
    () => new Scaled(1).loadStateDict(state),
    CheckpointError,
    "Scaled.loadStateDict: the state does not fit: missing tensor 'scale'",
  );
});

module('loadStateDict rejects a value that is not a tensor', () => {
  const model = mlp(1);
  const before = snapshot(model);
  const state = {
    ...mlp(2).stateDict(),
    '0.bias': [1, 2, 3, 4],
  } as unknown as nn.StateDict;
  assertThrows(
    () => model.loadStateDict(state),
    DTypeError,
    "Sequential.loadStateDict: state['0.bias'] must be a Tensor, got object.",
    "another model's stateDict()",
  );
  assert.equal(snapshot(model), before);
});

/** A module whose one parameter is whatever it is given. */
class Holder extends nn.Module {
  constructor(p: Tensor) {
    super();
    this.registerParameter('p', p);
  }

  forward(input: Tensor): Tensor {
    return input;
  }
}

module('registerParameter rejects a non-contiguous [3, 2] view', () => {
  const view = zeros([2, 3], { dtype: 'float64' }).T;
  assertThrows(
    () => new Holder(view),
    NotSupportedError,
    "Holder.registerParameter: parameter 'p' must be contiguous, got a " +
      'non-contiguous [3, 2] view',
    'Register a contiguous copy instead: tensor.detach().clone().',
  );
  // Nothing was registered, so the view was not marked either.
  assert.is(view.requiresGrad, false);
});

module(
  'registerParameter takes the suggested copy of a view; loadStateDict fills it',
  () => {
    const base = zeros([2, 3], { dtype: 'float64', requiresGrad: true });
    const holder = new Holder(base.T.detach().clone());
    // Values given here, exact in float64.
    const values = tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { dtype: 'float64' },
    );
    holder.loadStateDict({ p: values });
    assert.equal(holder.parameters()[0]!.toArray(), values.toArray());
  },
);

module('registerParameter rejects a value that is not a tensor', () => {
  assertThrows(
    () => new Holder([1, 2] as unknown as Tensor),
    DTypeError,
    "Holder.registerParameter: parameter 'p' must be a Tensor, got object.",
  );
});

module.run();
