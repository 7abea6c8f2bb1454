<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Sessionscope</source>
        <translation>&amp;Über Sessionscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Sessionscope</source>
        <translation>Über Sessionscope</translation>
    </message>
    <message>
        <source>Sessionscope %1</source>
        <translation>Sessionscope %1</translation>
    </message>
    <message>
        <source>Browse, hear and cost the calls of your voice characters.

Built with Qt %1, running on Qt %2.</source>
        <translation>Die Anrufe Ihrer Sprachcharaktere durchsehen, anhören und ihre Kosten sehen.

Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>Closes this box</source>
        <translation>Schließt dieses Fenster</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Pro Tag</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>Tagesbericht</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Apply the session list&apos;s filters to see their figures.</source>
        <translation>Wenden Sie die Filter der Sitzungsliste an, um ihre Zahlen zu sehen.</translation>
    </message>
    <message>
        <source>all characters</source>
        <translation>alle Charaktere</translation>
    </message>
    <message>
        <source>character %1</source>
        <translation>Charakter %1</translation>
    </message>
    <message>
        <source>all tenants</source>
        <translation>alle Mandanten</translation>
    </message>
    <message>
        <source>tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>all time (per day from %1, the first day with a session, to %2)</source>
        <translation>gesamter Zeitraum (pro Tag vom %1, dem ersten Tag mit einer Sitzung, bis %2)</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Showing the session list&apos;s filter: %1, %2, %3; days in %4.</source>
        <translation>Filter der Sitzungsliste: %1, %2, %3; Tage in %4.</translation>
    </message>
    <message>
        <source>Loads the figures of the filter again</source>
        <translation>Lädt die Zahlen des Filters erneut</translation>
    </message>
    <message>
        <source>Totals per character as bars and as a table</source>
        <translation>Summen pro Charakter als Balken und als Tabelle</translation>
    </message>
    <message>
        <source>Sessions or cost per day, a line per character</source>
        <translation>Sitzungen oder Kosten pro Tag, eine Linie pro Charakter</translation>
    </message>
    <message>
        <source>Two to six characters side by side</source>
        <translation>Zwei bis sechs Charaktere nebeneinander</translation>
    </message>
    <message>
        <source>One character&apos;s days: totals, costliest and longest calls</source>
        <translation>Die Tage eines Charakters: Summen, teuerste und längste Anrufe</translation>
    </message>
    <message>
        <source>Analytics views</source>
        <translation>Ansichten der Auswertung</translation>
    </message>
    <message>
        <source>Totals, per day, comparison of characters and the daily report</source>
        <translation>Summen, pro Tag, Vergleich der Charaktere und der Tagesbericht</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>What the bars and the table&apos;s order measure</source>
        <translation>Was die Balken und die Reihenfolge der Tabelle messen</translation>
    </message>
    <message>
        <source>Totals per character</source>
        <translation>Summen pro Charakter</translation>
    </message>
    <message>
        <source>Every character&apos;s totals over the filter&apos;s range; Enter lists its sessions</source>
        <translation>Die Summen jedes Charakters im Zeitraum des Filters; Eingabe listet seine Sitzungen auf</translation>
    </message>
    <message>
        <source>What the lines measure per day</source>
        <translation>Was die Linien pro Tag messen</translation>
    </message>
    <message>
        <source>the totals of %1 could not be loaded (%2)</source>
        <translation>die Summen von %1 konnten nicht geladen werden (%2)</translation>
    </message>
    <message numerus="yes">
        <source>the totals of %n character(s) are not in yet</source>
        <translation>
            <numerusform>die Summen von %n Charakter sind noch nicht da</numerusform>
            <numerusform>die Summen von %n Charakteren sind noch nicht da</numerusform>
        </translation>
    </message>
    <message>
        <source>the totals are not in yet</source>
        <translation>die Summen sind noch nicht da</translation>
    </message>
    <message>
        <source>the figures of the range could not be loaded (%1)</source>
        <translation>die Zahlen des Zeitraums konnten nicht geladen werden (%1)</translation>
    </message>
    <message>
        <source>the figures of the range are still loading</source>
        <translation>die Zahlen des Zeitraums werden noch geladen</translation>
    </message>
    <message>
        <source>the figures of the range are not in yet</source>
        <translation>die Zahlen des Zeitraums sind noch nicht da</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The server at %1 does not answer the session API here (it answered 404): check the base URL.</source>
        <translation>Der Server unter %1 bietet hier keine Sitzungs-API an (Antwort 404): Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1). Its SHA-256 fingerprint is %2; trust it in the connection settings only if you recognise it.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut (%1). Sein SHA-256-Fingerabdruck ist %2; vertrauen Sie ihm in den Verbindungseinstellungen nur, wenn Sie ihn kennen.</translation>
    </message>
    <message>
        <source>The reply from %1 is larger than %2 MB; it was abandoned. Narrow the filter or use a smaller page size.</source>
        <translation>Die Antwort von %1 ist größer als %2 MB und wurde verworfen. Grenzen Sie den Filter ein oder wählen Sie eine kleinere Seitengröße.</translation>
    </message>
    <message>
        <source>The server redirected to another origin (%1); not followed, so that credentials stay with the API.</source>
        <translation>Der Server hat auf einen anderen Ursprung umgeleitet (%1); die Umleitung wird nicht verfolgt, damit die Zugangsdaten bei der API bleiben.</translation>
    </message>
    <message>
        <source>Too many redirects.</source>
        <translation>Zu viele Umleitungen.</translation>
    </message>
    <message>
        <source>The server closed the connection after %1 of the %2 bytes it announced.</source>
        <translation>Der Server hat die Verbindung nach %1 der angekündigten %2 Bytes geschlossen.</translation>
    </message>
    <message>
        <source>%1 answered %2 %3</source>
        <translation>%1 antwortete %2 %3</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 s.</source>
        <translation>%1 hat %2 s lang nichts gesendet.</translation>
    </message>
    <message>
        <source>Could not complete the request to %1: %2</source>
        <translation>Die Anfrage an %1 konnte nicht abgeschlossen werden: %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 antwortete mit HTTP %2</translation>
    </message>
    <message>
        <source>The connection to %1 ended early.</source>
        <translation>Die Verbindung zu %1 endete vorzeitig.</translation>
    </message>
    <message>
        <source>%1 did not finish answering within %2 s</source>
        <translation>%1 hat die Antwort nicht innerhalb von %2 s beendet</translation>
    </message>
    <message>
        <source> (gave up after 1 attempt)</source>
        <translation> (nach 1 Versuch aufgegeben)</translation>
    </message>
    <message>
        <source> (gave up after %1 attempts)</source>
        <translation> (nach %1 Versuchen aufgegeben)</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>unauthorized</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>bad request</source>
        <translation>ungültige Anfrage</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>malformed response</source>
        <translation>fehlerhafte Antwort</translation>
    </message>
    <message>
        <source>response too large</source>
        <translation>Antwort zu groß</translation>
    </message>
    <message>
        <source>unsafe redirect</source>
        <translation>unsichere Umleitung</translation>
    </message>
    <message>
        <source>certificate error</source>
        <translation>Zertifikatsfehler</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>not the session API</source>
        <translation>nicht die Sitzungs-API</translation>
    </message>
    <message>
        <source>HTTP error</source>
        <translation>HTTP-Fehler</translation>
    </message>
    <message>
        <source>Check the API key or sign in again.</source>
        <translation>Prüfen Sie den API-Schlüssel oder melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Try again in %1 s.</source>
        <translation>Versuchen Sie es in %1 s erneut.</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>Versuchen Sie es gleich erneut.</translation>
    </message>
    <message>
        <source>Check the connection and retry.</source>
        <translation>Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>AuthSession</name>
    <message>
        <source>The system keychain is not available (%1). The credentials are kept for this session only and were not saved.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1). Die Zugangsdaten gelten nur für diese Sitzung und wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>Noch nicht verbunden.</translation>
    </message>
    <message>
        <source>The session expired; please sign in again.</source>
        <translation>Die Anmeldung ist abgelaufen; bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>CharacterBarChart</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>LLM tokens</source>
        <translation>LLM-Tokens</translation>
    </message>
    <message>
        <source>STT minutes</source>
        <translation>STT-Minuten</translation>
    </message>
    <message>
        <source>TTS characters</source>
        <translation>TTS-Zeichen</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>tokens (input solid, output pale)</source>
        <translation>Tokens (Eingabe kräftig, Ausgabe blass)</translation>
    </message>
    <message>
        <source>minutes of audio</source>
        <translation>Minuten Audio</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln session(s)</source>
        <translation>
            <numerusform>%1: %Ln Sitzung</numerusform>
            <numerusform>%1: %Ln Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 (exactly %3)</source>
        <translation>%1: %2 (genau %3)</translation>
    </message>
    <message>
        <source>%1
