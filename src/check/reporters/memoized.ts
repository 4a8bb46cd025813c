/** A report's repeated wording and escaping, computed once per distinct argument. */
/**
 * `make`, remembering its answer per argument: a report translates the same suggestion (a glossary form, a
 * number) on many lines, and the UI language does not change while one report is written.
 */
export function memoized(make: (argument: string) => string): (argument: string) => string {
  const answers = new Map<string, string>();
  return (argument) => {
    let answer = answers.get(argument);
    if (answer === undefined) {
      answer = make(argument);
      answers.set(argument, answer);
    }
    return answer;
  };
}
