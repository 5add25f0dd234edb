"""tests/data/legacy.json through the binding: decode, encode, detect, mojibake, names."""

import pytest

from vietref import Alternative, Detection, Encoded, Encoding, Loss, Status, VietrefError, legacy

# "Nguyễn Văn Đức" in TCVN3 (the module's example, as in tests/c/test_legacy.c).
TCVN3_NAME = bytes([0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0xA7, 0xF8, 0x63])


def cases(vectors):
    out = [(c["encoding"], bytes.fromhex(c["hex"]), c["text"]) for c in vectors["cases"]]
    assert len(out) == 10
    return out


def test_decode_vectors(legacy_vectors):
    for name, data, text in cases(legacy_vectors):
        enc = legacy.encoding_from_name(name)
        assert isinstance(enc, Encoding)
        assert legacy.encoding_name(enc) == name
        assert legacy.decode(data, enc) == text
        assert legacy.decode(data, name) == text  # by name
        assert legacy.decode(bytearray(data), name.upper()) == text
        assert legacy.decode_error(data, enc) is None


def test_encode_vectors(legacy_vectors):
    for name, data, text in cases(legacy_vectors):
        e = legacy.encode(text, name)
        assert isinstance(e, Encoded)
        assert e.data == data and bytes(e) == data
        assert e.losses == () and e.lossless
        assert legacy.encode_error(text, name) is None
        # round trip through the library both ways
        assert legacy.decode(legacy.encode(text, name).data, name) == text


def test_detect_vectors(legacy_vectors):
    for name, data, text in cases(legacy_vectors):
        enc = legacy.encoding_from_name(name)
        d = legacy.detect(data)
        assert isinstance(d, Detection)
        assert (d.encoding, d.text) == (enc, text), name
        assert 0 < d.confidence <= 1000
        assert enc not in [a.encoding for a in d.alternatives]
        fits = [a.fit for a in d.alternatives]
        assert fits == sorted(fits, reverse=True) and all(0 <= f <= 1000 for f in fits)
        declared = legacy.detect(data, enc)
        assert (declared.encoding, declared.text, declared.ambiguous) == (enc, text, False)


def test_mojibake_vectors(legacy_vectors):
    moji = legacy_vectors["mojibake"]
    assert len(moji) == 4
    for c in moji:
        assert legacy.encoding_from_name(c["encoding"]) is Encoding.UTF8_AS_CP1252
        assert legacy.repair_mojibake(c["input"]) == c["text"]
        assert legacy.decode(c["input"].encode("utf-8"), c["encoding"]) == c["text"]
        d = legacy.detect(c["input"].encode("utf-8"))
        assert (d.encoding, d.text) == (Encoding.UTF8_AS_CP1252, c["text"])
    assert legacy.repair_mojibake("Nguyễn") is None
    assert legacy.repair_mojibake("Liège") is None
    assert legacy.repair_mojibake("ASCII") is None


def test_decode_examples():
    assert legacy.decode(TCVN3_NAME, Encoding.TCVN3) == "Nguyễn Văn Đức"
    assert legacy.decode(b"Nguye\xcc\x82\xcc\x83n", Encoding.UTF8) == "Nguyễn"  # composed to NFC
    assert legacy.decode(b"a\x00b", Encoding.UTF8) == "a\x00b"  # NUL is a byte like any other
    assert legacy.decode(b"", Encoding.VNI) == ""
    assert legacy.decode(b"\xef\xbb\xbf\xc4\x90", Encoding.UTF8) == "Đ"  # BOM dropped


@pytest.mark.parametrize(
    "data,encoding,status,info",
    [
        (
            b"N\x81",
            Encoding.CP1258,
            Status.LEGACY_UNDEFINED_BYTE,
            {
                "kind": "undefined_byte",
                "offset": 1,
                "line": 1,
                "byte": 129,
                "message": "byte 0x81 at offset 1 (line 1) is not defined in Windows-1258",
            },
        ),
        (
            b"ab\nc\x81",
            Encoding.CP1258,
            Status.LEGACY_UNDEFINED_BYTE,
            {
                "kind": "undefined_byte",
                "offset": 4,
                "line": 2,
                "byte": 129,
                "message": "byte 0x81 at offset 4 (line 2) is not defined in Windows-1258",
            },
        ),
        (
            b"a\xff",
            Encoding.UTF8,
            Status.LEGACY_INVALID_UTF8,
            {
                "kind": "invalid_utf8",
                "offset": 1,
                "line": 1,
                "byte": 255,
                "message": "byte 0xFF at offset 1 (line 1) is not valid UTF-8",
            },
        ),
        (b"L\xea", Encoding.VIQR, Status.LEGACY_NOT_SEVEN_BIT, None),
        (b"Nguy\xe1\xbb\x85n", Encoding.UTF8_AS_CP1252, Status.LEGACY_NOT_MOJIBAKE, None),
    ],
)
def test_decode_refusals(data, encoding, status, info):
    with pytest.raises(VietrefError) as e:
        legacy.decode(data, encoding)
    err = e.value
    assert err.status is status
    assert err.status_name == "VIETREF_" + status.name
    assert err.info == legacy.decode_error(data, encoding)
    assert err.info["kind"] == status.name[len("LEGACY_") :].lower()
    assert err.detail == err.info["message"] and err.detail in str(err)
    assert err.detail_vi is None  # the library has no Vietnamese wording for the details
    if info is not None:
        assert err.info == info