input: %2 tokens
output: %3 tokens
total: %4 tokens</source>
        <translation>%1
Eingabe: %2 Tokens
Ausgabe: %3 Tokens
gesamt: %4 Tokens</translation>
    </message>
    <message>
        <source>%1: %2 min (%3)</source>
        <translation>%1: %2 min (%3)</translation>
    </message>
    <message>
        <source>%1: %2 characters</source>
        <translation>%1: %2 Zeichen</translation>
    </message>
    <message>
        <source>Totals per character</source>
        <translation>Summen pro Charakter</translation>
    </message>
    <message>
        <source>%1 per character, 1 bar</source>
        <translation>%1 pro Charakter, 1 Balken</translation>
    </message>
    <message>
        <source>%1 per character, %2 bars</source>
        <translation>%1 pro Charakter, %2 Balken</translation>
    </message>
</context>
<context>
    <name>CharacterTotalsModel</name>
    <message>
        <source>Character</source>
        <translation>Charakter</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>LLM input tokens</source>
        <translation>LLM-Eingabe-Tokens</translation>
    </message>
    <message>
        <source>LLM output tokens</source>
        <translation>LLM-Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>LLM tokens</source>
        <translation>LLM-Tokens</translation>
    </message>
    <message>
        <source>STT minutes</source>
        <translation>STT-Minuten</translation>
    </message>
    <message>
        <source>TTS characters</source>
        <translation>TTS-Zeichen</translation>
    </message>
    <message>
        <source>Cost per session</source>
        <translation>Kosten pro Sitzung</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported from Sessionscope</source>
        <translation>Aus Sessionscope exportiert</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Nothing was exported: %1.</source>
        <translation>Nichts wurde exportiert: %1.</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>Daten als CSV…</translation>
    </message>
    <message>
        <source>Chart as %1…</source>
        <translation>Diagramm als %1…</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Saves the chart as PNG or SVG, or its figures as CSV</source>
        <translation>Speichert das Diagramm als PNG oder SVG oder seine Zahlen als CSV</translation>
    </message>
</context>
<context>
    <name>ComparisonCharts</name>
    <message>
        <source>%1 per character, %2 bars</source>
        <translation>%1 pro Charakter, %2 Balken</translation>
    </message>
</context>
<context>
    <name>ComparisonMetrics</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>Gesamtkosten</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>Cost per session</source>
        <translation>Kosten pro Sitzung</translation>
    </message>
    <message>
        <source>Cost per minute</source>
        <translation>Kosten pro Minute</translation>
    </message>
    <message>
        <source>USD/min</source>
        <translation>USD/min</translation>
    </message>
    <message>
        <source>Average duration</source>
        <translation>Durchschnittliche Dauer</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Average turns</source>
        <translation>Durchschnittliche Redebeiträge</translation>
    </message>
    <message>
        <source>turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <source>Interruptions per session</source>
        <translation>Unterbrechungen pro Sitzung</translation>
    </message>
    <message>
        <source>interruptions</source>
        <translation>Unterbrechungen</translation>
    </message>
    <message>
        <source>LLM tokens per turn</source>
        <translation>LLM-Tokens pro Redebeitrag</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>STT seconds per session</source>
        <translation>STT-Sekunden pro Sitzung</translation>
    </message>
    <message>
        <source>TTS characters per session</source>
        <translation>TTS-Zeichen pro Sitzung</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>Recording ready</source>
        <translation>Aufnahme bereit</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Still in progress</source>
        <translation>Noch laufend</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Characters (2–6):</source>
        <translation>Charaktere (2–6):</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Charts as PNG…</source>
        <translation>Diagramme als PNG…</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>Daten als CSV…</translation>
    </message>
    <message>
        <source>Choose two to six characters on the left to compare them side by side: sessions, costs, durations and more, with a chart for each.</source>
        <translation>Wählen Sie links zwei bis sechs Charaktere, um sie nebeneinander zu vergleichen: Sitzungen, Kosten, Dauer und mehr, mit je einem Diagramm.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Pick at least two characters to compare.</source>
        <translation>Wählen Sie mindestens zwei Charaktere zum Vergleichen.</translation>
    </message>
    <message>
        <source>Bold: the best value of each row.</source>
        <translation>Fett: der beste Wert jeder Zeile.</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>The chosen characters side by side, one figure per row, the best one marked</source>
        <translation>Die gewählten Charaktere nebeneinander, eine Kennzahl pro Zeile, der beste Wert hervorgehoben</translation>
    </message>
    <message>
        <source>Characters to compare</source>
        <translation>Zu vergleichende Charaktere</translation>
    </message>
    <message>
        <source>Check two to six characters to compare them</source>
        <translation>Kreuzen Sie zwei bis sechs Charaktere an, um sie zu vergleichen</translation>
    </message>
    <message>
        <source>Saves the charts as PNG or the figures as CSV</source>
        <translation>Speichert die Diagramme als PNG oder die Zahlen als CSV</translation>
    </message>
</context>
<context>
    <name>CompressedWaveform</name>
    <message>
        <source>No waveform: %1</source>
        <translation>Keine Wellenform: %1</translation>
    </message>
    <message>
        <source>No waveform: this system cannot decode the recording.</source>
        <translation>Keine Wellenform: Dieses System kann die Aufnahme nicht dekodieren.</translation>
    </message>
    <message>
        <source>No waveform: the recording holds no audio.</source>
        <translation>Keine Wellenform: Die Aufnahme enthält kein Audio.</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <source>The demo server did not start: %1</source>
        <translation>Der Demo-Server ist nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>E-Mail und Passwort</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect to demo</source>
        <translation>Mit Demo verbinden</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A request that has not ended after this long is given up, retries included.</source>
        <translation>Eine Anfrage, die nach dieser Zeit nicht beendet ist, wird aufgegeben, Wiederholungen eingeschlossen.</translation>
    </message>
    <message>
        <source>as the system says (http_proxy, no_proxy)</source>
        <translation>wie vom System vorgegeben (http_proxy, no_proxy)</translation>
    </message>
    <message>
        <source>PEM file of a private certificate authority</source>
        <translation>PEM-Datei einer privaten Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Keys and tokens are kept in the system keychain, never in the settings file.</source>
        <translation>Schlüssel und Tokens werden im Schlüsselbund des Systems aufbewahrt, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>The base URL is not valid.</source>
        <translation>Die Basis-URL ist ungültig.</translation>
    </message>
    <message>
        <source>Enter an API key, or an email and a password.</source>
        <translation>Geben Sie einen API-Schlüssel oder eine E-Mail-Adresse und ein Passwort ein.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The address of the API server</source>
        <translation>Die Adresse des API-Servers</translation>
    </message>
    <message>
        <source>Connects with an API key</source>
        <translation>Verbindet sich mit einem API-Schlüssel</translation>
    </message>
    <message>
        <source>Signs in with an email and a password</source>
        <translation>Meldet sich mit einer E-Mail-Adresse und einem Passwort an</translation>
    </message>
    <message>
        <source>The API key; kept in the system keychain</source>
        <translation>Der API-Schlüssel; wird im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <source>The email address to sign in with</source>
        <translation>Die E-Mail-Adresse für die Anmeldung</translation>
    </message>
    <message>
        <source>The password; never stored</source>
        <translation>Das Passwort; wird nie gespeichert</translation>
    </message>
    <message>
        <source>Seconds after which a request is given up</source>
        <translation>Sekunden, nach denen eine Anfrage aufgegeben wird</translation>
    </message>
    <message>
        <source>The proxy to use; empty for the system&apos;s</source>
        <translation>Der zu verwendende Proxy; leer für den des Systems</translation>
    </message>
    <message>
        <source>A PEM file of a private certificate authority</source>
        <translation>Eine PEM-Datei einer privaten Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Connects to the server with these credentials</source>
        <translation>Stellt mit diesen Zugangsdaten die Verbindung zum Server her</translation>
    </message>
    <message>
        <source>Starts the bundled demo server and connects to it</source>
        <translation>Startet den mitgelieferten Demo-Server und verbindet sich mit ihm</translation>
    </message>
    <message>
        <source>Closes the dialog without connecting</source>
        <translation>Schließt den Dialog, ohne eine Verbindung herzustellen</translation>
    </message>
