/** The name recorded on human edits found in the output when the caller gives none. */
import os from 'node:os';

export function defaultEditor(env: NodeJS.ProcessEnv): string {
  if (env.STORYLOC_USER) return env.STORYLOC_USER;
  try {
    return os.userInfo().username || 'translator';
  } catch {
    return 'translator';
  }
}
