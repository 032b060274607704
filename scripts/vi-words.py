#!/usr/bin/env python3
"""Writes src/analyze/data/vi_words.txt: Vietnamese words of two syllables.

Vietnamese writes a word as syllables separated by spaces, and a name
capitalizes only the first syllable of each of its words ("Bộ Kế hoạch và
Đầu tư", "Cục Dự trữ Liên bang", "Lực lượng Phòng không"), so which
lowercase syllable still belongs to a name is a question of which syllables
form a word. The list is pyvi's (https://github.com/trungtv/pyvi, MIT licence,
Copyright (c) 2016 Viet-Trung Tran), cut to its lowercase two-syllable words.
Run by hand when refreshing the list:

    pip download --no-deps -d /tmp/pyvi pyvi==0.1.1
    python3 scripts/vi-words.py /tmp/pyvi/pyvi-0.1.1-py2.py3-none-any.whl
"""
import pathlib
import sys
import unicodedata
import zipfile

DATA = pathlib.Path(__file__).resolve().parent.parent / "src" / "analyze" / "data"

with zipfile.ZipFile(sys.argv[1]) as wheel:
    words = wheel.read("pyvi/models/words.txt").decode("utf-8").splitlines()

two = sorted({
    unicodedata.normalize("NFC", w.strip())
    for w in words
    if len(w.split()) == 2 and w.strip() == w.strip().lower() and all(s.isalpha() for s in w.split())
})
header = [
    "# Vietnamese words of two syllables, lowercase: a lowercase syllable after a capitalized one",
    "# stays in a name when the two form a word (\"Liên bang\", \"Phòng không\", \"Nhà nước\").",
    "# From pyvi 0.1.1's word list (MIT licence, Copyright (c) 2016 Viet-Trung Tran).",
    "# Written by scripts/vi-words.py.",
]
(DATA / "vi_words.txt").write_text("\n".join(header + two) + "\n", encoding="utf-8")
print(f"{len(two)} words")
