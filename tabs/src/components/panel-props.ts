// What every section of the side panel receives: the loaded view and the controller to act with.
import type { ParticipantView } from '@roundtable/core';
import type { MeetingController } from '../meeting/controller.js';

export interface PanelSectionProps {
  readonly view: ParticipantView;
  readonly controller: MeetingController;
}
