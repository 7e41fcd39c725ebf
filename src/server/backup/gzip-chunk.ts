/**
 * zlib works in the thread pool one output chunk at a time: at its default 16 KiB a 1 GB backup made
 * ~65,000 round trips and the main thread sat idle for 57 of its 78 s (node --cpu-prof). Backup and
 * restore both use 1 MiB, the size of a backup part.
 */
export const GZIP_CHUNK = 1024 * 1024;
