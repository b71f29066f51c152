// Hosts only: who is here and has not had a turn yet, with a private invitation for each. Where
// Teams says who is in the meeting, that includes people who never opened Roundtable: Teams
// carries their invitation.
import type { PanelSectionProps } from '../panel-props.js';
import { BusyButton } from '../BusyButton.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useSend } from '../hooks/use-send.js';

export function NotHeardYet({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const sender = useSend(controller);
  const people = (view.notYetHeard ?? []).filter(
    (person) => person.participantId !== view.you.participantId,
  );
  return (
    <>
      <p className={section.hint}>
        Only hosts see this; invitations are private.
        {view.roster === true ? '' : ' It lists the people who have opened Roundtable.'}
      </p>
      {people.length === 0 ? (
        <p className={section.hint}>Everyone here has had a turn.</p>
      ) : (
        <ul className={section.list} aria-label="Not heard yet">
          {people.map((person) => (
            <li key={person.participantId} className={section.row}>
              <span>
                {person.displayName}
                {person.openedRoundtable ? '' : ' (has not opened Roundtable)'}
              </span>
              {/* The same button turns into "Invited", so keyboard focus stays put. */}
              <BusyButton
                size="small"
                busy={sender.busyKey === person.participantId}
                disabledFocusable={person.invited}
                aria-label={
                  person.invited ? `Invited ${person.displayName}` : `Invite ${person.displayName}`
                }
                onClick={() =>
                  void sender.send(
                    { type: 'invite', participantId: person.participantId },
                    person.participantId,
                  )
                }
              >
                {person.invited ? 'Invited' : 'Invite'}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <SendProblem message={sender.message} />
    </>
  );
}
