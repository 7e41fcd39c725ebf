// A command's options as node:util's parseArgs reads them. A wrong option is the user's to fix:
// `refuse` says so (with the command's usage) instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliFailure } from './failure.ts';

export function optionsOf<const T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, refuse: (message: string) => never) {
  try {
    return parseArgs({ args, options }).values;
  } catch (error) {
    return refuse((error as Error).message);
  }
}

/** Refuses with the message and the command's usage: exit 2 (runCommand). */
export const withUsage =
  (usage: string) =>
  (message: string): never => {
    throw new CliFailure(`${message}\n\nUsage:\n${usage}`);
  };
