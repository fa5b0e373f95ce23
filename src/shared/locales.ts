/** The languages every user-visible string exists in. */
export const locales = ['fi', 'sv', 'nb', 'en'] as const;
export type Locale = (typeof locales)[number];
