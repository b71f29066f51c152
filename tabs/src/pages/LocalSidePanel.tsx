// Local mode's side panel: choose which simulated person this page is, then their panel.
import { useState } from 'react';
import { meetingFromUrl } from '../local/local-identity.js';
import { savePerson, savedPerson } from '../local/saved-person.js';
import { LocalSignIn } from './LocalSignIn.js';
import { PersonPanel } from './PersonPanel.js';

export function LocalSidePanel() {
  const [person, setPerson] = useState(savedPerson);
  if (person === null) {
    return (
      <LocalSignIn
        onSignIn={(chosen) => {
          savePerson(chosen);
          setPerson(chosen);
        }}
      />
    );
  }
  return <PersonPanel person={person} meetingId={meetingFromUrl('local-meeting')} />;
}
