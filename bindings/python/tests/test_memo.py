"""Memo rendering, extraction and parsing; messages with schemes; VietQR from a message.

Expected memos are those of tests/c/test_memo.c (worked out by hand from the template)."""

import json

import pytest

from vietref import (
    Candidate,
    Channel,
    MemoList,
    MemoReport,
    Message,
    RefKind,
    Status,
    VietQr,
    VietrefError,
    memo,
    vietqr,
)

TUITION_JSON = json.dumps(
    {
        "sector": "education",
        "payerName": "Nguyễn Văn An",
        "beneficiaryName": "Nguyễn Thị Bình",
        "reason": "Học phí học kỳ 1",
        "invoice": "HP7184097674",
        "amount": 1250000,
    },
    ensure_ascii=False,
)
FULL_MEMO = "HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN"
ALL = ["invoice", "reason", "beneficiaryName", "payerName"]


@pytest.fixture
def tuition():
    with Message.from_json(TUITION_JSON) as m:
        yield m


def codes(report):
    return [f.code for f in report]


def test_render_vietqr_purpose(tuition):
    with memo.render(tuition, "HP:8", channel=Channel.VIETQR) as r:
        assert isinstance(r, MemoReport)
        assert r.valid
        assert codes(r) == [605, 604, 603, 603]
        assert r.text == "HP7184097674 HOC PHI HOC"
        assert r.included == ["invoice", "reason"]
        assert r.omitted == ["beneficiaryName", "payerName"]
        assert r.clipped == ["reason"]
        assert r.fields(MemoList.OMITTED) == r.omitted
        assert r.cleaned == {
            "channel": "vietqr",
            "budget": 25,
            "text": "HP7184097674 HOC PHI HOC",
            "included": ["invoice", "reason"],
            "omitted": ["beneficiaryName", "payerName"],
            "clipped": ["reason"],
        }


@pytest.mark.parametrize(
    "channel,budget,text,want_codes,included,omitted,clipped",
    [
        (Channel.TRANSFER, 0, FULL_MEMO, [605, 605, 605], ALL, [], []),
        (
            Channel.TRANSFER,
            40,
            "HP7184097674 HOC PHI HOC KY 1 HS NGUYEN",
            [605, 605, 604, 603],
            ["invoice", "reason", "beneficiaryName"],
            ["payerName"],
            ["beneficiaryName"],
        ),
        (Channel.POS, 0, "HP7184097674", [607, 607, 607], ["invoice"], ALL[1:], []),
        (Channel.VIETQR_BILL, 0, "HP7184097674", None, ["invoice"], None, None),
        (Channel.MOBILE_MONEY, 0, "HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH", None, None, None, None),
    ],
)
def test_render_channels(tuition, channel, budget, text, want_codes, included, omitted, clipped):
    with memo.render(tuition, channel=channel, budget=budget) as r:
        assert r.valid
        assert r.text == text
        if want_codes is not None:
            assert codes(r) == want_codes
        if included is not None:
            assert r.included == included
        if omitted is not None:
            assert r.omitted == omitted
        if clipped is not None:
            assert r.clipped == clipped


def test_render_iso20022(tuition):
    with memo.render(tuition, channel=Channel.ISO20022) as r:
        c = r.cleaned
        assert c["xml"] == f"<RmtInf><Ustrd>{FULL_MEMO}</Ustrd></RmtInf>"
        assert "creditorReference" not in c
    m = Message.from_json(
        '{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"RF18 5390 0754 7034"}'
    )
    with m, memo.render(m, channel=Channel.ISO20022) as r:
        assert r.cleaned["creditorReference"] == "RF18539007547034"
        assert (
            "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>"
            "<Ref>RF18539007547034</Ref></CdtrRefInf></Strd>"
        ) in r.cleaned["xml"]


