<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnalyticsPage</name>
    <message numerus="yes">
        <source>the totals of %n character(s) are not in yet</source>
        <translation>
            <numerusform>the totals of %n character are not in yet</numerusform>
            <numerusform>the totals of %n characters are not in yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CharacterBarChart</name>
    <message numerus="yes">
        <source>%1: %Ln session(s)</source>
        <translation>
            <numerusform>%1: %Ln session</numerusform>
            <numerusform>%1: %Ln sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyReportView</name>
    <message numerus="yes">
        <source>%1: %Ln session(s), %2</source>
        <translation>
            <numerusform>%1: %Ln session, %2</numerusform>
            <numerusform>%1: %Ln sessions, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailySeriesChart</name>
    <message numerus="yes">
        <source>%1, %2
%Ln session(s)
%3</source>
        <translation>
            <numerusform>%1, %2
%Ln session
%3</numerusform>
            <numerusform>%1, %2
%Ln sessions
%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message numerus="yes">
        <source>Exported %Ln session(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln session to %1</numerusform>
            <numerusform>Exported %Ln sessions to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message numerus="yes">
        <source>%1:00–%1:59
%Ln session(s)
%2</source>
        <translation>
            <numerusform>%1:00–%1:59
%Ln session
%2</numerusform>
            <numerusform>%1:00–%1:59
%Ln sessions
%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message numerus="yes">
        <source>%1 · %Ln character(s)</source>
        <translation>
            <numerusform>%1 · %Ln character</numerusform>
            <numerusform>%1 · %Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message numerus="yes">
        <source>Loading all %Ln session(s) to sort them (page %1 of %2)…</source>
        <translation>
            <numerusform>Loading the %Ln session to sort it (page %1 of %2)…</numerusform>
            <numerusform>Loading all %Ln sessions to sort them (page %1 of %2)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>Copied %Ln row.</numerusform>
            <numerusform>Copied %Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected row(s) were not loaded yet and were left out. Scroll to them to load them.</source>
        <translation>
            <numerusform>%Ln selected row was not loaded yet and was left out. Scroll to it to load it.</numerusform>
            <numerusform>%Ln selected rows were not loaded yet and were left out. Scroll to them to load them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading all %Ln session(s) to sort them…</source>
        <translation>
            <numerusform>Loading the %Ln session to sort it…</numerusform>
            <numerusform>Loading all %Ln sessions to sort them…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreSearchPanel</name>
    <message numerus="yes">
        <source>%n turn(s) found</source>
        <translation>
            <numerusform>%n turn found</numerusform>
            <numerusform>%n turns found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreSyncBar</name>
    <message numerus="yes">
        <source>Syncing: %Ln session(s) written (%1 a second)</source>
        <translation>
            <numerusform>Syncing: %Ln session written (%1 a second)</numerusform>
            <numerusform>Syncing: %Ln sessions written (%1 a second)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreSyncWorker</name>
    <message numerus="yes">
        <source>Synced: %1 new, %2 updated; the store holds %Ln session(s).</source>
        <translation>
            <numerusform>Synced: %1 new, %2 updated; the store holds %Ln session.</numerusform>
            <numerusform>Synced: %1 new, %2 updated; the store holds %Ln sessions.</numerusform>
        </translation>
    </message>
</context>
</TS>
