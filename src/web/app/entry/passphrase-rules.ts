/** The same rule as the setup page: four or more random words pass it easily. */
export const MIN_PASSPHRASE = 12;
