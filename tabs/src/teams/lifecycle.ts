// App caching in the meeting side panel, as Microsoft's contract asks (msteams-docs
// tabs/how-to/app-caching.md, "App suspension for your tab app"): register before-suspend and
// resume handlers only in the side panel, sleep while cached (no live connection, no polling),
// and on resume re-register for theme changes and load what the resume context names.

/** Something that must stop while the panel is cached and may start again after. */
export interface Sleeper {
  sleep(): void;
  wake(): void;
}

/** The panel's sleepers; whatever keeps a connection or a timer registers here while it lives. */
export class Lifecycle {
  private readonly sleepers = new Set<Sleeper>();
  private asleep = false;

  get sleeping(): boolean {
    return this.asleep;
  }

  /** Registers; returns the unregistering function (for an effect's cleanup). */
  add(sleeper: Sleeper): () => void {
    this.sleepers.add(sleeper);
    return () => this.sleepers.delete(sleeper);
  }

  /** Runs before Teams is told the panel is ready to be cached (readyToUnload). */
  sleep(): void {
    this.asleep = true;
    for (const sleeper of this.sleepers) sleeper.sleep();
  }

  wake(): void {
    this.asleep = false;
    for (const sleeper of this.sleepers) sleeper.wake();
  }

  /** Resumed into another meeting: what slept stays asleep until it goes; new work may start. */
  moveOn(): void {
    this.asleep = false;
  }
}