def test_render_refusals():
    # a 30-character code does not fit 25 characters: memo.invoice_too_long (600)
    m = Message.from_json(
        '{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí",'
        '"invoice":"ABCDEFGHJKMNPQRSTUVWXYZ1234567"}'
    )
    with m, memo.render(m, channel=Channel.VIETQR) as r:
        assert not r.valid
        assert r.findings[0].code == 600
        assert r.text is None and r.cleaned is None
        assert r.included is None and r.omitted is None and r.clipped is None
    # an invalid message: its own findings only (education without beneficiary, 300)
    m = Message.from_json('{"sector":"education","payerName":"An","reason":"Học phí","invoice":"HP1"}')
    with m, memo.render(m, channel=Channel.TRANSFER) as r:
        assert codes(r) == [300] and not r.valid
    with Message.from_json(TUITION_JSON) as m:
        for bad in (0, 7):
            with pytest.raises(VietrefError) as e:
                memo.render(m, channel=bad)
            assert e.value.status is Status.INVALID_ARGUMENT
        with pytest.raises(VietrefError) as e:
            memo.render(m, "HP", channel=Channel.POS)
        assert e.value.status is Status.REF_SCHEMES_INVALID
        with memo.render(m, channel=Channel.POS) as r:
            with pytest.raises(VietrefError) as e:
                r.fields(4)
            assert e.value.status is Status.INVALID_ARGUMENT
        with pytest.raises(ValueError):
            memo.render(m, channel=Channel.POS, budget=-1)
    with pytest.raises(TypeError):
        memo.render(None, channel=Channel.POS)
    with pytest.raises(TypeError):
        memo.render(TUITION_JSON, channel=Channel.POS)


