// Die Karte für die organisierende Person auf Deutsch (Schlüssel und Platzhalter wie in en.ts).
import type { CardCatalogue } from './en.js';

const de: CardCatalogue = {
  'card.title': 'Ihre Inklusionszusammenfassung ist fertig',
  'card.intro': 'Danke fürs Moderieren. So war das Gespräch verteilt – auf einen Blick.',
  'card.introProtected':
    'Danke fürs Moderieren. Die Gruppe war klein, daher bleiben die Zahlen in der Zusammenfassung, die nur die organisierende Person öffnen kann.',
  'card.whoSpoke': 'Wer gesprochen hat',
  'card.whoSpoke.meeting':
    '{speakers, number} von {participants, plural, one {# Person} other {# Personen}} in der Besprechung',
  'card.whoSpoke.roundtable':
    '{speakers, number} von {participants, plural, one {# Person} other {# Personen}}, die Roundtable geöffnet haben',
  'card.balance': 'Ausgewogenheit der Redezeit',
  'card.balance.none': 'Nicht gemessen: keine Wortmeldungen',
  'card.queue': 'Redeliste',
  'card.queue.none': 'Niemand musste am Ende noch warten',
  'card.queue.waiting':
    '{entries, plural, one {# Wortmeldung wartete} other {# Wortmeldungen warteten}} am Ende noch',
  'card.feltHeard': 'Gehört gefühlt',
  'card.feltHeard.value': '{mean} von 5 ({answers, plural, one {# Antwort} other {# Antworten}})',
  'card.footnote': 'Die Redezeit wird an den Wortmeldungen gemessen, nicht an Mikrofonen.',
  'card.open': 'Zusammenfassung öffnen',
};

export default de;
