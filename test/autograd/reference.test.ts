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

// Each core op of the PyTorch reference file, by its fixture label (data,
// so snake_case stays here), as a function of the case's inputs and options.
type OpRunner = (
  inputs: Record<string, Tensor>,
  options: Record<string, any>,
) => Tensor;

const CORE_OPS: Record<string, OpRunner> = {
  add: ({ a, b }) => tg.add(a!, b!),
  sub: ({ a, b }) => tg.sub(a!, b!),
  mul: ({ a, b }) => tg.mul(a!, b!),
  div: ({ a, b }) => tg.div(a!, b!),
  pow: ({ a, b }) => tg.pow(a!, b!),
  maximum: ({ a, b }) => tg.maximum(a!, b!),
  minimum: ({ a, b }) => tg.minimum(a!, b!),
  exp: ({ input }) => tg.exp(input!),
  log: ({ input }) => tg.log(input!),
  sqrt: ({ input }) => tg.sqrt(input!),
  tanh: ({ input }) => tg.tanh(input!),
  sigmoid: ({ input }) => tg.sigmoid(input!),
  relu: ({ input }) => tg.relu(input!),
  neg: ({ input }) => tg.neg(input!),
  abs: ({ input }) => tg.abs(input!),
  square: ({ input }) => tg.square(input!),
  reciprocal: ({ input }) => tg.reciprocal(input!),
  sin: ({ input }) => tg.sin(input!),
  cos: ({ input }) => tg.cos(input!),
  softplus: ({ input }) => tg.softplus(input!),
  gelu: ({ input }) => tg.gelu(input!),
  leaky_relu: ({ input }) => tg.leakyRelu(input!),
  elu: ({ input }) => tg.elu(input!),
  silu: ({ input }) => tg.silu(input!),
  sum: ({ input }, o) => tg.sum(input!, o.dim, o.keepdim),
  mean: ({ input }, o) => tg.mean(input!, o.dim, o.keepdim),
  max: ({ input }, o) => tg.max(input!, o.dim, o.keepdim),
  min: ({ input }, o) => tg.min(input!, o.dim, o.keepdim),
  var: ({ input }, o) =>
    tg.var(input!, o.dim, { correction: o.correction, keepdim: o.keepdim }),
  logsumexp: ({ input }, o) => tg.logsumexp(input!, o.dim, o.keepdim),
  softmax: ({ input }, o) => tg.softmax(input!, o.dim),
  log_softmax: ({ input }, o) => tg.logSoftmax(input!, o.dim),
  matmul: ({ a, b }) => tg.matmul(a!, b!),
  reshape: ({ input }, o) => tg.reshape(input!, o.shape),
  transpose: ({ input }, o) => tg.transpose(input!, o.dim0, o.dim1),
  permute: ({ input }, o) => tg.permute(input!, o.dims),
  unsqueeze: ({ input }, o) => tg.unsqueeze(input!, o.dim),
  squeeze: ({ input }, o) => tg.squeeze(input!, o.dim),
  expand: ({ input }, o) => tg.expand(input!, o.shape),
  flatten: ({ input }, o) => tg.flatten(input!, o.startDim, o.endDim),
  gather: ({ input, index }, o) => tg.gather(input!, o.dim, index!),
  index_select: ({ input, index }, o) => tg.indexSelect(input!, o.dim, index!),
  narrow: ({ input }, o) => tg.narrow(input!, o.dim, o.start, o.length),
  cat: ({ a, b }, o) => tg.cat([a!, b!], o.dim),
  stack: ({ a, b }, o) => tg.stack([a!, b!], o.dim),
  where: ({ cond, a, b }) => tg.where(cond!, a!, b!),
  expr_x_times_x_plus_x: ({ x }) => x!.mul(x!).add(x!),
  expr_exp_mul_sin_sum: ({ x }) => x!.exp().mul(x!.sin()).sum(),
};

// Ops of the file that other parts of tapegrad test: the losses, the
// optimisers, the MLP, and layers that do not exist yet. Any other op
// must be in CORE_OPS, so no case is skipped silently.
const TESTED_ELSEWHERE = new Set([
  'nll_loss',
  'cross_entropy',
  'optimizer',
  'mlp_nll',
  'conv2d',
  'max_pool2d',
  'avg_pool2d',
  'batch_norm',
  'layer_norm',
]);

/** Runs one case in `dtype`, checking output and every gradient. */
function check(c: ReferenceCase, dtype: DType): void {
  const run = CORE_OPS[c.op]!;
  const tolerance = dtype === 'float64' ? FLOAT64 : FLOAT32;
  const wantsGrad = new Set(Object.keys(c.grads ?? {}));
  const inputs: Record<string, Tensor> = {};
  for (const [name, encoded] of Object.entries(c.inputs)) {
    inputs[name] = decode(encoded, dtype, wantsGrad.has(name));
  }

  const out = run(inputs, c.options ?? {});
  assertClose(out, decode(c.output!), tolerance, `${c.name} [${dtype}] output`);
  assert.is(out.dtype, dtype, `${c.name}: output dtype`);

  out.backward(decode(c.upstream!, dtype));
  for (const [name, encoded] of Object.entries(c.grads ?? {})) {
    const g = inputs[name]!.grad;
    assert.ok(g !== null, `${c.name}: no gradient reached ${name}`);
    assertClose(
      g,
      decode(encoded),
      tolerance,
      `${c.name} [${dtype}] grad ${name}`,
    );
  }
}

const reference = suite('PyTorch reference');

reference('knows every op in the file', () => {
  const unknown = referenceCases()
    .map((c) => c.op)
    .filter((op) => !(op in CORE_OPS) && !TESTED_ELSEWHERE.has(op));
  assert.equal(
    [...new Set(unknown)],
    [],
    'ops with no runner and no other home',
  );
});

for (const c of referenceCases()) {
  if (!(c.op in CORE_OPS)) continue;
  reference(`${c.name}: float64 output and gradients`, () =>
    check(c, 'float64'),
  );
  reference(`${c.name}: float32 output and gradients`, () =>
    check(c, 'float32'),
  );
}

reference.run();
