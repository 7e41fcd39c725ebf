// What the login screen says when the workspace closed: words of the shell (shown in the
// language of the moment) or a server's message.
export type Notice = { words: 'reloaded' | 'notOpened' | 'sessionEnded' | 'everySessionEnded' | 'youLockedDown' | 'lockedHidden' } | { words: 'lockedIdle'; minutes: number } | { text: string };
