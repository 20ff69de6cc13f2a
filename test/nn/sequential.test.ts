import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Generator, ShapeError, nn, relu } from '../../src/index.js';
import { FLOAT64, assertClose, assertThrows } from '../helpers/assert-close.js';
import { assertGradcheck } from '../helpers/gradcheck.js';
import { normal } from '../helpers/inputs.js';

/** Linear(3, 4), ReLU, Linear(4, 2) in float64, from `seed`. */
function mlp(seed: number): nn.Sequential {
  const generator = new Generator(seed);
  return new nn.Sequential(
    new nn.Linear(3, 4, { dtype: 'float64', generator }),
    new nn.ReLU(),
    new nn.Linear(4, 2, { dtype: 'float64', generator }),
  );
}

const sequential = suite('Sequential');

sequential('applies its layers in order: (5, 3) to (5, 2)', () => {
  const model = mlp(1);
  const [first, , second] = model.layers as [nn.Linear, nn.ReLU, nn.Linear];
  const x = normal([5, 3], 2);
  const byHand = second.forward(relu(first.forward(x)));
  assertClose(model.forward(x), byHand, FLOAT64);
  assert.equal(model.forward(x).shape, [5, 2]);
});

sequential('with no layers returns its input', () => {
  const x = normal([2, 3], 1);
  assert.ok(new nn.Sequential().forward(x) === x);
  assert.equal(new nn.Sequential().parameters(), []);
});

sequential('keeps the layers it was given, in order', () => {
  const layers = [new nn.Linear(2, 2), new nn.Tanh(), new nn.Identity()];
  const model = new nn.Sequential(...layers);
  assert.is(model.layers.length, 3);
  layers.forEach((layer, i) => assert.ok(model.layers[i] === layer));
});

sequential('names its children by index 0, 1, 2', () => {
  const model = mlp(1);
  const children = model.namedChildren();
  assert.equal(
    children.map(([name]) => name),
    ['0', '1', '2'],
  );
  children.forEach(([, child], i) => assert.ok(child === model.layers[i]));
});

sequential(
  'names parameters by layer index, skipping parameter-free layers',
  () => {
    const names = mlp(1)
      .namedParameters()
      .map(([name]) => name);
    assert.equal(names, ['0.weight', '0.bias', '2.weight', '2.bias']);
  },
);

sequential('passes a layer error through: Linear(3, 4) given (5, 2)', () => {
  assertThrows(
    () => mlp(1).forward(normal([5, 2], 1)),
    ShapeError,
    'Linear: expected input (..., 3), got [5, 2]',
  );
});

sequential(
  'gradcheck: Linear, Tanh, Linear is differentiable in its input',
  () => {
    // Tanh rather than ReLU: smooth, so no input sits on a kink.
    const generator = new Generator(1);
    const model = new nn.Sequential(
      new nn.Linear(3, 4, { dtype: 'float64', generator }),
      new nn.Tanh(),
      new nn.Linear(4, 2, { dtype: 'float64', generator }),
    );
    assertGradcheck((x) => model.forward(x), [normal([4, 3], 3)]);
  },
);

sequential.run();
