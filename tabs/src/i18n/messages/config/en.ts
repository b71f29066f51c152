// The configuration page's English words (Teams shows it when Roundtable is added to a meeting),
// in their own catalogue: only that page loads them. Same rules as ../en.ts.
const en = {
  'config.about':
    'Roundtable adds a fair speaking queue and anonymous check-ins to this meeting, so every voice is heard, and gives the organiser an inclusion summary when it ends.',
  'config.connecting': 'Connecting to Teams…',
  'config.save': 'Select Save to add Roundtable to this meeting.',
  'config.failed': '{problem} Close this dialog and add Roundtable again.',
  'config.outside':
    'This page works only inside Microsoft Teams, where it adds Roundtable to a meeting. Open a meeting in Teams and add Roundtable from its apps.',
  'config.privacy': 'Privacy',
  'config.privacy.during':
    'While a meeting runs, Roundtable keeps names, the queue and check-in answers only to run it. Names, notes and answers are forgotten when the meeting ends.',
  'config.privacy.after':
    "Afterwards it keeps counts without names: participation records for 30 days and the meeting's summary for 400 days. Check-in results appear only from three answers.",
  'config.privacy.who':
    "Only the meeting's hosts can open the summary, and the organiser can erase the meeting at any time.",
  'config.terms': 'Terms of use',
  'config.terms.body':
    "Your organisation runs Roundtable in its own Microsoft 365 tenant and Azure subscription, and its data stays there. Your organisation's terms for the tools it provides apply.",
} as const;

export type ConfigKey = keyof typeof en;
export type ConfigCatalogue = Readonly<Record<ConfigKey, string>>;

export default en satisfies ConfigCatalogue as ConfigCatalogue;
