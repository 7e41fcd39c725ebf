// The Members page's Backups section: the last backup's time and size, the schedule, and the last
// failure if nothing succeeded since.
import { failureSinceSuccess, FAILURE_REASONS, sizeLabel, useBackupStatus, whenLabel } from './backup-status.ts';

export function BackupSection() {
  const status = useBackupStatus();
  if (!status) return null;
  const { schedule, lastSuccess } = status;
  const failure = failureSinceSuccess(status);
  return (
    <section aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p>
        {lastSuccess ? (
          <>
            Last backup: <strong>{whenLabel(lastSuccess.at)}</strong>, {sizeLabel(lastSuccess.size)}.
          </>
        ) : (
          'No backup has been made yet.'
        )}
      </p>
      {failure && (
        <p class="error">
          The last attempt, {whenLabel(failure.at)}, failed because {FAILURE_REASONS[failure.code]}.
        </p>
      )}
      <p class="hint">
        {schedule.folderSet
          ? `The server makes one every ${schedule.every} and keeps the last ${schedule.keep}. `
          : 'The server makes none on its own: set VIGIL_BACKUP_DIR (and VIGIL_BACKUP_EVERY) where it runs, or run "npx vigil backup --out FILE". '}
        A backup opens only with an administrator’s passphrase or the trustees’ shares: a seized backup drive reveals nothing.
      </p>
    </section>
  );
}
