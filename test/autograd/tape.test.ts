import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  AutogradError,
  Generator,
  NotSupportedError,
  isGradEnabled,
  noGrad,
  randn,
  tapeStats,
  tensor,
  type Tensor,
} from '../../src/index.js';
import { record } from '../../src/autograd/tape.js';

const mode = suite('noGrad and isGradEnabled');

mode('grad mode is on by default', () => {
  assert.ok(isGradEnabled());
});

mode('records no node inside noGrad, and results do not require grad', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const before = tapeStats().recorded;
  const y = noGrad(() => x.mul(2).exp().sum());
  assert.is(tapeStats().recorded, before);
  assert.not.ok(y.requiresGrad);
  assert.is(y.node, null);
});

mode('returns what the function returns', () => {
  assert.is(
    noGrad(() => 42),
    42,
  );
});

mode('switches grad mode off inside and back on after', () => {
  let inside = true;
  noGrad(() => {
    inside = isGradEnabled();
  });
  assert.not.ok(inside);
  assert.ok(isGradEnabled());
});

mode('restores grad mode after the function throws', () => {
  const boom = new Error('boom');
  let caught: unknown = null;
  try {
    noGrad(() => {
      throw boom;
    });
  } catch (error) {
    caught = error;
  }
  assert.is(caught, boom, 'noGrad rethrows the error unchanged');
  assert.ok(isGradEnabled());
  const x = tensor([1], { requiresGrad: true });
  assert.ok(x.mul(2).requiresGrad, 'ops record again after the throw');
});

mode(
  'refuses an async function: it would record after its first await',
  async () => {
    let caught: unknown = null;
    try {
      noGrad(async () => {
        await null;
      });
    } catch (error) {
      caught = error;
    }
    assert.instance(caught, NotSupportedError);
    const message = (caught as Error).message;
    assert.ok(
      message.startsWith(
        'noGrad: fn returned a promise, but noGrad covers synchronous ' +
          'code only',
      ),
      message,
    );
    assert.ok(isGradEnabled(), 'grad mode is back on');
    // Let the abandoned async function finish: it must not throw later.
    await new Promise((resolve) => setTimeout(resolve, 0));
  },
);

mode('refuses a rejecting promise without an unhandled rejection', async () => {
  let unhandled = 0;
  const count = (): void => {
    unhandled++;
  };
  process.on('unhandledRejection', count);
  try {
    assert.throws(
      () => noGrad(() => Promise.reject(new Error('late'))),
      (e: Error) => e instanceof NotSupportedError,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    process.off('unhandledRejection', count);
  }
  assert.is(unhandled, 0);
});

mode('nests: an inner noGrad leaves the outer one off when it returns', () => {
  const modes: boolean[] = [];
  noGrad(() => {
    noGrad(() => modes.push(isGradEnabled()));
    modes.push(isGradEnabled());
  });
  modes.push(isGradEnabled());
  assert.equal(modes, [false, false, true]);
});

mode.run();

const recording = suite('record');

recording('records nothing when no input requires grad', () => {
  const x = tensor([1, 2]);
  const out = x.clone();
  const before = tapeStats().recorded;
  const result = record('test', out, [x], (dy) => [dy]);
  assert.is(result, out);
  assert.is(out.node, null);
  assert.not.ok(out.requiresGrad);
  assert.is(tapeStats().recorded, before);
});

recording('gives the output a node naming the op and its inputs', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const c = tensor([3, 4]);
  const out = record('test', x.detach().clone(), [x, c], (dy) => [dy, null]);
  assert.ok(out.requiresGrad);
  assert.is(out.node!.op, 'test');
  assert.is(out.node!.inputs.length, 2);
  assert.is(out.node!.inputs[0], x);
  assert.not.ok(out.node!.released);
});

recording('refuses to record a tensor another op already made', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = x.mul(2);
  let caught: unknown = null;
  try {
    record('test', y, [x], (dy) => [dy]);
  } catch (error) {
    caught = error;
  }
  assert.instance(caught, AutogradError);
  assert.match(
    (caught as Error).message,
    'internal: test recorded a tensor that mul already made',
  );
  assert.is(y.node!.op, 'mul');
});

