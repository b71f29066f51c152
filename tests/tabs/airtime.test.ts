// The airtime chart's unit comes from the data, so short turns never round away to nothing.
import { describe, expect, it } from '@jest/globals';
import { airtimeBars, airtimeUnit, formatInUnit, inUnit } from '../../tabs/src/summary/airtime.js';

const seconds = (...values: number[]) => values.map((value) => value * 1_000);

describe('airtime units', () => {
  it('uses seconds while nobody spoke two minutes, so a 2-second turn still shows', () => {
    const bars = airtimeBars(seconds(2, 45, 0, 119));
    const unit = airtimeUnit(bars);
    expect(unit.name).toBe('seconds');
    expect(bars.map((bar) => inUnit(bar.ms, unit))).toEqual([119, 45, 2, 0]);
    expect(formatInUnit(2_000, unit)).toBe('2 s');
  });

  it('uses minutes with one decimal once someone spoke two minutes or more', () => {
    const bars = airtimeBars(seconds(120, 30, 3, 0));
    const unit = airtimeUnit(bars);
    expect(unit.name).toBe('minutes');
    expect(bars.map((bar) => inUnit(bar.ms, unit))).toEqual([2, 0.5, 0.1, 0]);
    expect(formatInUnit(30_000, unit)).toBe('0.5 min');
  });

  it('never rounds someone who spoke down to silence, nor silence up', () => {
    const unit = airtimeUnit(airtimeBars(seconds(600, 1)));
    expect(inUnit(1_000, unit)).toBe(0.1);
    expect(inUnit(400, airtimeUnit(airtimeBars([400])))).toBe(1);
    expect(inUnit(0, unit)).toBe(0);
  });

  it('keeps shares exact, most airtime first', () => {
    const bars = airtimeBars(seconds(1, 3));
    expect(bars.map((bar) => [bar.label, bar.share])).toEqual([
      ['Person 1', 0.75],
      ['Person 2', 0.25],
    ]);
  });
});
