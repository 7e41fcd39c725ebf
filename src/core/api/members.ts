// The team: invitations, roles, a member's language, and the members page's view.
import * as z from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { ROLES, type Role } from '../team/roles.ts';
import { memberKeys } from './common.ts';
import { grantsRequest, rotationsRequest, type OrgKeyView } from './keys.ts';

export const invitationRequest = z.object({ role: z.enum(ROLES) });
export const acceptInvitationRequest = z.object({ token: z.string().min(16).max(128), member: memberKeys });

/** A role change: rotations of the keys it takes away, grants of the keys it gives (current and retired). */
export const roleRequest = z.object({
  role: z.enum(ROLES),
  rotations: rotationsRequest.shape.rotations.default([]),
  grants: grantsRequest.shape.grants.default([]),
});
/** A member's workspace language. */
export const languageRequest = z.object({ language: z.enum(LANGUAGES) });

export interface MemberView {
  id: string;
  email: string;
  role: Role;
  status: 'active' | 'invited' | 'removed';
  publicKey: string;
  createdAt: string;
}
export interface InvitationView {
  id: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  memberId: string | null;
}
export interface MembersResponse {
  members: MemberView[];
  invitations: InvitationView[];
  /** The organization's keys: current and retired (old ones still open old envelopes). */
  keys: OrgKeyView[];
  /** The trustees' current recovery kit, a holder of every key: rotations seal to it too. */
  recoveryKit: RecoveryKitView | null;
}
export interface RecoveryKitView {
  id: string;
  publicKey: string;
}
