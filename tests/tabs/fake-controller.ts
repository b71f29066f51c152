// A fake MeetingController for side-panel tests. Views come from the real core (decide, evolve,
// participantView), so a test drives a meeting the way the server would and never hand-writes JSON.
import type { Said } from '../../tabs/src/i18n/translator.js';
import { jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { act, render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { createElement, useSyncExternalStore } from 'react';
import {
  type Decision,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
  type ParticipantView,
  type PublicCommand,
  type Role,
  decide,
  evolveAll,
  initialMeetingState,
  participantView,
} from '@roundtable/core';
import type {
  ConnectionStatus,
  MeetingController,
  SendOutcome,
} from '../../tabs/src/meeting/controller.js';
import { SidePanel } from '../../tabs/src/pages/SidePanel.js';

// user-event walks radio groups with CSS.escape, which jsdom lacks. Names only appear inside a
// quoted attribute selector, where quotes and backslashes are all that need escaping.
if (!('CSS' in window)) {
  Object.defineProperty(window, 'CSS', {
    value: { escape: (value: string) => value.replace(/["\\]/g, '\\$&') },
  });
}

export const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const MEETING_ID = 'meeting-1';

/** One meeting's live state, driven command by command through the real decider. */
export class FakeMeeting {
  state: MeetingState = initialMeetingState();
  clock = T0;
  version = 0;

  /** People by id, each arriving with the id capitalised as display name. */
  static with(people: Record<string, Role>): FakeMeeting {
    const meeting = new FakeMeeting();
    for (const [id, role] of Object.entries(people)) {
      meeting.do(id, {
        type: 'arrive',
        displayName: id.charAt(0).toUpperCase() + id.slice(1),
        role,
      });
    }
    return meeting;
  }

  try(by: string, command: MeetingCommand): Decision<MeetingEvent> {
    const actor = { kind: 'participant', participantId: by } as const;
    const decision = decide(command, this.state, { now: this.clock, actor, random: () => 0.5 });
    if (decision.ok) {
      this.state = evolveAll(this.state, decision.events);
      this.version += 1;
    }
    return decision;
  }

  /** A step that must be accepted. */
  do(by: string, command: MeetingCommand): this {
    const decision = this.try(by, command);
    if (!decision.ok) throw new Error(`${by} ${command.type} was refused: ${decision.error.code}`);
    return this;
  }

  tick(seconds: number): this {
    this.clock += seconds * 1000;
    return this;
  }

  viewFor(participantId: string): ParticipantView | null {
    return participantView(
      this.state,
      { meetingId: MEETING_ID, version: this.version },
      participantId,
    );
  }
}

/** The controller one person's panel sees. Records every command it is asked to send. */
export class FakeController {
  readonly sent: PublicCommand[] = [];
  status: ConnectionStatus = 'live';
  problem: Said | null = null;
  /** When set, every send is refused with this message and the meeting is left untouched. */
  refuseWith: Said | null = null;
  /** When true, sends wait until release() is called. */
  holdSends = false;
  private readonly held: (() => void)[] = [];
  private readonly listeners = new Set<() => void>();
  private snapshotValue: MeetingController;

  constructor(
    readonly meeting: FakeMeeting,
    readonly participantId: string,
  ) {
    this.snapshotValue = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): MeetingController => this.snapshotValue;

  send = async (command: PublicCommand): Promise<SendOutcome> => {
    this.sent.push(command);
    if (this.holdSends) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.refuseWith !== null) return { ok: false, message: this.refuseWith, retrying: false };
    const decision = this.meeting.try(this.participantId, command);
    this.refresh();
    return decision.ok
      ? { ok: true }
      : { ok: false, message: decision.error.message, retrying: false };
  };

  /** Lets held sends go on, inside act() because the panel updates when they answer. */
  async release(): Promise<void> {
    this.holdSends = false;
    await act(async () => {
      for (const resolve of this.held.splice(0)) resolve();
      await Promise.resolve();
    });
  }

  /** Someone else acts in the meeting (or the clock moves); this panel sees the new view. */
  others(change: (meeting: FakeMeeting) => void): void {
    act(() => {
      change(this.meeting);
      this.refresh();
    });
  }

  setConnection(status: ConnectionStatus, problem: Said | null = null): void {
    act(() => {
      this.status = status;
      this.problem = problem;
      this.refresh();
    });
  }

  /** The commands sent so far, by type. */
  sentOfType<T extends PublicCommand['type']>(type: T): Extract<PublicCommand, { type: T }>[] {
    return this.sent.filter(
      (command): command is Extract<PublicCommand, { type: T }> => command.type === type,
    );
  }

  private refresh(): void {
    this.snapshotValue = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): MeetingController {
    return {
      view: this.meeting.viewFor(this.participantId),
      status: this.status,
      problem: this.problem,
      send: this.send,
      now: () => this.meeting.clock,
    };
  }
}

export function ConnectedPanel({ fake }: { fake: FakeController }) {
  const controller = useSyncExternalStore(fake.subscribe, fake.snapshot);
  return createElement(SidePanel, { controller });
}

export interface RenderedPanel extends RenderResult {
  readonly user: UserEvent;
}

/** Renders one person's side panel inside FluentProvider, as the page entry does. */
export function renderPanel(fake: FakeController, theme: Theme = teamsLightTheme): RenderedPanel {
  // user-event pauses between actions; under jest's fake timers it must move them on itself.
  const user = userEvent.setup({
    advanceTimers: (ms) => {
      if (Object.prototype.hasOwnProperty.call(setTimeout, 'clock')) jest.advanceTimersByTime(ms);
    },
  });
  const result = render(
    createElement(FluentProvider, { theme }, createElement(ConnectedPanel, { fake })),
  );
  return { ...result, user };
}
