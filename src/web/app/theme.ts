import { Badge, type CSSVariablesResolver, createTheme, darken, NativeSelect, PasswordInput, Select, TextInput } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps links and filled buttons above 4.5:1 contrast on white.
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
  // Labels stay exactly their text (no " *"): required fields carry the `required` attribute,
  // and optional ones say "Optional" in their description.
  components: {
    TextInput: TextInput.extend({ defaultProps: { withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { withAsterisk: false } }),
    NativeSelect: NativeSelect.extend({ defaultProps: { withAsterisk: false } }),
    Select: Select.extend({ defaultProps: { withAsterisk: false } }),
    // Mantine cuts a badge's label with an ellipsis when its cell is narrow ("Kiire…", "Act…");
    // a status half-read is worse than a badge on two lines, so every badge wraps instead.
    Badge: Badge.extend({
      styles: {
        root: { height: 'auto', maxWidth: 'none', flexShrink: 0, paddingBlock: 2, overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'normal', lineHeight: 1.3 },
      },
    }),
  },
});

/**
 * Mantine's default "dimmed" grey and the text of light variants (alerts, badges) fall below
 * WCAG AA contrast; darken them.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors in red-6 are 3.3:1 on white; red-9 passes AA everywhere.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    const base = shades[9];
    if (base) light[`--mantine-color-${name}-light-color`] = darken(base, 0.35);
  }
  return { variables: {}, light, dark: {} };
};
