// Die Wörter der Konfigurationsseite auf Deutsch (Schlüssel und Platzhalter wie in en.ts).
import type { ConfigCatalogue } from './en.js';

const de: ConfigCatalogue = {
  'config.about':
    'Roundtable ergänzt diese Besprechung um eine faire Redeliste und anonyme Check-ins, damit jede Stimme gehört wird, und gibt der organisierenden Person am Ende eine Inklusionszusammenfassung.',
  'config.connecting': 'Verbindung zu Teams wird hergestellt …',
  'config.save': 'Wählen Sie „Speichern“, um Roundtable zu dieser Besprechung hinzuzufügen.',
  'config.failed': '{problem} Schließen Sie dieses Fenster und fügen Sie Roundtable erneut hinzu.',
  'config.outside':
    'Diese Seite funktioniert nur in Microsoft Teams, wo sie Roundtable zu einer Besprechung hinzufügt. Öffnen Sie eine Besprechung in Teams und fügen Sie Roundtable über deren Apps hinzu.',
  'config.privacy': 'Datenschutz',
  'config.privacy.during':
    'Während eine Besprechung läuft, speichert Roundtable Namen, die Redeliste und Check-in-Antworten nur, um sie durchzuführen. Namen, Notizen und Antworten werden vergessen, wenn die Besprechung endet.',
  'config.privacy.after':
    'Danach speichert es Anzahlen ohne Namen: Teilnahmedaten 30 Tage lang und die Zusammenfassung der Besprechung 400 Tage lang. Check-in-Ergebnisse erscheinen erst ab drei Antworten.',
  'config.privacy.who':
    'Nur die Moderation der Besprechung kann die Zusammenfassung öffnen, und wer die Besprechung organisiert, kann sie jederzeit löschen.',
  'config.terms': 'Nutzungsbedingungen',
  'config.terms.body':
    'Ihre Organisation betreibt Roundtable in ihrem eigenen Microsoft 365-Mandanten und Azure-Abonnement, und ihre Daten bleiben dort. Es gelten die Bedingungen Ihrer Organisation für die Werkzeuge, die sie bereitstellt.',
};

export default de;
