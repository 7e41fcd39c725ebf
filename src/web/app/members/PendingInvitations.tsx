// Links made but not yet used.
import type { InvitationView } from '../../../core/api/members.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { Table } from '../ui/Table.tsx';
import { useRoleName } from './roles.ts';
import { membersWords } from './words.ts';

export function PendingInvitations({ invitations, onRevoke }: { invitations: InvitationView[]; onRevoke: (invitation: InvitationView) => void }) {
  const t = useWords(membersWords);
  const f = useFormats();
  const roleName = useRoleName();
  if (invitations.length === 0) return <p>{t('noLinks')}</p>;
  return (
    <Table
      caption={t('linksTitle')}
      rows={invitations}
      rowKey={(i) => i.id}
      columns={[
        { head: t('role'), cell: (i) => roleName(i.role) },
        { head: t('made'), cell: (i) => f.dateTime(i.createdAt) },
        { head: t('expires'), cell: (i) => f.relative(i.expiresAt) },
        {
          head: t('actions'),
          headHidden: true,
          cell: (i) => (
            <button type="button" class="small danger" onClick={() => onRevoke(i)}>
              {t('revoke')}
              <span class="visually-hidden"> {t('revokeSuffix', { role: roleName(i.role), when: f.dateTime(i.createdAt) })}</span>
            </button>
          ),
        },
      ]}
    />
  );
}
