import cliProgress from 'cli-progress';

/** Reports training as it goes: a bar on a terminal, plain lines elsewhere. */
export interface Progress {
  startEpoch(epoch: number, steps: number): void;
  step(loss: number): void;
  endEpoch(line: string): void;
}

/**
 * On a terminal, a progress bar within each epoch (cli-progress), replaced
 * by the epoch's summary line when it ends. Off a terminal (CI, logs, a
 * pipe), where progress bars print nothing, only the summary lines.
 */
export function createProgress(
  stream: NodeJS.WriteStream = process.stdout,
): Progress {
  if (!stream.isTTY) {
    return {
      startEpoch: () => {},
      step: () => {},
      endEpoch: (line) => stream.write(`${line}\n`),
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'epoch {epoch} [{bar}] {value}/{total} steps | loss {loss}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let sum = 0;
  let count = 0;
  return {
    startEpoch(epoch, steps) {
      sum = 0;
      count = 0;
      bar.start(steps, 0, { epoch, loss: '-' });
    },
    step(loss) {
      sum += loss;
      count++;
      bar.increment({ loss: (sum / count).toFixed(4) });
    },
    endEpoch(line) {
      bar.stop();
      stream.write(`${line}\n`);
    },
  };
}