recording('numbers nodes in the order they are made', () => {
  const x = tensor([1], { requiresGrad: true });
  const a = x.mul(2);
  const b = a.exp();
  assert.ok(b.node!.seq > a.node!.seq);
});

recording.run();

const detach = suite('detach');

detach('cuts the graph: no gradient flows through a detached branch', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  const d = x.mul(2).detach();
  assert.not.ok(d.requiresGrad);
  assert.is(d.node, null);
  d.mul(x).sum().backward();
  // d(d · x)/dx = d = 2x, with no term through d
  assert.equal(x.grad!.toArray(), [2, 4]);
});

detach.run();

const memory = suite('tape memory');

/** Builds one small graph on a [4, 5] leaf: matmul, relu, logSoftmax, sum. */
function smallGraph(g: Generator): { loss: Tensor; intermediates: Tensor[] } {
  const x = randn([4, 5], {
    dtype: 'float64',
    generator: g,
    requiresGrad: true,
  });
  const w = randn([5, 3], {
    dtype: 'float64',
    generator: g,
    requiresGrad: true,
  });
  const h = x.matmul(w);
  const r = h.relu();
  const l = r.logSoftmax(1);
  const loss = l.sum();
  return { loss, intermediates: [x, w, h, r, l] };
}

/**
 * Builds and back-propagates `count` graphs, checking `liveNodes` around
 * each one. Returns the losses and weak references to everything else, and
 * nothing strong to the intermediates: it is synchronous, so no stack frame
 * of the async test keeps them.
 */
function buildMany(
  count: number,
  retainGraph: boolean,
): { losses: Tensor[]; refs: WeakRef<object>[] } {
  const g = new Generator(2024);
  const losses: Tensor[] = [];
  const refs: WeakRef<object>[] = [];
  const startLive = tapeStats().liveNodes;
  for (let i = 0; i < count; i++) {
    const { loss, intermediates } = smallGraph(g);
    const live = tapeStats().liveNodes;
    if (!retainGraph) {
      assert.ok(live > startLive, `graph ${i}: the forward recorded no node`);
    }
    loss.backward(undefined, { retainGraph });
    if (!retainGraph) {
      assert.is(
        tapeStats().liveNodes,
        startLive,
        `graph ${i}: nodes still live`,
      );
    }
    losses.push(loss);
    for (const t of intermediates) {
      refs.push(new WeakRef(t));
      if (t.node !== null) refs.push(new WeakRef(t.node));
    }
  }
  return { losses, refs };
}

/** Lets the current job end (so WeakRefs may clear), then collects twice. */
async function collect(): Promise<void> {
  const gc = globalThis.gc;
  assert.ok(
    gc !== undefined,
    'globalThis.gc is missing: run the tests via npm test, which starts node ' +
      'with --expose-gc (or run node --expose-gc node_modules/uvu/bin.js ...).',
  );
  for (let round = 0; round < 2; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
}

memory('keeps no node live after each of 1000 backward passes', () => {
  buildMany(1000, false);
});

memory('lets go of every saved tensor of 1000 finished graphs', async () => {
  const { losses, refs } = buildMany(1000, false);
  await collect();
  const alive = refs.filter((r) => r.deref() !== undefined).length;
  assert.is(
    alive,
    0,
    `${alive} of ${refs.length} intermediates or nodes survived gc`,
  );
  // The losses themselves are still held, and their nodes hold nothing.
  assert.is(losses.length, 1000);
  const emptied = losses.every(
    (y) => y.node!.released && y.node!.inputs.length === 0,
  );
  assert.ok(emptied, 'a finished loss node still holds its inputs');
});

memory(
  'control: with retainGraph the held losses keep their graphs alive',
  async () => {
    // Shows the check above can fail: while a graph is retained, its nodes
    // hold their inputs, so holding the loss holds everything.
    const { losses, refs } = buildMany(50, true);
    await collect();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    assert.is(alive, refs.length, 'a retained graph was collected');
    assert.is(losses.length, 50);
  },
);

memory.run();
