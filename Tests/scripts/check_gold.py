#!/usr/bin/env python3
"""Validate gold samples (article + NAME.gold.json) against the rules of
../shared/spec/SAMPLES.md.

Usage: python3 Tests/scripts/check_gold.py [DIR...]   (default: corpus/articles)

For every NAME.gold.json in each DIR it checks that
  * the article NAME.txt or NAME.html exists and decodes (UTF-8 with or
    without BOM, UTF-16 with BOM; any other encoding — Windows-1258, TCVN3,
    VNI — through `vnx normalize` when a built vnx is found ($VNX or .build/),
    else as Windows-1258);
  * the JSON parses, schema is "vnx.gold/1", keys and types are the known ones;
  * every text in the gold is NFC;
  * meta.published looks like YYYY-MM-DD or YYYY-MM-DDTHH:MM;
  * every entity/indicator text occurs in the article body (title .. end of
    body, boilerplate excluded), compared as the scorer does (NFC, one tone
    style, lowercase, collapsed whitespace); an indicator text that occurs
    k times in the gold must occur at least k times in the body, counting a
    photo caption repeated on consecutive lines once;
  * entities are a set (no duplicate (type, key));
  * date values are ISO as precise as written and agree with the text;
  * (warning) an indicator's "about" is a phrase of the article body;
  * indicator value / value_max / total / qualifier / trend agree with what
    the text says (numbers parsed with Vietnamese separators and scale words).
Exit status 1 when any error is found.
"""
import html
import json
import os
import re
import subprocess
import sys
import unicodedata

ENTITY_TYPES = {"person", "cell", "village", "commune", "district", "province",
                "organization", "document", "date"}
ENTITY_ATTRS = {"person": {"role"}, "cell": {"village"}, "village": {"kind"},
                "commune": {"kind"}, "district": {"kind"}, "province": {"kind"},
                "organization": set(), "document": {"kind", "date"},
                "date": {"value"}}
INDICATOR_KEYS = {"text", "value", "unit", "value_max", "total", "qualifier",
                  "trend", "about"}

# ---------------------------------------------------------------- text keys

_OLD_TONE = {}


def _build_tone_maps():
    # Map the "old" tone placement (hoà, thuỷ) to the "new" one (hòa, thủy):
    # on the open syllables oa, oe, uy the old style puts the mark on the
    # second vowel.
    marks = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    pairs = [("o", "a"), ("o", "e"), ("u", "y")]
    for first, second in pairs:
        for m in marks:
            for f, s in ((first, second), (first.upper(), second),
                         (first.upper(), second.upper())):
                old = unicodedata.normalize("NFC", f + s + m)
                new = unicodedata.normalize("NFC", f + m + s)
                _OLD_TONE[old] = new


_build_tone_maps()
_OLD_RE = re.compile("(?<![qQ])(" + "|".join(sorted(_OLD_TONE, key=len, reverse=True)) + r")(?![\w])")


def key(s):
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u2019", "'").replace("\u02bc", "'")
    s = _OLD_RE.sub(lambda m: _OLD_TONE[m.group(1)], s)
    s = s.lower()
    return " ".join(s.split())


# ---------------------------------------------------------------- decoding

