// The built-in check-in library. Wording matters: warm, plain, and never a test.
import type { CheckinScale } from '../meeting/state.js';

export interface CheckinPrompt {
  readonly id: string;
  readonly when: 'opening' | 'any' | 'closing';
  readonly text: string;
  readonly scale: CheckinScale;
  /** What 1 and 5 mean, for the scales that have ends. */
  readonly labels: { readonly low: string; readonly high: string } | null;
}

export const CHECKIN_PROMPTS: readonly CheckinPrompt[] = [
  {
    id: 'arrival-word',
    when: 'opening',
    text: 'In one word: how are you arriving today?',
    scale: 'word',
    labels: null,
  },
  {
    id: 'energy',
    when: 'opening',
    text: 'Your energy right now — 1 running on empty, 5 fully charged',
    scale: 'energy5',
    labels: { low: 'Running on empty', high: 'Fully charged' },
  },
  {
    id: 'worth-it',
    when: 'opening',
    text: 'What would make this meeting worth your time? (one or two words)',
    scale: 'word',
    labels: null,
  },
  {
    id: 'safe-to-differ',
    when: 'any',
    text: 'Here, it feels safe to say something the group may disagree with',
    scale: 'likert5',
    labels: { low: 'Disagree', high: 'Agree' },
  },
  {
    id: 'said-my-piece',
    when: 'closing',
    text: 'Today I could say what I wanted to say',
    scale: 'likert5',
    labels: { low: 'Disagree', high: 'Agree' },
  },
  {
    id: 'felt-heard',
    when: 'closing',
    text: 'Did you feel heard in this meeting?',
    scale: 'likert5',
    labels: { low: 'Not at all', high: 'Completely' },
  },
  {
    id: 'appreciation-round',
    when: 'closing',
    text: 'A spoken round: something someone did today that helped',
    scale: 'round',
    labels: null,
  },
];

export const FELT_HEARD_PROMPT_ID = 'felt-heard';

const AGREEMENT = { low: 'Disagree', high: 'Agree' } as const;
const ENERGY = { low: 'Low', high: 'High' } as const;

export function findPrompt(promptId: string): CheckinPrompt | undefined {
  return CHECKIN_PROMPTS.find((prompt) => prompt.id === promptId);
}

/** Labels for a check-in: the built-in prompt's own, or plain ones for a custom prompt. */
export function labelsFor(promptId: string | null, scale: CheckinScale): CheckinPrompt['labels'] {
  const prompt = promptId === null ? undefined : findPrompt(promptId);
  if (prompt) return prompt.labels;
  if (scale === 'likert5') return AGREEMENT;
  if (scale === 'energy5') return ENERGY;
  return null;
}
