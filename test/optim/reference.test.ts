import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { optim, pow, sub, sum, type Tensor } from '../../src/index.js';
import { FLOAT64, assertClose } from '../helpers/assert-close.js';
import {
  decode,
  referenceCases,
  type ReferenceCase,
} from '../helpers/fixtures.js';

// The optimizer cases of the PyTorch reference file: each runs 5 steps on
// loss = sum((p - target)²) + 0.05 · sum(p⁴) and records p after each.

function makeOptimizer(c: ReferenceCase, p: Tensor): optim.Optimizer {
  const o = c.options as Record<string, any>;
  const common = {
    lr: o.lr,
    ...(o.weightDecay === undefined ? {} : { weightDecay: o.weightDecay }),
  };
  switch (o.optimizer) {
    case 'sgd':
      return new optim.SGD([p], {
        ...common,
        momentum: o.momentum ?? 0,
        dampening: o.dampening ?? 0,
        nesterov: o.nesterov ?? false,
      });
    case 'adam':
      return new optim.Adam([p], { ...common, amsgrad: o.amsgrad ?? false });
    case 'adamw':
      return new optim.AdamW([p], common);
  }
  throw new Error(`no optimizer for ${JSON.stringify(o.optimizer)}`);
}

const reference = suite('PyTorch reference: optimizers');
const cases = referenceCases().filter((c) => c.op === 'optimizer');

reference('covers the 6 optimizer cases', () => {
  // Counted in test/fixtures/torch-reference.json.
  assert.is(cases.length, 6);
});

for (const c of cases) {
  reference(`${c.name}: parameter after each of 5 steps`, () => {
    const p = decode(c.inputs.p0!, 'float64', true);
    const target = decode(c.inputs.target!);
    const opt = makeOptimizer(c, p);
    c.history!.forEach((expected, step) => {
      opt.zeroGrad();
      const loss = sum(pow(sub(p, target), 2)).add(sum(pow(p, 4)).mul(0.05));
      loss.backward();
      opt.step();
      assertClose(p, decode(expected), FLOAT64, `${c.name} step ${step + 1}`);
    });
    assertClose(p, decode(c.output!), FLOAT64, `${c.name} final`);
  });
}

reference.run();
