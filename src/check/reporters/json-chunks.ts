/**
 * Pretty-printed JSON written in pieces: a report with one long array (every violation) is printed as
 * `JSON.stringify(value, null, 2)` prints it, byte for byte, without building the whole text (nor the
 * whole object tree) at once: on 2,000 stories the SARIF text alone is ~56 MB.
 */

/** Items joined into one piece at a time: big enough to keep writes few, small enough to stay light. */
const ITEMS_PER_PIECE = 500;

/**
 * The pieces of `JSON.stringify(value, null, 2)` where `value` has the array `items` at `path` (keys and
 * array indexes, an array the stringified `value` holds empty at that place). Joined, they are the text.
 */
export function* prettyJsonPieces<T>(
  value: unknown,
  path: ReadonlyArray<string | number>,
  items: readonly T[],
  toJson: (item: T) => unknown,
): Generator<string> {
  const text = JSON.stringify(value, null, 2);
  if (items.length === 0) {
    yield text;
    return;
  }
  // the empty array stands at a depth of path.length: its opening line is indented path.length - 1 levels
  const marker = `"${String(path[path.length - 1])}": []`;
  const at = text.lastIndexOf(marker);
  if (at < 0 || typeof path[path.length - 1] !== 'string') throw new Error('prettyJsonPieces: array not found');
  const indent = '  '.repeat(path.length + 1);
  const closing = '  '.repeat(path.length);
  yield `${text.slice(0, at + marker.length - 1)}\n`;
  for (let start = 0; start < items.length; start += ITEMS_PER_PIECE) {
    const piece = items
      .slice(start, start + ITEMS_PER_PIECE)
      .map((item) => indent + JSON.stringify(toJson(item), null, 2).replace(/\n/g, `\n${indent}`))
      .join(',\n');
    yield start + ITEMS_PER_PIECE < items.length ? `${piece},\n` : piece;
  }
  yield `\n${closing}]${text.slice(at + marker.length)}`;
}
