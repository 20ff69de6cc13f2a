import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CheckpointError,
  DTypeError,
  NotSupportedError,
  decodeSafetensors,
  encodeSafetensors,
  tensor,
  transpose,
  type DType,
  type Tensor,
} from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';

// Expected bytes here are built by hand from the safetensors layout, not by
// the encoder: an 8-byte little-endian u64 header length N, N bytes of
// compact UTF-8 JSON padded with spaces to a multiple of 8, then the raw
// little-endian values. Python's safetensors is not installed here, so these
// hand-built files (and the byte vectors from the Rust crate's own tests in
// huggingface/safetensors, safetensors/src/tensor.rs) are the evidence that
// we write what Python writes.

/** `n` as the format's first field: 8 bytes, little-endian. */
function u64(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 8; i++, n = Math.floor(n / 256)) out.push(n % 256);
  return out;
}

function utf8(text: string): number[] {
  return Array.from(new TextEncoder().encode(text));
}

/**
 * A file from a header written out by hand: its length, the header padded
 * with spaces to a multiple of 8 (unless `pad` is false), then `data`.
 */
function file(header: string, data: number[] = [], pad = true): Uint8Array {
  let json = utf8(header);
  if (pad) json = json.concat(Array(-json.length & 7).fill(0x20));
  return Uint8Array.from([...u64(json.length), ...json, ...data]);
}

/** The values, bit for bit: NaN and -0 compare by their bytes. */
function bits(t: Tensor): number[] {
  const v = t.values();
  return Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
}

const encode = suite('encodeSafetensors');

encode('writes {a: F32 [2] = [1, 2], b: I32 [1] = [7]} byte for byte', () => {
  const bytes = encodeSafetensors({
    b: tensor([7], { dtype: 'int32' }),
    a: tensor([1, 2], { dtype: 'float32' }),
  });

  // The header is 108 bytes of JSON: compact, keys dtype, shape,
  // data_offsets; `a` first (F32 sorts before I32). Four spaces pad it to
  // 112 = 0x70, so the data starts 8-byte aligned at byte 120.
  const header =
    '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},' +
    '"b":{"dtype":"I32","shape":[1],"data_offsets":[8,12]}}';
  const expected = [
    ...[0x70, 0, 0, 0, 0, 0, 0, 0],
    ...utf8(header),
    ...utf8('    '),
    ...[0x00, 0x00, 0x80, 0x3f], // 1.0f = 0x3f800000, little-endian
    ...[0x00, 0x00, 0x00, 0x40], // 2.0f = 0x40000000
    ...[0x07, 0x00, 0x00, 0x00], // int32 7
  ];
  assert.is(header.length, 108);
  assert.equal(Array.from(bytes), expected);
});

encode(
  'orders the data F64, F32, I32 before names: a:I32, b:F64, c:F32',
  () => {
    const bytes = encodeSafetensors({
      a: tensor([1], { dtype: 'int32' }),
      b: tensor([1], { dtype: 'float64' }),
      c: tensor([1], { dtype: 'float32' }),
    });

    // Python sorts by dtype, larger Rust `Dtype` variants first, then name.
    const header =
      '{"b":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},' +
      '"c":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},' +
      '"a":{"dtype":"I32","shape":[1],"data_offsets":[12,16]}}';
    const data = [
      ...[0, 0, 0, 0, 0, 0, 0xf0, 0x3f], // 1.0 = 0x3ff0000000000000
      ...[0, 0, 0x80, 0x3f], // 1.0f
      ...[1, 0, 0, 0], // int32 1
    ];
    assert.equal(Array.from(bytes), Array.from(file(header, data)));
  },
);

encode('matches the byte vectors in the Rust crate tests', () => {
  const f32 = (shape: number[]): Tensor =>
    tensor([0, 1, 2, 3, 4, 5], { dtype: 'float32', shape });
  const values = new Float32Array([0, 1, 2, 3, 4, 5]);
  const data = Array.from(new Uint8Array(values.buffer));

  // test_serialization: 64 bytes of JSON, already a multiple of 8.
  const attn = encodeSafetensors({ 'attn.0': f32([1, 2, 3]) });
  const attnHeader =
    '{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}';
  assert.equal(Array.from(attn), [...u64(64), ...utf8(attnHeader), ...data]);
  // test_serialization_forced_alignement: 65 bytes, padded by 7 to 72.
  const attn0 = encodeSafetensors({ attn0: f32([1, 1, 2, 3]) });
  const attn0Header =
    '{"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}}';
  const padded = [...utf8(attn0Header), ...Array(7).fill(0x20)];
  assert.equal(Array.from(attn0), [...u64(72), ...padded, ...data]);
  // test_empty: `{}` padded to 8; with metadata, 35 bytes padded to 40.
  assert.equal(Array.from(encodeSafetensors({})), [
    ...u64(8),
    ...utf8('{}      '),
  ]);
  const framework = encodeSafetensors({}, { framework: 'pt' });
  const frameworkHeader = '{"__metadata__":{"framework":"pt"}}     ';
  assert.equal(Array.from(framework), [...u64(40), ...utf8(frameworkHeader)]);
});

