#!/usr/bin/env python3
"""Prints the table of HTML5 named character references for src/content/markdown/html_entities.cpp.

The names are the 2,125 of the WHATWG list (https://html.spec.whatwg.org/entities.json) that end
in ';', as Python's html.entities.html5 holds them; the legacy forms without ';' are left out, as
cmark-gfm leaves them out. Each line: {"name", "UTF-8 bytes"}, sorted by name (byte order) for a
binary search.

  scripts/gen_html_entities.py > /tmp/table.inc   (then paste between the markers)
"""
import html.entities

entries = sorted(
    (name[:-1], text) for name, text in html.entities.html5.items() if name.endswith(";"))
for name, text in entries:
    escaped = "".join(f"\\x{byte:02X}" for byte in text.encode("utf-8"))
    print(f'    {{"{name}", "{escaped}"}},')
