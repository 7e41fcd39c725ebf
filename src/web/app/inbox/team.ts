// Who is on the team (GET /api/team): for assignees and note authors.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../session/api.ts';
import type { Role } from '../../../core/team/roles.ts';

export interface TeamMember {
  id: string;
  email: string;
  role: Role;
}

export function useTeam(): TeamMember[] {
  const [team, setTeam] = useState<TeamMember[]>([]);
  useEffect(() => {
    let current = true;
    api<{ members: TeamMember[] }>('/api/team')
      .then((r) => current && setTeam(r.members))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return team;
}

/** A member's email; `t` words a member who left and no one (the inbox catalog's formerMember, nobody). */
export const nameOf = (team: TeamMember[], id: string | null, t: (key: 'formerMember' | 'nobody') => string): string =>
  id ? (team.find((m) => m.id === id)?.email ?? t('formerMember')) : t('nobody');
