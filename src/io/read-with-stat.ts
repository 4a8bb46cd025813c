/**
 * A file's text together with the status of the very file read: the status is taken from the open file
 * before reading, so the two belong together (the stamp indexes key their entries by it; a status taken
 * by path before or after could describe another version of the file).
 */
import { closeSync, fstatSync, openSync, readFileSync, type BigIntStats } from 'node:fs';

export interface TextWithStat {
  text: string;
  stat: BigIntStats;
}

/** Throws what `openSync`/`readFileSync` throw (ENOENT included): callers decide what a missing file means. */
export function readTextWithStat(file: string): TextWithStat {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd, { bigint: true });
    return { text: readFileSync(fd, 'utf8'), stat };
  } finally {
    closeSync(fd);
  }
}
