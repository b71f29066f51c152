// The configuration page's side of Teams: what the tab saves, and the Save button's handler.
import { TAB_ENTITY_ID } from '@roundtable/core';
import { loadTeamsSdk } from './teams-sdk.js';

/** What Teams stores for the tab: one page serves the side panel, chat and details tabs. */
export interface TabInstance {
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/** The Save event Teams hands the handler; the save goes through only once told so. */
export interface SaveEvent {
  notifySuccess(): void;
  notifyFailure(reason?: string): void;
}

/** The part of teams-js `pages.config` this page uses; tests pass a fake. */
export interface TabSaver {
  registerOnSaveHandler(handler: (event: SaveEvent) => void): void;
  setConfig(instance: TabInstance): Promise<void>;
  setValidityState(valid: boolean): void;
}

export function tabInstanceFor(origin: string): TabInstance {
  return {
    // The side panel page shows the summary itself when it opens as a chat or details tab.
    contentUrl: `${origin}/index.html`,
    // Opened in a browser, this page explains Roundtable; the others need Teams.
    websiteUrl: `${origin}/config.html`,
    entityId: TAB_ENTITY_ID,
    suggestedDisplayName: 'Roundtable',
  };
}

/** There is nothing to choose, so Save is enabled at once and saves the one configuration. */
export function offerToSave(saver: TabSaver, instance: TabInstance): void {
  saver.registerOnSaveHandler((event) => {
    saver.setConfig(instance).then(
      () => {
        event.notifySuccess();
      },
      () => {
        event.notifyFailure('Teams could not save the Roundtable tab. Please try again.');
      },
    );
  });
  saver.setValidityState(true);
}

/** Inside Teams, once connected: Save is enabled and saves the one configuration. */
export async function offerToSaveInTeams(origin: string = window.location.origin): Promise<void> {
  const { pages } = await loadTeamsSdk();
  offerToSave(pages.config, tabInstanceFor(origin));
}
