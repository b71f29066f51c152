// Hosts only: who is here and has not had a turn yet, with a private invitation for each. Where
// Teams says who is in the meeting, that includes people who never opened Roundtable: Teams
// carries their invitation.
import type { PanelSectionProps } from '../panel-props.js';
import { BusyButton } from '../BusyButton.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useSend } from '../hooks/use-send.js';
import { useHostWords } from './host-words.js';

export function NotHeardYet({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const sender = useSend(controller);
  const { t } = useHostWords();
  const people = (view.notYetHeard ?? []).filter(
    (person) => person.participantId !== view.you.participantId,
  );
  return (
    <>
      <p className={section.hint}>
        {view.roster === true ? t('notHeard.private') : t('notHeard.openedOnly')}
      </p>
      {people.length === 0 ? (
        <p className={section.hint}>{t('notHeard.everyone')}</p>
      ) : (
        <ul className={section.list} aria-label={t('notHeard.label')}>
          {people.map((person) => (
            <li key={person.participantId} className={section.row}>
              <span>
                {person.openedRoundtable
                  ? person.displayName
                  : t('notHeard.notOpened', { name: person.displayName })}
              </span>
              {/* The same button turns into "Invited", so keyboard focus stays put. */}
              <BusyButton
                size="small"
                busy={sender.busyKey === person.participantId}
                disabledFocusable={person.invited}
                aria-label={
                  person.invited
                    ? t('notHeard.invitedName', { name: person.displayName })
                    : t('notHeard.inviteName', { name: person.displayName })
                }
                onClick={() =>
                  void sender.send(
                    { type: 'invite', participantId: person.participantId },
                    person.participantId,
                  )
                }
              >
                {person.invited ? t('notHeard.invited') : t('notHeard.invite')}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <SendProblem message={sender.message} />
    </>
  );
}
