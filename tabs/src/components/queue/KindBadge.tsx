// An entry's kind as words on a badge: the colour only repeats what the text says.
import { Badge } from '@fluentui/react-components';
import type { EntryKind } from '@roundtable/core';
import { useI18n } from '../../i18n/I18n.js';
import { KIND_LABELS } from '../wording.js';

const COLORS = {
  order: 'important',
  clarify: 'informative',
  reply: 'brand',
  point: 'subtle',
} as const satisfies Record<EntryKind, string>;

export function KindBadge({ kind }: { kind: EntryKind }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={COLORS[kind]} shape="rounded">
      {t(KIND_LABELS[kind])}
    </Badge>
  );
}