</context>
<context>
    <name>CsvSpool</name>
    <message>
        <source>cannot make a temporary file in %1: %2</source>
        <translation>in %1 kann keine temporäre Datei angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot write the temporary file %1: %2</source>
        <translation>die temporäre Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>Schreiben nicht möglich: %1</translation>
    </message>
    <message>
        <source>cannot read back the temporary file %1: %2</source>
        <translation>die temporäre Datei %1 kann nicht zurückgelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>DailyReport</name>
    <message>
        <source>STT audio (s)</source>
        <translation>STT-Audio (s)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Cost per session (USD)</source>
        <translation>Kosten pro Sitzung (USD)</translation>
    </message>
    <message>
        <source>LLM input tokens</source>
        <translation>LLM-Eingabe-Tokens</translation>
    </message>
    <message>
        <source>LLM output tokens</source>
        <translation>LLM-Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>TTS characters</source>
        <translation>TTS-Zeichen</translation>
    </message>
</context>
<context>
    <name>DailyReportView</name>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Dieser Zeitraum</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorzeitraum</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Costliest session</source>
        <translation>Teuerste Sitzung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Longest session</source>
        <translation>Längste Sitzung</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Character:</source>
        <translation>Charakter:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <source>Pick a character.</source>
        <translation>Wählen Sie einen Charakter.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln session(s), %2</source>
        <translation>
            <numerusform>%1: %Ln Sitzung, %2</numerusform>
            <numerusform>%1: %Ln Sitzungen, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>No report: %1</source>
        <translation>Kein Bericht: %1</translation>
    </message>
    <message>
        <source>Shows the report of the chosen character and days</source>
        <translation>Zeigt den Bericht für den gewählten Charakter und die gewählten Tage</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Charakter</translation>
    </message>
    <message>
        <source>The character the report is about</source>
        <translation>Der Charakter, um den es im Bericht geht</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>The first day of the report</source>
        <translation>Der erste Tag des Berichts</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>The last day of the report</source>
        <translation>Der letzte Tag des Berichts</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>The period&apos;s figures beside the previous period&apos;s, with the change</source>
        <translation>Die Kennzahlen des Zeitraums neben denen des Vorzeitraums, mit der Änderung</translation>
    </message>
    <message>
        <source>Costliest sessions</source>
        <translation>Teuerste Sitzungen</translation>
    </message>
    <message>
        <source>The period&apos;s costliest sessions; Enter opens one</source>
        <translation>Die teuersten Sitzungen des Zeitraums; Eingabe öffnet eine</translation>
    </message>
    <message>
        <source>Longest sessions</source>
        <translation>Längste Sitzungen</translation>
    </message>
    <message>
        <source>The period&apos;s longest sessions; Enter opens one</source>
        <translation>Die längsten Sitzungen des Zeitraums; Eingabe öffnet eine</translation>
    </message>
    <message>
        <source>no character is picked</source>
        <translation>kein Charakter ist gewählt</translation>
    </message>
    <message>
        <source>the report is still loading</source>
        <translation>der Bericht wird noch geladen</translation>
    </message>
    <message>
        <source>there is no report (%1)</source>
        <translation>es gibt keinen Bericht (%1)</translation>
    </message>
    <message>
        <source>no report was asked for yet</source>
        <translation>noch kein Bericht angefordert</translation>
    </message>
</context>
<context>
    <name>DailySeriesChart</name>
    <message>
        <source>Cost per day</source>
        <translation>Kosten pro Tag</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>Sitzungen pro Tag</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2
%Ln session(s)
%3</source>
        <translation>
            <numerusform>%1, %2
%Ln Sitzung
%3</numerusform>
            <numerusform>%1, %2
%Ln Sitzungen
%3</numerusform>
        </translation>
    </message>
    <message>
        <source>MMM d</source>
        <extracomment>Date format of the per-day chart&apos;s axis (QDateTime format: MMM = short month name)</extracomment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>day (local time)</source>
        <translation>Tag (Ortszeit)</translation>
    </message>
    <message>
        <source>cost per day</source>
        <translation>Kosten pro Tag</translation>
    </message>
    <message>
        <source>sessions per day</source>
        <translation>Sitzungen pro Tag</translation>
    </message>
    <message>
        <source>Figures per day</source>
        <translation>Zahlen pro Tag</translation>
    </message>
    <message>
        <source>%1, a line per character (%2) over %3 days</source>
        <translation>%1, eine Linie pro Charakter (%2) über %3 Tage</translation>
    </message>
</context>
<context>
    <name>DailySeriesModel</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export failed, no file written: %1</source>
        <translation>Export fehlgeschlagen, keine Datei geschrieben: %1</translation>
    </message>
    <message>
        <source>Export cancelled, no file written</source>
        <translation>Export abgebrochen, keine Datei geschrieben</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Liste exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the list to %1…</source>
        <translation>Liste wird nach %1 exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln session(s) to %1</source>
        <translation>
            <numerusform>%Ln Sitzung nach %1 exportiert</numerusform>
            <numerusform>%Ln Sitzungen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Sessions written to %1</source>
        <translation>Nach %1 geschriebene Sitzungen</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Stops the export; the file is not written</source>
        <translation>Bricht den Export ab; die Datei wird nicht geschrieben</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>any character</source>
        <translation>alle Charaktere</translation>
    </message>
    <message>
        <source>any tenant</source>
        <translation>alle Mandanten</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Charakter</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Lists the sessions that match these filters</source>
        <translation>Listet die Sitzungen auf, die zu diesen Filtern passen</translation>
    </message>
    <message>
        <source>Clears every filter and lists all sessions</source>
        <translation>Setzt alle Filter zurück und listet alle Sitzungen auf</translation>
    </message>
    <message>
        <source>Only sessions of this character; empty for any character</source>
        <translation>Nur Sitzungen dieses Charakters; leer für alle Charaktere</translation>
    </message>
    <message>
        <source>Only sessions of this tenant; empty for any tenant</source>
        <translation>Nur Sitzungen dieses Mandanten; leer für alle Mandanten</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>The days the sessions were created on</source>
        <translation>Die Tage, an denen die Sitzungen erstellt wurden</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>The first day of a custom period</source>
        <translation>Der erste Tag eines benutzerdefinierten Zeitraums</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>The last day of a custom period</source>
        <translation>Der letzte Tag eines benutzerdefinierten Zeitraums</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <source>Sessions per hour (local time)</source>
        <translation>Sitzungen pro Stunde (Ortszeit)</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message numerus="yes">
        <source>%1:00–%1:59
%Ln session(s)
%2</source>
        <translation>
            <numerusform>%1:00–%1:59
%Ln Sitzung
%2</numerusform>
            <numerusform>%1:00–%1:59
