/**
 * One file's identity round trip as a plain value, the unit of work of `storyloc roundtrip`: read, parse,
 * segment, reassemble with the source texts, compare. The outcome is plain data so a worker thread can
 * post it; bad input (unreadable, unparsable) is thrown as for any read.
 */
import { readLooseArticle, type LooseArticleConfig } from '../articles/loose.js';
import { roundtripDifference } from './reassemble.js';

export type RoundtripOutcome =
  | { kind: 'identical'; segments: number }
  | {
      kind: 'differs';
      segments: number;
      line: number;
      column: number;
      /** the next characters of the file where the reassembled text first differs */
      expected: string;
      actual: string;
    };

export interface RoundtripFileOptions {
  cwd: string;
  /** the source language (`--lang`); else the folder, front matter `lang`, English */
  lang?: string | undefined;
}

export function roundtripFile(
  file: string,
  config: LooseArticleConfig,
  options: RoundtripFileOptions,
): RoundtripOutcome {
  const article = readLooseArticle(file, config, { cwd: options.cwd, lang: options.lang });
  const difference = roundtripDifference(article);
  const segments = article.segments.length;
  return difference === null ? { kind: 'identical', segments } : { kind: 'differs', segments, ...difference };
}
