// The organiser's card catalogues agree: keys, ICU syntax, placeholders, each language's plurals.
import { expect, it } from '@jest/globals';
import en from '../../api/src/i18n/en.js';
import de from '../../api/src/i18n/de.js';
import ar from '../../api/src/i18n/ar.js';
import { checkCatalogues } from '../support/catalogues.js';

it("the card's catalogues agree", () => {
  expect(checkCatalogues('card', { en, de, ar })).toEqual([]);
});

it('the check catches a card catalogue that lost a key', () => {
  const { 'card.open': _dropped, ...shorter } = de;
  expect(checkCatalogues('card', { en, de: shorter })).toEqual(['card/de misses "card.open"']);
});