%Ln Sitzungen
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Sessions per hour</source>
        <translation>Sitzungen pro Stunde</translation>
    </message>
    <message>
        <source>Sessions per hour, 24 bars; the busiest hour is %1:00 with %L2 sessions</source>
        <translation>Sitzungen pro Stunde, 24 Balken; die stärkste Stunde ist %1:00 Uhr mit %L2 Sitzungen</translation>
    </message>
    <message>
        <source>Sessions per hour, 24 bars, no sessions</source>
        <translation>Sitzungen pro Stunde, 24 Balken, keine Sitzungen</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>system keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sessionscope</source>
        <translation>Sessionscope</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Verbindung…</translation>
    </message>
    <message>
        <source>&amp;Go to session…</source>
        <translation>Zu Sitzung &amp;gehen…</translation>
    </message>
    <message>
        <source>&amp;Export the list…</source>
        <translation>Liste e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find (filters)</source>
        <translation>&amp;Suchen (Filter)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>S&amp;essions</source>
        <translation>S&amp;itzungen</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>A&amp;uswertung</translation>
    </message>
    <message>
        <source>&amp;Live mode (every 30 s)</source>
        <translation>&amp;Live-Modus (alle 30 s)</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>&amp;Saved views</source>
        <translation>&amp;Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Go to session</source>
        <translation>Zu Sitzung gehen</translation>
    </message>
    <message>
        <source>Session ID or sessionscope:// link</source>
        <translation>Sitzungs-ID oder sessionscope://-Link</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Times shown in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Show times in</source>
        <translation>Zeiten anzeigen in</translation>
    </message>
    <message>
        <source>Other: %1…</source>
        <translation>Andere: %1…</translation>
    </message>
    <message>
        <source>Save current view…</source>
        <translation>Aktuelle Ansicht speichern…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Ansicht löschen</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The calls, their transcripts and recordings (Ctrl+1)</source>
        <translation>Die Anrufe, ihre Transkripte und Aufnahmen (Strg+1)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>The session list, Analytics and the local store (Ctrl+1, Ctrl+2, Ctrl+3)</source>
        <translation>Die Sitzungsliste, die Auswertung und das lokale Archiv (Strg+1, Strg+2, Strg+3)</translation>
    </message>
    <message>
        <source>Totals, days and comparisons of the characters (Ctrl+2)</source>
        <translation>Summen, Tage und Vergleiche der Charaktere (Strg+2)</translation>
    </message>
    <message>
        <source>Session ID or link</source>
        <translation>Sitzungs-ID oder Link</translation>
    </message>
    <message>
        <source>A session id, or a sessionscope:// link copied from Sessionscope</source>
        <translation>Eine Sitzungs-ID oder ein aus Sessionscope kopierter sessionscope://-Link</translation>
    </message>
    <message>
        <source>Opens the session</source>
        <translation>Öffnet die Sitzung</translation>
    </message>
    <message>
        <source>Closes the dialog</source>
        <translation>Schließt den Dialog</translation>
    </message>
</context>
<context>
    <name>MediaPlayerBackend</name>
    <message>
        <source>The recording is not in a format that can be played.</source>
        <translation>Die Aufnahme liegt in keinem abspielbaren Format vor.</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation>Arbeitsspeicher (nur für diese Sitzung)</translation>
    </message>
