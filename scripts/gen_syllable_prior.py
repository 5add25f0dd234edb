#!/usr/bin/env python3
"""Generates src/legacy/table_syllable_prior.rs: how common each Vietnamese syllable is in
the text vietref reads (official letters, personal names), from sources whose licence lets
the table ship in the default MIT OR Apache-2.0 build. The encoding detector uses it to
break ties between two readings that are both good Vietnamese (`Trịnh` in VISCII is
`Tránh` in TCVN3). The bigger CC BY-SA table (tools/gen_syllable_freq.py, cargo feature
`wordfreq`) replaces it when that feature is on.

Sources (docs/syllables.md, "Frequency tables"):

1. Official texts: the administrative documents in shared/seeds/ (a 2022 letter of the
   Ministry of Information and Communications and a 2024 provincial plan on cashless
   payment in schools and hospitals). Legal and administrative texts are not protected
   by copyright in Viet Nam (Law on Intellectual Property 2005, Article 15, item 2).
   Extra texts of the same kind (laws, decrees, official letters as plain UTF-8 .txt)
   can be added to that folder.
2. Given names: boy.txt and girl.txt of github.com/duyet/vietnamese-namedb (MIT licence,
   Copyright (c) 2016 Van-Duyet Le; boy.txt at commit 6a5b82c3, girl.txt at 1cb5a46d),
   about 2 400 given names (one or two syllables each, often with the middle name).
3. Family names: the published shares of the most common family names (Wikipedia,
   "Vietnamese name", citing the 2005 survey: Nguyễn 38 %, Trần 11 %, Lê 9.5 % ...);
   facts, written out below, with the further common family names the same article
   lists (0.2 % each). Văn and Thị, the traditional male and female middle names,
   get the weight of a common given-name syllable.

The test names of tests/detection_rates.rs (tests/common/names.rs) are NOT a source: they
stay a held-out set.

Each syllable's probability is the mean of its share of the official texts' syllables
and its share of name syllables (a name: one family syllable, two given syllables); the
table holds its Zipf value (log10 per billion) times 10. Letters: the share of each
non-ASCII letter among the letters of both sources, Zipf × 10.

Run: python3 scripts/gen_syllable_prior.py SEEDS_DIR NAMEDB_DIR
     (NAMEDB_DIR holds boy.txt and girl.txt from the repository above)
"""
import math
import os
import re
import sys
import unicodedata as ud
from collections import Counter

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "legacy", "table_syllable_prior.rs")

TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
BASES = ["a", "a\u0302", "a\u0306", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u",
         "u\u031b", "y"]
LETTERS = set("bcdghklmnpqrstvx\u0111")
for b in BASES:
    for t in TONES:
        LETTERS.add(ud.normalize("NFC", b + t))
VOWELS = "".join(sorted(c for c in LETTERS if c not in "bcdghklmnpqrstvx\u0111"))
SHAPE = re.compile(
    f"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?[{VOWELS}]{{1,3}}(ng|nh|ch|[cmnpt])?$")

# Family-name shares in per cent (Wikipedia, "Vietnamese name"). Hoàng/Huỳnh and Vũ/Võ
# are one name written two ways (north/south): the share is split evenly.
FAMILY = {
    "nguyễn": 38.4, "trần": 12.1, "lê": 9.5, "phạm": 7.0, "hoàng": 2.55, "huỳnh": 2.55,
    "phan": 4.5, "vũ": 1.95, "võ": 1.95, "đặng": 2.1, "bùi": 2.0, "đỗ": 1.4, "hồ": 1.3,
    "ngô": 1.3, "dương": 1.0, "lý": 0.5,
}
# Further family names that article and its list of Vietnamese family names give as
# common, without a share: each gets 0.2 %.
OTHER_FAMILY = (
    "an bạch bế cao châu chu chung đàm đào đinh doãn đoàn đồng giang hà hàn kiều kim la "
    "lạc lại lâm lò lục lương lưu mã mạc mai nghiêm nông phí phó phùng quách quản tạ "
    "tăng thạch thái thân tiêu tô tôn tống trịnh trương từ ứng vi viên vương"
).split()
for _f in OTHER_FAMILY:
    FAMILY.setdefault(_f, 0.2)


# The detector counts letter weights from 60 (detect.rs, LETTER_BASE). A sample of about
# 14 000 syllables measures rare letters poorly (a letter seen once or never would weigh as
# much as a whole word), so each letter's distance from 60 is shrunk by this factor.
LETTER_BASE = 60
HALF = int(os.environ["HALF"]) if "HALF" in os.environ else None
NAME_SHARE = float(os.environ.get("NAME_SHARE", "0.7"))
LETTER_SHRINK = float(os.environ.get("LETTER_SHRINK", "0.5"))


def syllables(text):
    """Lower-case NFC tokens shaped like Vietnamese syllables."""
    text = ud.normalize("NFC", text.replace("\u00d0", "\u0110")).lower()
    for tok in re.split(r"[^\w]+", text):
        if tok and len(tok) <= 7 and all(c in LETTERS for c in tok) and SHAPE.match(tok):
            yield tok