def vnx_binary():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for candidate in (os.environ.get("VNX"), os.path.join(root, ".build/release/vnx"),
                      os.path.join(root, ".build/debug/vnx")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def decode(raw, path=None):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le")
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        vnx = vnx_binary()
        if vnx and path:
            return subprocess.run([vnx, "normalize", path], check=True,
                                  capture_output=True).stdout.decode("utf-8")
        return raw.decode("cp1258")


def html_to_text(s):
    s = re.sub(r"(?is)<head\b.*?</head>", " ", s)
    s = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", " ", s)
    s = re.sub(r"(?is)<!--.*?-->", " ", s)
    s = re.sub(r"(?i)<br\s*/?>", "\n", s)
    s = re.sub(r"(?i)</?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|"
               r"header|footer|nav|aside|figure|figcaption|main|span class=\"date)[^>]*>", "\n", s)
    s = re.sub(r"(?s)<[^>]+>", " ", s)
    s = html.unescape(s)
    lines = [" ".join(line.split()) for line in s.split("\n")]
    return "\n".join(line for line in lines if line)


END_MARKERS = [
    "tác giả bài viết:", "tác giả:", "tổng số điểm của bài viết", "click để đánh giá",
    "tin cùng chuyên mục", "các tin khác", "tin liên quan", "bài viết liên quan",
    "tags:", "từ khóa:", "từ khoá:", "ý kiến bạn đọc", "chia sẻ:", "chia sẻ ",
    "bình luận (", "những tin mới hơn", "những tin cũ hơn", "tin mới", "tin đã đưa",
    "các tin đã đưa", "in trang", "in bài", "gửi bình luận",
    "đánh giá bài viết", "bình chọn:", "tin khác", "xem thêm",
]


def article_body(text, title):
    """Return the article part of a page: from the title line to the first
    boilerplate line after the body."""
    lines = text.split("\n")
    tkey = key(title) if title else None
    start = 0
    if tkey:
        for i, line in enumerate(lines):
            if key(line) == tkey or (len(tkey) > 20 and key(line).startswith(tkey)):
                start = i
                break
        else:
            return None
    end = len(lines)
    first_par = start + 1
    while first_par < len(lines) and len(lines[first_par]) < 120:
        first_par += 1
    for i in range(first_par, len(lines)):
        k = key(lines[i])
        if any(k.startswith(m) for m in END_MARKERS):
            end = i
            break
    body = lines[start:end]
    # A caption repeated on the next line counts once.
    out = []
    last = None
    for line in body:
        if not line.strip():
            out.append(line)
            continue
        if last is not None and key(line) == key(last):
            continue
        out.append(line)
        last = line
    return "\n".join(out)


# ---------------------------------------------------------------- numbers

QUALIFIERS = [
    ("chưa đến", "under"), ("chưa tới", "under"), ("dưới", "under"),
    ("xấp xỉ", "approx"), ("ước đạt", "approx"), ("ước tính", "approx"),
    ("ước khoảng", "approx"), ("khoảng", "approx"), ("gần", "approx"),
    ("chừng", "approx"), ("ước", "approx"),
    ("trên", "over"), ("hơn", "over"), ("vượt", "over"), ("ngoài", "over"),
]
TRENDS = [("tăng thêm", "increase"), ("tăng", "increase"), ("giảm", "decrease")]
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
DIGITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
          "năm": 5, "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8,
          "chín": 9}
NUM_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\s?\d+)?|\d+(?:,\s?\d+)?")


def parse_number(s):
    s = s.replace(" ", "")
    if "," in s:
        ip, fp = s.split(",", 1)
    else:
        ip, fp = s, ""
    ip = ip.replace(".", "")
    return float(ip + ("." + fp if fp else ""))


def parse_spelled(words):
    """Read a spelled-out Vietnamese number at the start of words.
    Returns (value, n_words) or (None, 0)."""
    total, cur, n = 0, None, 0
    i = 0
    while i < len(words):
        w = words[i]
        if w in DIGITS and not (w == "năm" and cur is None and i == 0 and False):
            d = DIGITS[w]
            if cur is None:
                cur = d
            elif cur % 10 == 0 and cur >= 10:
                cur += d
            else:
                break
        elif w == "mười":
            cur = (cur or 0) + 10 if cur is None else cur + 10
        elif w == "mươi":
            if cur is None:
                break
            cur *= 10
        elif w == "trăm":
            cur = (cur or 1) * 100
        elif w in ("nghìn", "ngàn"):
            total += (cur or 1) * 1000
            cur = None
        else:
            break
        i += 1
        n = i
    if n == 0:
        return None, 0
    return total + (cur or 0), n


def _scaled(rest):
    """rest starts right after a number: fold scale words ("1,2 nghìn tỷ");
    return (factor, rest)."""
    f = 1
    while True:
        m = re.match(r"\s*(nghìn|ngàn|vạn|triệu|tỷ|tỉ)(?!\w)\s*", rest)
        if not m:
            return f, rest
        f *= SCALES[m.group(1)]
        rest = rest[m.end():]


