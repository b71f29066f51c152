// Organisers and presenters grant or revoke co-hosting for attendees.
import type { PanelSectionProps } from '../panel-props.js';
import { BusyButton } from '../BusyButton.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useSend } from '../hooks/use-send.js';

export function CoHosts({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const sender = useSend(controller);
  const attendees = (view.people ?? []).filter(
    (person) => person.role === 'attendee' && person.participantId !== view.you.participantId,
  );
  return (
    <>
      <p className={section.hint}>Co-hosts can run the queue and check-ins with you.</p>
      {attendees.length === 0 ? (
        <p className={section.hint}>No attendees have opened Roundtable yet.</p>
      ) : (
        <ul className={section.list} aria-label="Attendees">
          {attendees.map((person) => (
            <li key={person.participantId} className={section.row}>
              <span>
                {person.displayName}
                {person.present ? '' : ' (away)'}
              </span>
              <BusyButton
                size="small"
                busy={sender.busyKey === person.participantId}
                aria-label={
                  person.isHost
                    ? `Remove ${person.displayName} as co-host`
                    : `Make ${person.displayName} a co-host`
                }
                onClick={() =>
                  void sender.send(
                    {
                      type: person.isHost ? 'revokeHost' : 'grantHost',
                      participantId: person.participantId,
                    },
                    person.participantId,
                  )
                }
              >
                {person.isHost ? 'Remove co-host' : 'Make co-host'}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <SendProblem message={sender.message} />
    </>
  );
}