</context>
<context>
    <name>OpenStoreDialog</name>
    <message>
        <source>SQLite &amp;file</source>
        <translation>SQLite-&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL server</source>
        <translation>&amp;PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Archiv öffnen</translation>
    </message>
    <message>
        <source>the file sessionscope sync wrote</source>
        <translation>die Datei, die sessionscope sync geschrieben hat</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>A password in the URL is used for this connection and kept in the settings file; leave it out to use ~/.pgpass.</source>
        <translation>Ein Passwort in der URL wird für diese Verbindung verwendet und in der Einstellungsdatei gespeichert; lassen Sie es weg, um ~/.pgpass zu verwenden.</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Archive (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>Chooses the SQLite file in a file dialog</source>
        <translation>Wählt die SQLite-Datei in einem Dateidialog aus</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>Opens a store kept in a SQLite file</source>
        <translation>Öffnet ein Archiv, das in einer SQLite-Datei liegt</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Opens a store kept on a PostgreSQL server</source>
        <translation>Öffnet ein Archiv, das auf einem PostgreSQL-Server liegt</translation>
    </message>
    <message>
        <source>The path of the file sessionscope sync wrote</source>
        <translation>Der Pfad der Datei, die sessionscope sync geschrieben hat</translation>
    </message>
    <message>
        <source>PostgreSQL URL</source>
        <translation>PostgreSQL-URL</translation>
    </message>
    <message>
        <source>The server&apos;s URL: postgresql://user@host:port/database</source>
        <translation>Die URL des Servers: postgresql://benutzer@host:port/datenbank</translation>
    </message>
    <message>
        <source>Opens this store</source>
        <translation>Öffnet dieses Archiv</translation>
    </message>
    <message>
        <source>Closes the dialog and keeps the store in use</source>
        <translation>Schließt den Dialog und behält das aktuelle Archiv bei</translation>
    </message>
</context>
<context>
    <name>PlaybackController</name>
    <message>
        <source>The recording is still being processed. Refresh later.</source>
        <translation>Die Aufnahme wird noch verarbeitet. Aktualisieren Sie später.</translation>
    </message>
    <message>
        <source>Recording this session failed; there is no audio.</source>
        <translation>Die Aufnahme dieser Sitzung ist fehlgeschlagen; es gibt kein Audio.</translation>
    </message>
    <message>
        <source>This session was not recorded.</source>
        <translation>Diese Sitzung wurde nicht aufgenommen.</translation>
    </message>
    <message>
        <source>The recording is in an unknown state (%1).</source>
        <translation>Die Aufnahme ist in einem unbekannten Zustand (%1).</translation>
    </message>
    <message>
        <source>The recording is ready but the server gave no address for it.</source>
        <translation>Die Aufnahme ist bereit, aber der Server hat keine Adresse dafür angegeben.</translation>
    </message>
    <message>
        <source>The recording needs a connection to the server: connect (File ▸ Connection…) and open the session again to play it.</source>
        <translation>Die Aufnahme braucht eine Verbindung zum Server: Verbinden Sie sich (Datei ▸ Verbindung…) und öffnen Sie die Sitzung erneut, um sie abzuspielen.</translation>
    </message>
    <message>
        <source>No downloader is available.</source>
        <translation>Kein Downloader verfügbar.</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Aufnahme wird geladen…</translation>
    </message>
    <message>
        <source>The recording host refused a freshly signed address too.</source>
        <translation>Der Aufnahme-Host hat auch eine frisch signierte Adresse abgelehnt.</translation>
    </message>
    <message>
        <source>The recording could not be loaded.</source>
        <translation>Die Aufnahme konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The recording address expired; getting a fresh one…</source>
        <translation>Die Adresse der Aufnahme ist abgelaufen; eine neue wird geholt…</translation>
    </message>
    <message>
        <source>The recording address expired and the session could not be fetched again: %1</source>
        <translation>Die Adresse der Aufnahme ist abgelaufen und die Sitzung konnte nicht erneut abgerufen werden: %1</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>Die Aufnahme kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>No sound output device is available.</source>
        <translation>Kein Audio-Ausgabegerät verfügbar.</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <source>Loading the recording… %1%</source>
        <translation>Aufnahme wird geladen… %1 %</translation>
    </message>
    <message>
        <source>Back 10 seconds (Left)</source>
        <translation>10 Sekunden zurück (Links)</translation>
    </message>
    <message>
        <source>Forward 10 seconds (Right)</source>
        <translation>10 Sekunden vor (Rechts)</translation>
    </message>
    <message>
        <source>Save recording as…</source>
        <translation>Aufnahme speichern unter…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Where the recording plays from</source>
        <translation>Wo die Wiedergabe der Aufnahme steht</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Buffering…</source>
        <translation>Puffern…</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>The recording is not loaded.</source>
        <translation>Die Aufnahme ist nicht geladen.</translation>
    </message>
    <message>
        <source>Save recording as</source>
        <translation>Aufnahme speichern unter</translation>
    </message>
    <message>
        <source>Could not save the recording: %1</source>
        <translation>Die Aufnahme konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Loads the recording again</source>
        <translation>Lädt die Aufnahme erneut</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>10 Sekunden zurück</translation>
    </message>
    <message>
        <source>Skips back 10 seconds (Left)</source>
        <translation>Springt 10 Sekunden zurück (Links)</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>10 Sekunden vor</translation>
    </message>
    <message>
        <source>Skips forward 10 seconds (Right)</source>
        <translation>Springt 10 Sekunden vor (Rechts)</translation>
    </message>
    <message>
        <source>Save recording</source>
        <translation>Aufnahme speichern</translation>
    </message>
    <message>
        <source>Saves the recording as a file</source>
        <translation>Speichert die Aufnahme als Datei</translation>
    </message>
    <message>
        <source>Plays or pauses the recording (Space)</source>
        <translation>Spielt die Aufnahme ab oder hält sie an (Leertaste)</translation>
    </message>
    <message>
        <source>How fast the recording plays</source>
        <translation>Wie schnell die Aufnahme abgespielt wird</translation>
    </message>
    <message>
        <source>The playback volume, 0 to 100</source>
        <translation>Die Lautstärke der Wiedergabe, 0 bis 100</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Store never synced</source>
        <translation>Archiv nie synchronisiert</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Zuletzt synchronisiert %1</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>Ar&amp;chiv</translation>
    </message>
    <message>
        <source>Open &amp;store…</source>
        <translation>&amp;Archiv öffnen…</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Search the store</source>
        <translation>Archiv durchsuchen</translation>
    </message>
    <message>
        <source>S&amp;ync store</source>
        <translation>Archiv s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>the demo server (%1)</source>
        <translation>dem Demo-Server (%1)</translation>
    </message>
    <message>
        <source>The demo server did not start: %1</source>
        <translation>Der Demo-Server ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The sessions kept in the local store (Ctrl+3)</source>
        <translation>Die im lokalen Archiv gespeicherten Sitzungen (Strg+3)</translation>
    </message>
</context>
<context>
    <name>RecordingFetcher</name>
    <message>
        <source>The recording host stopped sending data.</source>
        <translation>Der Aufnahme-Host hat aufgehört, Daten zu senden.</translation>
    </message>
    <message>
        <source>The recording address is not a web address.</source>
        <translation>Die Adresse der Aufnahme ist keine Webadresse.</translation>
    </message>
    <message>
        <source>The recording host sent the wrong part.</source>
        <translation>Der Aufnahme-Host hat den falschen Teil gesendet.</translation>
    </message>
    <message>
        <source>The recording is larger than %1 MB.</source>
        <translation>Die Aufnahme ist größer als %1 MB.</translation>
    </message>
    <message>
        <source>The recording host redirected to %1; not followed.</source>
        <translation>Der Aufnahme-Host hat auf %1 umgeleitet; nicht verfolgt.</translation>
    </message>
    <message>
        <source>Too many redirects.</source>
        <translation>Zu viele Umleitungen.</translation>
    </message>
    <message>
        <source>The recording arrived incomplete.</source>
        <translation>Die Aufnahme ist unvollständig angekommen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The recording host answered %1 (%2).</source>
        <translation>Der Aufnahme-Host antwortete %1 (%2).</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Save review</source>
        <translation>Prüfung speichern</translation>
    </message>
    <message>
        <source>tags, comma separated (needs-review, refund, …)</source>
        <translation>Tags, durch Kommas getrennt (needs-review, refund, …)</translation>
    </message>
    <message>
        <source>A note on this session, kept in the store</source>
        <translation>Eine Notiz zu dieser Sitzung, im Archiv gespeichert</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Saved in the store.</source>
        <translation>Im Archiv gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>The session&apos;s tags, separated by commas</source>
        <translation>Die Tags der Sitzung, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Saves the tags and the note in the store</source>
        <translation>Speichert die Tags und die Notiz im Archiv</translation>
    </message>
</context>
<context>
    <name>SessionColumns</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Charakter</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>Unterbrechungen</translation>
    </message>
    <message>
        <source>LLM in</source>
        <translation>LLM-Eingabe</translation>
    </message>
    <message>
        <source>LLM out</source>
        <translation>LLM-Ausgabe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>STT s</source>
        <translation>STT s</translation>
    </message>
    <message>
        <source>TTS chars</source>
        <translation>TTS-Zeichen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>Still in progress</source>
        <translation>Noch laufend</translation>
    </message>
    <message>
        <source>Finalized %1</source>
        <translation>Abgeschlossen %1</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
</context>
<context>
    <name>SessionDetailsForm</name>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Charakter</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>The call&apos;s transcript as text, one turn a line</source>
        <translation>Das Transkript des Anrufs als Text, ein Redebeitrag pro Zeile</translation>
    </message>
</context>
<context>
    <name>SessionExportWriter</name>
    <message>
        <source>session %1 arrived without the JSON the server sent</source>
        <translation>Sitzung %1 kam ohne das JSON an, das der Server gesendet hat</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>Schreiben nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <source>Character</source>
        <translation>Charakter</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>Unterbrechungen</translation>
    </message>
    <message>
        <source>LLM</source>
        <translation>LLM</translation>
    </message>
    <message>
        <source>Speech to text</source>
        <translation>Sprache zu Text</translation>
    </message>
    <message>
        <source>Text to speech</source>
        <translation>Text zu Sprache</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the session id</source>
        <translation>Sitzungs-ID kopieren</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copy a link to this session that opens it in Sessionscope</source>
        <translation>Einen Link auf diese Sitzung kopieren, der sie in Sessionscope öffnet</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 input, %4 output tokens</source>
        <translation>%1 (%2) · %3 Eingabe-, %4 Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>%1 · %2 of audio</source>
        <translation>%1 · %2 Audio</translation>
    </message>
    <message>
        <source>%1 total (exactly %2); per-part costs are not reported</source>
        <translation>%1 gesamt (genau %2); Kosten pro Teil werden nicht gemeldet</translation>
    </message>
    <message>
        <source>%1; recording %2</source>
        <translation>%1; Aufnahme %2</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 · %5</source>
        <translation>%1 · %2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation>unbekannte Zeit</translation>
    </message>
    <message>
        <source>Exact cost: %1</source>
        <translation>Genaue Kosten: %1</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>A field this version of Sessionscope does not know</source>
        <translation>Ein Feld, das diese Version von Sessionscope nicht kennt</translation>
    </message>
    <message>
        <source>(array)</source>
        <translation>(Liste)</translation>
    </message>
    <message>
        <source>(value)</source>
        <translation>(Wert)</translation>
    </message>
    <message>
        <source>Metadata (%1)</source>
        <translation>Metadaten (%1)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln character(s)</source>
        <translation>
            <numerusform>%1 · %Ln Zeichen</numerusform>
            <numerusform>%1 · %Ln Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>The page the call started from; opens it in the browser</source>
        <translation>Die Seite, von der aus der Anruf gestartet wurde; öffnet sie im Browser</translation>
    </message>
    <message>
        <source>Shows or hides the session&apos;s metadata</source>
        <translation>Zeigt die Metadaten der Sitzung an oder blendet sie aus</translation>
    </message>
    <message>
        <source>The session&apos;s metadata as keys and values</source>
        <translation>Die Metadaten der Sitzung als Schlüssel und Werte</translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Sitzungs-ID kopieren</translation>
    </message>
    <message>
        <source>Copies the session id to the clipboard</source>
        <translation>Kopiert die Sitzungs-ID in die Zwischenablage</translation>
    </message>
    <message>
        <source>Copies a link to this session that opens it in Sessionscope</source>
        <translation>Kopiert einen Link auf diese Sitzung, der sie in Sessionscope öffnet</translation>
    </message>
    <message>
        <source>Shows or hides every field of the session: times, usage, cost, origin</source>
        <translation>Zeigt alle Felder der Sitzung an oder blendet sie aus: Zeiten, Verbrauch, Kosten, Herkunft</translation>
    </message>
</context>
<context>
    <name>SessionLinks</name>
    <message>
        <source>The link&apos;s server &quot;%1&quot; is not an http or https URL.</source>
        <translation>Der Server des Links „%1“ ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>The link&apos;s server must be a plain base URL, without a user name, password, query or fragment.</source>
        <translation>Der Server des Links muss eine einfache Basis-URL sein, ohne Benutzername, Passwort, Abfrage oder Fragment.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a session link: %2.</source>
        <translation>„%1“ ist kein Sitzungslink: %2.</translation>
    </message>
    <message>
        <source>The link names no session, or not one session id: %1.</source>
        <translation>Der Link nennt keine Sitzung oder nicht genau eine Sitzungs-ID: %1.</translation>
    </message>
    <message>
        <source>A session link has no fragment (#…): %1.</source>
        <translation>Ein Sitzungslink hat kein Fragment (#…): %1.</translation>
    </message>
    <message>
        <source>The link has a parameter &quot;%1&quot; that Sessionscope does not know; only server= is.</source>
        <translation>Der Link hat einen Parameter „%1“, den Sessionscope nicht kennt; nur server= ist bekannt.</translation>
    </message>
    <message>
        <source>The link names more than one server.</source>
        <translation>Der Link nennt mehr als einen Server.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a session id or a session link: %2.</source>
        <translation>„%1“ ist weder eine Sitzungs-ID noch ein Sitzungslink: %2.</translation>
    </message>
</context>
<context>
    <name>SessionOpener</name>
    <message>
        <source>No session id was given.</source>
        <translation>Es wurde keine Sitzungs-ID angegeben.</translation>
    </message>
    <message>
        <source>There is no session &quot;%1&quot; on this server, or it is not one of yours.</source>
        <translation>Auf diesem Server gibt es keine Sitzung „%1“, oder sie gehört nicht zu Ihren.</translation>
    </message>
    <message>
        <source>Session &quot;%1&quot; could not be opened: the server did not accept the credentials (%2). It opens once you are connected.</source>
        <translation>Sitzung „%1“ konnte nicht geöffnet werden: Der Server hat die Zugangsdaten nicht akzeptiert (%2). Sie öffnet sich, sobald Sie verbunden sind.</translation>
    </message>
    <message>
        <source>Session &quot;%1&quot; could not be opened: %2</source>
        <translation>Sitzung „%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>SessionPane</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find in transcript (Ctrl+F)</source>
        <translation>Im Transkript suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the transcript as text</source>
        <translation>Transkript als Text kopieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Transcript as text…</source>
        <translation>Transkript als Text…</translation>
    </message>
    <message>
        <source>Transcript as Markdown…</source>
        <translation>Transkript als Markdown…</translation>
    </message>
    <message>
        <source>Transcript as JSON…</source>
        <translation>Transkript als JSON…</translation>
    </message>
    <message>
        <source>Session bundle…</source>
        <translation>Sitzungspaket…</translation>
    </message>
    <message>
        <source>Follow playback</source>
        <translation>Wiedergabe folgen</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>Transkript exportieren</translation>
    </message>
    <message>
        <source>Export session bundle into</source>
        <translation>Sitzungspaket exportieren nach</translation>
    </message>
    <message>
        <source>Bundle written to %1, without the recording (not loaded).</source>
        <translation>Paket nach %1 geschrieben, ohne die Aufnahme (nicht geladen).</translation>
    </message>
    <message>
        <source>Bundle written to %1.</source>
        <translation>Paket nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Saves the transcript as text, Markdown or JSON, or the whole session as a bundle</source>
        <translation>Speichert das Transkript als Text, Markdown oder JSON oder die ganze Sitzung als Paket</translation>
    </message>
    <message>
        <source>Finds text in the transcript (Ctrl+F)</source>
        <translation>Sucht Text im Transkript (Strg+F)</translation>
    </message>
    <message>
        <source>Copies the transcript as text</source>
        <translation>Kopiert das Transkript als Text</translation>
    </message>
    <message>
        <source>Keeps the spoken turn in view; scrolling away turns it off</source>
        <translation>Hält den gerade gesprochenen Redebeitrag im sichtbaren Bereich; Wegscrollen schaltet dies aus</translation>
    </message>
</context>
<context>
    <name>SessionSortLoader</name>
    <message>
        <source>Rows moved between the server&apos;s pages while every session was read, so they cannot be sorted in place. Refresh (F5) and sort again.</source>
        <translation>Während alle Sitzungen gelesen wurden, haben sich Zeilen zwischen den Seiten des Servers verschoben; sie können daher nicht an Ort und Stelle sortiert werden. Aktualisieren Sie (F5) und sortieren Sie erneut.</translation>
    </message>
    <message>
        <source>The server counts %L1 sessions but %L2 arrived.</source>
        <translation>Der Server zählt %L1 Sitzungen, aber %L2 sind angekommen.</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>another sync (process %1) is writing %2; wait for it to finish, or stop it</source>
        <translation>eine andere Synchronisierung (Prozess %1) schreibt %2; warten Sie, bis sie fertig ist, oder beenden Sie sie</translation>
    </message>
    <message>
        <source>cannot create the lock file %1.lock beside the database; check that its folder is writable</source>
        <translation>die Sperrdatei %1.lock neben der Datenbank kann nicht angelegt werden; prüfen Sie, ob ihr Ordner beschreibbar ist</translation>
    </message>
    <message>
        <source>there is no database at %1; sessionscope sync makes one</source>
        <translation>unter %1 gibt es keine Datenbank; sessionscope sync legt eine an</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the Qt SQL driver %1 is not installed (on Debian: %2)</source>
        <translation>der Qt-SQL-Treiber %1 ist nicht installiert (unter Debian: %2)</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Sessionscope database, or cannot be used: %2</source>
        <translation>%1 ist keine Sessionscope-Datenbank oder kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>cannot lock %1: %2</source>
        <translation>%1 kann nicht gesperrt werden: %2</translation>
    </message>
    <message>
        <source>another sync is writing %1; wait for it to finish, or stop it</source>
        <translation>eine andere Synchronisierung schreibt %1; warten Sie, bis sie fertig ist, oder beenden Sie sie</translation>
    </message>
    <message>
        <source>%1 is not a Sessionscope database, or cannot be written: %2</source>
        <translation>%1 ist keine Sessionscope-Datenbank oder kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: completing the sessions of the first release&apos;s layout failed: %2</source>
        <translation>%1: Das Vervollständigen der Sitzungen im Format der ersten Version ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>cannot set up %1: %2</source>
        <translation>%1 kann nicht eingerichtet werden: %2</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Not loaded yet</source>
        <translation>Noch nicht geladen</translation>
    </message>
</context>
<context>
    <name>SessionTableView</name>
    <message>
        <source>Open session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Copy link to session</source>
        <translation>Link auf Sitzung kopieren</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>Als TSV kopieren</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>Als CSV kopieren</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>One call per row, newest first; Enter opens the current session, Space plays it, J and K step through sessions</source>
        <translation>Ein Anruf pro Zeile, neueste zuerst; Eingabe öffnet die aktuelle Sitzung, Leertaste spielt sie ab, J und K blättern durch die Sitzungen</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Loading cancelled.</source>
        <translation>Laden abgebrochen.</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>Erneut laden</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Sitzungen werden geladen…</translation>
    </message>
    <message>
        <source>No sessions match these filters, or the character &quot;%1&quot; is not yours.</source>
        <translation>Keine Sitzung passt zu diesen Filtern, oder der Charakter „%1“ gehört nicht zu Ihren.</translation>
    </message>
    <message>
        <source>No sessions match these filters.</source>
        <translation>Keine Sitzung passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>The server did not accept the credentials: %1</source>
        <translation>Der Server hat die Zugangsdaten nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>The server rejected the filters: %1</source>
        <translation>Der Server hat die Filter abgelehnt: %1</translation>
    </message>
    <message>
        <source>Some rows could not be loaded: %1</source>
        <translation>Einige Zeilen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Not sorted by %1: sorting needs every session, and they could not all be loaded. The list stays in the server&apos;s order (newest first). %2</source>
        <translation>Nicht nach %1 sortiert: Zum Sortieren werden alle Sitzungen gebraucht, und nicht alle konnten geladen werden. Die Liste bleibt in der Reihenfolge des Servers (neueste zuerst). %2</translation>
    </message>
    <message numerus="yes">
        <source>Loading all %Ln session(s) to sort them (page %1 of %2)…</source>
        <translation>
            <numerusform>Die %Ln Sitzung wird zum Sortieren geladen (Seite %1 von %2)…</numerusform>
            <numerusform>Alle %Ln Sitzungen werden zum Sortieren geladen (Seite %1 von %2)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>%Ln Zeile kopiert.</numerusform>
            <numerusform>%Ln Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected row(s) were not loaded yet and were left out. Scroll to them to load them.</source>
        <translation>
            <numerusform>%Ln ausgewählte Zeile war noch nicht geladen und wurde ausgelassen. Scrollen Sie zu ihr, um sie zu laden.</numerusform>
            <numerusform>%Ln ausgewählte Zeilen waren noch nicht geladen und wurden ausgelassen. Scrollen Sie zu ihnen, um sie zu laden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading all %Ln session(s) to sort them…</source>
        <translation>
            <numerusform>Die %Ln Sitzung wird zum Sortieren geladen…</numerusform>
            <numerusform>Alle %Ln Sitzungen werden zum Sortieren geladen…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqliteSessionWriter</name>
    <message>
        <source>the connection is not a SQLite one</source>
        <translation>die Verbindung ist keine SQLite-Verbindung</translation>
    </message>
    <message>
        <source>no SQLite handle</source>
        <translation>kein SQLite-Handle</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Banner action</source>
        <translation>Aktion der Meldung</translation>
    </message>
    <message>
        <source>Does what the message offers</source>
        <translation>Führt aus, was die Meldung anbietet</translation>
    </message>
    <message>
        <source>Stops loading</source>
        <translation>Bricht das Laden ab</translation>
    </message>
</context>
<context>
    <name>StoreFilterBar</name>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>any character</source>
        <translation>alle Charaktere</translation>
    </message>
    <message>
        <source>any tenant</source>
        <translation>alle Mandanten</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>alle Modelle</translation>
    </message>
    <message>
        <source>any tag</source>
        <translation>alle Tags</translation>
    </message>
    <message>
        <source>any recording</source>
        <translation>alle Aufnahmen</translation>
    </message>
    <message>
        <source>finished or not</source>
        <translation>beendet oder nicht</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>with or without note</source>
        <translation>mit oder ohne Notiz</translation>
    </message>
    <message>
        <source>with a note</source>
        <translation>mit Notiz</translation>
    </message>
    <message>
        <source>without a note</source>
        <translation>ohne Notiz</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Cost $</source>
        <translation>Kosten $</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>The lowest cost is above the highest.</source>
        <translation>Die niedrigsten Kosten liegen über den höchsten.</translation>
    </message>
    <message>
        <source>The shortest duration is above the longest.</source>
        <translation>Die kürzeste Dauer liegt über der längsten.</translation>
    </message>
    <message>
        <source>The first day is after the last.</source>
        <translation>Der erste Tag liegt nach dem letzten.</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Charakter</translation>
    </message>
    <message>
        <source>Only sessions of this character</source>
        <translation>Nur Sitzungen dieses Charakters</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Only sessions of this tenant</source>
        <translation>Nur Sitzungen dieses Mandanten</translation>
    </message>
    <message>
        <source>LLM model</source>
        <translation>LLM-Modell</translation>
    </message>
    <message>
        <source>Only sessions that used this model</source>
        <translation>Nur Sitzungen, die dieses Modell verwendet haben</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Only sessions with this review tag</source>
        <translation>Nur Sitzungen mit diesem Prüf-Tag</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Only sessions whose recording has this status</source>
        <translation>Nur Sitzungen, deren Aufnahme diesen Status hat</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished sessions, those in progress, or both</source>
        <translation>Beendete Sitzungen, laufende oder beide</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Sessions with a review note, without one, or both</source>
        <translation>Sitzungen mit einer Prüfnotiz, ohne eine oder beide</translation>
    </message>
    <message>
        <source>Lowest cost</source>
        <translation>Niedrigste Kosten</translation>
    </message>
    <message>
        <source>Only sessions that cost at least this, in dollars</source>
        <translation>Nur Sitzungen, die mindestens so viel kosten, in Dollar</translation>
    </message>
    <message>
        <source>Highest cost</source>
        <translation>Höchste Kosten</translation>
    </message>
    <message>
        <source>Only sessions that cost at most this, in dollars</source>
        <translation>Nur Sitzungen, die höchstens so viel kosten, in Dollar</translation>
    </message>
    <message>
        <source>Shortest</source>
        <translation>Kürzeste Dauer</translation>
    </message>
    <message>
        <source>Only sessions at least this many minutes long</source>
        <translation>Nur Sitzungen, die mindestens so viele Minuten dauern</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Längste Dauer</translation>
    </message>
    <message>
        <source>Only sessions at most this many minutes long</source>
        <translation>Nur Sitzungen, die höchstens so viele Minuten dauern</translation>
    </message>
    <message>
        <source>Limits the sessions to the days below</source>
        <translation>Beschränkt die Sitzungen auf die folgenden Tage</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>The first day of sessions shown</source>
        <translation>Der erste Tag der angezeigten Sitzungen</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>The last day of sessions shown</source>
        <translation>Der letzte Tag der angezeigten Sitzungen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Shows the stored sessions that match these filters</source>
        <translation>Zeigt die gespeicherten Sitzungen, die zu diesen Filtern passen</translation>
    </message>
    <message>
        <source>Clears every filter and shows all stored sessions</source>
        <translation>Setzt alle Filter zurück und zeigt alle gespeicherten Sitzungen</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Review &amp;queue</source>
        <translation>&amp;Prüfliste</translation>
    </message>
    <message>
        <source>The sessions tagged needs-review: N opens the next, R marks the open one reviewed</source>
        <translation>Die mit needs-review markierten Sitzungen: N öffnet die nächste, R markiert die offene als geprüft</translation>
    </message>
    <message>
        <source>No store is open: File ▸ Open store… opens one (sessionscope sync fills one).</source>
        <translation>Kein Archiv geöffnet: Datei ▸ Archiv öffnen… öffnet eines (sessionscope sync füllt eines).</translation>
    </message>
    <message>
        <source>No session after this one in the list.</source>
        <translation>Nach dieser Sitzung kommt keine weitere in der Liste.</translation>
    </message>
    <message>
        <source>The store could not be opened: %1</source>
        <translation>Das Archiv konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Archiv: %1</translation>
    </message>
    <message>
        <source>The review queue is empty: no session is tagged needs-review.</source>
        <translation>Die Prüfliste ist leer: Keine Sitzung ist mit needs-review markiert.</translation>
    </message>
    <message>
        <source>The store could not be read: %1</source>
        <translation>Das Archiv konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Store: %1. No stored session matches these filters.</source>
        <translation>Archiv: %1. Keine gespeicherte Sitzung passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Stored sessions</source>
        <translation>Gespeicherte Sitzungen</translation>
    </message>
    <message>
        <source>The sessions in the local store, one per row; Enter opens the current one</source>
        <translation>Die Sitzungen im lokalen Archiv, eine pro Zeile; Eingabe öffnet die aktuelle</translation>
    </message>
</context>
<context>
    <name>StoreReader</name>
    <message>
        <source>No store is open.</source>
        <translation>Kein Archiv geöffnet.</translation>
    </message>
</context>
<context>
    <name>StoreSchema</name>
    <message>
        <source>the database is at schema version %1, newer than this Sessionscope knows (%2); use a newer Sessionscope</source>
        <translation>die Datenbank hat die Schemaversion %1, neuer als diese Sessionscope-Version kennt (%2); verwenden Sie ein neueres Sessionscope</translation>
    </message>
    <message>
        <source>schema migration from version %1 failed: %2</source>
        <translation>die Schemamigration von Version %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>StoreSearchModel</name>
    <message>
        <source>%1 · %2 · turn %3 at %4 (%5)</source>
        <translation>%1 · %2 · Redebeitrag %3 bei %4 (%5)</translation>
    </message>
</context>
<context>
    <name>StoreSearchPanel</name>
    <message>
        <source>Search every stored transcript (Ctrl+Shift+F)</source>
        <translation>Alle gespeicherten Transkripte durchsuchen (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>No turn found</source>
        <translation>Kein Redebeitrag gefunden</translation>
    </message>
    <message>
        <source>The first %1 turns found</source>
        <translation>Die ersten %1 gefundenen Redebeiträge</translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s) found</source>
        <translation>
            <numerusform>%n Redebeitrag gefunden</numerusform>
            <numerusform>%n Redebeiträge gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the store</source>
        <translation>Archiv durchsuchen</translation>
    </message>
    <message>
        <source>Words to find in every stored transcript; Enter searches (Ctrl+Shift+F)</source>
        <translation>Wörter, die in allen gespeicherten Transkripten gesucht werden; Eingabe startet die Suche (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Sessions whose transcript matches; Enter opens one</source>
        <translation>Sitzungen, deren Transkript passt; Eingabe öffnet eine</translation>
    </message>
</context>
<context>
    <name>StoreSessionQuery</name>
    <message>
        <source>the store has no session %1</source>
        <translation>das Archiv enthält keine Sitzung %1</translation>
    </message>
    <message>
        <source>the stored session %1 does not decode: %2</source>
        <translation>die gespeicherte Sitzung %1 lässt sich nicht dekodieren: %2</translation>
    </message>
</context>
<context>
    <name>StoreSessionTableModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Gone from the store</source>
        <translation>Nicht mehr im Archiv</translation>
    </message>
</context>
<context>
    <name>StoreSync</name>
    <message>
        <source>this database was synced with another filter (%1); use another database for this one.</source>
        <translation>diese Datenbank wurde mit einem anderen Filter synchronisiert (%1); verwenden Sie für diesen eine andere Datenbank.</translation>
    </message>
    <message>
        <source>no filter</source>
        <translation>kein Filter</translation>
    </message>
</context>
<context>
    <name>StoreSyncBar</name>
    <message>
        <source>Cancel sync</source>
        <translation>Synchronisierung abbrechen</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %Ln session(s) written (%1 a second)</source>
        <translation>
            <numerusform>Synchronisierung: %Ln Sitzung geschrieben (%1 pro Sekunde)</numerusform>
            <numerusform>Synchronisierung: %Ln Sitzungen geschrieben (%1 pro Sekunde)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreSyncController</name>
    <message>
        <source>No store is open: File ▸ Open store… first.</source>
        <translation>Kein Archiv geöffnet: zuerst Datei ▸ Archiv öffnen….</translation>
    </message>
</context>
<context>
    <name>StoreSyncWorker</name>
    <message>
        <source>Sync not started: %1</source>
        <translation>Synchronisierung nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Sync not started: the window is not connected.</source>
        <translation>Synchronisierung nicht gestartet: Das Fenster ist nicht verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>Synced: %1 new, %2 updated; the store holds %Ln session(s).</source>
        <translation>
            <numerusform>Synchronisiert: %1 neu, %2 aktualisiert; das Archiv enthält %Ln Sitzung.</numerusform>
            <numerusform>Synchronisiert: %1 neu, %2 aktualisiert; das Archiv enthält %Ln Sitzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync stopped: the pages written are kept; the next Sync asks for the rest.</source>
        <translation>Synchronisierung angehalten: Die geschriebenen Seiten bleiben erhalten; die nächste Synchronisierung holt den Rest.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>LLM in</source>
        <translation>LLM-Eingabe</translation>
    </message>
    <message>
        <source>LLM out</source>
        <translation>LLM-Ausgabe</translation>
    </message>
    <message>
        <source>STT min</source>
        <translation>STT min</translation>
    </message>
    <message>
        <source>TTS chars</source>
        <translation>TTS-Zeichen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Avg / session</source>
        <translation>Ø / Sitzung</translation>
    </message>
    <message>
        <source>Not shown for want of room:
%1</source>
        <translation>Aus Platzgründen nicht angezeigt:
%1</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>No sessions</source>
        <translation>Keine Sitzungen</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>Previous period of equal length: %1</source>
        <translation>Vorheriger Zeitraum gleicher Länge: %1</translation>
    </message>
</context>
<context>
    <name>TranscriptExport</name>
    <message>
        <source>Transcript of %1</source>
        <translation>Transkript von %1</translation>
    </message>
    <message>
        <source>Character: %1</source>
        <translation>Charakter: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>TranscriptFindBar</name>
    <message>
        <source>Find in transcript</source>
        <translation>Im Transkript suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Text to find in the turns; Enter goes to the next match</source>
        <translation>Text, der in den Redebeiträgen gesucht wird; Eingabe springt zum nächsten Treffer</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Goes to the previous match (Shift+Enter)</source>
        <translation>Springt zum vorherigen Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Goes to the next match (Enter)</source>
        <translation>Springt zum nächsten Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close find</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <source>Closes the find bar (Esc)</source>
        <translation>Schließt die Suchleiste (Esc)</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Turn %1 · %2 · %3</source>
        <translation>Redebeitrag %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Turn %1, playing</source>
        <translation>Redebeitrag %1, wird abgespielt</translation>
    </message>
    <message>
        <source>Turn %1</source>
        <translation>Redebeitrag %1</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>The call&apos;s turns in order; Up and Down move between turns, Enter plays from the current one</source>
        <translation>Die Redebeiträge des Anrufs der Reihe nach; die Pfeiltasten nach oben und unten wechseln zwischen den Redebeiträgen, Eingabe spielt ab dem aktuellen ab</translation>
    </message>
</context>
<context>
    <name>UrlSafety</name>
    <message>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation>Die CA-Zertifikatsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no certificate (expected PEM or DER).</source>
        <translation>%1 enthält kein Zertifikat (erwartet: PEM oder DER).</translation>
    </message>
    <message>
        <source>The proxy must be a URL such as http://proxy.example:3128 or socks5://127.0.0.1:1080.</source>
        <translation>Der Proxy muss eine URL sein, etwa http://proxy.example:3128 oder socks5://127.0.0.1:1080.</translation>
    </message>
</context>
<context>
    <name>UsageCollector</name>
    <message>
        <source>Page %1 of %2: %3</source>
        <translation>Seite %1 von %2: %3</translation>
    </message>
    <message>
        <source>page %1 answered 404</source>
        <translation>Seite %1 antwortete 404</translation>
    </message>
    <message>
        <source>page %1 did not decode (%2)</source>
        <translation>Seite %1 ließ sich nicht dekodieren (%2)</translation>
    </message>
    <message>
        <source>page %1 repeated %2 rows of earlier pages</source>
        <translation>Seite %1 wiederholte %2 Zeilen früherer Seiten</translation>
    </message>
    <message>
        <source>%1 of the %2 sessions the server counts are missing</source>
        <translation>%1 der %2 vom Server gezählten Sitzungen fehlen</translation>
    </message>
    <message>
        <source>the pages held %1 distinct sessions, but the server counts %2</source>
        <translation>die Seiten enthielten %1 verschiedene Sitzungen, aber der Server zählt %2</translation>
    </message>
    <message>
        <source>the sessions cost %1 together, but the server&apos;s total is %2</source>
        <translation>die Sitzungen kosten zusammen %1, aber die Summe des Servers ist %2</translation>
    </message>
    <message>
        <source>The server&apos;s page count said %1 sessions; its totals and its rows agree on %2.</source>
        <translation>Die Seitenzählung des Servers nannte %1 Sitzungen; seine Summen und seine Zeilen stimmen bei %2 überein.</translation>
    </message>
    <message>
        <source>%1 sessions were still in progress: as read, the sessions cost %2 together, while the server&apos;s total said %3 when the walk began.</source>
        <translation>%1 Sitzungen liefen noch: Wie gelesen kosten die Sitzungen zusammen %2, während die Summe des Servers zu Beginn des Durchlaufs %3 betrug.</translation>
    </message>
    <message>
        <source>No page reported a problem: the server&apos;s rows and its totals disagree.</source>
        <translation>Keine Seite meldete ein Problem: Die Zeilen des Servers und seine Summen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Pages that misbehaved: %1.</source>
        <translation>Fehlerhafte Seiten: %1.</translation>
    </message>
    <message>
        <source>The set is incomplete: %1, after asking pages %2 again. %3</source>
        <translation>Die Menge ist unvollständig: %1, nachdem die Seiten %2 erneut abgefragt wurden. %3</translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation>; und %1 weitere</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>Recording waveform</source>
        <translation>Wellenform der Aufnahme</translation>
    </message>
    <message>
        <source>Click to seek</source>
        <translation>Klicken, um zu springen</translation>
    </message>
    <message>
        <source>The recording&apos;s loudness over time; a click plays from there</source>
        <translation>Die Lautstärke der Aufnahme im Zeitverlauf; ein Klick spielt ab dieser Stelle ab</translation>
    </message>
</context>
</TS>
