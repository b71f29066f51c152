// Local mode: the cards Roundtable would have posted for the organiser, as plain text.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient, OutboxCard } from '../api/client.js';
import { useOutbox } from '../local/use-outbox.js';

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalS,
  },
});

/** Every line of text in an Adaptive Card body: text blocks and fact sets. */
function linesOf(card: OutboxCard['card']): string[] {
  return (card.body ?? []).flatMap((element) => {
    if (element.type === 'TextBlock' && typeof element.text === 'string') return [element.text];
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      return (element.facts as { title?: string; value?: string }[]).map(
        (fact) => `${fact.title ?? ''}: ${fact.value ?? ''}`,
      );
    }
    return [];
  });
}

export function OutboxList({ client, meetingId }: { client: ApiClient; meetingId: string }) {
  const styles = useStyles();
  const cards = useOutbox(client, meetingId);
  return (
    <section aria-label="Outbox">
      <Text as="h2" weight="semibold">
        Outbox (what the organiser is sent)
      </Text>
      {cards.length === 0 ? <p>Nothing sent yet: a card is sent when the session ends.</p> : null}
      {cards.map((entry) => (
        <div key={entry.at} className={styles.card}>
          {linesOf(entry.card).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ))}
    </section>
  );
}
