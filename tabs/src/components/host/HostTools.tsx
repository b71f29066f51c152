// Everything hosts do besides "Next speaker", one tap away in collapsible sections.
import { hostWords, useHostWords } from './host-words.js';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { CheckinTools } from './CheckinTools.js';
import { CoHosts } from './CoHosts.js';
import { EndSession } from './EndSession.js';
import { MeetingOptions } from './MeetingOptions.js';
import { NotHeardYet } from './NotHeardYet.js';
import type { PanelSectionProps } from '../panel-props.js';
import { LockSwitch } from './LockSwitch.js';
import { ModePicker } from './ModePicker.js';
import { useSectionStyles } from '../styles.js';
import { TimeboxPicker } from './TimeboxPicker.js';
import { useRegionLabel } from '../region-label.js';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
});

function Tool({ value, title, children }: { value: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <AccordionItem value={value}>
      <AccordionHeader as="h3" expandIconPosition="end">
        {title}
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>{children}</AccordionPanel>
    </AccordionItem>
  );
}

/** The host tools, once their words in the reader's language are here. */
export function HostTools(props: PanelSectionProps) {
  return (
    <hostWords.Provider>
      <HostToolsSections {...props} />
    </hostWords.Provider>
  );
}

function HostToolsSections({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const i18n = useHostWords();
  const { t } = i18n;
  const waiting = (view.notYetHeard ?? []).filter(
    (person) => person.participantId !== view.you.participantId,
  ).length;
  // Who hosts and the meeting's options are the organisers' to decide.
  const organiser = view.you.role === 'organizer';
  return (
    <section className={section.section} aria-labelledby={regionLabel}>
      <h2 id={headingId} className={section.heading}>
        {t('host.heading')}
      </h2>
      <Accordion multiple collapsible>
        <Tool value="queue" title={t('host.queueTool')}>
          <ModePicker view={view} controller={controller} />
          <TimeboxPicker view={view} controller={controller} />
          <LockSwitch view={view} controller={controller} />
        </Tool>
        <Tool value="checkin" title={t('host.checkinTool')}>
          <CheckinTools view={view} controller={controller} />
        </Tool>
        <Tool value="not-heard" title={t('host.notHeardTool', { count: i18n.number(waiting) })}>
          <NotHeardYet view={view} controller={controller} />
        </Tool>
        {organiser ? (
          <Tool value="co-hosts" title={t('host.whoHostsTool')}>
            <CoHosts view={view} controller={controller} />
          </Tool>
        ) : null}
        {organiser ? (
          <Tool value="options" title={t('host.optionsTool')}>
            <MeetingOptions view={view} controller={controller} />
          </Tool>
        ) : null}
      </Accordion>
      <EndSession session={view.session} controller={controller} />
    </section>
  );
}
