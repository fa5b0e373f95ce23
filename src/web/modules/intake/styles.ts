import type { CSSProperties } from 'react';

/**
 * Mantine's default error red (red-6) is below WCAG AA contrast on white for the error text under
 * an input; the intake forms use red-9 (the app theme does not override it yet).
 */
export const FORM_CONTRAST = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;
