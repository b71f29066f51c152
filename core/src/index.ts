// @roundtable/core: the pure domain shared by the API and the side panel.
export * from './decider.js';
export * from './errors.js';
export * from './random.js';
export * from './meeting/state.js';
export * from './meeting/events.js';
export { evolve, evolveAll } from './meeting/evolve.js';
export { decide, meetingDecider } from './meeting/decide.js';
export { forgetPeople } from './meeting/forget.js';
export * from './checkins/aggregate.js';
export * from './checkins/prompts.js';
export * from './participation/records.js';
export * from './contract/commands.js';
export * from './contract/view.js';
export * from './contract/project.js';
export * from './summary/metrics.js';
export * from './summary/accumulator.js';
export * from './summary/summarize.js';
export { MAX_SUGGESTIONS, suggestionsFor } from './summary/suggestions.js';
