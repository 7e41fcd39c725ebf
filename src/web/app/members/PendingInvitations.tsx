// Links made but not yet used.
import type { InvitationView } from '../../../core/api/schemas.ts';
import { timeUntil, utcMinute } from '../time.ts';
import { ROLE_NAMES } from './roles.ts';

export function PendingInvitations({ invitations, onRevoke }: { invitations: InvitationView[]; onRevoke: (invitation: InvitationView) => void }) {
  if (invitations.length === 0) return <p>No unused invitation links.</p>;
  return (
    <table class="data">
      <caption class="visually-hidden">Unused invitation links</caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Made (UTC)</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id}>
            <td>{ROLE_NAMES[i.role]}</td>
            <td>{utcMinute(i.createdAt)}</td>
            <td>{timeUntil(i.expiresAt)}</td>
            <td>
              <button type="button" class="small danger" onClick={() => onRevoke(i)}>
                Revoke<span class="visually-hidden"> the {ROLE_NAMES[i.role].toLowerCase()} invitation made {utcMinute(i.createdAt)}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
