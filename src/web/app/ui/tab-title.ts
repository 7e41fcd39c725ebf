// The browser tab's title. Set in a layout effect, which runs before ordinary effects: a page that
// says more in its title (the inbox's counts) writes it after, and wins.
import { useLayoutEffect } from 'preact/hooks';

export function useTabTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = title;
  }, [title]);
}
