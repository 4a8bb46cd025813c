/** Every subcommand, in the order `storyloc --help` lists them. One thin file per command. */
import type { CommandModule } from '../context.js';
import { segmentCommand } from './segment.js';
import { roundtripCommand } from './roundtrip.js';

export const commandModules: CommandModule[] = [
  segmentCommand,
  roundtripCommand,
];
