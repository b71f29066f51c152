// Which page the meeting tab shows: decided once Teams says where the page is open.
import { useEffect, useState } from 'react';
import { connectToTeams, isStandalone, showsSummary, type TeamsSession } from './teams-host.js';

export type MeetingTabPage = 'deciding' | 'sidePanel' | 'summary';

/**
 * Outside any frame the answer is the side panel at once (local mode, unchanged). In a frame it
 * waits for Teams; meanwhile Teams shows its own loading indicator.
 */
export function useMeetingTabPage(
  connect: () => Promise<TeamsSession | null> = connectToTeams,
  standalone: boolean = isStandalone(),
): MeetingTabPage {
  const [page, setPage] = useState<MeetingTabPage>(standalone ? 'sidePanel' : 'deciding');
  useEffect(() => {
    if (standalone) return;
    let current = true;
    void connect().then((session) => {
      if (current)
        setPage(session !== null && showsSummary(session.frameContext) ? 'summary' : 'sidePanel');
    });
    return () => {
      current = false;
    };
  }, [connect, standalone]);
  return page;
}
