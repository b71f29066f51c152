// Die Wörter des Tabs auf Deutsch: formell („Sie“) und geschlechtergerecht (Moderation statt
// Moderator, Vortragende, Personen). Schlüssel und Platzhalter wie in en.ts.
import type { Catalogue } from './en.js';

const de: Catalogue = {
  'app.name': 'Roundtable',

  'panel.loading': 'Die Redeliste der Besprechung wird geöffnet …',
  'connection.connecting': 'Verbindung zur Besprechung wird hergestellt …',
  'connection.reconnecting': 'Verbindung wird wiederhergestellt …',
  'connection.polling':
    'Aktualisierung alle paar Sekunden, solange Live-Aktualisierungen nicht verfügbar sind',
  'ended.heading': 'Diese Sitzung ist beendet',
  'ended.body':
    'Danke fürs Mitmachen. Redeliste und Check-ins sind geschlossen, und Namen werden nicht mehr gespeichert.',
  'session.new': 'Eine neue Sitzung dieser Besprechung hat begonnen. Die Redeliste ist leer.',
  'announce.speaking': 'Sie haben das Wort',
  'announce.next': 'Sie sind als Nächstes dran',
  'announce.checkin': 'Check-in geöffnet',
  'announce.invited': 'Die Moderation lädt Sie ein zu sprechen',

  'kind.order': 'Antrag zur Geschäftsordnung',
  'kind.clarify': 'Verständnisfrage',
  'kind.reply': 'Direkte Antwort',
  'kind.point': 'Neuer Beitrag',
  'place.next': 'Sie sind als Nächstes dran',
  'place.nth': 'Sie sind auf Platz {place, number}',
  'why.carried':
    'Aus der letzten Sitzung übernommen. Sie können die Redeliste verlassen, wenn es nicht mehr passt',
  'why.moved': 'Von der Moderation verschoben',
  'why.round': 'Durch die zufällige Reihenfolge der Runde platziert',
  'why.leastSpoken': 'Weiter vorn, weil Sie bisher am wenigsten gesprochen haben',
  'why.joinedOrder': 'In der Reihenfolge der Meldungen',
  'why.kind.order': 'Anträge zur Geschäftsordnung kommen zuerst',
  'why.kind.clarify': 'Verständnisfragen kommen vor direkten Antworten und neuen Beiträgen',
  'why.kind.reply': 'Direkte Antworten kommen vor neuen Beiträgen',
  'why.kind.point': 'Neue Beiträge kommen der Reihe nach',
  'now.heading': 'Jetzt spricht',
  'now.nobody': 'Niemand spricht gerade',
  'now.you': 'Sie',
  'now.done': 'Ich bin fertig',
  'now.thank': 'Danken',
  'now.thanked': 'Gedankt',
  'countdown.left': 'Noch {left} von {timebox}',
  'countdown.over': 'Redezeit überschritten – keine Eile, kommen Sie in Ruhe zum Schluss',
  'join.heading': 'Zu Wort melden',
  'join.what': 'Was möchten Sie beitragen?',
  'join.locked':
    'Die Moderation hat die Redeliste vorerst gesperrt. Ein Antrag zur Geschäftsordnung ist weiterhin möglich.',
  'join.nothingLeft': 'Keine weitere Wortmeldung möglich',
  'join.held': '{kind} (Sie stehen auf der Liste)',
  'join.note': 'Notiz (optional)',
  'join.noteLeft': 'Noch {left} von {max} Zeichen',
  'join.submit': 'Melden',
  'yours.label': 'Ihre Plätze auf der Redeliste',
  'yours.leave': 'Zurückziehen',
  'yours.leaveKind': 'Zurückziehen: {kind}',
  'queue.heading': 'Redeliste ({count, plural, one {# wartet} other {# warten}})',
  'queue.reorderHint': 'Ziehen oder die Pfeile verwenden, um innerhalb einer Art umzusortieren.',
  'queue.empty': 'Niemand wartet.',
  'queue.airtime':
    'Die Redezeit wird an den Wortmeldungen gemessen: Teams teilt nicht mit, wer gerade spricht.',
  'queue.you': 'Sie',
  'queue.moveUp': '{name} nach oben verschieben',
  'queue.moveDown': '{name} nach unten verschieben',
  'queue.remove': '{name} von der Redeliste nehmen',
  'invite.heading': 'Die Moderation würde gern von Ihnen hören',
  'invite.private': 'Nur Sie sehen das. Ablehnen ist völlig in Ordnung.',
  'invite.accept': 'Auf die Redeliste',
  'invite.decline': 'Jetzt nicht',
  'invite.accepted': 'Danke – Sie stehen mit einem neuen Beitrag auf der Redeliste.',
  'invite.declined': 'Kein Problem. Sie können sich jederzeit zu Wort melden.',

  'checkin.heading': 'Check-in',
  'checkin.skipped': 'Sie haben diesen Check-in übersprungen.',
  'checkin.showAgain': 'Wieder anzeigen',
  'checkin.round':
    'Eine Sprechrunde: Sie läuft über die Redeliste. Wenn Sie an der Reihe sind, erzählen Sie – oder passen Sie einfach.',
  'checkin.thanks': 'Danke für Ihre Antwort. Antworten sind anonym.',
  'checkin.anonymous': 'Anonym: Gespeichert werden nur die Summen der Gruppe.',
  'checkin.answerWords': 'Ihre Antwort (ein oder zwei Wörter)',
  'checkin.answer': 'Ihre Antwort',
  'checkin.send': 'Antwort senden',
  'checkin.skip': 'Überspringen',
  'checkin.choiceEnd': '{value}, {label}',
  'checkin.waitFor': 'Ergebnisse erscheinen nach {threshold} Antworten (bisher {answered}).',
  'checkin.groups':
    'Ergebnisse werden in Gruppen von {threshold} aktualisiert, damit sich keine einzelne Antwort erschließen lässt (bisher {answered} Antworten).',
  'checkin.words': 'Das wurde gesagt ({count, plural, one {# Antwort} other {# Antworten}})',
  'checkin.summary': '{count, plural, one {# Antwort} other {# Antworten}}, Durchschnitt {mean}',
  'checkin.columnAnswer': 'Antwort',
  'checkin.columnPeople': 'Personen',
  'checkin.rowEnd': '{value} · {label}',

  'prompt.arrival-word': 'In einem Wort: Wie kommen Sie heute an?',
  'prompt.energy': 'Ihre Energie gerade – 1 fast leer, 5 voll aufgeladen',
  'prompt.energy.low': 'Fast leer',
  'prompt.energy.high': 'Voll aufgeladen',
  'prompt.worth-it':
    'Was würde diese Besprechung für Sie lohnenswert machen? (ein oder zwei Wörter)',
  'prompt.safe-to-differ':
    'Hier fühlt es sich sicher an, etwas zu sagen, dem die Gruppe vielleicht widerspricht',
  'prompt.said-my-piece': 'Heute konnte ich sagen, was ich sagen wollte',
  'prompt.felt-heard': 'Haben Sie sich in dieser Besprechung gehört gefühlt?',
  'prompt.felt-heard.low': 'Überhaupt nicht',
  'prompt.felt-heard.high': 'Voll und ganz',
  'prompt.appreciation-round': 'Eine Sprechrunde: Was hat heute jemand getan, das geholfen hat?',
  'prompt.custom': 'Eigene Frage',
  'scale.likert5.low': 'Stimme nicht zu',
  'scale.likert5.high': 'Stimme zu',
  'scale.energy5.low': 'Niedrig',
  'scale.energy5.high': 'Hoch',

  'host.next': 'Nächste Wortmeldung',
  'host.nobodyWaiting': 'Niemand wartet',
  'host.nobodyWaitingEnds': 'Niemand wartet: Damit endet der aktuelle Redebeitrag',
  'host.upNext': 'Als Nächstes: {name}',
  'host.loading': 'Moderationswerkzeuge werden geladen …',

  'host.opening': 'Roundtable wird geöffnet …',
  'host.slow.title': 'Teams braucht länger als üblich',
  'host.slow.body':
    'Roundtable wartet noch darauf, dass Teams es öffnet. Es öffnet sich von selbst, sobald Teams antwortet.',
  'host.reload': 'Roundtable neu laden',
  'host.failed.title': 'Roundtable konnte nicht geöffnet werden',
  'host.failed.retry': 'Erneut versuchen',
  'host.failed.body':
    'Ein neuer Versuch lädt Roundtable neu; in der Besprechung geht nichts verloren.',
  'host.outside.title': 'Roundtable läuft in Microsoft Teams',
  'host.outside.body':
    'Öffnen Sie eine Besprechung in Teams und wählen Sie Roundtable unter den Apps der Besprechung, um Redeliste, Check-ins und die Zusammenfassung zu sehen.',
  'crash.title': 'Roundtable funktioniert nicht mehr',
  'crash.body':
    'Auf dieser Seite ist etwas schiefgegangen. Neu laden startet sie wieder; in der Besprechung geht nichts verloren.',
  'signIn.anonymous.title': 'Melden Sie sich bei Teams an, um Roundtable zu verwenden',
  'signIn.anonymous.body':
    'Sie sind dieser Besprechung ohne Anmeldung beigetreten. Roundtable braucht ein Geschäfts-, Schul- oder Unikonto für Teams, um die Redeliste fair und anonym zu halten, und kann Sie hier daher nicht mitzählen.',
  'signIn.anonymous.voice':
    'Sie können trotzdem mitmachen: Bitten Sie die Moderation, Sie aufzurufen, oder heben Sie in Teams die Hand.',
  'signIn.consent.title': 'Roundtable braucht Ihre Zustimmung',
  'signIn.consent.give': 'Zustimmung geben',
  'signIn.consent.body':
    'Bevor Roundtable Ihnen die Redeliste dieser Besprechung zeigen kann, braucht Microsoft Ihr Einverständnis, dass es weiß, wer Sie sind. Es sieht Ihren Namen und Ihr Konto, sonst nichts.',
  'signIn.consent.admin':
    'Bitten Sie Ihre Microsoft 365-Administration, Roundtable für alle zuzustimmen.',
  'signIn.consent.refused':
    'Die Zustimmung wurde nicht gegeben ({reason}). Sie können jederzeit erneut fragen.',
  'signIn.failed.title': 'Teams konnte Sie nicht anmelden',
  'send.unexpected': 'Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.',
  'send.unreachableNow': 'Roundtable ist gerade nicht erreichbar.',
  'send.unreachable':
    'Roundtable ist gerade nicht erreichbar. Nichts von dem, was Sie eingegeben haben, geht verloren.',
  'send.retrying':
    '{reason} Neuer Versuch in {seconds, number} s; nichts von dem, was Sie eingegeben haben, geht verloren.',
  'summary.ending': 'Die Sitzung ist beendet. Ihre Zusammenfassung wird gerade erstellt.',
  'summary.loadFailed':
    'Die Zusammenfassung ließ sich gerade nicht laden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'host.failed.initialize': 'Teams hat das Öffnen von Roundtable nicht abgeschlossen.{detail}',
  'host.failed.context':
    'Teams hat nicht mitgeteilt, um welche Besprechung es sich handelt.{detail}',
  'signIn.checking': 'Sie werden angemeldet …',
  'signIn.failed.body':
    'Teams konnte Sie nicht bei Roundtable anmelden. Wenn Sie dieser Besprechung aus einer anderen Organisation beigetreten sind, kann Roundtable Sie nicht mitzählen: Es funktioniert für Personen der Organisation, die es betreibt.',
  'signIn.failed.bodyDetail':
    'Teams konnte Sie nicht bei Roundtable anmelden. Wenn Sie dieser Besprechung aus einer anderen Organisation beigetreten sind, kann Roundtable Sie nicht mitzählen: Es funktioniert für Personen der Organisation, die es betreibt. Teams meldete: {detail}.',
  'summary.opening': 'Die Zusammenfassung wird geöffnet …',
  'send.gaveUp':
    'Roundtable war nicht erreichbar. Ihre Eingabe bleibt erhalten; versuchen Sie es gleich noch einmal.',
};

export default de;
