/**
 * An output stream as the library sees it: the CLI passes process.stdout/stderr, tests pass a string
 * buffer. It lives below cli/ so that progress displays (queue/) can write without importing the CLI.
 */
export interface Output {
  write(text: string): void;
  /** true when the stream is a terminal (progress bars, colour) */
  isTTY: boolean;
}
