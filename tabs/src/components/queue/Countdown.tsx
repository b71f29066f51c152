// A calm countdown for the speaking timebox. It never turns red, never flashes and never cuts
// anyone off; past the timebox it says so gently.
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18n.js';

export interface CountdownProps {
  readonly startedAt: number;
  readonly timeboxSeconds: number;
  readonly now: () => number;
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

export function Countdown(props: CountdownProps) {
  const styles = useStyles();
  const left = useSecondsLeft(props);
  const i18n = useI18n();
  return (
    <span role="timer" className={styles.countdown}>
      {left > 0
        ? i18n.t('countdown.left', {
            left: i18n.clock(left),
            timebox: i18n.clock(props.timeboxSeconds),
          })
        : i18n.t('countdown.over')}
    </span>
  );
}
