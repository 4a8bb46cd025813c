/**
 * The run's answered keys (see run-keys.ts), by their 53-bit hash: where each one's answer lies in the
 * journal. What a `Map<number, JournalSpan>` would hold, as an open-addressing table of the hash's two
 * halves in typed arrays: no boxed number and no map entry per key (a run answers tens of thousands of
 * keys, each looked up again when a later segment shares it). Spans are numbered once per batch.
 */
import type { JournalSpan } from '../memory/journal.js';

export class AnsweredKeys {
  private readonly spans: JournalSpan[] = [];
  private lows = new Int32Array(1024);
  private highs = new Int32Array(1024);
  /** span number + 1 per slot; 0: the slot is empty */
  private slots = new Int32Array(1024);
  private count = 0;

  addSpan(span: JournalSpan): number {
    this.spans.push(span);
    return this.spans.length - 1;
  }

  get(hash: number): JournalSpan | undefined {
    const at = this.slotOf(hash);
    const slot = this.slots[at]!;
    return slot === 0 ? undefined : this.spans[slot - 1];
  }

  set(hash: number, spanNumber: number): void {
    const at = this.slotOf(hash);
    if (this.slots[at] === 0) {
      this.lows[at] = hash >>> 0;
      this.highs[at] = Math.floor(hash / 4294967296);
      this.count++;
    }
    this.slots[at] = spanNumber + 1;
    if (2 * this.count > this.slots.length) this.grow();
  }

  /** The slot holding `hash`, or the empty slot where it would go (linear probing). */
  private slotOf(hash: number): number {
    const low = hash >>> 0;
    const high = Math.floor(hash / 4294967296);
    const mask = this.slots.length - 1;
    let at = low & mask;
    while (this.slots[at] !== 0 && (this.lows[at]! >>> 0 !== low || this.highs[at] !== high)) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { lows, highs, slots } = this;
    this.lows = new Int32Array(2 * slots.length);
    this.highs = new Int32Array(2 * slots.length);
    this.slots = new Int32Array(2 * slots.length);
    this.count = 0;
    for (let at = 0; at < slots.length; at++) {
      if (slots[at] === 0) continue;
      const hash = highs[at]! * 4294967296 + (lows[at]! >>> 0);
      this.set(hash, slots[at]! - 1);
    }
  }
}
