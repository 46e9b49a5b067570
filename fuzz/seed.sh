#!/bin/sh
# Fills fuzz/corpus/<target>/ with seeds from the repository's real data (not committed:
# corpora grow large). Run from the repository root: `sh fuzz/seed.sh`.
set -eu
root=$(pwd)
corpus="$root/fuzz/corpus"
mkdir -p "$corpus"
exec python3 - "$root" "$corpus" <<'PY'
import glob, os, sys

root, corpus = sys.argv[1], sys.argv[2]
LANG_BYTE = {"en": 0, "uk": 1, "ru": 2}
SEPARATOR = b"\xff"


def put(target, name, data):
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def read(path):
    with open(os.path.join(root, path), "rb") as f:
        return f.read()


articles = sorted(glob.glob(os.path.join(root, "tests/data/eval/*/")))
ntrex = sorted(glob.glob(os.path.join(root, "tests/data/ntrex128/docs/*/")))[:4]
for folder in articles + ntrex:
    article = os.path.basename(folder.rstrip("/"))
    texts = {}
    for lang in ("en", "uk", "ru"):
        data = read(os.path.join(folder, lang + ".txt"))
        texts[lang] = data
        put("split_txt", f"{article}-{lang}", data)
        put("split_markdown", f"{article}-{lang}", data)
        put("decode", f"{article}-{lang}-utf8", bytes([0]) + data)
        text = data.decode("utf-8")
        legacy = {"uk": ("cp1251", 4), "ru": ("koi8_r", 6), "en": ("utf-16-le", 2)}
        codec, selector = legacy[lang]
        try:
            put("decode", f"{article}-{lang}-{codec}", bytes([selector]) + text.encode(codec))
            put("decode", f"{article}-{lang}-detect", bytes([0]) + text.encode(codec))
        except UnicodeEncodeError:
            pass
        paragraphs = [p for p in text.split("\n\n") if p.strip()][:8]
        for i, paragraph in enumerate(paragraphs):
            seed = bytes([LANG_BYTE[lang]]) + paragraph.encode("utf-8")
            for target in ("numbers", "dates", "names"):
                put(target, f"{article}-{lang}-{i}", seed)
        put("language", f"{article}-{lang}", bytes([LANG_BYTE[lang]]) + data)
    three = SEPARATOR.join(texts[lang] for lang in ("en", "uk", "ru"))
    put("alignment", f"{article}-3", b"\x01" + three)
    put("alignment", f"{article}-2", b"\x00" + texts["en"] + SEPARATOR + texts["uk"])
    put("check_article", f"{article}-txt", b"\x00" + three)

for folder in sorted(glob.glob(os.path.join(root, "tests/data/html/*/"))):
    article = os.path.basename(folder.rstrip("/"))
    texts = [read(os.path.join(folder, lang + ".html")) for lang in ("en", "uk", "ru")]
    for lang, data in zip(("en", "uk", "ru"), texts):
        put("split_html", f"{article}-{lang}", data)
        # 8: no forced encoding (8 % 8), HTML splitting (8 % 3).
        put("decode", f"{article}-{lang}-html", bytes([8]) + data)
    put("check_article", f"{article}-html", b"\x02" + SEPARATOR.join(texts))

for seed in sorted(glob.glob(os.path.join(root, "fuzz/seeds/*"))):
    name = os.path.basename(seed)
    data = read(seed)
    if name.endswith(".md"):
        put("split_markdown", name, data)
        put("check_article", name, b"\x01" + data + SEPARATOR + data)
    elif name.endswith(".html"):
        put("split_html", name, data)
        put("check_article", name, b"\x02" + data + SEPARATOR + data)
    elif name.endswith(".toml"):
        put("glossary", name, data)

glossary = read("glossary.toml")
put("glossary", "glossary.toml", glossary)
put("glossary", "glossary-head.toml", glossary[:3000].rsplit(b"\n[[", 1)[0])
PY
