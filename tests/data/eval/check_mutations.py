#!/usr/bin/env python3
"""Sanity checks for the evaluation data: the clean articles and mutations.toml.

Run from anywhere: python3 tests/data/eval/check_mutations.py
Exits non-zero with one line per problem. Paragraphs are blocks separated by a blank line,
exactly as the harness counts them.
"""
import pathlib
import sys
import tomllib

EVAL = pathlib.Path(__file__).resolve().parent
REPO = EVAL.parent.parent.parent
LANGS = ("en", "uk", "ru")
OPS = ("replace", "drop", "merge", "split")
EXPECTS = ("number", "date", "missing", "none", "untranslated", "wrong-language", "name", "term", "forbidden")
KEYS = {"article", "lang", "paragraph", "op", "find", "replace", "expect", "outlier", "why"}

problems = []


def file_problems(path):
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path}: starts with a BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        problems.append(f"{path}: not UTF-8 ({err})")
        return ""
    if "\r" in text:
        problems.append(f"{path}: contains CR")
    if not text.endswith("\n") or text.endswith("\n\n"):
        problems.append(f"{path}: must end with exactly one newline")
    for number, line in enumerate(text.split("\n"), 1):
        if line != line.rstrip():
            problems.append(f"{path}:{number}: trailing whitespace")
    if "\n\n\n" in text:
        problems.append(f"{path}: more than one blank line between paragraphs")
    return text


def paragraphs(text):
    return [block for block in text.strip("\n").split("\n\n") if block.strip()]


def load_article(folder):
    return {lang: paragraphs(file_problems(folder / f"{lang}.txt")) for lang in LANGS}


articles = {}
for folder in sorted(p for p in EVAL.iterdir() if p.is_dir()):
    articles[folder.name] = load_article(folder)
    counts = {lang: len(ps) for lang, ps in articles[folder.name].items()}
    if len(set(counts.values())) != 1:
        problems.append(f"{folder.name}: paragraph counts differ {counts}")

for folder in sorted(p for p in (REPO / "samples").iterdir() if p.is_dir()):
    sample = load_article(folder)
    counts = {lang: len(ps) for lang, ps in sample.items()}
    if not folder.name.endswith("-errors") and len(set(counts.values())) != 1:
        problems.append(f"samples/{folder.name}: paragraph counts differ {counts}")

if (REPO / "samples/north-korean-troops").is_dir():
    for lang in LANGS:
        a = (REPO / "samples/north-korean-troops" / f"{lang}.txt").read_bytes()
        b = (EVAL / "north-korean-troops" / f"{lang}.txt").read_bytes()
        if a != b:
            problems.append(f"north-korean-troops/{lang}.txt: eval copy differs from samples/")

mutations = tomllib.loads((EVAL / "mutations.toml").read_text(encoding="utf-8"))["mutation"]
seen = set()
for index, m in enumerate(mutations, 1):
    where = f"mutation {index} ({m.get('article')}/{m.get('lang')} ¶{m.get('paragraph')})"
    if set(m) - KEYS:
        problems.append(f"{where}: unknown keys {set(m) - KEYS}")
    if m.get("op") not in OPS or m.get("lang") not in LANGS or m.get("expect") not in EXPECTS:
        problems.append(f"{where}: bad op/lang/expect")
        continue
    if not m.get("why"):
        problems.append(f"{where}: no why")
    if m["expect"] == "none":
        if "outlier" in m:
            problems.append(f"{where}: outlier given for expect = none")
    elif m.get("outlier") not in LANGS:
        problems.append(f"{where}: expect = {m['expect']} needs an outlier")
    if m["op"] == "drop" and m["expect"] not in ("missing", "none"):
        problems.append(f"{where}: a drop can only expect missing")
    key = tuple(sorted((k, str(v)) for k, v in m.items() if k != "why"))
    if key in seen:
        problems.append(f"{where}: duplicate")
    seen.add(key)
    article = articles.get(m["article"])
    if article is None:
        problems.append(f"{where}: no such article")
        continue
    ps = article[m["lang"]]
    n = m["paragraph"]
    if not 1 <= n <= len(ps):
        problems.append(f"{where}: paragraph out of range 1..{len(ps)}")
        continue
    text = ps[n - 1]
    if m["op"] in ("replace", "split"):
        find = m.get("find", "")
        if not find or text.count(find) != 1:
            problems.append(f"{where}: find {find!r} occurs {text.count(find) if find else 0} times")
        if m["op"] == "split" and text.startswith(find):
            problems.append(f"{where}: split point at the start of the paragraph")
    if m["op"] == "replace":
        replacement = m.get("replace")
        if replacement is None or replacement == m.get("find"):
            problems.append(f"{where}: replace missing or identical to find")
        elif "\n\n" in replacement:
            problems.append(f"{where}: replacement would create a paragraph break")
    elif "replace" in m:
        problems.append(f"{where}: replace given for op = {m['op']}")
    if m["op"] == "drop" and "find" in m:
        problems.append(f"{where}: find given for drop")
    if m["op"] == "merge" and n >= len(ps):
        problems.append(f"{where}: nothing to merge with")

for problem in problems:
    print(problem)
by_expect = {}
for m in mutations:
    by_expect[m.get("expect")] = by_expect.get(m.get("expect"), 0) + 1
print(f"{len(mutations)} mutations {by_expect}; {len(problems)} problems", file=sys.stderr)
sys.exit(1 if problems else 0)