encode('puts __metadata__ first, keys sorted; scalar [] and empty [0]', () => {
  const bytes = encodeSafetensors(
    { w: tensor(0.5), e: tensor([]) },
    { format: 'pt', epoch: '3' },
  );

  const header =
    '{"__metadata__":{"epoch":"3","format":"pt"},' +
    '"e":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},' +
    '"w":{"dtype":"F32","shape":[],"data_offsets":[0,4]}}';
  // 0.5f = 0x3f000000
  assert.equal(Array.from(bytes), Array.from(file(header, [0, 0, 0, 0x3f])));
});

encode(
  'writes "__metadata__":{} for empty metadata, nothing when omitted',
  () => {
    const empty = encodeSafetensors({}, {});
    assert.equal(Array.from(empty), Array.from(file('{"__metadata__":{}}')));
    assert.equal(Array.from(encodeSafetensors({})), Array.from(file('{}')));
  },
);

encode('escapes names as serde_json: raw UTF-8, \\n and \\u0001', () => {
  const bytes = encodeSafetensors({
    'é\n\u0001': tensor([], { dtype: 'int32' }),
  });

  // é is raw UTF-8 (c3 a9); control characters take JSON escapes.
  const header =
    '{"é\\n\\u0001":{"dtype":"I32","shape":[0],"data_offsets":[0,0]}}';
  assert.equal(Array.from(bytes), Array.from(file(header)));
});

encode('sorts names by UTF-8 bytes: U+FB01 before U+1F600', () => {
  const bytes = encodeSafetensors({
    '\u{1F600}': tensor([], { dtype: 'int32' }),
    '\uFB01': tensor([], { dtype: 'int32' }),
  });

  // UTF-8 ef ac 81 < f0 9f 98 80, although in UTF-16 0xd83d < 0xfb01.
  const text = new TextDecoder().decode(bytes);
  assert.ok(text.indexOf('\uFB01') < text.indexOf('\u{1F600}'), text);
});

encode('writes a transposed [3, 2] view in row-major order', () => {
  const t = transpose(
    tensor(
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      { dtype: 'int32' },
    ),
    0,
    1,
  );

  const decoded = decodeSafetensors(encodeSafetensors({ t })).tensors.t!;

  assert.equal(decoded.shape, [3, 2]);
  assert.equal(Array.from(decoded.values()), [0, 3, 1, 4, 2, 5]);
});

encode('rejects a value that is not a tensor, naming it', () => {
  const bad = { w: tensor([1]), b: [1, 2] } as unknown as Record<
    string,
    Tensor
  >;
  assertThrows(
    () => encodeSafetensors(bad),
    DTypeError,
    "encodeSafetensors: tensors['b'] must be a Tensor, got [1,2].",
    'Pass a record of tensors, such as model.stateDict().',
  );
});

encode('rejects the reserved name __metadata__ and non-text metadata', () => {
  assertThrows(
    () => encodeSafetensors({ __metadata__: tensor([1]) }),
    CheckpointError,
    "the name '__metadata__' is reserved",
  );
  const metadata = { epoch: 3 } as unknown as Record<string, string>;
  assertThrows(
    () => encodeSafetensors({}, metadata),
    DTypeError,
    "metadata['epoch'] must be a string, got 3",
  );
});

encode('rejects tensors that are not a record, with the fix', () => {
  const list = [tensor([1])] as unknown as Record<string, Tensor>;
  assertThrows(
    () => encodeSafetensors(list),
    DTypeError,
    'encodeSafetensors: tensors must be a plain object (a record by name), ' +
      'got [',
    "Pass entries by name, e.g. { 'fc.weight': w }.",
  );
});

encode('rejects an unpaired surrogate, which UTF-8 cannot store', () => {
  assertThrows(
    () => encodeSafetensors({ ['w\uD800']: tensor([1]) }),
    CheckpointError,
    'unpaired UTF-16 surrogate',
  );
});

