// The <option>s of an assignee select: members who may be assigned (the server refuses viewers).
import type { TeamMember } from './team.ts';

export function AssigneeOptions({ team }: { team: TeamMember[] }) {
  return (
    <>
      {team
        .filter((m) => m.role !== 'viewer')
        .map((m) => (
          <option key={m.id} value={m.id}>
            {m.email}
          </option>
        ))}
    </>
  );
}
