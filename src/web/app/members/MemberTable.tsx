// Everyone on the team: role changes and removal.
import { useState } from 'preact/hooks';
import type { MemberView } from '../../../core/api/members.ts';
import { commonWords } from '../i18n/common-words.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { Table } from '../ui/Table.tsx';
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
    <Table
      caption={t('title')}
      rows={members}
      // Keyed by role too: a role change redraws the row's select at the saved role.
      rowKey={(m) => `${m.id}-${m.role}`}
      rowData={(m) => ({ 'data-member': m.email })}
      columns={[
        { head: t('email'), rowHeader: true, cell: (m) => (m.id === myId ? t('you', { email: m.email }) : m.email) },
        { head: t('role'), cell: (m) => <RoleCell member={m} onChangeRole={onChangeRole} /> },
        { head: t('status'), cell: (m) => t(m.status) },
        { head: t('since'), cell: (m) => f.date(m.createdAt) },
        {
          head: t('actions'),
          headHidden: true,
          cell: (m) =>
            m.id !== myId && (
              <button type="button" class="small danger" onClick={() => onRemove(m)}>
                {common('remove')}
                <span class="visually-hidden"> {m.email}</span>
              </button>
            ),
        },
      ]}
    />
  );
}
