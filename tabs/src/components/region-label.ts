// Each section of a panel is a region named by its heading. Where several panels share a page
// (the simulator), two regions named only "Now speaking" would be indistinguishable landmarks to
// a screen reader, so each region's name starts with whose panel it is.
import { createContext, useContext } from 'react';

/** The id of the element that names the panel's owner; none in a panel that is alone. */
export const PanelOwnerContext = createContext<string | undefined>(undefined);

/** The value for a region's aria-labelledby: its heading, after the panel's owner if any. */
export function useRegionLabel(headingId: string): string {
  const owner = useContext(PanelOwnerContext);
  return owner === undefined ? headingId : `${owner} ${headingId}`;
}
