/**
 * Aho–Corasick automaton over folded UTF-16 code units (see chars.ts). Building is linear in the total
 * length of the patterns; scanning is linear in the text plus the number of occurrences reported,
 * whatever the number of patterns.
 *
 * Layout, chosen for scanning speed in V8: the root has a dense 64K table (most characters of a text
 * leave or never enter a pattern, so most steps are one array read); other states keep their children
 * in one flat sorted array (binary search past a few children). Outputs: the patterns ending at a state,
 * plus a dictionary link to the nearest failure ancestor that has outputs.
 */
import { ensureCharTables, FOLD } from './chars.js';

export interface Automaton {
  /** number of states (for diagnostics and benches) */
  readonly stateCount: number;
  /**
   * Calls `onMatch(patternIndex, end)` for every occurrence of every pattern in `text` (folded on the
   * fly), `end` exclusive. Patterns were given already folded.
   */
  scan(text: string, onMatch: (patternIndex: number, end: number) => void): void;
}

/** The trie of the patterns with hash children (building only), and the patterns ending at each state. */
interface Trie {
  children: Array<Map<number, number>>;
  outputs: number[][];
}

function buildTrie(patterns: readonly string[]): Trie {
  const children: Array<Map<number, number>> = [new Map()];
  const outputs: number[][] = [[]];
  for (let p = 0; p < patterns.length; p++) {
    const pattern = patterns[p]!;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = children[state]!.get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push([]);
        children[state]!.set(code, next);
      }
      state = next;
    }
    outputs[state]!.push(p);
  }
  return { children, outputs };
}

/** Failure and dictionary links, breadth first. */
function linkFailures({ children, outputs }: Trie): { fail: Int32Array; dictLink: Int32Array } {
  const stateCount = children.length;
  const fail = new Int32Array(stateCount);
  const dictLink = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (const child of children[0]!.values()) queue[tail++] = child; // depth 1: fail to root
  while (head < tail) {
    const state = queue[head++]!;
    for (const [code, child] of children[state]!) {
      let f = fail[state]!;
      let target: number | undefined;
      for (;;) {
        target = children[f]!.get(code);
        if (target !== undefined || f === 0) break;
        f = fail[f]!;
      }
      const failTarget = target !== undefined && target !== child ? target : 0;
      fail[child] = failTarget;
      dictLink[child] = outputs[failTarget]!.length > 0 ? failTarget : dictLink[failTarget]!;
      queue[tail++] = child;
    }
  }
  return { fail, dictLink };
}

/** The automaton as flat typed arrays (the layout described at the top). */
interface Tables {
  stateCount: number;
  root: Int32Array;
  childStart: Int32Array;
  childCode: Uint16Array;
  childTarget: Int32Array;
  fail: Int32Array;
  dictLink: Int32Array;
  outStart: Int32Array;
  outList: Int32Array;
  /** 1 when a state has outputs of its own or a dictionary link */
  reports: Uint8Array;
}

function flatten({ children, outputs }: Trie, fail: Int32Array, dictLink: Int32Array): Tables {
  const stateCount = children.length;
  const root = new Int32Array(0x10000);
  for (const [code, child] of children[0]!) root[code] = child;
  const childStart = new Int32Array(stateCount + 1);
  let total = 0;
  for (let s = 0; s < stateCount; s++) {
    childStart[s] = total;
    total += s === 0 ? 0 : children[s]!.size;
  }
  childStart[stateCount] = total;
  const childCode = new Uint16Array(total);
  const childTarget = new Int32Array(total);
  for (let s = 1; s < stateCount; s++) {
    const sorted = [...children[s]!.entries()].sort((a, b) => a[0] - b[0]);
    let at = childStart[s]!;
    for (const [code, child] of sorted) {
      childCode[at] = code;
      childTarget[at++] = child;
    }
  }
  const outStart = new Int32Array(stateCount + 1);
  let outTotal = 0;
  for (let s = 0; s < stateCount; s++) {
    outStart[s] = outTotal;
    outTotal += outputs[s]!.length;
  }
  outStart[stateCount] = outTotal;
  const outList = new Int32Array(outTotal);
  for (let s = 0, at = 0; s < stateCount; s++) for (const p of outputs[s]!) outList[at++] = p;
  const reports = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) reports[s] = outStart[s + 1]! > outStart[s]! || dictLink[s]! >= 0 ? 1 : 0;
  return { stateCount, root, childStart, childCode, childTarget, fail, dictLink, outStart, outList, reports };
}

/** The scanner over the tables (held in local constants: the scan loop reads no object property). */
function createAutomaton(tables: Tables): Automaton {
  const { stateCount, root, childStart, childCode, childTarget, fail, dictLink, outStart, outList, reports } = tables;

  function childOf(state: number, code: number): number {
    let lo = childStart[state]!;
    let hi = childStart[state + 1]!;
    if (hi - lo <= 6) {
      for (; lo < hi; lo++) if (childCode[lo] === code) return childTarget[lo]!;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = childCode[mid]!;
      if (c === code) return childTarget[mid]!;
      if (c < code) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  return {
    stateCount,
    scan(text, onMatch) {
      let state = 0;
      const length = text.length;
      for (let i = 0; i < length; i++) {
        const code = FOLD[text.charCodeAt(i)]!;
        for (;;) {
          if (state === 0) {
            state = root[code]!;
            break;
          }
          const next = childOf(state, code);
          if (next >= 0) {
            state = next;
            break;
          }
          state = fail[state]!;
        }
        if (reports[state] === 0) continue;
        let s = outStart[state + 1]! > outStart[state]! ? state : dictLink[state]!;
        while (s >= 0) {
          for (let o = outStart[s]!, end = outStart[s + 1]!; o < end; o++) onMatch(outList[o]!, i + 1);
          s = dictLink[s]!;
        }
      }
    },
  };
}

/** `patterns[i]` must be folded with foldText and non-empty. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  ensureCharTables();
  const trie = buildTrie(patterns);
  const { fail, dictLink } = linkFailures(trie);
  return createAutomaton(flatten(trie, fail, dictLink));
}
