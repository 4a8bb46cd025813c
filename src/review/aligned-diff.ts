/**
 * A unified line diff of two texts that are made of corresponding pieces (the review diff's approved
 * baseline and candidate are the same article reassembled with different translations), in time linear
 * in the texts: only the lines around pieces that differ are diffed (with jsdiff, each region no larger
 * than its paragraph), the lines between are equal by construction. A whole-file Myers diff costs
 * O(N·D), quadratic when every paragraph of a long article changed (issue 13).
 *
 * The hunks are built from the changes as jsdiff's `structuredPatch` builds them (same context
 * merging, same "\ No newline at end of file" lines), and printed with jsdiff's `formatPatch`.
 */
import { diffLines, formatPatch, type StructuredPatch, type StructuredPatchHunk } from 'diff';

interface LineChange {
  lines: string[];
  added?: boolean;
  removed?: boolean;
}

/** A changed region: [start, end) in the old and the new text, both on line boundaries. */
interface Region {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Lines of `text`, each with its `\n` (the last one without when the text does not end with one). */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line) => `${line}\n`);
  if (text.endsWith('\n')) lines.pop();
  else lines.push(lines.pop()!.slice(0, -1));
  return lines;
}

/**
 * Line boundaries around offsets asked in non-decreasing order, by one forward walk over the text's
 * newlines. Searching back and forth from each piece (lastIndexOf / indexOf per changed piece) made one
 * long line of many changed sentences quadratic: every search crossed the whole line again.
 */
interface LineCursor {
  /** the start of the line holding `offset` */
  lineStartBefore(offset: number): number;
  /** the end of the last line holding the piece at [offset, offset + length) (the line of `offset` when empty) */
  lineEndAfter(offset: number, length: number): number;
}

function lineCursor(text: string): LineCursor {
  let previous = -1; // the last newline before the position asked last
  let next = text.indexOf('\n'); // the first newline at or after it (-1: none)
  const advance = (position: number): void => {
    while (next !== -1 && next < position) {
      previous = next;
      next = text.indexOf('\n', next + 1);
    }
  };
  return {
    lineStartBefore(offset) {
      advance(offset);
      return previous + 1;
    },
    lineEndAfter(offset, length) {
      advance(length === 0 ? offset : offset + length - 1);
      return next === -1 ? text.length : next + 1;
    },
  };
}

/** Regions of the lines touched by differing pieces, merged where they share or touch a line. */
function changedRegions(
  oldPieces: readonly string[],
  newPieces: readonly string[],
  oldText: string,
  newText: string,
): Region[] {
  const regions: Region[] = [];
  const oldLines = lineCursor(oldText);
  const newLines = lineCursor(newText);
  let oldOffset = 0;
  let newOffset = 0;
  for (let i = 0; i < oldPieces.length; i++) {
    const oldPiece = oldPieces[i]!;
    const newPiece = newPieces[i]!;
    if (oldPiece !== newPiece) {
      const region: Region = {
        oldStart: oldLines.lineStartBefore(oldOffset),
        oldEnd: oldLines.lineEndAfter(oldOffset, oldPiece.length),
        newStart: newLines.lineStartBefore(newOffset),
        newEnd: newLines.lineEndAfter(newOffset, newPiece.length),
      };
      const last = regions[regions.length - 1];
      if (last && (region.oldStart <= last.oldEnd || region.newStart <= last.newEnd)) {
        last.oldEnd = Math.max(last.oldEnd, region.oldEnd);
        last.newEnd = Math.max(last.newEnd, region.newEnd);
      } else regions.push(region);
    }
    oldOffset += oldPiece.length;
    newOffset += newPiece.length;
  }
  return regions;
}

/** True when no line of `a` is a line of `b` (lines with their line ends, as jsdiff's tokens). */
function noCommonLine(a: readonly string[], b: readonly string[]): boolean {
  if (a.length * b.length <= 64) {
    for (const line of a) if (b.includes(line)) return false;
    return true;
  }
  const seen = new Set(a);
  for (const line of b) if (seen.has(line)) return false;
  return true;
}

/**
 * The changes of one region. A region whose old and new lines have no line in common (a paragraph
 * translated for the first time: the usual case on a first run) is all of its old lines removed, then
 * all of its new lines added: that is what jsdiff's line diff answers then (a Myers diff with nothing to
 * match keeps the deletions before the insertions; the tests compare both ways), so it is written
 * directly. Regions sharing a line go through jsdiff.
 */
