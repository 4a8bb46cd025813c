/**
 * Maps offsets in a container's inner text back to the file.
 *
 * marked hands nested blocks (blockquote paragraphs, list item text) their content with the container
 * prefixes (`> `, list indentation) stripped from each line. Every other byte is kept, so each inner
 * line is its outer line minus a prefix of spaces, tabs and `>`: aligning line by line gives an exact
 * offset map, and the stripped prefixes are what reassembly re-inserts after each newline.
 */

export interface OffsetMap {
  /** maps an offset in the inner text to an offset in the file */
  toFile(offset: number): number;
}

export const identityMap = (base: number): OffsetMap => ({ toFile: (offset) => base + offset });

const isPrefixChar = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x3e; // space, tab, >

/**
 * Aligns `inner` inside `outer` starting the search at `from` (offsets of `outer`), and returns a map
 * from inner offsets to file offsets (through `outerMap`), or null when the inner text is not the outer
 * text with line prefixes removed (then the block is left untranslated rather than risk a wrong splice).
 */
export function alignStripped(
  inner: string,
  outer: string,
  from: number,
  outerMap: OffsetMap,
  until = outer.length,
): OffsetMap | null {
  // the content must start inside the container's own text: a match further on is another block's
  const within = (at: number, length: number): number => (at !== -1 && at + length <= until ? at : -1);
  const firstNewline = inner.indexOf('\n');
  const firstLine = firstNewline === -1 ? inner : inner.slice(0, firstNewline);
  let firstLead = 0;
  // usually the content starts right at `from` (a paragraph): one compare instead of a search, whose
  // set-up for a long line (a skip table per call) cost more than the comparison
  const atFrom = firstLine.length > 0 && outer.slice(from, from + firstLine.length) === firstLine;
  let start = firstLine.length === 0 ? from : within(atFrom ? from : outer.indexOf(firstLine, from), firstLine.length);
  if (start === -1) {
    // a tab after a container marker (`>\t- item`) reaches us expanded into spaces: find the content
    while (firstLead < firstLine.length && (firstLine[firstLead] === ' ' || firstLine[firstLead] === '\t')) firstLead++;
    if (firstLead === 0 || firstLead === firstLine.length) return null;
    start = within(outer.indexOf(firstLine.slice(firstLead), from), firstLine.length - firstLead);
    if (start === -1) return null;
    start -= firstLead;
  }
  if (firstNewline === -1) {
    return { toFile: (offset) => outerMap.toFile(start + offset) };
  }
  // Per inner line: where its content starts in `inner` and in `outer`.
  const innerStarts: number[] = [firstLead];
  const outerStarts: number[] = [start + firstLead];
  let innerPos = firstNewline + 1;
  let outerLineEnd = outer.indexOf('\n', start + firstLine.length);
  if (outerLineEnd === -1) return null;
  while (innerPos <= inner.length) {
    const innerEnd = inner.indexOf('\n', innerPos);
    const line = innerEnd === -1 ? inner.slice(innerPos) : inner.slice(innerPos, innerEnd);
    const outerLineStart = outerLineEnd + 1;
    let outerNext = outer.indexOf('\n', outerLineStart);
    if (outerNext === -1) outerNext = outer.length;
    const outerLine = outer.slice(outerLineStart, outerNext);
    let lead = 0;
    let prefixLength = strippedPrefixLength(outerLine, line, innerEnd === -1);
    if (prefixLength === -1) {
      // marked expands a tab in a container's indentation into spaces: match the line's content after
      // its leading whitespace, and map from there (segments never start or end in that whitespace)
      while (lead < line.length && (line[lead] === ' ' || line[lead] === '\t')) lead++;
      if (lead === 0 || lead === line.length) return null;
      prefixLength = strippedPrefixLength(outerLine, line.slice(lead), innerEnd === -1);
      if (prefixLength === -1) return null;
    }
    innerStarts.push(innerPos + lead);
    outerStarts.push(outerLineStart + prefixLength);
    if (innerEnd === -1) break;
    innerPos = innerEnd + 1;
    outerLineEnd = outerNext;
    if (outerLineEnd >= outer.length) return null;
  }
  return {
    toFile(offset: number): number {
      // binary search for the last line starting at or before offset
      let low = 0;
      let high = innerStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (innerStarts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return outerMap.toFile(outerStarts[low]! + (offset - innerStarts[low]!));
    },
  };
}

/**
 * How many prefix characters (space, tab, `>`) stand before `line` in `outerLine`; -1 when `line` is
 * not what remains. The last inner line may be cut short (trailing spaces trimmed), so it only needs to
 * be a prefix of the remainder.
 */
function strippedPrefixLength(outerLine: string, line: string, isLast: boolean): number {
  let maxPrefix = 0;
  while (maxPrefix < outerLine.length && isPrefixChar(outerLine.charCodeAt(maxPrefix))) maxPrefix++;
  if (line.length === 0) return maxPrefix === outerLine.length || isLast ? maxPrefix : -1;
  const exact = outerLine.length - line.length;
  if (exact >= 0 && exact <= maxPrefix && outerLine.endsWith(line)) return exact;
  if (isLast) {
    for (let k = maxPrefix; k >= 0; k--) if (outerLine.startsWith(line, k)) return k;
  }
  return -1;
}
