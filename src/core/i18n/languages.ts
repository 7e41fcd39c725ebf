// The languages Vigil speaks, in the order a new organization offers them. The one home of this list:
// pages, the workspace, messages and schemas all take it from here.
export const LANGUAGES = ['az', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
