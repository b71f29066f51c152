// An entry's kind as words on a badge: the colour only repeats what the text says.
import { Badge } from '@fluentui/react-components';
import type { EntryKind } from '@roundtable/core';
import { KIND_LABELS } from '../wording.js';

const COLORS = {
  order: 'important',
  clarify: 'informative',
  reply: 'brand',
  point: 'subtle',
} as const satisfies Record<EntryKind, string>;

export function KindBadge({ kind }: { kind: EntryKind }) {
  return (
    <Badge appearance="tint" color={COLORS[kind]} shape="rounded">
      {KIND_LABELS[kind]}
    </Badge>
  );
}
