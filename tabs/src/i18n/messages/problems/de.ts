// Die Ablehnungen und Störungen der API nach Code, auf Deutsch (Schlüssel wie in en.ts).
import type { ProblemCatalogue } from './en.js';

const problems: ProblemCatalogue = {
  'problem.unknown-participant':
    'Öffnen Sie Roundtable zuerst in dieser Besprechung und versuchen Sie es dann erneut.',
  'problem.not-host':
    'Das können nur die Organisation der Besprechung und die von ihr bestimmte Co-Moderation.',
  'problem.not-organizer':
    'Nur wer die Besprechung organisiert, kann die Co-Moderation bestimmen und entscheiden, ob Vortragende moderieren.',
  'problem.meeting-ended':
    'Diese Besprechung ist beendet; Redeliste und Check-ins sind geschlossen.',
  'problem.queue-locked':
    'Die Moderation hat die Redeliste gesperrt. Ein Antrag zur Geschäftsordnung ist weiterhin möglich; andere Wortmeldungen warten, bis sie wieder offen ist.',
  'problem.note-too-long': 'Die Notiz darf höchstens 140 Zeichen lang sein.',
  'problem.already-queued':
    'Sie stehen mit dieser Art von Wortmeldung schon auf der Redeliste. Ziehen Sie sie zuerst zurück, um sie zu ändern.',
  'problem.not-queued': 'Sie haben keine Wortmeldung dieser Art auf der Redeliste.',
  'problem.entry-not-found':
    'Diese Wortmeldung steht nicht mehr auf der Redeliste; die Ansicht hat sich inzwischen geändert.',
  'problem.move-out-of-range':
    'Wortmeldungen bleiben nach Art gruppiert: Wählen Sie einen Platz innerhalb derselben Art.',
  'problem.stale-turn':
    'Dieser Redebeitrag ist schon beendet. Aktualisieren Sie, um zu sehen, wer jetzt spricht.',
  'problem.nothing-to-advance': 'Niemand spricht, und die Redeliste ist leer.',
  'problem.not-your-turn': 'Nur die sprechende Person kann ihren eigenen Redebeitrag beenden.',
  'problem.participant-not-found': 'Diese Person ist nicht im Roundtable dieser Besprechung.',
  'problem.already-host': 'Diese Person kann diese Besprechung bereits moderieren.',
  'problem.host-by-role':
    'Diese Person moderiert über ihre Teams-Rolle; entziehen lässt sich nur eine in Roundtable vergebene Co-Moderation.',
  'problem.not-co-host': 'Diese Person hat keine Co-Moderation.',
  'problem.cannot-invite-self':
    'Sie können sich nicht selbst einladen; melden Sie sich stattdessen zu Wort.',
  'problem.not-present': 'Diese Person hat Roundtable gerade nicht geöffnet.',
  'problem.already-invited': 'Für diese Person wartet bereits eine Einladung.',
  'problem.no-invite': 'Für Sie wartet keine Einladung.',
  'problem.checkin-already-open':
    'Es ist bereits ein Check-in offen. Schließen Sie ihn, bevor Sie einen neuen starten.',
  'problem.unknown-prompt': 'Es gibt keine vorgegebene Frage mit dieser Kennung.',
  'problem.prompt-scale-mismatch':
    'Diese vorgegebene Frage verwendet eine andere Antwortskala; lassen Sie die Skala weg oder verwenden Sie die der Frage.',
  'problem.checkin-not-open':
    'Dieser Check-in ist geschlossen. Antworten werden nicht mehr angenommen.',
  'problem.checkin-spoken-round':
    'Dieser Check-in ist eine Sprechrunde: Melden Sie sich auf der Redeliste, statt eine Antwort zu tippen.',
  'problem.already-answered': 'Sie haben diesen Check-in bereits beantwortet. Danke!',
  'problem.invalid-answer':
    'Diese Antwort passt nicht zu diesem Check-in: Wählen Sie 1 bis 5 oder tippen Sie ein oder zwei Wörter.',
  'problem.turn-not-found':
    'Danken können Sie für den aktuellen oder einen der letzten Redebeiträge.',
  'problem.cannot-thank-self':
    'Für den eigenen Redebeitrag können Sie sich nicht bedanken – andere aber schon!',
  'problem.already-thanked': 'Sie haben sich für diesen Redebeitrag bereits bedankt.',
  'problem.not-a-system-command': 'Das kann nur der Roundtable-Dienst.',
  'problem.not-participant': 'Sie nehmen nicht an dieser Besprechung teil.',
  'problem.tenant-not-allowed':
    'Ihre Organisation wird von dieser Roundtable-Installation nicht bedient. Wenden Sie sich an die Stelle, die Roundtable für Ihre Organisation betreibt.',
  'problem.not-in-meeting':
    'Sie sind gerade nicht in der Besprechung. Treten Sie der Besprechung in Teams bei, um mitzumachen.',
  'problem.app-not-installed':
    'Roundtable ist dieser Besprechung nicht hinzugefügt. Bitten Sie die organisierende Person, Roundtable hinzuzufügen, und öffnen Sie es dann erneut.',
  'problem.meeting-expired':
    'Teams kennt diese Besprechung nicht mehr: Sie ist abgelaufen. Wer sie organisiert hat, kann ihre Zusammenfassungen weiterhin lesen und löschen.',
  'problem.summary-not-ready':
    'Die Zusammenfassung ist wenige Augenblicke nach dem Ende der Sitzung fertig.',
  'problem.summary-not-found':
    'Hier gibt es noch keine Zusammenfassung für Sie. Sie entsteht, wenn eine Sitzung endet, in der Roundtable genutzt wurde; gelöschte und abgelaufene sind nicht mehr vorhanden.',
  'problem.rate-limited':
    'Sie senden Befehle schneller, als Roundtable sie annimmt; warten Sie {seconds, number} s.',
  'problem.too-many-streams':
    'Für Sie sind zu viele Live-Verbindungen offen; warten Sie {seconds, number} s, dann versucht Roundtable es erneut.',
  'problem.unavailable.storage':
    'Roundtable erreicht seinen Speicher gerade nicht. Neuer Versuch in {seconds, number} s; nichts Gesendetes geht verloren.',
  'problem.unavailable.teams':
    'Roundtable erreicht Microsoft Teams gerade nicht. Neuer Versuch in {seconds, number} s; nichts Gesendetes geht verloren.',
  'problem.unavailable.sign-in':
    'Roundtable kann Anmeldungen gerade nicht prüfen. Neuer Versuch in {seconds, number} s; nichts Gesendetes geht verloren.',
  'problem.unavailable.live':
    'Live-Aktualisierungen lassen sich gerade nicht einrichten. Neuer Versuch in {seconds, number} s; nichts Gesendetes geht verloren.',
  'problem.unavailable.busy':
    'In dieser Besprechung ist gerade sehr viel los. Neuer Versuch in {seconds, number} s; nichts Gesendetes geht verloren.',
  'problem.not-configured':
    'Roundtable ist hier noch nicht vollständig eingerichtet. Sagen Sie es der Stelle, die Roundtable für Sie betreibt.',
  'problem.internal':
    'In Roundtable ist ein unerwarteter Fehler aufgetreten. Versuchen Sie es erneut; wenn er bleibt, sagen Sie es der Stelle, die Roundtable für Sie betreibt.',
};

export default problems;
