// The banner administrators see on every page when no backup succeeded for a day (or none ever
// while a schedule is set): a seizure now would take everything since.
import { useFormats, useWords } from '../i18n/context.tsx';
import { failureSinceSuccess, FAILURE_REASONS, useBackupStatus } from './backup-status.ts';
import { backupWords } from './words.ts';

export function BackupWarning() {
  const status = useBackupStatus();
  const t = useWords(backupWords);
  const f = useFormats();
  if (!status?.warning) return null;
  const failure = failureSinceSuccess(status);
  return (
    <aside class="banner" aria-labelledby="backup-warning-title">
      <p id="backup-warning-title">
        <strong>{status.lastSuccess ? t('noneSince', { when: f.dateTime(status.lastSuccess.at) }) : t('noneSucceeded')}</strong>{' '}
        {status.lastSuccess ? t('lossSince') : t('lossAll')}
      </p>
      {failure && <p>{t('lastAttemptFailed', { when: f.dateTime(failure.at), reason: t(FAILURE_REASONS[failure.code]) })}</p>}
      <p>
        <a href="#members">{t('toMembers')}</a>
      </p>
    </aside>
  );
}