function regionChanges(
  oldRegion: string,
  newRegion: string,
  into: { changes: LineChange[]; equal: (text: string) => void },
): void {
  const oldLines = splitLines(oldRegion);
  const newLines = splitLines(newRegion);
  if (noCommonLine(oldLines, newLines)) {
    if (oldLines.length > 0) into.changes.push({ lines: oldLines, removed: true });
    if (newLines.length > 0) into.changes.push({ lines: newLines, added: true });
    return;
  }
  for (const change of diffLines(oldRegion, newRegion)) {
    if (change.added || change.removed)
      into.changes.push({ lines: splitLines(change.value), added: change.added, removed: change.removed });
    else into.equal(change.value);
  }
}

/** The line changes from old to new, or null when the pieces do not line up (the caller diffs whole). */
function alignedChanges(oldPieces: readonly string[], newPieces: readonly string[]): LineChange[] | null {
  const oldText = oldPieces.join('');
  const newText = newPieces.join('');
  const changes: LineChange[] = [];
  const equal = (text: string): void => {
    const lines = splitLines(text);
    if (lines.length === 0) return;
    const last = changes[changes.length - 1];
    // a loop, not push(...lines): spreading the unchanged tail of a long article overflows the stack
    if (last && !last.added && !last.removed) for (const line of lines) last.lines.push(line);
    else changes.push({ lines });
  };
  let oldCursor = 0;
  let newCursor = 0;
  for (const region of changedRegions(oldPieces, newPieces, oldText, newText)) {
    const between = oldText.slice(oldCursor, region.oldStart);
    if (between !== newText.slice(newCursor, region.newStart)) return null;
    equal(between);
    regionChanges(oldText.slice(region.oldStart, region.oldEnd), newText.slice(region.newStart, region.newEnd), {
      changes,
      equal,
    });
    oldCursor = region.oldEnd;
    newCursor = region.newEnd;
  }
  if (oldText.slice(oldCursor) !== newText.slice(newCursor)) return null;
  equal(oldText.slice(oldCursor));
  return changes;
}

/** Hunks with `context` lines around changes, as jsdiff's structuredPatch makes them from a line diff. */
function hunksOf(changes: LineChange[], context: number): StructuredPatchHunk[] {
  const diff = [...changes, { lines: [] }];
  const contextLines = (lines: readonly string[]): string[] => lines.map((line) => ` ${line}`);
  const hunks: StructuredPatchHunk[] = [];
  let oldRangeStart = 0;
  let newRangeStart = 0;
  let range: string[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < diff.length; i++) {
    const current = diff[i]!;
    const lines = current.lines;
    if (current.added || current.removed) {
      if (!oldRangeStart) {
        const previous = diff[i - 1];
        oldRangeStart = oldLine;
        newRangeStart = newLine;
        if (previous) {
          range = context > 0 ? contextLines(previous.lines.slice(-context)) : [];
          oldRangeStart -= range.length;
          newRangeStart -= range.length;
        }
      }
      for (const line of lines) range.push((current.added ? '+' : '-') + line);
      if (current.added) newLine += lines.length;
      else oldLine += lines.length;
      continue;
    }
    if (oldRangeStart) {
      if (lines.length <= context * 2 && i < diff.length - 2) {
        range.push(...contextLines(lines));
      } else {
        const contextSize = Math.min(lines.length, context);
        range.push(...contextLines(lines.slice(0, contextSize)));
        hunks.push({
          oldStart: oldRangeStart,
          oldLines: oldLine - oldRangeStart + contextSize,
          newStart: newRangeStart,
          newLines: newLine - newRangeStart + contextSize,
          lines: range,
        });
        oldRangeStart = 0;
        newRangeStart = 0;
        range = [];
      }
    }
    oldLine += lines.length;
    newLine += lines.length;
  }
  for (const hunk of hunks) {
    const lines: string[] = [];
    for (const line of hunk.lines) {
      if (line.endsWith('\n')) lines.push(line.slice(0, -1));
      else lines.push(line, '\\ No newline at end of file');
    }
    hunk.lines = lines;
  }
  return hunks;
}

export interface PatchNames {
  oldFileName: string;
  newFileName: string;
  oldHeader: string;
  newHeader: string;
}

/**
 * The unified diff (file headers, no index line) from the joined `oldPieces` to the joined `newPieces`,
 * or null when the pieces do not correspond (different counts, or a piece that should be equal differs
 * in a way that shifts lines); the caller then diffs the whole texts.
 */
export function alignedUnifiedDiff(
  names: PatchNames,
  oldPieces: readonly string[],
  newPieces: readonly string[],
  context: number,
): string | null {
  if (oldPieces.length !== newPieces.length) return null;
  const changes = alignedChanges(oldPieces, newPieces);
  if (changes === null) return null;
  const patch: StructuredPatch = { ...names, hunks: hunksOf(changes, context) };
  return formatPatch(patch, { includeIndex: false, includeUnderline: false, includeFileHeaders: true });
}
