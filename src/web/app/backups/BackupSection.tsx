// The Members page's Backups section: the last backup's time and size, the schedule, and the last
// failure if nothing succeeded since.
import { useFormats, useWords } from '../i18n/context.tsx';
import { everyLabel, failureSinceSuccess, FAILURE_REASONS, sizeLabel, useBackupStatus } from './backup-status.ts';
import { backupWords } from './words.ts';

export function BackupSection() {
  const status = useBackupStatus();
  const t = useWords(backupWords);
  const f = useFormats();
  if (!status) return null;
  const { schedule, lastSuccess } = status;
  const failure = failureSinceSuccess(status);
  return (
    <section aria-labelledby="backups-title">
      <h2 id="backups-title">{t('title')}</h2>
      <p>{lastSuccess ? t('lastBackup', { when: f.dateTime(lastSuccess.at), size: sizeLabel(lastSuccess.size, t, f) }) : t('noneYet')}</p>
      {failure && <p class="error">{t('lastAttemptFailed', { when: f.dateTime(failure.at), reason: t(FAILURE_REASONS[failure.code]) })}</p>}
      <p class="hint">
        {schedule.folderSet && schedule.every ? t('schedule', { every: everyLabel(schedule.every, t), keep: schedule.keep }) : t('noSchedule')} {t('opensOnly')}
      </p>
    </section>
  );
}
