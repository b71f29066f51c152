// Timers that can all be cancelled at once, so a session that sleeps leaves nothing scheduled.
export class Timers {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();
  private paused = true;

  get running(): boolean {
    return !this.paused;
  }

  resume(): void {
    this.paused = false;
  }

  /** Runs `work` after `ms`, unless cancelled first; nothing is scheduled while paused. */
  later(ms: number, work: () => void): void {
    if (this.paused) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      if (!this.paused) work();
    }, ms);
    this.pending.add(timer);
  }

  cancelAll(): void {
    this.paused = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