def test_encode_tcvn3_capitals():
    with pytest.raises(VietrefError) as e:
        legacy.encode("ÔNG ỐNG", Encoding.TCVN3)
    err = e.value
    assert err.status is Status.LEGACY_TCVN3_CAPITAL
    assert err.message_vi == "TCVN3 không có chữ hoa mang dấu thanh"
    info = err.info
    assert (info["kind"], info["character"], info["codePoint"], info["position"], info["line"]) == (
        "tcvn3_capital",
        "Ố",
        7888,
        5,
        1,
    )
    assert legacy.encode_error("ÔNG ỐNG", Encoding.TCVN3) == info
    assert legacy.encode_error("ÔNG ỐNG", Encoding.TCVN3, lossy=True) is None
    e = legacy.encode("ỐNG", Encoding.TCVN3, lossy=True)
    assert e.data == b"\xe8NG"
    assert e.losses == (Loss(position=1, character="Ố", written="ố"),)
    assert not e.lossless
    e = legacy.encode("Nguyễn Văn Đức", "abc")
    assert e.data == TCVN3_NAME and e.losses == ()


def test_encode_other():
    assert legacy.encode("Đức", Encoding.VISCII).data == b"\xd0\xd1c"
    assert legacy.encode("Đức", Encoding.VIQR).data == b"DDu+'c"
    assert legacy.encode("a\x00b", Encoding.UTF8).data == b"a\x00b"
    assert legacy.encode("", Encoding.VNI).data == b""
    with pytest.raises(VietrefError) as e:
        legacy.encode("Giá\n5Ж", Encoding.VNI)
    assert e.value.status is Status.LEGACY_UNENCODABLE
    assert e.value.info == {
        "kind": "unencodable",
        "character": "Ж",
        "codePoint": 1046,
        "position": 6,
        "line": 2,
        "message": "'Ж' (U+0416) at character 6 (line 2) cannot be written in VNI-Win",
    }
    assert e.value.detail == e.value.info["message"]


def test_detect():
    d = legacy.detect(b"Nguye\xe3n Va\xean \xd1\xf6\xf9c")
    assert (d.encoding, d.text, d.ambiguous) == (Encoding.VNI, "Nguyễn Văn Đức", False)
    assert 500 < d.confidence <= 1000
    d = legacy.detect(TCVN3_NAME)
    assert (d.encoding, d.text, d.ambiguous) == (Encoding.TCVN3, "Nguyễn Văn Đức", False)
    # 70 68 ED is "phí" in four encodings, "phớ" in TCVN3: ambiguous
    d = legacy.detect(b"\x70\x68\xed")
    assert d.ambiguous
    assert len(d.alternatives) >= 4
    assert all(isinstance(a, Alternative) for a in d.alternatives)
    assert d.encoding is Encoding.TCVN3 or Encoding.TCVN3 in [a.encoding for a in d.alternatives]
    d = legacy.detect(b"\x70\x68\xed", Encoding.CP1258)
    assert (d.encoding, d.text, d.ambiguous) == (Encoding.CP1258, "phí", False)
    d = legacy.detect(b"\x70\x68\xed", "windows-1258")
    assert d.encoding is Encoding.CP1258
    # a declaration that cannot decode the bytes is overridden
    d = legacy.detect(b"Ph\xa9m", Encoding.CP1258)
    assert (d.encoding, d.text) == (Encoding.TCVN3, "Phâm")
    assert legacy.detect(b"Hello").confidence == 1000
    d = legacy.detect(b"\xef\xbb\xbfPh\xc3\xad")
    assert (d.encoding, d.text, d.confidence, d.alternatives) == (Encoding.UTF8, "Phí", 1000, ())
    assert legacy.detect(b"").text == ""


def test_names():
    assert legacy.encoding_name(Encoding.UTF8) == "utf8"
    assert legacy.encoding_name(Encoding.TCVN3) == "tcvn3"
    assert legacy.encoding_name(Encoding.CP1258) == "cp1258"
    assert legacy.encoding_name(7) == "utf8-as-cp1252"
    for e in Encoding:
        assert legacy.encoding_from_name(legacy.encoding_name(e)) is e
    assert legacy.encoding_from_name("ABC") is Encoding.TCVN3
    assert legacy.encoding_from_name("windows-1258") is Encoding.CP1258
    assert legacy.encoding_from_name("mojibake") is Encoding.UTF8_AS_CP1252
    assert legacy.encoding_from_name("latin1") is None
    assert legacy.encoding_from_name("") is None
    with pytest.raises(ValueError):
        legacy.encoding_name(8)


def test_argument_errors():
    for call in (
        lambda: legacy.decode(b"a", 8),
        lambda: legacy.decode_error(b"a", 8),
        lambda: legacy.encode("a", 9),
        lambda: legacy.encode_error("a", 9),
        lambda: legacy.detect(b"a", 8),
    ):
        with pytest.raises(VietrefError) as e:
            call()
        assert e.value.status is Status.INVALID_ARGUMENT
        assert e.value.info is None
    for call in (
        lambda: legacy.decode(b"a", "latin1"),
        lambda: legacy.encode("a", "nope"),
        lambda: legacy.detect(b"a", "x"),
        lambda: legacy.decode(b"a", -1),
        lambda: legacy.decode(b"a", 1 << 32),
    ):
        with pytest.raises(ValueError):
            call()
    with pytest.raises(TypeError):
        legacy.decode("Nguyễn", Encoding.UTF8)  # str has no bytes: encode it first
    with pytest.raises(TypeError):
        legacy.detect("abc")
    with pytest.raises(TypeError):
        legacy.decode(b"a", 1.0)
