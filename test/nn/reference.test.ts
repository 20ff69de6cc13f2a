import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { logSoftmax, nllLoss, nn } from '../../src/index.js';
import { FLOAT64, assertClose } from '../helpers/assert-close.js';
import { decode, referenceCases } from '../helpers/fixtures.js';

// The mlp_nll case of the PyTorch reference file, run through nn.Linear:
// loss = mean nll of logSoftmax(Linear2(relu(Linear1(x)))).
const reference = suite('PyTorch reference: mlp_nll');
const c = referenceCases().find((r) => r.op === 'mlp_nll')!;

reference('loss and every gradient match through nn.Linear', () => {
  const x = decode(c.inputs.x!, 'float64', true);
  const y = decode(c.inputs.y!);
  const first = new nn.Linear(12, 16, { dtype: 'float64' });
  const second = new nn.Linear(16, 5, { dtype: 'float64' });
  first.loadStateDict({
    weight: decode(c.inputs.w1!),
    bias: decode(c.inputs.b1!),
  });
  second.loadStateDict({
    weight: decode(c.inputs.w2!),
    bias: decode(c.inputs.b2!),
  });
  const model = new nn.Sequential(first, new nn.ReLU(), second);

  const loss = nllLoss(logSoftmax(model.forward(x), 1), y, {
    reduction: 'mean',
  });
  assertClose(loss, decode(c.output!), FLOAT64, 'loss');

  loss.backward(decode(c.upstream!));
  const grads: Record<string, unknown> = {
    x: x.grad,
    w1: first.weight.grad,
    b1: first.bias!.grad,
    w2: second.weight.grad,
    b2: second.bias!.grad,
  };
  for (const [name, encoded] of Object.entries(c.grads!)) {
    const g = grads[name];
    assert.ok(g !== null && g !== undefined, `no gradient for ${name}`);
    assertClose(g as never, decode(encoded), FLOAT64, `grad ${name}`);
  }
});

reference.run();
