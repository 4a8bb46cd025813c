import { describe, expect, test } from '@jest/globals';
import type { Output } from '../../src/cli/context.js';
import { createProgressDisplay } from '../../src/queue/progress.js';
import type { QueueProgress } from '../../src/queue/types.js';

function capture(isTTY: boolean): Output & { text(): string } {
  const chunks: string[] = [];
  return { isTTY, write: (text) => void chunks.push(text), text: () => chunks.join('') };
}

const event = (
  type: QueueProgress['type'],
  segmentsDone: number,
  extra: Partial<QueueProgress> = {},
): QueueProgress => ({
  type,
  segmentsDone,
  segmentsTotal: 200,
  charactersDone: segmentsDone * 10,
  charactersTotal: 2000,
  requests: 0,
  retries: 0,
  ...extra,
});

describe('progress display', () => {
  test('not a terminal: plain lines at each 10% step and one per pause', () => {
    const output = capture(false);
    const display = createProgressDisplay(output, { requests: 4 });
    display.update(event('start', 0));
    display.update(event('batch', 10));
    display.update(event('batch', 20));
    display.update(event('backoff', 20, { backoffMs: 1500, backoffKind: 'rate-limited', retries: 1 }));
    display.update(event('batch', 70, { retries: 1 }));
    display.update(event('batch', 200, { retries: 1 }));
    display.update(event('end', 200, { retries: 1 }));
    display.stop();
    expect(output.text()).toBe(
      [
        'Translating: segments 200, requests 4, characters 2000…',
        'Translated: segments 20/200 (10%), characters 200, retries 0',
        'The engine reported too many requests (429): all requests pause for 1.5 s.',
        'Translated: segments 70/200 (35%), characters 700, retries 1',
        'Translated: segments 200/200 (100%), characters 2000, retries 1',
        '',
      ].join('\n'),
    );
  });

  test('nothing to send: no output', () => {
    const output = capture(false);
    createProgressDisplay(output).update({ ...event('start', 0), segmentsTotal: 0 });
    expect(output.text()).toBe('');
  });

  test('terminal: a bar with segments, characters and ETA, redrawn in place', () => {
    const output = capture(true);
    const display = createProgressDisplay(output, { columns: 120 });
    display.update(event('start', 0));
    display.update(event('batch', 100));
    display.update(event('end', 200));
    display.stop();
    const text = output.text();
    expect(text).toContain('100% | 200/200 segments | 2000 characters | ETA 0s');
    // no ETA before a batch has finished (issue 12, case 9): the first frame shows none
    expect(text).toContain('0% | 0/200 segments | 0 characters\u001b');
    expect(text).toContain('\u001b['); // cursor control: the line is redrawn, not appended
    expect(text.endsWith('\n')).toBe(true);
  });
});
