// Local mode remembers who this tab is for the browser tab's lifetime. Storage can be refused
// (a browser blocking storage in frames throws on sessionStorage): then the page simply asks.
import type { SimulatedPerson } from './local-identity.js';

const PERSON_KEY = 'roundtable.local.person';

export function savedPerson(): SimulatedPerson | null {
  try {
    const saved = sessionStorage.getItem(PERSON_KEY);
    return saved === null ? null : (JSON.parse(saved) as SimulatedPerson);
  } catch {
    return null;
  }
}

export function savePerson(person: SimulatedPerson): void {
  try {
    sessionStorage.setItem(PERSON_KEY, JSON.stringify(person));
  } catch {
    // Not remembered: a reload asks again, and nothing else changes.
  }
}
