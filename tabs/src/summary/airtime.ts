// The airtime distribution as the chart and its text alternative both show it: anonymous bars,
// most airtime first, silent people as zero, in a unit chosen from the data.
import { ENGLISH_SUMMARY, type SummaryWords } from './summary-words.js';

export interface AirtimeBar {
  /** "Person 1" has the most airtime; the numbering says nothing about who anyone is. */
  readonly label: string;
  readonly ms: number;
  readonly share: number;
}

/** Seconds while nobody spoke two minutes; minutes (one decimal) from then on. */
export interface AirtimeUnit {
  readonly name: 'seconds' | 'minutes';
  readonly ms: number;
  readonly decimals: number;
}

const SECONDS: AirtimeUnit = { name: 'seconds', ms: 1_000, decimals: 0 };
const MINUTES: AirtimeUnit = { name: 'minutes', ms: 60_000, decimals: 1 };

export function airtimeBars(
  distributionMs: readonly number[],
  words: SummaryWords = ENGLISH_SUMMARY,
): AirtimeBar[] {
  const total = distributionMs.reduce((sum, airtime) => sum + airtime, 0);
  return [...distributionMs]
    .sort((a, b) => b - a)
    .map((airtime, index) => ({
      label: words.t('airtime.personN', { n: index + 1 }),
      ms: airtime,
      share: total === 0 ? 0 : airtime / total,
    }));
}

export function airtimeUnit(bars: readonly AirtimeBar[]): AirtimeUnit {
  return (bars[0]?.ms ?? 0) < 2 * MINUTES.ms ? SECONDS : MINUTES;
}

/**
 * A bar's value in the unit, rounded to what the unit shows. Anyone who spoke at all keeps at
 * least one step, so a short turn never reads (or draws) as silence.
 */
export function inUnit(ms: number, unit: AirtimeUnit): number {
  const step = 10 ** -unit.decimals;
  const value = Math.round((ms / unit.ms) * 10 ** unit.decimals) / 10 ** unit.decimals;
  return ms > 0 ? Math.max(value, step) : 0;
}

/** A bar's value in the unit as the reader writes numbers ("3.5", "3,5", "٣٫٥"). */
export function unitValue(ms: number, unit: AirtimeUnit, words: SummaryWords = ENGLISH_SUMMARY) {
  return words.number(inUnit(ms, unit), {
    minimumFractionDigits: unit.decimals,
    maximumFractionDigits: unit.decimals,
  });
}

/** "45 s", "3.5 min": the value as the table and the chart's callout show it. */
export function formatInUnit(
  ms: number,
  unit: AirtimeUnit,
  words: SummaryWords = ENGLISH_SUMMARY,
): string {
  const value = unitValue(ms, unit, words);
  return words.t(unit.name === 'seconds' ? 'airtime.inSeconds' : 'airtime.inMinutes', { value });
}

/** One sentence a screen reader or a failed chart can stand on. */
export function airtimeCaption(
  bars: readonly AirtimeBar[],
  words: SummaryWords = ENGLISH_SUMMARY,
): string {
  const top = bars[0];
  if (top === undefined || top.ms === 0) return words.t('airtime.none');
  const silent = bars.filter((bar) => bar.ms === 0).length;
  const rest =
    silent === 0 ? words.t('airtime.everyoneSpoke') : words.t('airtime.silent', { silent });
  return words.t('airtime.caption', { share: words.percent(top.share), rest });
}
