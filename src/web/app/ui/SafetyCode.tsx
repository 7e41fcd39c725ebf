// A safety code in big digits, read aloud digit by digit by screen readers.
import { useEffect, useState } from 'preact/hooks';
import { fingerprintOf } from '../../../core/crypto/fingerprint.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { useWords } from '../i18n/context.tsx';
import { uiWords } from './words.ts';

/** The safety code of a base64url public key, computed here in the browser (never taken from the server). */
export function useSafetyCode(publicKey: string): string | null {
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const bytes = fromBase64Url(publicKey);
    if (bytes) void fingerprintOf(bytes).then((c) => current && setCode(c));
    return () => {
      current = false;
    };
  }, [publicKey]);
  return code;
}

export function SafetyCode({ code, id }: { code: string; id?: string }) {
  const spoken = code
    .split(' ')
    .map((group) => group.split('').join(' '))
    .join(', ');
  return (
    <p class="safety-code" data-code={code} id={id}>
      <span aria-hidden="true">
        {code.split(' ').map((group, i) => (
          <span class="group" key={i}>
            {group}
          </span>
        ))}
      </span>
      <span class="visually-hidden">{spoken}</span>
    </p>
  );
}

export function SafetyCodeOf({ publicKey, id }: { publicKey: string; id?: string }) {
  const code = useSafetyCode(publicKey);
  const t = useWords(uiWords);
  return code ? <SafetyCode code={code} {...(id ? { id } : {})} /> : <p class="hint">{t('computingCode')}</p>;
}
