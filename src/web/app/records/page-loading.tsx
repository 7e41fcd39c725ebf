// A record's page (an incident, a person) loads all it shows at once, and again after each change;
// until then it says it is opening, or why it could not be loaded.
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';

/** What `load` found for the record `id`, loaded again on `reload()`. */
export function useRecordPage<T>(id: string, load: () => Promise<T>, failure: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    load().then(setData, (e) => setError(messageOf(e, failure)));
  }, [id, round]);
  return { data, error, reload: () => setRound((n) => n + 1) };
}

/** The page before its record is loaded: "Opening…", or the page's title and why it failed. */
export function NotLoaded({ title, error, opening }: { title: string; error: string | null; opening: string }) {
  if (!error) return <main class="wide-ish">{opening}</main>;
  return (
    <main class="wide-ish">
      <PageHeading>{title}</PageHeading>
      <p class="error" role="alert">
        {error}
      </p>
    </main>
  );
}