def main():
    seeds, namedb = sys.argv[1], sys.argv[2]
    text = Counter()
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                text.update(syllables(f.read()))
    given = Counter()
    for name in ("boy.txt", "girl.txt"):
        with open(os.path.join(namedb, name), encoding="utf-8") as f:
            for i, line in enumerate(f):
                # HALF=0 or 1 keeps every other name (to measure on the other half).
                if HALF is None or i % 2 == HALF:
                    given.update(syllables(line))
    top_given = given.most_common(1)[0][1]
    given["văn"] = max(given["văn"], top_given)
    given["thị"] = max(given["thị"], top_given)

    n_text = sum(text.values())
    n_given = sum(given.values())
    n_family = sum(FAMILY.values())
    prob = Counter()
    for s, c in text.items():
        prob[s] += (1 - NAME_SHARE) * c / n_text
    # A name: one family syllable and two given syllables.
    for s, c in given.items():
        prob[s] += NAME_SHARE * (2 / 3) * c / n_given
    for s, share in FAMILY.items():
        prob[s] += NAME_SHARE * (1 / 3) * share / n_family
    rows = {}
    for s, p in prob.items():
        z = round(10 * (math.log10(p) + 9))
        # Above the detector's weight for unlisted syllables (20), within u8.
        rows[s] = max(30, min(z, 90))
    items = sorted(rows.items(), key=lambda kv: kv[0].encode())
    # Name syllables alone: what a capitalized word weighs (records' capitalized words
    # are names, and a rare family name must not lose to a common word: Phó / Phú).
    name_prob = Counter()
    for s, c in given.items():
        name_prob[s] += (2 / 3) * c / n_given
    for s, share in FAMILY.items():
        name_prob[s] += (1 / 3) * share / n_family
    names = sorted(((s, max(30, min(round(10 * (math.log10(p) + 9)), 90)))
                    for s, p in name_prob.items()), key=lambda kv: kv[0].encode())

    letter_count = Counter()
    for counter in (text, given):
        for s, c in counter.items():
            for ch in s:
                letter_count[ch] += c
    total = sum(letter_count.values())
    letters = []
    for ch in sorted(c for c in LETTERS if ord(c) > 0x7F):
        n = letter_count.get(ch, 0)
        # Letters the sources never show get the weight of one occurrence in a million.
        z = 10 * (math.log10(max(n / total, 1e-6)) + 9)
        letters.append((ch, round(LETTER_BASE + LETTER_SHRINK * (z - LETTER_BASE))))
    assert len(letters) == 67, len(letters)

    lines = [
        "//! How common each Vietnamese syllable is in official texts and personal names: Zipf",
        "//! value (log10 of occurrences per billion syllables) times 10, for the encoding",
        "//! detector's tie-break in the default build (the `wordfreq` feature replaces it).",
        "//!",
        "//! Sources: Vietnamese administrative documents (not protected by copyright: Law on",
        "//! Intellectual Property 2005, Article 15); given names from vietnamese-namedb",
        "//! (<https://github.com/duyet/vietnamese-namedb>, MIT licence, Copyright (c) 2016",
        "//! Van-Duyet Le); the published shares of the common family names. See",
        "//! docs/syllables.md. Licence of this table: MIT OR Apache-2.0, like vietref.",
        "//!",
        "//! Generated by scripts/gen_syllable_prior.py; do not edit by hand.",
        "// The tables are data: keep rustfmt from reflowing them.",
        "#![cfg_attr(rustfmt, rustfmt_skip)]",
        "",
        "/// (syllable, lower-case NFC; Zipf value × 10), sorted by the syllable's UTF-8 bytes.",
        f"pub(super) static SYLLABLE_ZIPF: [(&str, u8); {len(items)}] = [",
    ]
    row = []
    for w, z in items:
        row.append(f'("{w}", {z}),')
        if len(row) == 8:
            lines.append("    " + " ".join(row))
            row = []
    if row:
        lines.append("    " + " ".join(row))
    lines.append("];")
    lines.append("")
    lines.append("/// (name syllable, lower-case NFC; Zipf value × 10 among name syllables), sorted by bytes.")
    lines.append(f"pub(super) static NAME_ZIPF: [(&str, u8); {len(names)}] = [")
    row = []
    for w, z in names:
        row.append(f'("{w}", {z}),')
        if len(row) == 8:
            lines.append("    " + " ".join(row))
            row = []
    if row:
        lines.append("    " + " ".join(row))
    lines.append("];")
    lines.append("")
    lines.append("/// (non-ASCII lower-case letter; Zipf value × 10 of its share of all letters), by letter.")
    lines.append(f"pub(super) static LETTER_ZIPF: [(char, u8); {len(letters)}] = [")
    row = []
    for c, z in letters:
        row.append(f"('{c}', {z}),")
        if len(row) == 10:
            lines.append("    " + " ".join(row))
            row = []
    if row:
        lines.append("    " + " ".join(row))
    lines.append("];")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(items)} syllables ({n_text} text syllables, {n_given} given-name "
          f"syllables) to {OUT}")


if __name__ == "__main__":
    main()
