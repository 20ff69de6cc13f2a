import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createProgress } from '../../src/cli/progress.js';

/**
 * A stand-in for process.stdout that records what is written. cli-progress
 * moves the cursor through node:readline, which writes escape codes with
 * `write`; the cursor methods of a tty.WriteStream are there as no-ops in
 * case a version calls them directly.
 */
function fakeStream(isTTY: boolean): {
  stream: NodeJS.WriteStream;
  writes: string[];
} {
  const writes: string[] = [];
  const fake = {
    isTTY,
    columns: 100,
    rows: 30,
    write(chunk: string | Uint8Array): boolean {
      writes.push(String(chunk));
      return true;
    },
    cursorTo: (): boolean => true,
    moveCursor: (): boolean => true,
    clearLine: (): boolean => true,
    clearScreenDown: (): boolean => true,
    getWindowSize: (): [number, number] => [100, 30],
  };
  return { stream: fake as unknown as NodeJS.WriteStream, writes };
}

const ERASE_LINE = '\x1b[2K';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';

const create = suite('createProgress');

create('off a terminal, prints nothing while an epoch runs', () => {
  const { stream, writes } = fakeStream(false);
  const progress = createProgress(stream);

  progress.startEpoch(1, 3);
  progress.step(0.9);
  progress.step(0.8);
  progress.step(0.7);

  assert.equal(writes, []);
});

create('off a terminal, prints exactly the summary line per epoch', () => {
  const { stream, writes } = fakeStream(false);
  const progress = createProgress(stream);

  for (const epoch of [1, 2]) {
    progress.startEpoch(epoch, 2);
    progress.step(0.5);
    progress.step(0.25);
    progress.endEpoch(`epoch ${epoch}/2  train loss 0.3750`);
  }

  assert.equal(writes, [
    'epoch 1/2  train loss 0.3750\n',
    'epoch 2/2  train loss 0.3750\n',
  ]);
});

create('on a terminal, draws the bar when an epoch starts', () => {
  const { stream, writes } = fakeStream(true);
  const progress = createProgress(stream);

  progress.startEpoch(2, 4);
  const atStart = writes.join('');
  progress.endEpoch('epoch 2/3');

  assert.ok(atStart.includes(HIDE_CURSOR), 'hides the cursor');
  // The bar's format in src/cli/progress.ts, before any step: loss '-'.
  assert.match(atStart, /epoch 2 \[[^\]]+\] 0\/4 steps \| loss -/);
});

create('on a terminal, the bar ends at the running mean of the steps', () => {
  const { stream, writes } = fakeStream(true);
  const progress = createProgress(stream);

  progress.startEpoch(1, 4);
  const atStart = writes.length;
  for (const loss of [0.4, 0.3, 0.2, 0.1]) progress.step(loss);
  progress.endEpoch('epoch 1/1');
  const drawn = writes.slice(atStart).join('');

  // (0.4 + 0.3 + 0.2 + 0.1) / 4 = 0.25, printed with toFixed(4).
  assert.match(drawn, /epoch 1 \[[^\]]+\] 4\/4 steps \| loss 0\.2500/);
});

create('on a terminal, erases the bar and writes the summary line last', () => {
  const { stream, writes } = fakeStream(true);
  const progress = createProgress(stream);

  progress.startEpoch(1, 2);
  progress.step(1);
  progress.step(2);
  progress.endEpoch('epoch 1/1  train loss 1.5000');
  const beforeSummary = writes.slice(0, -1).join('');

  assert.is(writes.at(-1), 'epoch 1/1  train loss 1.5000\n');
  assert.ok(beforeSummary.endsWith(ERASE_LINE), 'erases the bar first');
  assert.ok(beforeSummary.includes(SHOW_CURSOR), 'shows the cursor again');
  assert.is(writes.join('').split('\n').length - 1, 1, 'one newline in all');
});

create('on a terminal, starts a fresh bar and mean each epoch', () => {
  const { stream, writes } = fakeStream(true);
  const progress = createProgress(stream);

  progress.startEpoch(1, 1);
  progress.step(8);
  progress.endEpoch('epoch 1/2');
  const secondStart = writes.length;
  progress.startEpoch(2, 1);
  progress.step(2);
  progress.endEpoch('epoch 2/2');
  const second = writes.slice(secondStart).join('');

  // Epoch 2's mean is its one loss, 2, not (8 + 2) / 2.
  assert.match(second, /epoch 2 \[[^\]]+\] 0\/1 steps \| loss -/);
  assert.match(second, /1\/1 steps \| loss 2\.0000/);
  assert.is(writes.at(-1), 'epoch 2/2\n');
});

create.run();
