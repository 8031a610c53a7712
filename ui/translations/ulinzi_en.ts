<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>FormWizard</name>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {questions} answered</source>
        <translation>
            <numerusform>%n of {questions} answered</numerusform>
            <numerusform>%n of {questions} answered</numerusform>
        </translation>
    </message>
</context>
</TS>
