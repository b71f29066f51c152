// The airtime distribution as the chart and its text alternative both show it: anonymous bars,
// most airtime first, silent people as zero.
import { count, percent } from './format.js';

export interface AirtimeBar {
  /** "Person 1" has the most airtime; the numbering says nothing about who anyone is. */
  readonly label: string;
  readonly minutes: number;
  readonly share: number;
}

export function airtimeBars(distributionMs: readonly number[]): AirtimeBar[] {
  const total = distributionMs.reduce((sum, airtime) => sum + airtime, 0);
  return [...distributionMs]
    .sort((a, b) => b - a)
    .map((airtime, index) => ({
      label: `Person ${index + 1}`,
      minutes: airtime / 60_000,
      share: total === 0 ? 0 : airtime / total,
    }));
}

/** One sentence a screen reader or a failed chart can stand on. */
export function airtimeCaption(bars: readonly AirtimeBar[]): string {
  const top = bars[0];
  if (top === undefined || top.minutes === 0) {
    return 'No one took a turn, so there is no airtime to compare.';
  }
  const silent = bars.filter((bar) => bar.minutes === 0).length;
  const rest =
    silent === 0 ? 'everyone spoke' : `${count(silent, 'person', 'people')} did not speak`;
  return `The top speaker had ${percent(top.share)} of airtime; ${rest}.`;
}
