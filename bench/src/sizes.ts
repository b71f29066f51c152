// How big each benchmark is: the full run (the figures of record) and the quick smoke run.
export function sizes(quick: boolean) {
  return quick
    ? {
        summaryRuns: 5,
        storageCommands: 10,
        subscribers: 50,
        largeMeeting: 200,
        liveWaiting: 5,
        growthSizes: [20, 100, 200],
        growthCycles: 10,
        liveRounds: 1,
        liveCommands: 8,
        burstPeople: 100,
        burstRounds: 1,
        meetings: 10,
        people: 10,
        seconds: 8,
        capacitySeconds: 4,
        loads: 2,
      }
    : {
        summaryRuns: 21,
        storageCommands: 24,
        subscribers: 300,
        largeMeeting: 1_000,
        /** People waiting in the queue while the live sections measure: a busy queue. */
        liveWaiting: 20,
        growthSizes: [20, 300, 1_000],
        growthCycles: 40,
        liveRounds: 3,
        liveCommands: 20,
        burstPeople: 300,
        burstRounds: 3,
        meetings: 50,
        people: 20,
        seconds: 30,
        capacitySeconds: 15,
        loads: 5,
      };
}
