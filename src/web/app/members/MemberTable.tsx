// Everyone on the team: role changes and removal.
import { useState } from 'preact/hooks';
import type { MemberView } from '../../../core/api/members.ts';
import { commonWords } from '../i18n/common-words.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { ROLES, useRoleName, type Role } from './roles.ts';
import { membersWords } from './words.ts';

function RoleCell({ member, onChangeRole }: { member: MemberView; onChangeRole: (member: MemberView, role: Role) => void }) {
  const [role, setRole] = useState<Role>(member.role);
  const selectId = `role-${member.id}`;
  const t = useWords(membersWords);
  const common = useWords(commonWords);
  const roleName = useRoleName();
  if (member.status !== 'active') return <>{roleName(member.role)}</>;
  return (
    <div class="inline-form">
      <label for={selectId} class="visually-hidden">
        {t('roleOf', { email: member.email })}
      </label>
      <select id={selectId} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleName(r)}
          </option>
        ))}
      </select>
      <button type="button" class="small" disabled={role === member.role} onClick={() => onChangeRole(member, role)}>
        {common('save')}
        <span class="visually-hidden"> {t('roleOfSuffix', { email: member.email })}</span>
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
  const t = useWords(membersWords);
  const common = useWords(commonWords);
  const f = useFormats();
  return (
    <table class="data">
      <caption class="visually-hidden">{t('title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('email')}</th>
          <th scope="col">{t('role')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('since')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={`${m.id}-${m.role}`} data-member={m.email}>
            <th scope="row">
              {m.id === myId ? t('you', { email: m.email }) : m.email}
            </th>
            <td>
              <RoleCell member={m} onChangeRole={onChangeRole} />
            </td>
            <td>{t(m.status)}</td>
            <td>{f.date(m.createdAt)}</td>
            <td>
              {m.id !== myId && (
                <button type="button" class="small danger" onClick={() => onRemove(m)}>
                  {common('remove')}
                  <span class="visually-hidden"> {m.email}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
