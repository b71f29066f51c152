// Die Wörter der Zusammenfassung auf Deutsch (Schlüssel und Platzhalter wie in en.ts).
import type { SummaryCatalogue } from './en.js';

const PEOPLE = '{participants, plural, one {# Person} other {# Personen}}';

const de: SummaryCatalogue = {
  'page.title': 'Inklusionszusammenfassung',
  'page.loading': 'Die Zusammenfassung wird geladen …',
  'page.waiting.title': 'Die Zusammenfassung folgt nach der Sitzung',
  'page.waiting.auto': 'Diese Seite zeigt sie von selbst, sobald sie fertig ist.',
  'page.none.title': 'Es gibt keine Zusammenfassung zum Anzeigen',
  'page.error.title': 'Die Zusammenfassung wurde nicht geladen',
  'page.error.auto': 'Roundtable versucht es gleich von selbst erneut.',
  'page.retry': 'Erneut versuchen',

  'report.nobody':
    'In dieser Besprechung wurde niemand gezählt, daher gibt es nichts zusammenzufassen.',
  'report.protected':
    'Weniger als {k, number} Personen haben teilgenommen, daher werden zum Schutz der Privatsphäre aller nur Anzahlen gezeigt.',
  'report.when': '{date} · {length}',
  'report.underMinute': 'Unter einer Minute',
  'report.dateUnknown': 'Datum unbekannt',
  'report.ideas': 'Ideen für das nächste Mal',

  'tip.try-equity':
    'Die Redezeit (gemessen {measure, select, transcript {am Teams-Transkript} microphone {an der Mikrofonzeit} other {an den Wortmeldungen}}) war ungleich verteilt: Ausgewogenheit {balance}, wobei 100 % bedeutet, dass alle gleich lang gesprochen haben. Probieren Sie beim nächsten Mal die ausgewogene Reihenfolge: Wer am wenigsten gesprochen hat, kommt zuerst.',
  'tip.protect-queue-time':
    '{entries, plural, one {# Wortmeldung wartete} other {# Wortmeldungen warteten}} am Ende noch: Personen wollten sprechen und kamen nicht dazu. Halten Sie die letzten 10 Minuten für die Redeliste frei.',
  'tip.open-with-round':
    '{speakers, number} von {participants, number} Personen hatten das Wort. Ein Einstieg mit einer Check-in-Runde oder im Rundenmodus gibt allen einen leichten ersten Moment zum Sprechen.',
  'tip.invite-quieter':
    '{silent, plural, one {# Person hatte} other {# Personen hatten}} nicht das Wort. Mit der privaten Liste „Noch nicht gehört“ können Sie jemanden still einladen – ablehnen ist immer möglich.',
  'tip.set-timebox':
    'Manche haben über fünf Minuten auf ihren Redebeitrag gewartet (jede zehnte Person {minutes, number} Minuten oder länger). Eine sanfte Redezeitbegrenzung hält die Redeliste in Bewegung.',
  'tip.felt-heard-low':
    '„Haben Sie sich gehört gefühlt?“ lag im Durchschnitt bei {mean} von 5. Eine Abschlussrunde oder mehr Zeit für Antworten kann helfen, dass sich alle gehört fühlen.',
  'tip.keep-going':
    'Hier muss sich nichts ändern. Danke, dass Sie allen Raum gegeben haben – machen Sie weiter so.',

  'glance.title': 'Auf einen Blick',
  'glance.queueNote':
    'Redezeit und Redebeiträge werden hier an der Redeliste gemessen: Was außerhalb eines Redebeitrags gesagt wurde, zählt nicht. Was Teams aufgezeichnet hat, soweit Roundtable es lesen konnte, steht unten für sich.',
  'glance.countedMeeting':
    'Gezählt werden alle, die laut Teams an der Besprechung teilgenommen haben; {opened, plural, one {# Person} other {# Personen}} davon haben Roundtable geöffnet.',
  'glance.countedPanel':
    'Gezählt werden nur Personen, die Roundtable geöffnet haben: Teams hat nicht mitgeteilt, wer an der Besprechung teilgenommen hat.',
  'glance.whoCannot':
    'Wer ohne Anmeldung teilnimmt, kann Roundtable nicht öffnen, ebenso wenig Personen aus anderen Organisationen, sofern Ihre Organisation es nicht zulässt.',
  'glance.whoSpoke': 'Wer gesprochen hat',
  'glance.whoSpoke.value': `{speakers, number} von ${PEOPLE} haben gesprochen`,
  'glance.everyoneTurn':
    'Alle hatten das Wort; insgesamt {turns, plural, one {# Redebeitrag} other {# Redebeiträge}}.',
  'glance.silent':
    '{silent, plural, one {# Person hatte} other {# Personen hatten}} nicht das Wort; insgesamt {turns, plural, one {# Redebeitrag} other {# Redebeiträge}}.',
  'glance.balance': 'Ausgewogenheit der Redezeit',
  'glance.balance.meaning': '100 % = alle hatten gleich viel Redezeit.',
  'glance.notReached': 'Nicht drangekommen',
  'glance.notReached.none': 'Alle, die sich zu Wort gemeldet haben, kamen dran.',
  'glance.notReached.some':
    'Wortmeldungen, die bei Besprechungsende noch warteten: Personen wollten sprechen und kamen nicht dazu.',
  'glance.feltHeard': 'Gehört gefühlt',
  'glance.noResult': 'Kein Ergebnis',
  'glance.feltHeard.none':
    'Kein Check-in „Haben Sie sich gehört gefühlt?“ hatte genug Antworten, um ihn zu zeigen.',
  'glance.feltHeard.value': '{mean} von 5',
  'glance.feltHeard.meaning': 'Die durchschnittliche Antwort, von 1 bis 5 (n = {n, number}).',

  'floor.title': 'Was Teams aufgezeichnet hat',
  'floor.simulated':
    'Simuliert: Im lokalen Modus gibt es kein Teams. Diese Werte stammen vom lokalen Ersatz für Microsoft Graph, gebildet aus den Wortmeldungen und Beitritten, die der Simulator abgespielt hat; Teams hat nichts gemessen.',
  'floor.note':
    'Diese Werte stammen von Teams, nicht von der Redeliste; sie erfassen also auch Personen, die ohne Wortmeldung gesprochen haben. Jeder Wert steht für sich; keiner fließt in die Zahlen der Redeliste oben ein.',
  'floor.source.transcript': 'Aus dem Teams-Transkript',
  'floor.source.microphone': 'Aus der Mikrofonzeit (Teams-Anwesenheitsbericht)',
  'floor.gap.not-ready': 'Teams hatte es noch nicht erstellt, als Roundtable zuletzt nachsah.',
  'floor.gap.not-permitted':
    'Roundtable darf es hier nicht lesen (Berechtigungen, die Zugriffsrichtlinie oder eine Kanalbesprechung).',
  'floor.gap.transcripts-off': 'Ihre Organisation hält Transkripte von Apps fern.',
  'floor.gap.speaker-attribution-off':
    'Ihre Organisation entfernt Sprechernamen aus Transkripten, die Apps lesen, daher lässt sich niemandes Zeit unterscheiden.',
  'floor.gap.not-billed':
    'Das Lesen von Transkripten wird von Microsoft abgerechnet, und die Abrechnung ist für Roundtable nicht eingerichtet.',
  'floor.gap.no-data':
    'Teams hat nichts Messbares aufgezeichnet (kein Transkript oder keine Mikrofonereignisse).',
  'floor.unavailable': '{source}: nicht verfügbar. {reason}',
  'floor.whoSpoke.value':
    '{speakers, number} von {attendees, plural, one {# Person} other {# Personen}}',
  'floor.whoSpoke.meaning':
    'Insgesamt {total} Redezeit, von allen, die Teams als anwesend gezählt hat.',
  'floor.balance': 'Ausgewogenheit',
  'floor.balance.meaning':
    '100 % = alle in der Besprechung haben gleich lang gesprochen (wer nicht gesprochen hat, zählt mit).',
  'floor.largest': 'Größter Anteil',
  'floor.largest.meaning':
    'Der Anteil der Person, die am meisten gesprochen hat, an der gesamten Redezeit.',

  'airtime.title': 'Wer wie viel Redezeit hatte',
  'airtime.loadingChart': 'Das Diagramm wird geladen …',
  'airtime.tableLabel': 'Redezeit pro Person, die meiste zuerst',
  'airtime.person': 'Person',
  'airtime.personN': 'Person {n, number}',
  'airtime.secondsSpeaking': 'Sekunden gesprochen',
  'airtime.minutesSpeaking': 'Minuten gesprochen',
  'airtime.share': 'Anteil an der Redezeit',
  'airtime.none': 'Niemand hatte das Wort, daher gibt es keine Redezeit zu vergleichen.',
  'airtime.caption': 'Die Person mit der meisten Redezeit hatte {share} davon; {rest}.',
  'airtime.everyoneSpoke': 'alle haben gesprochen',
  'airtime.silent':
    '{silent, plural, one {# Person hat} other {# Personen haben}} nicht gesprochen',
  'airtime.inSeconds': '{value} s',
  'airtime.inMinutes': '{value} min',
  'airtime.barLabel':
    '{person}: {value} {unit, select, seconds {Sekunden} other {Minuten}}, {share} der Redezeit',
  'airtime.xAxis': 'Personen, die meiste Redezeit zuerst',
  'airtime.yAxis.seconds': 'Sekunden',
  'airtime.yAxis.minutes': 'Minuten',

  'waits.title': 'Warten auf das Wort',
  'waits.none': 'Niemand kam über die Redeliste zu Wort, daher gibt es keine Wartezeiten.',
  'waits.typical': 'Typische Wartezeit',
  'waits.typical.meaning': 'Die Hälfte aller Redebeiträge begann innerhalb dieser Zeit (Median).',
  'waits.longer': 'Längere Wartezeiten',
  'waits.longer.meaning': 'Jeder zehnte Redebeitrag wartete so lange oder länger (90. Perzentil).',

  'checkins.title': 'Check-ins',
  'checkins.none': 'In dieser Besprechung gab es keine Check-ins.',
  'checkins.withheld':
    '{withheld, plural, one {# Check-in wird} other {# Check-ins werden}} nicht gezeigt, weil weniger als {k, number} Personen geantwortet haben. So bleibt jede Antwort anonym.',
  'checkins.answers': '{n, plural, one {# Antwort} other {# Antworten}}',
  'checkins.answersAverage':
    '{n, plural, one {# Antwort} other {# Antworten}}, Durchschnitt {mean} von 5',
  'checkins.word': 'Wort',
  'checkins.answer': 'Antwort',
  'checkins.people': 'Personen',
  'checkins.cell': '{people, number} ({share})',
  'checkins.end': '{value} · {label}',

  'along.title': 'Im Verlauf',
  'along.invites':
    '{sent, plural, one {# private Einladung} other {# private Einladungen}} zum Sprechen verschickt, {accepted, number} angenommen.',
  'along.thanks': '{n, plural, one {# Dankeschön} other {# Dankeschöns}} an Sprechende gegeben.',
  'along.modes': 'Verwendete Reihenfolgen',
  'along.mode.fifo': 'Der Reihe nach',
  'along.mode.equity': 'Ausgewogen: Wer am wenigsten gesprochen hat, kommt zuerst',
  'along.mode.round': 'Runde: alle nacheinander',
  'along.firstTime': 'Erstmals Sprechende im Zeitverlauf',
  'along.noTurns': 'Niemand hatte das Wort.',
  'along.minutesInto': 'Minuten seit Besprechungsbeginn',
  'along.firstPeople': 'Personen, die zum ersten Mal sprechen',
  'along.range': '{from, number}–{to, number}',

  'series.title': 'Über die Serie',
  'series.none': 'Für keine andere Besprechung dieser Serie gibt es bisher eine Zusammenfassung.',
  'series.label': 'Besprechungen dieser Serie, die älteste zuerst',
  'series.meeting': 'Besprechung',
  'series.people': 'Personen',
  'series.spoke': 'Gesprochen',
  'series.balance': 'Ausgewogenheit',
  'series.feltHeard': 'Gehört gefühlt',
  'series.noOne': 'Niemand anwesend',
  'series.small': 'Kleine Gruppe',
  'series.feltHeard.value': '{mean} von 5 (n = {n, number})',

  'export.title': 'Export',
  'export.note':
    'Nur die Zahlen dieser Seite: Anzahlen, Anteile und Durchschnitte. Keine Namen und nichts, was eine Antwort mit einer Person verbindet.',
  'export.download': '{format} herunterladen',
  'export.cannotSave':
    'Dieses Fenster kann keine Dateien speichern. Öffnen Sie die Zusammenfassung im Browser, um sie herunterzuladen.',
};

export default de;
