/** Every subcommand, in the order `storyloc --help` lists them. One thin file per command. */
import type { CommandModule } from '../context.js';
import { segmentCommand } from './segment.js';
import { roundtripCommand } from './roundtrip.js';
import { translateCommand } from './translate.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { reviewCommand } from './review.js';
import { statusCommand } from './status.js';
import { approveCommand } from './approve.js';
import { rejectCommand } from './reject.js';
import { glossaryCommand } from './glossary.js';
import { checkCommand } from './check.js';
import { initCommand } from './init.js';
import { doctorCommand } from './doctor.js';

export const commandModules: CommandModule[] = [
  initCommand,
  doctorCommand,
  segmentCommand,
  roundtripCommand,
  translateCommand,
  exportCommand,
  importCommand,
  reviewCommand,
  statusCommand,
  approveCommand,
  rejectCommand,
  glossaryCommand,
  checkCommand,
];
