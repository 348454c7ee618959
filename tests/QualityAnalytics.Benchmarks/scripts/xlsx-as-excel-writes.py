#!/usr/bin/env python3
"""Rewrite the xlsx benchmark's workbook the way Excel saves one: every text cell a shared string (one entry per
distinct text in xl/sharedStrings.xml) and a <dimension> element before the sheet's data. MiniExcel.SaveAs writes
inline strings and no dimension, and the reader's cost differs for both (see docs/benchmarks.md, "XLSX loading").

usage: xlsx-as-excel-writes.py IN.xlsx OUT.xlsx   (then put OUT as complaints-N.xlsx in its own --work folder)
Only for the benchmark's own MiniExcel output (one sheet, <x:c r=.. t="str" s=..><x:v>..</x:v></x:c> cells)."""
import re
import sys
import zipfile

source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as book:
    sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    index, texts = {}, []

    def shared(cell):
        text = cell.group(3)  # already XML-escaped, as it goes into <t> unchanged
        if text not in index:
            index[text] = len(texts)
            texts.append(text)
        return '<x:c r="%s" t="s" s="%s"><x:v>%d</x:v></x:c>' % (cell.group(1), cell.group(2), index[text])

    sheet = re.sub(r'<x:c r="([A-Z]+\d+)" t="str" s="(\d+)"><x:v>([^<]+)</x:v></x:c>', shared, sheet)
    last = re.findall(r'<x:c r="([A-Z]+\d+)"', sheet[-4000:])[-1]
    sheet = sheet.replace("<x:sheetViews>", '<x:dimension ref="A1:%s"/><x:sheetViews>' % last, 1)
    strings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
               % (len(texts), len(texts), "".join("<si><t>%s</t></si>" % t for t in texts)))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for part in book.infolist():
            data = book.read(part.filename)
            if part.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode("utf-8")
            elif part.filename == "xl/sharedStrings.xml":
                data = strings.encode("utf-8")
            out.writestr(part.filename, data)
print("%d shared strings" % len(texts))
