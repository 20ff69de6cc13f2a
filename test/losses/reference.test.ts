import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as tg from '../../src/index.js';
import type { DType, Tensor } from '../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../helpers/assert-close.js';
import {
  decode,
  referenceCases,
  type ReferenceCase,
} from '../helpers/fixtures.js';

// The loss cases of the PyTorch reference file: every nll_loss and
// cross_entropy case, the NaN, empty-batch and -inf ones included.
const LOSSES: Record<
  string,
  (c: ReferenceCase, input: Tensor, dtype: DType) => Tensor
> = {
  nll_loss: (c, input, dtype) =>
    tg.nllLoss(input, decode(c.inputs.target!), options(c, dtype)),
  cross_entropy: (c, input, dtype) =>
    tg.crossEntropy(input, decode(c.inputs.target!), options(c, dtype)),
};

function options(c: ReferenceCase, dtype: DType): Record<string, unknown> {
  const o: Record<string, unknown> = { ...c.options };
  if (c.inputs.weight !== undefined) o.weight = decode(c.inputs.weight, dtype);
  return o;
}

function check(c: ReferenceCase, dtype: DType): void {
  const tolerance = dtype === 'float64' ? FLOAT64 : FLOAT32;
  const input = decode(c.inputs.input!, dtype, true);

  const out = LOSSES[c.op]!(c, input, dtype);
  assertClose(out, decode(c.output!), tolerance, `${c.name} [${dtype}] output`);

  out.backward(decode(c.upstream!, dtype));
  assert.ok(input.grad !== null, `${c.name}: no gradient reached the input`);
  assertClose(
    input.grad,
    decode(c.grads!.input!),
    tolerance,
    `${c.name} [${dtype}] grad`,
  );
}

const reference = suite('PyTorch reference: losses');

const cases = referenceCases().filter((c) => c.op in LOSSES);

reference('covers all 46 nll_loss and cross_entropy cases', () => {
  // 36 nll_loss and 10 cross_entropy cases, counted in the fixture file.
  assert.is(cases.length, 46);
});

for (const c of cases) {
  reference(`${c.name}: float64 output and gradient`, () =>
    check(c, 'float64'),
  );
  reference(`${c.name}: float32 output and gradient`, () =>
    check(c, 'float32'),
  );
}

reference.run();
