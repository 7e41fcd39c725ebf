// An invitee waiting for keys. The safety code is computed here, from the public key the server
// holds for them: if the server swapped the key, the codes differ and the admin does not confirm.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { grantsFor, type Keyring } from '../../../core/keyring.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { ROLE_KEYS, type OrgKeyView } from '../../../core/api/keys.ts';
import { type MemberView } from '../../../core/api/members.ts';
import { SafetyCodeOf } from '../ui/SafetyCode.tsx';
import { useRoleName } from './roles.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function ConfirmMember({ member, keyring, onDone }: { member: MemberView; keyring: Keyring; onDone: (message: string) => void }) {
  const [matches, setMatches] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checkId = `match-${member.id}`;
  const t = useWords(membersWords);
  const roleName = useRoleName();

  async function grant() {
    setBusy(true);
    setError(null);
    try {
      // Only the keys this member's role holds (a viewer never receives the records key).
      const { keys } = await api<{ keys: OrgKeyView[] }>('/api/keys');
      const keyIds = keys.filter((k) => ROLE_KEYS[member.role].includes(k.purpose)).map((k) => k.keyId);
      const grants = await grantsFor(fromBase64Url(member.publicKey)!, keyring, keyIds);
      await api(`/api/members/${encodeURIComponent(member.id)}/confirm`, { grants });
      onDone(t('canNowRead', { email: member.email }));
    } catch (e) {
      setError(messageOf(e, t('grantFailed')));
      setBusy(false);
    }
  }

  return (
    <li class="card" data-member={member.email}>
      <h3>
        {member.email} <span class="badge">{roleName(member.role)}</span>
      </h3>
      <p id={`code-hint-${member.id}`}>
        {t('compareHint', { email: member.email })}
      </p>
      <SafetyCodeOf publicKey={member.publicKey} />
      <div class="choice">
        <input type="checkbox" id={checkId} checked={matches} onChange={(e) => setMatches(e.currentTarget.checked)} />
        <label for={checkId}>{t('compared')}</label>
      </div>
      <button type="button" disabled={!matches || busy} onClick={grant}>
        {busy ? t('granting') : t('grant')}
      </button>
      <p class="hint">{t('codesDiffer')}</p>
      <Feedback error={error} />
    </li>
  );
}