def test_render_custom(tuition):
    with memo.render_custom(tuition, name="mybank", charset="A-Z0-9 ", budget=30) as r:
        assert isinstance(r, MemoReport) and r.valid
        assert r.text == "HP7184097674 HOC PHI HOC KY 1"
        assert len(r.text) <= 30 and r.text == r.text.upper()
        assert set(r.text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
        assert r.included == ["invoice", "reason"]
        assert r.omitted == ["beneficiaryName", "payerName"]
        assert r.clipped == []
        assert r.cleaned["channel"] == "mybank" and r.cleaned["budget"] == 30
    with memo.render_custom(tuition, "HP:8", name="wide", charset="A-Za-z0-9 .", budget=200) as r:
        assert r.text == FULL_MEMO and r.included == ALL
    with memo.render_custom(tuition, name="bill", charset="A-Z0-9", budget=30, reference_only=True) as r:
        assert r.valid and r.text == "HP7184097674"
        assert r.included == ["invoice"] and r.omitted == ALL[1:]
        assert codes(r) == [607, 607, 607]
    # the same budget as a built-in channel gives the same text
    with memo.render_custom(tuition, name="like-vietqr", charset="A-Z0-9 ", budget=25) as c, memo.render(tuition, channel=Channel.VIETQR) as v:
        assert c.text == v.text == "HP7184097674 HOC PHI HOC"


def test_render_custom_refusals(tuition):
    # a set without the code's letters, a budget shorter than the code: reports with errors
    with memo.render_custom(tuition, name="lower", charset="a-z ", budget=30) as r:
        assert not r.valid and r.text is None and r.included is None
        assert "memo.invoice_charset" in [f.key for f in r.errors]
    with memo.render_custom(tuition, name="short", charset="A-Z0-9", budget=5) as r:
        assert not r.valid and r.findings[0].key == "memo.invoice_too_long"
    # bad arguments
    for name, charset, budget in [("x", "", 30), ("x", "A-Z", 0), ("", "A-Z", 30), ("x", "Z-A", 30), ("x", "A-Zđ", 30)]:
        with pytest.raises(VietrefError) as e:
            memo.render_custom(tuition, name=name, charset=charset, budget=budget)
        assert e.value.status is Status.INVALID_ARGUMENT, (name, charset, budget)
        assert e.value.context == "memo.render_custom"
    with pytest.raises(VietrefError) as e:
        memo.render_custom(tuition, "HP", name="x", charset="A-Z0-9", budget=30)
    assert e.value.status is Status.REF_SCHEMES_INVALID
    with pytest.raises(ValueError):
        memo.render_custom(tuition, name="x", charset="A-Z", budget=-1)
    with pytest.raises(TypeError):
        memo.render_custom(None, name="x", charset="A-Z", budget=30)
    with pytest.raises(TypeError):
        memo.render_custom(tuition, name=None, charset="A-Z", budget=30)
    with pytest.raises(TypeError):
        memo.render_custom(tuition, name="x", charset=None, budget=30)


def test_round_trip_render_extract_parse(reference_vectors):
    """Render each vector code's memo, find the code back in what a bank delivers."""
    for c in reference_vectors["payment_codes"]:
        schemes = {c["prefix"]: len(c["body"])}
        m = Message(
            sector="health",
            payer_name="Trần Thị Mai",
            reason="Viện phí đợt 2",
            invoice=c["code"].lower(),  # a payment code in another written form
            amount=500_000,
        )
        with m, memo.render(m, schemes, channel=Channel.TRANSFER) as r:
            assert r.valid, [f.key for f in r]
            text = r.text
            assert text.startswith(c["code"] + " ")
            delivered = "MBVCB.2427229823.174242." + text + ".CT tu 1027236393"
            found = memo.extract(delivered, schemes)
            assert found.codes == [c["code"]]
            cand = found[0]
            assert cand.kind is RefKind.CODE
            assert cand.matched(delivered) == c["code"]
            assert delivered.encode()[cand.start : cand.end].decode() == c["code"]
            parsed = memo.parse(text, schemes)
            assert parsed.invoice == Candidate(c["code"], RefKind.CODE, 0, len(c["code"]))
            assert parsed.reason == "VIEN PHI DOT 2"
            assert parsed.payer == "TRAN THI MAI"
            assert parsed.beneficiary is None


def test_extract_spans_and_json():
    line = "CT DEN:0123 MBVCB.456 hp 7184 0976 74 NGUYEN VAN AN; TT RF18 5390 0754 7034 GD 9"
    found = memo.extract(line, "HP:8")
    hp, rf = line.index("hp 7184"), line.index("RF18")
    assert list(found) == [
        Candidate("HP7184097674", RefKind.CODE, hp, hp + 15),
        Candidate("RF18539007547034", RefKind.RF, rf, rf + 19),
    ]
    assert found == [found[0], found[1]] and len(found) == 2
    assert found[0].matched(line) == "hp 7184 0976 74"
    assert json.loads(found.json) == [
        {"code": "HP7184097674", "kind": "payment_code", "start": hp, "end": hp + 15},
        {"code": "RF18539007547034", "kind": "rf", "start": rf, "end": rf + 19},
    ]
    # the same schemes as a mapping, an iterable, bytes
    for schemes in ({"HP": 8}, ["HP:8"], ("HP:8", "VP:10"), b"HP:8"):
        assert memo.extract(line, schemes) == found
    # byte offsets, not characters: a Vietnamese prefix moves them by its UTF-8 length
    viet = "Học phí " + line
    shifted = memo.extract(viet, "HP:8")
    assert shifted[0].start == hp + len("Học phí ".encode())
    assert shifted[0].matched(viet) == "hp 7184 0976 74"
    # without the scheme only the RF reference; empty text, a wrong check digit: nothing
    assert memo.extract(line).codes == ["RF18539007547034"]
    empty = memo.extract("", "HP:8")
    assert len(empty) == 0 and empty.json == "[]"
    assert memo.extract("HP 7184 0976 75", "HP:8") == []
    for bad in ("HP:99", "X:8", "HP"):
        with pytest.raises(VietrefError) as e:
            memo.extract("x", bad)
        assert e.value.status is Status.REF_SCHEMES_INVALID
    with pytest.raises(TypeError):
        memo.extract("x", {"HP": "8"})
    with pytest.raises(TypeError):
        memo.extract("x", 8)


def test_parse():
    p = memo.parse(FULL_MEMO, "HP:8")
    assert p.invoice == Candidate("HP7184097674", RefKind.CODE, 0, 12)
    assert (p.reason, p.beneficiary, p.payer, p.sector) == (
        "HOC PHI HOC KY 1",
        "NGUYEN THI BINH",
        "NGUYEN VAN AN",
        "education",
    )
    assert json.loads(p.json)["invoice"]["kind"] == "payment_code"
    assert memo.parse(FULL_MEMO) == p  # recognised by shape and check digits
    empty = memo.parse("")
    assert empty.invoice is None and empty.reason is None and empty.sector is None
    assert empty.json == '{"invoice":null,"reason":null,"beneficiary":null,"payer":null,"sector":null}'
    with pytest.raises(VietrefError) as e:
        memo.parse("x", "X:8")
    assert e.value.status is Status.REF_SCHEMES_INVALID


def test_envelope():
    line = "020097041509102116392024xEHP811545.78219 .115520.NGUYEN VAN AN chuyen tien"
    e = memo.envelope(line)
    assert (e["bank"], e["shape"]) == ("vietcombank", "napas247")
    assert e["senderName"] == {"text": "NGUYEN VAN AN", "span": [49, 62]}
    assert [f["text"] for f in e["free"]] == ["chuyen tien"]
    assert {x["kind"] for x in e["numbers"]} == {"trace", "time"}
    # The code that the trace holds by chance is not a code.
    assert memo.extract(line, "HP:8") == []
    none = memo.envelope("hoc phi HP7184097674")
    assert none["shape"] is None and [f["text"] for f in none["free"]] == ["hoc phi HP7184097674"]
    assert json.loads(memo.envelope_json(line)) == e


def test_message_with_schemes():
    m = Message.from_json(
        '{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"vp 3728 1743 0911"}'
    )
    with m:
        with m.validate() as r:
            assert codes(r) == [400, 400, 400]
        with m.validate("HP:8, VP:10") as r:
            assert r.valid and codes(r) == [401]
            assert r.cleaned_json == (
                '{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"VP372817430911"}'
            )
        with m.validate({"VP": 10}) as r:
            assert codes(r) == [401]
        with m.validate(" , ") as r:  # an empty list is no scheme
            assert codes(r) == [400, 400, 400]
        for bad in ("HO:8", "HP8", "HP:13"):
            with pytest.raises(VietrefError) as e:
                m.validate(bad)
            assert e.value.status is Status.REF_SCHEMES_INVALID
            assert e.value.context == "message.validate_schemes"
    m = Message.from_json('{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"VP372817430912"}')
    with m:
        with m.validate("VP:10") as r:
            assert not r.valid and codes(r) == [410]
        with m.validate(" , ") as r:  # without the scheme it is an opaque code
            assert r.valid


PAYLOAD = (
    "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704540712500005802VN"
    "62440112HP71840976740824HP7184097674 HOC PHI HOC63043E06"
)


def test_vietqr_for_payment_and_codes_back(tuition):
    with vietqr.for_payment(tuition, "HP:8", bin="970436", account="0011001234567") as r:
        assert r.valid
        assert codes(r) == [605, 604, 603, 603]
        assert r.cleaned_text == PAYLOAD
    with vietqr.decode(PAYLOAD) as d, d.vietqr() as q:
        found = q.payment_codes("HP:8")
        assert found.codes == ["HP7184097674"]
        assert (found[0].start, found[0].end) == (0, 12)
        assert found[0].kind is RefKind.CODE
        assert q.payment_codes() == []  # without the scheme no payment code
        with pytest.raises(VietrefError) as e:
            q.payment_codes("HP:5")
        assert e.value.status is Status.REF_SCHEMES_INVALID
    # an invalid payee: the code's findings (vietqr.bin, 517) after the rendering's
    with vietqr.for_payment(tuition, bin="97043", account="0011001234567") as r:
        assert not r.valid and r.findings[4].code == 517
    with pytest.raises(VietrefError) as e:
        vietqr.for_payment(tuition, "HP", bin="970436", account="1")
    assert e.value.status is Status.REF_SCHEMES_INVALID
    with pytest.raises(TypeError):
        vietqr.for_payment(None, bin="970436", account="1")


def test_vietqr_payment_codes_from_json():
    q = VietQr.from_json(
        '{"bankBin":"970436","accountNumber":"1","additionalData":{"purpose":"TT RF18 5390 0754 7034",'
        '"billNumber":"HP7184097674"}}'
    )
    with q:
        found = q.payment_codes({"HP": 8})
        assert found.codes == ["RF18539007547034", "HP7184097674"]  # purpose first
        assert (found[0].start, found[0].end) == (3, 22)
        assert (found[1].start, found[1].end) == (0, 12)


def test_render_takes_schemes_then_a_keyword_channel(tuition):
    with memo.render(tuition, "HP:8", channel=Channel.TRANSFER) as r:
        assert r.valid
    with pytest.raises(TypeError):
        memo.render(tuition, Channel.TRANSFER)  # the order of earlier releases
    with pytest.raises(TypeError):
        memo.render(tuition, Channel.TRANSFER, "HP:8")


def test_calls_in_the_old_argument_order_fail_loudly(tuition):
    # the C ABI's order: a call written in the order of earlier releases raises, never
    # swaps arguments silently
    with pytest.raises(TypeError):
        vietqr.for_payment(tuition, "970436", "0011001234567", "HP:8")
    with pytest.raises(TypeError):
        vietqr.for_payment(tuition, "970436", "0011001234567")
    with vietqr.for_payment(tuition, "HP:8", bin="970436", account="0011001234567") as r:
        assert r.valid
