// `vigil <command>`: start (default), init, audit, backup, restore, export, link, estimate. Each
// command's code is loaded only when it runs: `vigil estimate` or `vigil link` start in a fraction of
// a second, not after the server, the storage and every other command have been loaded.
import { USAGE, fail } from './usage.ts';

type Command = (args: string[]) => Promise<void>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => async () => (await import('../main.ts')).main(),
  init: async () => (await import('./init.ts')).init,
  audit: async () => (await import('./audit.ts')).auditCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./restore.ts')).restoreCommand,
  export: async () => (await import('./export.ts')).exportCommand,
  link: async () => (await import('./link.ts')).linkCommand,
  estimate: async () => (await import('./estimate.ts')).estimateCommand,
};

export async function cli(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) fail(`Unknown command "${command}".`);
  return (await load())(rest);
}
