// The banner administrators see on every page when no backup succeeded for a day (or none ever
// while a schedule is set): a seizure now would take everything since.
import { failureSinceSuccess, FAILURE_REASONS, useBackupStatus, whenLabel } from './backup-status.ts';

export function BackupWarning() {
  const status = useBackupStatus();
  if (!status?.warning) return null;
  const failure = failureSinceSuccess(status);
  return (
    <aside class="banner" aria-labelledby="backup-warning-title">
      <p id="backup-warning-title">
        <strong>
          {status.lastSuccess
            ? `No backup has succeeded since ${whenLabel(status.lastSuccess.at)}, more than a day ago.`
            : 'No backup has succeeded yet.'}
        </strong>{' '}
        If the server were seized now, {status.lastSuccess ? 'everything since then' : 'everything'} would be lost.
      </p>
      {failure && <p>The last attempt, {whenLabel(failure.at)}, failed because {FAILURE_REASONS[failure.code]}.</p>}
      <p>
        <a href="#members">Backups, on the Members page</a>
      </p>
    </aside>
  );
}
