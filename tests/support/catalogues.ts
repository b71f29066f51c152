// Checks a family of message catalogues (one per language) against each other: the same keys,
// every message valid ICU, the same placeholders, and plural forms for every category the
// language's plural rules have. Returns the problems found, so a test can show a broken family
// fails before it shows the shipped ones pass.
import { IntlMessageFormat } from 'intl-messageformat';

export type Catalogues = Readonly<Record<string, Readonly<Record<string, string>>>>;

// Element types of @formatjs/icu-messageformat-parser's AST (its TYPE enum).
const ARGUMENT_TYPES = new Set([1, 2, 3, 4]); // argument, number, date, time
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

interface Element {
  readonly type: number;
  readonly value?: string;
  readonly pluralType?: 'cardinal' | 'ordinal';
  readonly options?: Readonly<Record<string, { readonly value: readonly Element[] }>>;
  readonly children?: readonly Element[];
}

/** Every placeholder a message uses, and each plural's categories by its argument. */
function walk(
  elements: readonly Element[],
  found: { names: Set<string>; plurals: { name: string; ordinal: boolean; keys: string[] }[] },
): void {
  for (const element of elements) {
    if (ARGUMENT_TYPES.has(element.type) && element.value !== undefined)
      found.names.add(element.value);
    if ((element.type === SELECT || element.type === PLURAL) && element.value !== undefined) {
      found.names.add(element.value);
      if (element.type === PLURAL)
        found.plurals.push({
          name: element.value,
          ordinal: element.pluralType === 'ordinal',
          keys: Object.keys(element.options ?? {}),
        });
      for (const option of Object.values(element.options ?? {})) walk(option.value, found);
    }
    if (element.type === TAG) walk(element.children ?? [], found);
  }
}

export function checkCatalogues(family: string, catalogues: Catalogues): string[] {
  const problems: string[] = [];
  const languages = Object.keys(catalogues);
  const allKeys = new Set(languages.flatMap((language) => Object.keys(catalogues[language] ?? {})));
  const placeholders = new Map<string, Map<string, string[]>>();
  for (const language of languages) {
    const catalogue = catalogues[language] ?? {};
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const ordinalCategories = new Intl.PluralRules(language, { type: 'ordinal' }).resolvedOptions()
      .pluralCategories;
    for (const key of allKeys) {
      const message = catalogue[key];
      if (message === undefined) {
        problems.push(`${family}/${language} misses "${key}"`);
        continue;
      }
      let ast: readonly Element[];
      try {
        ast = new IntlMessageFormat(message, language).getAst() as readonly Element[];
      } catch (error) {
        problems.push(`${family}/${language} "${key}" is not valid ICU: ${String(error)}`);
        continue;
      }
      const found = {
        names: new Set<string>(),
        plurals: [] as never[] as { name: string; ordinal: boolean; keys: string[] }[],
      };
      walk(ast, found);
      const byKey = placeholders.get(key) ?? new Map<string, string[]>();
      byKey.set(language, [...found.names].sort());
      placeholders.set(key, byKey);
      for (const plural of found.plurals) {
        const needed = plural.ordinal ? ordinalCategories : categories;
        const missing = needed.filter((category) => !plural.keys.includes(category));
        if (missing.length > 0)
          problems.push(
            `${family}/${language} "${key}" {${plural.name}} lacks plural forms: ${missing.join(', ')}`,
          );
      }
    }
  }
  for (const [key, byLanguage] of placeholders) {
    const shapes = new Set([...byLanguage.values()].map((names) => names.join(',')));
    if (shapes.size > 1)
      problems.push(
        `${family} "${key}" has different placeholders: ${[...byLanguage]
          .map(([language, names]) => `${language} {${names.join(', ')}}`)
          .join(' / ')}`,
      );
  }
  return problems;
}
