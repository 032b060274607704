#!/usr/bin/env python3
"""Times Briefsmith's Markdown -> PDF against typst and pandoc+weasyprint on the
same brief, and prints the ratios. Usage (from the repository root):

    python3 scripts/compare-pdf.py BRIEF.md [RUNS]

Briefsmith is timed as the whole command `briefsmith brief --brief B.json
--pdf` (template + layout + process start); `cargo bench --bench pdf` gives
the renderer alone. typst is the PyPI package `typst` (installed into target/compare-venv on first
use); the Markdown is converted to typst markup by a small converter below.
pandoc and weasyprint are used only where they are installed.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "compare-venv"


def ensure_venv():
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "typst", "markdown-it-py"], check=True)
    return python


CONVERTER = r'''
import sys, typst
from markdown_it import MarkdownIt

def esc(text):
    out = []
    for c in text:
        if c in '\\#*_`$<>@[]=-+/"~':
            out.append('\\' + c)
        else:
            out.append(c)
    return ''.join(out)

def inline(children):
    out = []
    for t in children or []:
        if t.type == 'text': out.append(esc(t.content))
        elif t.type == 'strong_open': out.append('*')
        elif t.type == 'strong_close': out.append('*')
        elif t.type == 'em_open': out.append('_')
        elif t.type == 'em_close': out.append('_')
        elif t.type in ('softbreak',): out.append(' ')
        elif t.type == 'hardbreak': out.append(' \\\n')
        elif t.type == 'code_inline': out.append('`' + t.content + '`')
        elif t.type == 'link_open': out.append('#link("' + t.attrs.get('href', '') + '")[')
        elif t.type == 'link_close': out.append(']')
    return ''.join(out)

md = MarkdownIt('commonmark').enable('table')
tokens = md.parse(open(sys.argv[1], encoding='utf-8').read())
out = ['#set page(paper: "a4", margin: (x: 20mm, y: 22mm), footer: context align(right)[Trang #counter(page).display() / #counter(page).final().first()])',
       '#set text(font: "Noto Sans", size: 10.5pt, lang: "vi")', '#set par(justify: true)', '']
stack = []
i = 0
row = []
rows = []
while i < len(tokens):
    t = tokens[i]
    if t.type == 'heading_open':
        level = int(t.tag[1]); out.append('=' * level + ' ' + inline(tokens[i + 1].children)); i += 3; continue
    if t.type == 'bullet_list_open': stack.append('-')
    elif t.type == 'ordered_list_open': stack.append('+')
    elif t.type in ('bullet_list_close', 'ordered_list_close'): stack.pop(); out.append('')
    elif t.type == 'blockquote_open': stack.append('>')
    elif t.type == 'blockquote_close': stack.pop()
    elif t.type == 'inline' and tokens[i - 1].type == 'paragraph_open':
        text = inline(t.children)
        lists = [s for s in stack if s in '-+']
        if '>' in stack: out.append('#quote(block: true)[' + text + ']')
        elif lists and tokens[i - 2].type == 'list_item_open': out.append('  ' * (len(lists) - 1) + lists[-1] + ' ' + text)
        else: out.append(text); out.append('')
    elif t.type in ('th_open', 'td_open'):
        row.append(inline(tokens[i + 1].children))
    elif t.type == 'tr_close':
        rows.append(row); row = []
    elif t.type == 'table_close':
        cols = len(rows[0]) if rows else 1
        cells = ', '.join('[' + c + ']' for r in rows for c in r)
        out.append('#table(columns: ' + str(cols) + ', ' + cells + ')'); rows = []
    elif t.type == 'hr':
        out.append('#line(length: 100%)')
    i += 1
open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join(out))
'''


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    brief = Path(sys.argv[1]).resolve()
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    work = Path(tempfile.mkdtemp())
    results = {}

    python = ensure_venv()
    converter = work / "convert.py"
    converter.write_text(CONVERTER)
    typ = work / "brief.typ"
    subprocess.run([str(python), str(converter), str(brief), str(typ)], check=True)
    compile_script = work / "compile.py"
    compile_script.write_text(
        "import sys, typst\n"
        "typst.compile(sys.argv[1], output=sys.argv[2], font_paths=sys.argv[3:])\n")
    font_dir = Path("/usr/share/fonts/truetype/noto")
    font_args = [str(font_dir)] if font_dir.exists() else []
    results["typst (PyPI)"] = timed([str(python), str(compile_script), str(typ), str(work / "typst.pdf")] + font_args, runs)

    if shutil.which("pandoc") and shutil.which("weasyprint"):
        results["pandoc + weasyprint"] = timed(
            ["pandoc", str(brief), "-o", str(work / "weasy.pdf"), "--pdf-engine=weasyprint"], max(2, runs // 3))
    else:
        results["pandoc + weasyprint"] = None

    briefsmith = ROOT / "target" / "release" / "briefsmith"
    if not briefsmith.exists():
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "briefsmith"], cwd=ROOT, check=True)
    brief_json = work / "brief.json"
    seed = ROOT.parent / "shared" / "corpus" / "vi-nato-ai" / "article.txt"
    with open(brief_json, "w") as f:
        subprocess.run([str(briefsmith), "analyze", "--brief-json", str(seed)], stdout=f, check=True)
    results["briefsmith brief --pdf (whole command)"] = timed(
        [str(briefsmith), "brief", "--brief", str(brief_json), "--pdf", str(work / "briefsmith.pdf")], runs)

    base = results["briefsmith brief --pdf (whole command)"]
    print(f"{'path':45} {'median':>10} {'× briefsmith':>14}")
    for name, seconds in results.items():
        if seconds is None:
            print(f"{name:45} {'not installed':>10}")
        else:
            print(f"{name:45} {seconds * 1000:8.1f} ms {seconds / base:13.1f}×")


if __name__ == "__main__":
    main()
