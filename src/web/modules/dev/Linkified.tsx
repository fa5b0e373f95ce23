import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { splitLinks } from './linkify';

/** Text with every http(s) URL turned into a real link. */
export function Linkified({ text }: { text: string }): ReactNode {
  return splitLinks(text).map((part, i) =>
    part.href ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts are static
      <Anchor key={i} href={part.href} inherit style={{ overflowWrap: 'anywhere' }}>
        {part.text}
      </Anchor>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts are static
      <span key={i}>{part.text}</span>
    ),
  );
}