def parse_indicator(text):
    """Parse an indicator span. Returns dict with value, value_max, total,
    qualifier, trend, unit (best effort) or None when no number is found."""
    t = " ".join(unicodedata.normalize("NFC", text).split())
    low = t.lower()
    out = {}
    changed = True
    while changed:
        changed = False
        for w, q in TRENDS:
            if low.startswith(w + " "):
                out["trend"] = q
                low = low[len(w) + 1:]
                changed = True
                break
        for w, q in QUALIFIERS:
            if low.startswith(w + " "):
                out["qualifier"] = q
                low = low[len(w) + 1:]
                changed = True
                break
        if low.startswith("đạt "):
            low = low[4:]
            changed = True
    rng = False
    if low.startswith("từ "):
        low = low[3:]
        rng = True
    m = NUM_RE.match(low)
    if m:
        v = parse_number(m.group(0))
        rest = low[m.end():]
    else:
        words = low.split()
        v, n = parse_spelled(words)
        if v is None:
            return None
        rest = " " + " ".join(words[n:])
    # share 13/13
    ms = re.match(r"/(\d+)", rest)
    if ms:
        out["total"] = float(ms.group(1))
        rest = rest[ms.end():]
    # range
    mr = re.match(r"\s*(?:-|–|đến|tới)\s*(" + NUM_RE.pattern + r")", rest)
    vmax = None
    if mr:
        vmax = parse_number(mr.group(1))
        rest = rest[mr.end():]
    f, rest = _scaled(rest)
    if vmax is None:
        # "từ 500.000 đồng đến 1 triệu đồng": unit repeated on both ends
        m2 = re.match(r"\s*(.*?)\s+(?:đến|tới|-|–)\s+(" + NUM_RE.pattern + r")(.*)$", rest)
        if m2:
            f2, rest2 = _scaled(m2.group(3))
            if rest2.strip() == m2.group(1).strip():
                out["value_max"] = parse_number(m2.group(2)) * f2
                rest = " " + rest2
    v *= f
    if vmax is not None:
        vmax *= f
        out["value_max"] = vmax
    out["value"] = v
    out["unit"] = rest.strip()
    return out


# ---------------------------------------------------------------- dates

def parse_date(text):
    t = text.lower().strip()
    m = re.fullmatch(r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})", t)
    if m:
        d, mo, y = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = re.fullmatch(r"(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", t)
    if m:
        d, mo, y = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = re.fullmatch(r"(\d{1,2})\s*tháng\s*(\d{1,2})", t)
    if m:
        d, mo = map(int, m.groups())
        return f"--{mo:02d}-{d:02d}"
    m = re.fullmatch(r"tháng\s*(\d{1,2})\s*(?:/|-|năm)\s*(\d{4})", t)
    if m:
        mo, y = map(int, m.groups())
        return f"{y:04d}-{mo:02d}"
    m = re.fullmatch(r"(\d{1,2})\s*[/\-]\s*(\d{1,2})", t)
    if m:
        d, mo = map(int, m.groups())
        return f"--{mo:02d}-{d:02d}"
    return None


# ---------------------------------------------------------------- checking

def count_occurrences(hay, needle):
    if not needle:
        return 0
    n, i = 0, 0
    while True:
        j = hay.find(needle, i)
        if j < 0:
            return n
        # whole-word-ish: do not start inside a word or a number
        before = hay[j - 1] if j > 0 else " "
        after = hay[j + len(needle)] if j + len(needle) < len(hay) else " "
        if not (before.isalnum() or (before in ".," and j > 1 and hay[j - 2].isdigit())) \
                and not (after.isalnum() and needle[-1].isalnum()):
            n += 1
        i = j + 1


def is_nfc(s):
    return unicodedata.normalize("NFC", s) == s


def walk_strings(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for k, v in o.items():
            yield k
            yield from walk_strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from walk_strings(v)


def close(a, b):
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1)


