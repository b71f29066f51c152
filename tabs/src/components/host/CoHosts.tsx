// Who hosts besides the organisers, the organisers' to decide: whether Teams' presenters host, and
// which other people are co-hosts.
import { useId } from 'react';
import { useHostWords } from './host-words.js';
import type { PanelSectionProps } from '../panel-props.js';
import { OrganiserSwitch } from './OrganiserSwitch.js';
import { BusyButton } from '../BusyButton.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useSend } from '../hooks/use-send.js';

export function CoHosts({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const idBase = useId();
  const sender = useSend(controller);
  const { t } = useHostWords();
  // Organisers host already; presenters do while presenters host. Everyone else can be granted.
  const attendees = (view.people ?? []).filter(
    (person) =>
      person.role !== 'organizer' &&
      !(person.role === 'presenter' && view.presentersHost) &&
      person.participantId !== view.you.participantId,
  );
  return (
    <>
      <OrganiserSwitch
        label={t('coHosts.presenters')}
        hint={t('coHosts.presentersHint')}
        checked={view.presentersHost}
        command={(enabled) => ({ type: 'setPresentersHost', enabled })}
        controller={controller}
      />
      <p className={section.hint}>{t('coHosts.hint')}</p>
      {attendees.length === 0 ? (
        <p className={section.hint}>{t('coHosts.nobody')}</p>
      ) : (
        <ul className={section.list} aria-label={t('coHosts.label')}>
          {attendees.map((person, index) => (
            <li key={person.participantId} className={section.row}>
              <span id={`${idBase}-${index}-name`}>
                {person.present
                  ? person.displayName
                  : t('coHosts.away', { name: person.displayName })}
              </span>
              <BusyButton
                size="small"
                busy={sender.busyKey === person.participantId}
                // Named by its own words, then the person's: "Make co-host Ana". The visible label
                // comes first, so speech input ("click Make co-host") finds it (WCAG 2.5.3).
                id={`${idBase}-${index}-button`}
                aria-labelledby={`${idBase}-${index}-button ${idBase}-${index}-name`}
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
                {person.isHost ? t('coHosts.remove') : t('coHosts.make')}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <SendProblem message={sender.message} />
    </>
  );
}
