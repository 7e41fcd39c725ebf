// Links made but not yet used.
import type { InvitationView } from '../../../core/api/members.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { useRoleName } from './roles.ts';
import { membersWords } from './words.ts';

export function PendingInvitations({ invitations, onRevoke }: { invitations: InvitationView[]; onRevoke: (invitation: InvitationView) => void }) {
  const t = useWords(membersWords);
  const f = useFormats();
  const roleName = useRoleName();
  if (invitations.length === 0) return <p>{t('noLinks')}</p>;
  return (
    <table class="data">
      <caption class="visually-hidden">{t('linksTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('role')}</th>
          <th scope="col">{t('made')}</th>
          <th scope="col">{t('expires')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id}>
            <td>{roleName(i.role)}</td>
            <td>{f.dateTime(i.createdAt)}</td>
            <td>{f.relative(i.expiresAt)}</td>
            <td>
              <button type="button" class="small danger" onClick={() => onRevoke(i)}>
                {t('revoke')}
                <span class="visually-hidden"> {t('revokeSuffix', { role: roleName(i.role), when: f.dateTime(i.createdAt) })}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
