/** Types for scripts/code-shape.mjs (used from the TypeScript tests). */
export interface LongFunction {
  lines: number;
  file: string;
  line: number;
  name: string;
}
export interface LongLine {
  file: string;
  line: number;
  length: number;
}
export function typeScriptFiles(dir: string): Generator<string>;
export function longFunctions(root: string, limit?: number): LongFunction[];
export function longLines(root: string, limit?: number, exclude?: readonly RegExp[]): LongLine[];
