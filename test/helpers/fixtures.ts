import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tensor, type DType, type Tensor } from '../../src/index.js';

/** A tensor as the reference file stores it: flat row-major data. */
export interface EncodedTensor {
  shape: number[];
  dtype: 'float64' | 'int32';
  data: (number | string)[];
}

/** One case of `test/fixtures/torch-reference.json`; see its README. */
export interface ReferenceCase {
  name: string;
  op: string;
  options: Record<string, unknown>;
  inputs: Record<string, EncodedTensor>;
  output?: EncodedTensor;
  upstream?: EncodedTensor;
  grads?: Record<string, EncodedTensor>;
  history?: EncodedTensor[];
  note?: string;
}

// Tests run from dist/test/helpers; the fixtures stay in the source tree.
const FIXTURE = fileURLToPath(
  new URL('../../../test/fixtures/torch-reference.json', import.meta.url),
);

let cached: ReferenceCase[] | null = null;

/** Every case of the PyTorch reference file copied into the repository. */
export function referenceCases(): ReferenceCase[] {
  cached ??= (
    JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: ReferenceCase[] }
  ).cases;
  return cached;
}

/** Non-finite numbers are stored as the strings "nan", "inf", "-inf". */
export function decodeNumber(v: number | string): number {
  if (typeof v === 'number') return v;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  throw new Error(`fixture: unknown number encoding ${JSON.stringify(v)}`);
}

/**
 * The stored tensor as a tapegrad tensor; float data in `floatDType`
 * (float64 by default), int32 data as int32.
 */
export function decode(
  encoded: EncodedTensor,
  floatDType: DType = 'float64',
  requiresGrad = false,
): Tensor {
  const dtype = encoded.dtype === 'int32' ? 'int32' : floatDType;
  return tensor(encoded.data.map(decodeNumber), {
    dtype,
    shape: encoded.shape,
    requiresGrad: requiresGrad && dtype !== 'int32',
  });
}
