/** Runs the pipeline on temp workspaces with the real pseudo engine, recording every text it is sent. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import type { Engine } from '../../src/engines/types.js';
import { translateWorkspace, type TranslateOptions, type TranslateSummary } from '../../src/translate/index.js';
import type { TempWorkspace } from '../e2e/workspace.js';

/** The pseudo engine, with a log of the batches it translated (to assert what was sent). */
export function recordingPseudo(): Engine & { sent: string[][] } {
  const inner = createPseudoEngine();
  const sent: string[][] = [];
  return {
    name: inner.name,
    sent,
    enforcesGlossary: (s, t) => inner.enforcesGlossary(s, t),
    async translateBatch(request) {
      sent.push([...request.texts]);
      return inner.translateBatch(request);
    },
  };
}

export const fixedNow = (): Date => new Date('2024-05-01T10:00:00.000Z');

export async function translate(
  ws: TempWorkspace,
  engine: Engine,
  extra: Partial<TranslateOptions> = {},
): Promise<TranslateSummary> {
  return translateWorkspace({
    config: loadConfig({ workspace: ws.dir }),
    cwd: ws.dir,
    env: {},
    engineInstance: engine,
    editor: 'ana',
    now: fixedNow,
    ...extra,
  });
}

export function write(ws: TempWorkspace, relative: string, text: string): void {
  writeFileSync(path.join(ws.dir, relative), text);
}