encode.run();

const decode = suite('decodeSafetensors');

decode(
  'round-trips float32, float64, int32 of ranks 0-3, empty ones too',
  () => {
    const cases: [DType, number[], number[]][] = [
      ['float32', [], [2.5]],
      ['float32', [0], []],
      ['float32', [3], [NaN, -0, Infinity]],
      ['float64', [2, 3], [0.1, -1e300, 5e-324, -Infinity, 1 / 3, 7]],
      ['float64', [2, 0, 3], []],
      ['int32', [2, 2, 2], [-(2 ** 31), 2 ** 31 - 1, 0, -1, 1, 2, 3, 4]],
      ['int32', [], [-7]],
    ];
    const input: Record<string, Tensor> = {};
    cases.forEach(([dtype, shape, values], i) => {
      input[`t${i}`] = tensor(values, { dtype, shape });
    });

    const { tensors, metadata } = decodeSafetensors(encodeSafetensors(input));

    assert.equal(Object.keys(tensors).sort(), Object.keys(input).sort());
    assert.equal(metadata, {});
    for (const [name, t] of Object.entries(input)) {
      const got = tensors[name]!;
      assert.is(got.dtype, t.dtype, name);
      assert.equal(got.shape, t.shape, name);
      assert.equal(bits(got), bits(t), name);
    }
  },
);

decode('rejects bytes that are not a Uint8Array with a DTypeError', () => {
  const text = 'not bytes' as unknown as Uint8Array;
  assertThrows(
    () => decodeSafetensors(text),
    DTypeError,
    "decodeSafetensors: expected the file's bytes as a Uint8Array (a " +
      'Buffer is one), got "not bytes".',
    'Read the file with fs.readFileSync(path), or call load(path) instead.',
  );
});

decode('returns the metadata', () => {
  const bytes = encodeSafetensors(
    { w: tensor([1]) },
    { epoch: '3', note: 'é' },
  );
  assert.equal(decodeSafetensors(bytes).metadata, { epoch: '3', note: 'é' });
});

decode(
  'copies out of the file: aligned, owned, unmoved by later writes',
  () => {
    const encoded = encodeSafetensors({
      w: tensor([1.5, -2], { dtype: 'float64' }),
    });
    // Place the file at an odd offset, so its float64 data is misaligned.
    const shifted = new Uint8Array(encoded.length + 1).subarray(1);
    shifted.set(encoded);

    const w = decodeSafetensors(shifted).tensors.w!;
    shifted.fill(0);

    assert.is(w.values().byteOffset % 8, 0);
    assert.ok(w.values().buffer !== shifted.buffer);
    assert.equal(Array.from(w.values()), [1.5, -2]);
  },
);

decode(
  'reads an unpadded header and any entry order, as other writers make',
  () => {
    // The Rust crate's doc example: a 60-byte header, not padded to 8.
    const doc = '{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}}';
    const ints = [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0];
    const test = decodeSafetensors(file(doc, ints, false)).tensors.test!;
    assert.equal(test.toArray(), [
      [1, 2],
      [3, 4],
    ]);
    // `z` listed first but stored second; `__metadata__` last.
    const header =
      '{"z":{"dtype":"I32","shape":[1],"data_offsets":[4,8]},' +
      '"a":{"dtype":"I32","shape":[1],"data_offsets":[0,4]},' +
      '"__metadata__":{"k":"v"}}';
    const data = [5, 0, 0, 0, 9, 0, 0, 0];
    const { tensors, metadata } = decodeSafetensors(file(header, data));
    assert.equal([tensors.a!.item(), tensors.z!.item()], [5, 9]);
    assert.equal(metadata, { k: 'v' });
  },
);

decode('keeps a tensor named __proto__ as an own entry', () => {
  // A computed key makes an own property, not the object's prototype.
  const bytes = encodeSafetensors({ ['__proto__']: tensor([4]) });
  const { tensors } = decodeSafetensors(bytes);
  assert.ok(Object.hasOwn(tensors, '__proto__'));
  assert.equal(Object.keys(tensors), ['__proto__']);
});

decode('rejects a file shorter than 8 bytes, naming it', () => {
  assertThrows(
    () => decodeSafetensors(new Uint8Array(5), 'model.safetensors'),
    CheckpointError,
    "decodeSafetensors: 'model.safetensors': the file is 5 bytes, too short",
  );
});

