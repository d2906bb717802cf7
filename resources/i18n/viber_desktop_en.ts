<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ButtonGridView</name>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%n entries selected.</source>
        <translation>
            <numerusform>%n entry selected.</numerusform>
            <numerusform>%n entries selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {file}</source>
        <translation>
            <numerusform>Exported %n entry to {file}</numerusform>
            <numerusform>Exported %n entries to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected entries? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the selected entry? This cannot be undone.</numerusform>
            <numerusform>Delete %n selected entries? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
</TS>
