// "Quick exit": the link, or Escape twice, leaves for the exit page and keeps this one out of history.
export function quickExit(): void {
  const link = document.getElementById('quick-exit') as HTMLAnchorElement | null;
  if (!link) return;
  const leave = (event?: Event) => {
    event?.preventDefault();
    // replace(): the page we leave does not stay in history for the back button.
    location.replace(link.href);
  };
  link.addEventListener('click', leave);
  let escapes = 0;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    escapes += 1;
    if (escapes >= 2) leave();
    setTimeout(() => (escapes = 0), 1000);
  });
}

