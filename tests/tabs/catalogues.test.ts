// Every catalogue has every key the others have, valid ICU, the same placeholders, and every
// plural form its language needs; the English problem words are the domain's own.
import { describe, expect, it } from '@jest/globals';
import { CHECKIN_PROMPTS, domainError, type DomainErrorCode } from '@roundtable/core';
import en from '../../tabs/src/i18n/messages/en.js';
import de from '../../tabs/src/i18n/messages/de.js';
import ar from '../../tabs/src/i18n/messages/ar.js';
import problemsEn from '../../tabs/src/i18n/messages/problems/en.js';
import problemsDe from '../../tabs/src/i18n/messages/problems/de.js';
import problemsAr from '../../tabs/src/i18n/messages/problems/ar.js';
import summaryEn from '../../tabs/src/i18n/messages/summary/en.js';
import summaryDe from '../../tabs/src/i18n/messages/summary/de.js';
import summaryAr from '../../tabs/src/i18n/messages/summary/ar.js';
import hostEn from '../../tabs/src/i18n/messages/host/en.js';
import hostDe from '../../tabs/src/i18n/messages/host/de.js';
import hostAr from '../../tabs/src/i18n/messages/host/ar.js';
import configEn from '../../tabs/src/i18n/messages/config/en.js';
import configDe from '../../tabs/src/i18n/messages/config/de.js';
import configAr from '../../tabs/src/i18n/messages/config/ar.js';
import { checkCatalogues } from '../support/catalogues.js';

describe('the catalogue check', () => {
  it('finds a missing key, a broken message, a foreign placeholder and a missing plural form', () => {
    const problems = checkCatalogues('sample', {
      en: { a: 'Hello {name}', b: '{n, plural, one {# answer} other {# answers}}', c: 'Fine' },
      de: { a: 'Hallo {nom}', b: '{n, plural, one {# Antwort} other {# Antworten}}' },
      ar: { a: 'مرحبًا {name}', b: '{n, plural, one {إجابة} other {# إجابة}}', c: '{broken' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'sample/de misses "c"',
        expect.stringMatching(/^sample\/ar "c" is not valid ICU/),
        expect.stringMatching(/^sample "a" has different placeholders: .*de \{nom\}/),
        'sample/ar "b" {n} lacks plural forms: few, many, two, zero',
      ]),
    );
    expect(problems).toHaveLength(4);
  });
});

describe("the tab's catalogues", () => {
  it('agree: keys, ICU syntax, placeholders, plural forms', () => {
    expect(checkCatalogues('tab', { en, de, ar })).toEqual([]);
  });

  it('agree on the API problems too', () => {
    expect(checkCatalogues('problems', { en: problemsEn, de: problemsDe, ar: problemsAr })).toEqual(
      [],
    );
  });

  it("agree on the host tools' words too", () => {
    expect(checkCatalogues('host', { en: hostEn, de: hostDe, ar: hostAr })).toEqual([]);
  });

  it("agree on the configuration page's words too", () => {
    expect(checkCatalogues('config', { en: configEn, de: configDe, ar: configAr })).toEqual([]);
  });

  it("agree on the summary's words too", () => {
    expect(checkCatalogues('summary', { en: summaryEn, de: summaryDe, ar: summaryAr })).toEqual([]);
  });

  it('translate every built-in check-in prompt', () => {
    for (const prompt of CHECKIN_PROMPTS) {
      expect(en[`prompt.${prompt.id}` as keyof typeof en]).toBe(prompt.text);
      if (prompt.labels !== null && prompt.id !== 'safe-to-differ' && prompt.id !== 'said-my-piece')
        expect(en[`prompt.${prompt.id}.low` as keyof typeof en]).toBe(prompt.labels.low);
    }
  });

  it("word the domain's refusals as the domain does in English", () => {
    const domainKeys = Object.keys(problemsEn).filter((key) => {
      try {
        domainError(key.slice('problem.'.length) as DomainErrorCode);
        return true;
      } catch {
        return false;
      }
    });
    expect(domainKeys.length).toBeGreaterThan(30);
    for (const key of domainKeys) {
      const code = key.slice('problem.'.length) as DomainErrorCode;
      expect(problemsEn[key as keyof typeof problemsEn]).toBe(domainError(code).message);
    }
  });
});
