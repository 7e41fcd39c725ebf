// `vigil audit verify`: check the audit log's hash chain; names the first broken entry.
import { configFromEnv } from '../config.ts';
import { verifyAuditChain } from '../audit/log.ts';
import { fail } from './usage.ts';

export async function auditCommand(args: string[]): Promise<void> {
  if (args[0] !== 'verify' || args.length !== 1) fail('Use: vigil audit verify');
  // Read-only, so it may run beside a running server (no data-folder lock).
  const { openStorage } = await import('../storage/open.ts');
  const storage = await openStorage(configFromEnv());
  try {
    const result = await verifyAuditChain(storage.db);
    if (result.ok) {
      console.log(`Audit log intact: ${result.rows} entries, every link checked.`);
    } else {
      console.error(`Audit log BROKEN at entry ${result.brokenAt}: ${result.reason}. ${result.rows} entries before it are intact.`);
      process.exitCode = 1;
    }
  } finally {
    await storage.close();
  }
}
