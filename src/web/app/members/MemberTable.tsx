// Everyone on the team: role changes and removal.
import { useState } from 'preact/hooks';
import type { MemberView } from '../../../core/api/schemas.ts';
import { utcMinute } from '../time.ts';
import { ROLES, ROLE_NAMES, type Role } from './roles.ts';

const STATUS_NAMES = { active: 'Active', invited: 'Waiting for safety-code check', removed: 'Removed' } as const;

function RoleCell({ member, onChangeRole }: { member: MemberView; onChangeRole: (member: MemberView, role: Role) => void }) {
  const [role, setRole] = useState<Role>(member.role);
  const selectId = `role-${member.id}`;
  if (member.status !== 'active') return <>{ROLE_NAMES[member.role]}</>;
  return (
    <div class="inline-form">
      <label for={selectId} class="visually-hidden">
        Role of {member.email}
      </label>
      <select id={selectId} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_NAMES[r]}
          </option>
        ))}
      </select>
      <button type="button" class="small" disabled={role === member.role} onClick={() => onChangeRole(member, role)}>
        Save<span class="visually-hidden"> role of {member.email}</span>
      </button>
    </div>
  );
}

export function MemberTable({
  members,
  myId,
  onChangeRole,
  onRemove,
}: {
  members: MemberView[];
  myId: string;
  onChangeRole: (member: MemberView, role: Role) => void;
  onRemove: (member: MemberView) => void;
}) {
  return (
    <table class="data">
      <caption class="visually-hidden">Members</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Since</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={`${m.id}-${m.role}`} data-member={m.email}>
            <th scope="row">
              {m.email}
              {m.id === myId && ' (you)'}
            </th>
            <td>
              <RoleCell member={m} onChangeRole={onChangeRole} />
            </td>
            <td>{STATUS_NAMES[m.status]}</td>
            <td>{utcMinute(m.createdAt).slice(0, 10)}</td>
            <td>
              {m.id !== myId && (
                <button type="button" class="small danger" onClick={() => onRemove(m)}>
                  Remove<span class="visually-hidden"> {m.email}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
