// The parts of teams-js the tab uses. Imported through this module, so the bundler keeps only
// them: importing the whole package at run time would carry all of it (about 54 KB gzip, against
// 16 KB for these).
export { FrameContexts, app, authentication, pages } from '@microsoft/teams-js';