decode('rejects a header length beyond the file, or over 100 MB', () => {
  const bytes = Uint8Array.from([...u64(200), ...utf8('{}')]);
  assertThrows(
    () => decodeSafetensors(bytes, 'm.st'),
    CheckpointError,
    "'m.st': the header length says 200 bytes, but only 2 follow it",
    'truncated',
  );
  const huge = Uint8Array.from([...u64(2 ** 40), ...utf8('{}')]);
  assertThrows(
    () => decodeSafetensors(huge),
    CheckpointError,
    'over the 100 MB',
  );
});

decode('rejects a header that is not UTF-8, not JSON, or not an object', () => {
  const notUtf8 = Uint8Array.from([
    ...u64(8),
    0x7b,
    0xff,
    0x7d,
    ...utf8('     '),
  ]);
  assertThrows(
    () => decodeSafetensors(notUtf8),
    CheckpointError,
    'the buffer: the header is not valid UTF-8',
  );
  const json = 'not valid JSON';
  assertThrows(() => decodeSafetensors(file('{"a":')), CheckpointError, json);
  // A byte-order mark is not JSON whitespace; serde_json refuses it too.
  assertThrows(
    () => decodeSafetensors(file('\uFEFF{}')),
    CheckpointError,
    json,
  );
  assertThrows(
    () => decodeSafetensors(file('[1,2]')),
    CheckpointError,
    'the header must be a JSON object, got [1,2]',
  );
});

decode('rejects an unknown dtype, naming the tensor', () => {
  const header = '{"w":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}}';
  assertThrows(
    () => decodeSafetensors(file(header, [0, 0, 0, 0]), 'm.st'),
    CheckpointError,
    `'m.st': tensor 'w' has unknown dtype "F33"`,
  );
});

decode('refuses F16 and I64 with NotSupportedError, naming the tensor', () => {
  const header = '{"ids":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}';
  assertThrows(
    () => decodeSafetensors(file(header, Array(8).fill(0))),
    NotSupportedError,
    "tensor 'ids' has dtype I64, which tapegrad cannot hold",
  );
});

decode('rejects a bad shape or data_offsets entry', () => {
  const shape = '{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}';
  assertThrows(
    () => decodeSafetensors(file(shape, [0, 0, 0, 0])),
    CheckpointError,
    "tensor 'w': shape must be a list of whole numbers >= 0, got [-1]",
  );
  const offsets = '{"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}}';
  assertThrows(
    () => decodeSafetensors(file(offsets, [0, 0, 0, 0])),
    CheckpointError,
    "tensor 'w': data_offsets must be two whole numbers >= 0, got [0]",
  );
});

decode('rejects data_offsets that disagree with shape x dtype', () => {
  const header = '{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}}';
  assertThrows(
    () => decodeSafetensors(file(header, Array(12).fill(0))),
    CheckpointError,
    "tensor 'w' has data_offsets [0, 12] (12 bytes), but shape [2, 2] " +
      'of F32 needs 16 bytes',
  );
});

decode('rejects overlapping data_offsets and gaps between tensors', () => {
  const overlap =
    '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},' +
    '"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}';
  assertThrows(
    () => decodeSafetensors(file(overlap, Array(12).fill(0))),
    CheckpointError,
    "tensor 'b' has data_offsets [4, 12], overlapping tensor 'a', which ends at 8",
  );
  const gap = '{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}';
  assertThrows(
    () => decodeSafetensors(file(gap, Array(8).fill(0))),
    CheckpointError,
    "tensor 'a' has data_offsets [4, 8], leaving bytes [0, 4) of the data unused",
  );
});

decode('rejects data_offsets past the end: a truncated data section', () => {
  const header = '{"w":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}';
  assertThrows(
    () => decodeSafetensors(file(header, Array(10).fill(0)), 'm.st'),
    CheckpointError,
    "'m.st': tensor 'w' has data_offsets [0, 16], past the end of the " +
      'data (10 bytes)',
    'truncated',
  );
});

decode('rejects trailing bytes after the last tensor', () => {
  const header = '{"w":{"dtype":"I32","shape":[1],"data_offsets":[0,4]}}';
  assertThrows(
    () => decodeSafetensors(file(header, [1, 0, 0, 0, 0xde, 0xad])),
    CheckpointError,
    '2 bytes of trailing data follow the last tensor',
  );
});

decode('rejects metadata that is not text', () => {
  assertThrows(
    () => decodeSafetensors(file('{"__metadata__":{"epoch":3}}')),
    CheckpointError,
    "__metadata__ entry 'epoch' must be a string, got 3",
  );
});

decode.run();
