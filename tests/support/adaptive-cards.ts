// Checks Adaptive Cards with Microsoft's own parser (the UMD build runs in Node without a DOM; the
// package's main entry expects a browser bundler).
import { createRequire } from 'node:module';
import { expect } from '@jest/globals';
import type * as AdaptiveCardsModule from 'adaptivecards';

const AdaptiveCards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof AdaptiveCardsModule;

/** Parse and validation messages, and the card as the parser understood it (v1.5). */
export function parsedCard(json: object) {
  // The parser checks `lang` with a global regular expression (/^[a-z]{2,3}$/gi) and exec(),
  // which keeps its lastIndex between cards: every second card's valid "en" would read invalid.
  const lang = (AdaptiveCards.CardElement as unknown as { langProperty?: { regEx?: RegExp } })
    .langProperty?.regEx;
  if (lang !== undefined) lang.lastIndex = 0;
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  card.parse(json, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  return {
    problems: [...parseEvents, ...card.validateProperties().validationEvents].map((e) => e.message),
    // A misspelled property or one the version lacks is silently dropped by the parser.
    understood: card.toJSON(new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5)),
  };
}

/** A card the parser takes whole: no problems, nothing dropped, schema and version 1.5. */
export function expectValidCard(json: object): void {
  const { problems, understood } = parsedCard(json);
  expect(problems).toEqual([]);
  expect(understood).toEqual(json);
  expect(json).toMatchObject({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
  });
}
