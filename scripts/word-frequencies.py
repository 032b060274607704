#!/usr/bin/env python3
"""Writes src/analyze/data/frequency_{vi,en}.txt from wordfreq's word lists.

How common a word is in general text tells the digest which shared words say
two articles tell one story (rare ones: names, places, the event's own words)
and which say nothing (common ones). wordfreq (https://github.com/rspeer/wordfreq)
pools Wikipedia, subtitles, news, books and the web; its data is under CC BY-SA 4.0,
and so are the files this writes. Run by hand when refreshing the lists:

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/word-frequencies.py
"""
import pathlib

import importlib.metadata

import wordfreq

DATA = pathlib.Path(__file__).resolve().parent.parent / "src" / "analyze" / "data"
# Zipf 1.5 is about three uses in a billion words: rarer words count as unseen.
FLOOR = 1.5
LISTS = {"vi": ("small", 20000), "en": ("large", 25000)}

for lang, (wordlist, most) in LISTS.items():
    words = wordfreq.top_n_list(lang, most, wordlist=wordlist)
    lines = []
    for word in words:
        zipf = wordfreq.zipf_frequency(word, lang, wordlist=wordlist)
        if zipf >= FLOOR and "\t" not in word and word.strip() == word and word:
            lines.append(f"{word}\t{zipf:.1f}")
    header = (
        f"# Zipf frequency (log10 of uses per billion words) of the {len(lines)} most common {lang} words,\n"
        f"# from wordfreq {importlib.metadata.version('wordfreq')} ({wordlist} list); CC BY-SA 4.0.\n"
        "# Written by scripts/word-frequencies.py.\n"
    )
    (DATA / f"frequency_{lang}.txt").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(lang, len(lines))
