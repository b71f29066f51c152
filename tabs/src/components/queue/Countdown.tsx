// A calm countdown for the speaking timebox. It never turns red, never flashes and never cuts
// anyone off; past the timebox it says so gently. The time left is text (a timer, which screen
// readers read when asked and do not announce every second); for the speaker, a polite live
// region also says it at two points only: a minute left, and the timebox over.
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18n.js';
import type { Translator } from '../../i18n/translator.js';
import { useVisuallyHiddenStyles } from '../styles.js';
import { durationText } from '../wording.js';

export interface CountdownProps {
  readonly startedAt: number;
  readonly timeboxSeconds: number;
  readonly now: () => number;
  /** Say the set points aloud (the speaker's own turn). */
  readonly announce?: boolean;
}

/** Seconds left in the timebox (negative once over), re-read from the clock every second. */
function useSecondsLeft({ startedAt, timeboxSeconds, now }: CountdownProps): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setTick((tick) => tick + 1);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return Math.ceil((startedAt + timeboxSeconds * 1000 - now()) / 1000);
}

const useStyles = makeStyles({
  countdown: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: 'tabular-nums',
  },
});

const LAST_MINUTE = 60;

type Stage = 'running' | 'last-minute' | 'over';

function stageOf(left: number, timeboxSeconds: number): Stage {
  if (left <= 0) return 'over';
  return left <= LAST_MINUTE && timeboxSeconds > LAST_MINUTE ? 'last-minute' : 'running';
}

/** What to say when the countdown reaches a set point; nothing for the stage it started in. */
function useSetPoint(i18n: Translator, stage: Stage, timeboxSeconds: number): string {
  const first = useRef(stage);
  if (stage === first.current) return '';
  return stage === 'over'
    ? i18n.t('countdown.over')
    : stage === 'last-minute'
      ? i18n.t('countdown.left', {
          left: durationText(i18n, LAST_MINUTE),
          timebox: durationText(i18n, timeboxSeconds),
        })
      : '';
}

export function Countdown(props: CountdownProps) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const left = useSecondsLeft(props);
  const i18n = useI18n();
  const said = useSetPoint(i18n, stageOf(left, props.timeboxSeconds), props.timeboxSeconds);
  return (
    <>
      <span role="timer" className={styles.countdown}>
        {left > 0
          ? i18n.t('countdown.left', {
              left: i18n.clock(left),
              timebox: i18n.clock(props.timeboxSeconds),
            })
          : i18n.t('countdown.over')}
      </span>
      {props.announce === true ? (
        // Changes twice a turn at most, so the live region is not read every second.
        <span aria-live="polite" className={hidden.hidden}>
          {said}
        </span>
      ) : null}
    </>
  );
}
