// What a form or page says back: a problem (announced at once) and a quiet status line (always in
// the page, so screen readers announce each new message).
export function Feedback({ error, said }: { error: string | null; said?: string }) {
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {said !== undefined && (
        <p role="status" class="status">
          {said}
        </p>
      )}
    </>
  );
}
