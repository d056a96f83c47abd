#!/usr/bin/env python3
"""Writes the hostile and broken inputs of the bad-input suite into a folder.

    python3 Tests/scripts/make_bad_inputs.py OUTDIR [--small]

Every file is generated (deterministically, seeded), never committed. --small leaves out the
largest ones (the 100 MB line), for a quick run. Prints one line per file: name and bytes.
"""
import io
import os
import random
import sys
import zipfile
import zlib
import struct

TEXT = ("Đảng bộ xã Bản Hon có 166 đảng viên sinh hoạt tại 13 chi bộ, trong đó có 9 chi bộ "
        "nông thôn. Năm 2023, thu nhập bình quân đạt 42,5 triệu đồng/người/năm, tăng 3,2 triệu "
        "đồng so với năm 2022; tỷ lệ hộ nghèo giảm còn 12,5%.\n")
UTF8 = TEXT.encode("utf-8")


def with_bad(pieces):
    """Vietnamese text with each bad byte sequence put between sentences and inside a word."""
    out = bytearray()
    for piece in pieces:
        out += UTF8[:40] + piece + UTF8[40:] + piece + b" "
    return bytes(out)


def fill(piece, size):
    """`piece` repeated to at least `size` bytes."""
    return piece * (size // len(piece) + 1)


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([x % 256 for x in range(16 * 3)]) for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf():
    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Dan so 1.234 nguoi) Tj ET")
    return (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n"
            b"4 0 obj\n<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n"
            + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def zipped():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bai-viet.txt", TEXT * 20)
        archive.writestr("trang.html", "<html><body><p>" + TEXT + "</p></body></html>")
    return buffer.getvalue()


def inputs(small):
    rng = random.Random(20261129)
    nested = 100_000
    yield "utf8-overlong.txt", with_bad([b"\xc0\xaf", b"\xc1\xbf", b"\xe0\x80\xaf", b"\xe0\x9f\xbf",
                                         b"\xf0\x80\x80\xaf", b"\xf0\x8f\xbf\xbf", b"\xc0\x80"])
    yield "utf8-surrogates.txt", with_bad([b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xed\xa0\xbd\xed\xb8\x80",
                                           b"\xed\xb0\x80\xed\xa0\x80"])
    yield "utf8-truncated.txt", with_bad([b"\xe1\xba", b"\xc3", b"\xf0\x9f\x98", b"\xe1"]) + b"\xe1\xbb"
    yield "utf8-truncated-end.txt", UTF8 * 3 + b"\xf0\x9f"
    yield "utf8-stray-continuation.txt", with_bad([b"\x80", b"\xbf", b"\x80\x80\x80\x80", b"\xa0\xa1"])
    yield "utf8-fe-ff.txt", with_bad([b"\xfe", b"\xff", b"\xfe\xff", b"\xff\xfe\xfe"])
    yield "utf8-fe-ff-start.txt", b"\xfe\xff" + UTF8 * 3
    yield "utf8-ff-fe-start.txt", b"\xff\xfe" + UTF8 * 3
    yield "utf8-beyond-unicode.txt", with_bad([b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xf7\xbf\xbf\xbf",
                                               b"\xf8\x88\x80\x80\x80", b"\xfc\x84\x80\x80\x80\x80"])
    yield "utf8-noncharacters.txt", with_bad(["\ufffe".encode("utf-8", "surrogatepass"),
                                              "\uffff".encode(), "\U0010ffff".encode(), "\ufdd0".encode()])
    yield "utf8-every-bad-kind.txt", with_bad([bytes([b]) for b in range(0x80, 0x100)])
    yield "utf8-random-high-bytes.txt", UTF8 + bytes(rng.randrange(0x80, 0x100) for _ in range(20_000)) + UTF8
    yield "mixed-utf8-cp1258.txt", UTF8 * 2 + TEXT.encode("cp1258", "replace") * 2 + UTF8
    yield "mixed-utf8-latin1-utf16.txt", (UTF8 + "Hà Nội café".encode("latin-1", "replace")
                                          + TEXT.encode("utf-16-le") + UTF8)
    yield "mixed-utf8-bom-middle.txt", UTF8 + b"\xef\xbb\xbf" + UTF8 + b"\xef\xbb\xbf\xef\xbb\xbf" + UTF8
    yield "mixed-html-meta-lies.html", (b"<html><head><meta charset=\"windows-1258\"></head><body><p>"
                                        + UTF8 + b"</p><p>" + TEXT.encode("cp1258", "replace") + b"</p></body></html>")
    yield "utf16le-no-bom.txt", TEXT.encode("utf-16-le") * 5
    yield "utf16be-bom-odd.txt", b"\xfe\xff" + TEXT.encode("utf-16-be") * 3 + b"\x00"
    yield "utf16-lone-surrogates.txt", b"\xff\xfe" + TEXT.encode("utf-16-le") + b"\x00\xd8\x41\x00\x00\xdc" * 50
    yield "nul-scattered.txt", b"\x00".join(UTF8[i:i + 7] for i in range(0, len(UTF8), 7)) * 3
    yield "nul-only.txt", b"\x00" * 4096
    yield "nul-in-html.html", b"<html><body><p>" + UTF8.replace(b" ", b"\x00 ") + b"</p>\x00</body></html>"
    yield "nul-in-jsonl.jsonl", (b'{"url": "https://a.vn/1", "text": "' + TEXT.strip().encode() + b'\\u0000 x"}\n'
                                 + b'{"url": "https://a.vn/2", "text": "\x00\x00"}\n')
    yield "binary.pdf.txt", pdf()
    yield "binary.png.txt", png()
    yield "binary.zip.txt", zipped()
    yield "binary-gzip.txt", zlib.compress(UTF8 * 50)
    yield "binary-random.txt", rng.randbytes(1 << 20)
    yield "binary-random-small.txt", rng.randbytes(97)
    yield "binary-elf.txt", b"\x7fELF\x02\x01\x01" + bytes(9) + rng.randbytes(4000)
    yield "empty.txt", b""
    yield "empty.html", b""
    yield "whitespace.txt", b" \t\r\n" * 1000
    yield "whitespace-unicode.txt", ("\u00a0\u2003\u3000\u200b\ufeff\n" * 500).encode()
    yield "whitespace-html.html", b"<html><body>   <p> </p><div>\n\n</div></body></html>"
    yield "only-markup.html", b"<html>" + b"<div></div>" * 50_000 + b"</html>"
    yield "nested-100k.html", (b"<html><body>" + b"<div>" * nested + b"<p>" + UTF8 + b"</p>"
                               + b"</div>" * nested + b"</body></html>")
    yield "nested-100k-unclosed.html", b"<html><body>" + b"<div><span>" * nested + UTF8
    yield "nested-100k-mixed.html", b"<html><body>" + b"<table><tr><td><ul><li><b><i>" * (nested // 6) + UTF8
    yield "nested-100k-inline.html", b"<p>" + b"<b>" * nested + UTF8 + b"</b>" * nested + b"</p>"
    yield "unterminated-tag.html", b"<html><body><p>" + UTF8 + b"</p><div class=\"a" + UTF8 * 5000
    yield "unterminated-tag-open.html", b"<html><body><p>" + UTF8 + b"<" + b"a " * 200_000
    yield "unterminated-comment.html", b"<html><body><p>" + UTF8 + b"</p><!-- " + UTF8 * 5000
    yield "unterminated-comment-start.html", b"<!--" + UTF8 * 5000
    yield "unterminated-script.html", b"<html><body><p>" + UTF8 + b"</p><script>var a = '" + UTF8 * 5000
    yield "unterminated-cdata.html", b"<html><body><![CDATA[" + UTF8 * 5000
    yield "unterminated-entities.html", b"<p>" + (b"&#" + b"9" * 50 + b" &amp &#x110000; &#0; &#xD800; &") * 5000
    yield "many-attributes.html", b"<div " + b" ".join(b"a%d=\"%d\"" % (i, i) for i in range(100_000)) + b">" + UTF8
    yield "digits-10000.txt", "Dân số của xã là ".encode() + b"7" * 10_000 + " người.\n".encode() + UTF8
    yield "digits-10000-dotted.txt", ("Tổng thu ngân sách đạt " + ".".join(["123"] * 3_334)
                                      + " đồng, tăng 5%.\n").encode() + UTF8
    yield "digits-10000-decimal.txt", ("Tỷ lệ hộ nghèo còn 1," + "5" * 10_000 + "%; năm "
                                       + "2" * 10_000 + ".\n").encode() + UTF8
    yield "digits-many-numbers.txt", " ".join(str(rng.randrange(10 ** 12)) for _ in range(100_000)).encode()
    yield "syllable-1mb.txt", fill("la ".encode(), 1 << 20)
    yield "syllable-1mb-toned.txt", fill("được ".encode(), 1 << 20)
    yield "syllable-1mb-nospace.txt", fill("nghiêng".encode(), 1 << 20)
    yield "syllable-1mb-lines.txt", fill("xã\n".encode(), 1 << 20)
    yield "combining-100k.txt", ("a" + "\u0301" * 100_000 + " " + TEXT).encode()
    yield "combining-many.txt", ("e\u0302\u0301\u0323\u0309" * 50_000).encode()
    yield "newlines-1m.txt", b"\n" * (1 << 20) + UTF8
    yield "punctuation-1mb.txt", b"." * (1 << 20)
    yield "jsonl-broken.jsonl", (b'{"url": "https://a.vn/1", "text": "' + TEXT.strip().encode() + b'"}\n'
                                 b'{"url": "https://a.vn/2", "html": \n'
                                 b'not json at all \xff\xfe\n'
                                 b'{"url": "https://a.vn/3", "text": 42}\n'
                                 b'[1, 2, 3]\n'
                                 b'{"url": "https://a.vn/4", "html": "<p>' + UTF8.strip().replace(b"\n", b"") + b'"}\n')
    yield "jsonl-nested-arrays.jsonl", b"[" * nested + b"]" * nested + b"\n" + b'{"text": "' + b"x" * 10 + b'"}\n'
    yield "jsonl-nested-html.jsonl", (b'{"url": "https://a.vn/n", "html": "' + b"<div>" * nested
                                      + TEXT.strip().encode() + b'"}\n')
    yield "json-nested-objects.txt", b'{"a":' * nested + b"1" + b"}" * nested
    if not small:
        yield "line-100mb.txt", fill("Lai Châu có nhiều bản đẹp và người dân hiền hòa. ".encode(), 100 << 20)
        yield "line-60mb.txt", fill("Lai Châu có nhiều bản đẹp và người dân hiền hòa. ".encode(), 60 << 20)
        yield "line-60mb.html", (b"<html><body><p>" + fill("Năm 2023 xã có 1.234 hộ nghèo. ".encode(), 60 << 20)
                                 + b"</p></body></html>")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    small = "--small" in sys.argv
    folder = args[0]
    os.makedirs(folder, exist_ok=True)
    for name, data in inputs(small):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        print(f"{name}\t{len(data)}")


if __name__ == "__main__":
    main()
