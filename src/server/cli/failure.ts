// The CLI's commands tell a problem the user can fix (a wrong passphrase, an unreadable file, a
// bad row) by a message on stderr and exit code 2, never by a stack trace.

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Runs a command: a CliFailure becomes its message and exit code; anything else is a bug and is thrown. */
export async function runCommand(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  }
}
