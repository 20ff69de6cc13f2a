import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CheckpointError,
  DTypeError,
  encodeSafetensors,
  load,
  loadCheckpoint,
  save,
  tensor,
  type Tensor,
} from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';

// Files go to a fresh directory under os.tmpdir(), removed afterwards.
// Expected values are the saved tensors themselves.

let root = '';

/** A fresh empty directory for one test. */
function freshDir(): string {
  return mkdtempSync(join(root, 'case-'));
}

function stateDict(): Record<string, Tensor> {
  return {
    'fc.weight': tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'float32' },
    ),
    'fc.bias': tensor([0.5, -0.5], { dtype: 'float64' }),
    steps: tensor(12, { dtype: 'int32' }),
  };
}

/** Shape, dtype and values of every tensor, for `assert.equal`. */
function contents(tensors: Record<string, Tensor>): unknown {
  return Object.fromEntries(
    Object.entries(tensors)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, t]) => [k, [t.dtype, t.shape, Array.from(t.values())]]),
  );
}

const checkpoint = suite('save and load');

checkpoint.before(() => {
  root = mkdtempSync(join(tmpdir(), 'tapegrad-io-'));
});

checkpoint.after(() => {
  rmSync(root, { recursive: true, force: true });
});

checkpoint('round-trips a state dict, creating parent directories', () => {
  const path = join(freshDir(), 'runs', 'mnist', 'epoch-1.safetensors');

  save(stateDict(), path);

  assert.equal(contents(load(path)), contents(stateDict()));
});

checkpoint(
  'writes the bytes encodeSafetensors gives, metadata included',
  () => {
    const path = join(freshDir(), 'model.safetensors');

    save(stateDict(), path, { metadata: { epoch: '1' } });

    const expected = encodeSafetensors(stateDict(), { epoch: '1' });
    assert.equal(Array.from(readFileSync(path)), Array.from(expected));
    const { tensors, metadata } = loadCheckpoint(path);
    assert.equal(metadata, { epoch: '1' });
    assert.equal(contents(tensors), contents(stateDict()));
  },
);

checkpoint('replaces an older checkpoint at the same path', () => {
  const path = join(freshDir(), 'model.safetensors');
  save({ w: tensor([1, 2]) }, path);

  save({ w: tensor([3, 4, 5]) }, path);

  assert.equal(Array.from(load(path).w!.values()), [3, 4, 5]);
});

checkpoint('a save failing midway leaves the old file and no temp file', () => {
  const dir = freshDir();
  const path = join(dir, 'model.safetensors');
  save(stateDict(), path);
  const before = readFileSync(path);
  // `z.weight` sorts after `a.weight` (both float32), so its values are read
  // after the header and `a.weight` are in the temporary file.
  let filesMidway: string[] = [];
  const failing = tensor([1, 2, 3]);
  Object.defineProperty(failing, 'values', {
    value: () => {
      filesMidway = readdirSync(dir);
      throw new Error('disk fell over');
    },
  });

  assertThrows(
    () => save({ 'a.weight': tensor([9, 9]), 'z.weight': failing }, path),
    CheckpointError,
    `save: could not write '${path}': disk fell over`,
    'previous file there is unchanged',
  );

  const temps = filesMidway.filter((name) => name.endsWith('.tmp'));
  assert.is(temps.length, 1, `files midway: ${filesMidway.join(', ')}`);
  assert.equal(readdirSync(dir), ['model.safetensors']);
  assert.equal(Array.from(readFileSync(path)), Array.from(before));
  assert.equal(contents(load(path)), contents(stateDict()));
});

checkpoint(
  'a state dict whose getter throws leaves the old file intact',
  () => {
    const dir = freshDir();
    const path = join(dir, 'model.safetensors');
    save(stateDict(), path);
    const before = readFileSync(path);
    const broken = {
      get w(): Tensor {
        throw new Error('parameter w is gone');
      },
    };

    assertThrows(() => save(broken, path), Error, 'parameter w is gone');

    assert.equal(readdirSync(dir), ['model.safetensors']);
    assert.equal(Array.from(readFileSync(path)), Array.from(before));
  },
);

checkpoint(
  'refuses a value that is not a tensor before touching the disk',
  () => {
    const dir = freshDir();
    const bad = { w: [1, 2] } as unknown as Record<string, Tensor>;

    const path = join(dir, 'm.safetensors');
    assertThrows(
      () => save(bad, path),
      DTypeError,
      "save: tensors['w'] must be a Tensor, got [1,2].",
      'Pass a record of tensors, such as model.stateDict().',
    );

    assert.equal(readdirSync(dir), []);
  },
);

checkpoint('a truncated file fails to load, naming the file and tensor', () => {
  const path = join(freshDir(), 'model.safetensors');
  save(stateDict(), path);
  const size = readFileSync(path).length;

  truncateSync(path, size - 3);
  assertThrows(
    () => load(path),
    CheckpointError,
    `load: '${path}': tensor 'steps' has data_offsets`,
    'past the end of the data',
    'truncated',
  );
  truncateSync(path, 5);
  const short = `load: '${path}': the file is 5 bytes`;
  assertThrows(() => load(path), CheckpointError, short);
});

checkpoint('a corrupt header fails to load, naming the file', () => {
  const path = join(freshDir(), 'model.safetensors');
  save(stateDict(), path);
  const bytes = readFileSync(path);
  bytes[8] = 0x5b; // '{' becomes '[': the header no longer parses

  writeFileSync(path, bytes);

  assertThrows(
    () => loadCheckpoint(path),
    CheckpointError,
    `loadCheckpoint: '${path}': the header is not valid JSON`,
  );
});

checkpoint('a missing file fails to load with the path and a hint', () => {
  const path = join(freshDir(), 'nothing.safetensors');
  assertThrows(
    () => load(path),
    CheckpointError,
    `load: cannot read '${path}'`,
    'save a checkpoint there first',
  );
});

checkpoint.run();