def check_sample(gold_path):
    errors = []
    warnings = []
    base = gold_path[: -len(".gold.json")]
    art = None
    for ext in (".txt", ".html", ".htm"):
        if os.path.exists(base + ext):
            art = base + ext
            break
    if art is None:
        return [f"no article file for {gold_path}"], []
    try:
        raw = open(gold_path, "rb").read()
        g = json.loads(raw.decode("utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"gold does not parse: {e}"], []
    if g.get("schema") != "vnx.gold/1":
        errors.append("schema is not vnx.gold/1")
    for s in walk_strings(g):
        if not is_nfc(s):
            errors.append(f"text not NFC: {s!r}")
    if not isinstance(g.get("entities"), list) or not isinstance(g.get("indicators"), list):
        errors.append("entities and indicators must be lists")
        return errors, warnings
    meta = g.get("meta", {})
    pub = meta.get("published")
    if pub is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", pub):
        errors.append(f"published not YYYY-MM-DD[THH:MM]: {pub}")
    try:
        text = decode(open(art, "rb").read(), art)
    except Exception as e:  # noqa: BLE001
        return errors + [f"article does not decode: {e}"], warnings
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    if art.endswith((".html", ".htm")):
        page = html_to_text(text)
    else:
        page = text
    body = article_body(page, meta.get("title"))
    if body is None:
        errors.append(f"title not found as a line of the page: {meta.get('title')!r}")
        body = page
    bkey = key(body)
    if meta.get("published") and len(meta["published"]) >= 10:
        y, mo, d = meta["published"][:10].split("-")
        pats = [f"{d}/{mo}/{y}", f"{int(d)}/{int(mo)}/{y}", f"{d}-{mo}-{y}", f"{y}-{mo}-{d}"]
        if not any(p in text for p in pats):
            warnings.append(f"published date {meta['published']} not visible on page")
        if len(meta["published"]) == 16 and meta["published"][11:] not in text:
            warnings.append(f"published time {meta['published'][11:]} not visible on page")
    if meta.get("author") and key(meta["author"]) not in key(page):
        errors.append(f"author not on page: {meta['author']}")

    seen = set()
    for e in g["entities"]:
        t = e.get("type")
        if t not in ENTITY_TYPES:
            errors.append(f"unknown entity type {t}")
            continue
        extra = set(e) - {"type", "text"} - ENTITY_ATTRS[t]
        if extra:
            errors.append(f"unknown attributes {extra} on {e}")
        k = (t, key(e.get("text", "")))
        if k in seen:
            errors.append(f"duplicate entity {k}")
        seen.add(k)
        if key(e["text"]) not in bkey:
            errors.append(f"entity text not in article body: {t} {e['text']!r}")
        if t == "date":
            pv = parse_date(e["text"])
            if pv != e.get("value"):
                errors.append(f"date value {e.get('value')} != parsed {pv} for {e['text']!r}")
        if t == "document" and e.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"]):
            errors.append(f"document date not ISO: {e}")
        if t in ("village", "commune", "district", "province") and not e.get("kind"):
            warnings.append(f"{t} without kind: {e['text']}")
    # indicators
    need = {}
    for ind in g["indicators"]:
        extra = set(ind) - INDICATOR_KEYS
        if extra:
            errors.append(f"unknown indicator keys {extra}")
        for req in ("text", "value", "unit"):
            if req not in ind:
                errors.append(f"indicator without {req}: {ind}")
        if "text" not in ind:
            continue
        kt = key(ind["text"])
        need[kt] = need.get(kt, 0) + 1
        if ind.get("unit") != ind.get("unit", "").lower():
            errors.append(f"unit not lowercase: {ind}")
        if ind.get("qualifier") not in (None, "over", "under", "approx"):
            errors.append(f"bad qualifier {ind}")
        if ind.get("trend") not in (None, "increase", "decrease"):
            errors.append(f"bad trend {ind}")
        if ind.get("about") and key(ind["about"]) not in bkey:
            warnings.append(f"about is not a phrase of the article: {ind['about']!r} ({ind['text']!r})")
        p = parse_indicator(ind["text"])
        if p is None:
            warnings.append(f"cannot parse indicator text {ind['text']!r}")
            continue
        if not close(p["value"], float(ind["value"])):
            errors.append(f"value {ind['value']} != parsed {p['value']} in {ind['text']!r}")
        if ("value_max" in p) != ("value_max" in ind) or (
                "value_max" in p and not close(p["value_max"], float(ind["value_max"]))):
            errors.append(f"value_max mismatch in {ind['text']!r}: {ind.get('value_max')} vs {p.get('value_max')}")
        if ("total" in p) != ("total" in ind) or ("total" in p and not close(p["total"], float(ind["total"]))):
            errors.append(f"total mismatch in {ind['text']!r}")
        if p.get("qualifier") != ind.get("qualifier"):
            errors.append(f"qualifier mismatch in {ind['text']!r}: {ind.get('qualifier')} vs {p.get('qualifier')}")
        if p.get("trend") != ind.get("trend") and p.get("trend") is not None:
            errors.append(f"trend mismatch in {ind['text']!r}")
        if ind.get("trend") and not p.get("trend"):
            warnings.append(f"trend {ind['trend']} not stated in span {ind['text']!r}")
        pu = p["unit"]
        gu = ind.get("unit", "")
        if not (pu == gu or pu.startswith(gu) or gu.startswith(pu) or key(pu).startswith(key(gu))):
            warnings.append(f"unit {gu!r} vs text remainder {pu!r}")
    for kt, n in need.items():
        have = count_occurrences(bkey, kt)
        if have < n:
            errors.append(f"indicator {kt!r} occurs {have}x in body, gold has {n}")
    return errors, warnings


def main(argv):
    dirs = argv[1:] or [os.path.join(os.path.dirname(__file__), "..", "..", "corpus", "articles")]
    quiet = False
    if "-q" in dirs:
        dirs.remove("-q")
        quiet = True
    n_err = n = 0
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".gold.json"):
                continue
            n += 1
            errs, warns = check_sample(os.path.join(d, name))
            if errs or (warns and not quiet):
                print(f"== {name}")
            for e in errs:
                print(f"  ERROR {e}")
            if not quiet:
                for w in warns:
                    print(f"  warn  {w}")
            n_err += len(errs)
    print(f"{n} samples checked, {n_err} errors")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
