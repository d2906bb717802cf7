<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BookDialog</name>
    <message numerus="yes">
        <source>Remove %n receiver(s) from the book of “{profile}”: {names}?

They are taken off every test list too. The send history keeps their sends.</source>
        <translation>
            <numerusform>Remove %n receiver from the book of “{profile}”: {names}?

They are taken off every test list too. The send history keeps their sends.</numerusform>
            <numerusform>Remove %n receivers from the book of “{profile}”: {names}?

They are taken off every test list too. The send history keeps their sends.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n receiver(s).</source>
        <translation>
            <numerusform>Removed %n receiver.</numerusform>
            <numerusform>Removed %n receivers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n receiver(s) to the list “{name}”.</source>
        <translation>
            <numerusform>Added %n receiver to the list “{name}”.</numerusform>
            <numerusform>Added %n receivers to the list “{name}”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %n receiver(s) off the list “{name}”.</source>
        <translation>
            <numerusform>Took %n receiver off the list “{name}”.</numerusform>
            <numerusform>Took %n receivers off the list “{name}”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Viber told the online state of %n receiver(s) at {time}.</source>
        <translation>
            <numerusform>Viber told the online state of %n receiver at {time}.</numerusform>
            <numerusform>Viber told the online state of %n receivers at {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n receiver(s) to {file}.</source>
        <translation>
            <numerusform>Wrote %n receiver to {file}.</numerusform>
            <numerusform>Wrote %n receivers to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Bubble</name>
    <message numerus="yes">
        <source>… and {more} more character(s), not shown: Viber takes {limit} at most.</source>
        <translation>
            <numerusform>… and {more} more character, not shown: Viber takes {limit} at most.</numerusform>
            <numerusform>… and {more} more characters, not shown: Viber takes {limit} at most.</numerusform>
        </translation>
    </message>
</context>
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
    <name>EmojiPicker</name>
    <message numerus="yes">
        <source>{emoji} {name}: counts as %n character(s) in Viber&apos;s limits</source>
        <translation>
            <numerusform>{emoji} {name}: counts as %n character in Viber&apos;s limits</numerusform>
            <numerusform>{emoji} {name}: counts as %n characters in Viber&apos;s limits</numerusform>
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
<context>
    <name>ListSendDialog</name>
    <message numerus="yes">
        <source>Done: %n receiver(s): {parts}.</source>
        <translation>
            <numerusform>Done: %n receiver: {parts}.</numerusform>
            <numerusform>Done: %n receivers: {parts}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiverActions</name>
    <message numerus="yes">
        <source>Send this {kind} message to the %n receiver(s) of the list “{name}” with the profile “{profile}”?

One message per receiver, one after another; each is recorded in the history before it leaves. {rule}.</source>
        <translation>
            <numerusform>Send this {kind} message to the %n receiver of the list “{name}” with the profile “{profile}”?

One message per receiver, one after another; each is recorded in the history before it leaves. {rule}.</numerusform>
            <numerusform>Send this {kind} message to the %n receivers of the list “{name}” with the profile “{profile}”?

One message per receiver, one after another; each is recorded in the history before it leaves. {rule}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n receiver(s) have a Viber older than this message needs (API level {level}: {why}) and will be skipped: {names}.</source>
        <translation>
            <numerusform>%n receiver has a Viber older than this message needs (API level {level}: {why}) and will be skipped: {names}.</numerusform>
            <numerusform>%n receivers have a Viber older than this message needs (API level {level}: {why}) and will be skipped: {names}.</numerusform>
        </translation>
    </message>
</context>
</TS>
