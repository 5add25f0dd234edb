"""Reconciliation: one statement line per status with exact expectations, invoices added
and refused, summary and invoice states, ownership.

The school is tests/c/test_reconcile.c's (payment codes of scheme HP:6 with hand-computed
check digits); amounts and reasons as there."""

import datetime
import gc
import json
import threading

import pytest

from vietref import LineResult, LineStatus, Reconciler, Status, VietrefError

C1, C2, C3, C4 = "HP24010172", "HP24010269", "HP24010366", "HP24010463"


def school():
    r = Reconciler("HP:6")
    for code, amount, payer, ben in [
        (C1, 1_250_000, "Nguyễn Văn An", "Nguyễn Thị Bình"),
        (C2, 1_250_000, "Trần Văn Hùng", "Trần Minh Khoa"),
        (C3, 980_000, "Lê Thị Thuỷ", "Phạm Gia Huy"),
        (C4, 750_000, "Đỗ Thị Hoa", "Hoàng Vy"),
    ]:
        with r.add_invoice(code, amount, payer, ben) as rep:
            assert rep.valid and rep.findings == [] and rep.cleaned_text == code
    return r


def test_possible_typo():
    with school() as r:
        # HP24010173 fails its check digits and is one digit away from C1 only: a possible
        # typo, never applied
        x = r.feed(2, 1_000, "HP24010173 hoc phi")
        assert (x.status, x.invoice, x.suggestion, x.possible_typo) == (LineStatus.UNMATCHED, None, None, C1)
        assert x.to_dict()["possibleTypo"] == C1
        assert x.to_dict()["evidence"]["typo"] == {"typed": "HP24010173", "invoice": C1, "candidates": 1}
        assert "possible typo" in x.reason
        assert r.invoice(C1)["paid"] == 0
        x = r.feed(3, 1_000, "hoc phi")
        assert x.possible_typo is None


def test_one_line_per_status():
    with school() as r:
        # paid in full; the bank's prefix and suffix do not matter
        x = r.feed(2, 1_250_000, "MBVCB.2427229823.174242.HP24010172 HOC PHI HK1.CT tu 1027236393")
        assert isinstance(x, LineResult)
        assert (x.status, x.invoice, x.suggestion) == (LineStatus.PAID, C1, None)
        assert x.reason == "code HP24010172 found; 1,250,000 VND paid in full"
        assert x.reason_vi == "tìm thấy mã HP24010172; đã thanh toán đủ 1.250.000 đ"
        assert x.json.startswith(
            '{"line":2,"status":"paid","invoice":"HP24010172","suggestion":null,"amount":1250000,'
        )
        d = x.to_dict()
        assert d["evidence"]["amountDue"] == 1_250_000
        assert (d["reason"], d["reasonVi"]) == (x.reason, x.reason_vi)

        # partial, then the rest (paid), then a duplicate with a bank reference
        x = r.feed(3, 500_000, "hp 2401 0269 hoc phi")
        assert (x.status, x.invoice) == (LineStatus.PARTIAL, C2)
        assert x.reason == "code HP24010269 found; 500,000 VND paid of 1,250,000 VND, 750,000 VND still due"
        x = r.feed(4, 750_000, "HP24010269 con lai")
        assert (x.status, x.invoice) == (LineStatus.PAID, C2)
        x = r.feed(5, 100_000, "HP24010269", reference="FT1")
        assert (x.status, x.invoice) == (LineStatus.DUPLICATE, C2)
        assert x.to_dict()["evidence"]["settledByLine"] == 4
        assert x.to_dict()["reference"] == "FT1"

        # overpaid: 1,000,000 for 980,000
        x = r.feed(6, 1_000_000, "IB HP24010366 HOC PHI")
        assert (x.status, x.invoice) == (LineStatus.OVERPAID, C3)
        assert x.reason == "code HP24010366 found; 1,000,000 VND paid for 980,000 VND due: 20,000 VND too much"

        # a valid code of last year: unknown; two codes: ambiguous, nothing applied
        x = r.feed(7, 1_250_000, "HP23999987 hoc phi hk2")
        assert (x.status, x.invoice, x.suggestion) == (LineStatus.UNKNOWN_CODE, None, None)
        x = r.feed(8, 2_500_000, "HP24010172 HP24010269 HOC PHI 2 CHAU")
        assert (x.status, x.invoice, x.suggestion) == (LineStatus.AMBIGUOUS, None, None)

        # no code: unmatched; with the beneficiary's name (Y/I variant) and the exact amount
        # of one open invoice, a suggestion that is not applied
        x = r.feed(9, 200_000, "ung ho quy lop")
        assert (x.status, x.invoice, x.suggestion) == (LineStatus.UNMATCHED, None, None)
        assert x.reason == "no invoice code found in the content"
        x = r.feed(10, 750_000, "CHUYEN TIEN HOC PHI CHO CHAU HOANG VI LOP 6A")
        assert (x.status, x.invoice, x.suggestion) == (LineStatus.UNMATCHED, None, C4)

        # invoice states: C2 received 500,000 + 750,000 + 100,000; C4 nothing
        assert r.invoice_json("hp 2401 0269") == (
            '{"code":"HP24010269","kind":"payment_code","amountDue":1250000,"paid":1350000,'
            '"payments":3,"outstanding":0,"status":"overpaid"}'
        )
        assert r.invoice(C4) == {
            "code": "HP24010463",
            "kind": "payment_code",
            "amountDue": 750000,
            "paid": 0,
            "payments": 0,
            "outstanding": 750000,
            "status": "unpaid",
        }
        assert r.invoice(C1)["status"] == "settled"
        assert r.invoice_json("HP23999987") is None and r.invoice("") is None

        # summary: 9 lines; invoices C1 settled, C2 and C3 overpaid, C4 unpaid
        raw = r.summary_json
        assert raw.startswith(
            '{"lines":9,"amount":8300000,"statuses":[{"status":"paid","lines":2,'
            '"amount":2000000},{"status":"partial","lines":1,"amount":500000},'
        )
        s = r.summary()
        assert {x["status"]: (x["lines"], x["amount"]) for x in s["statuses"]} == {
            "paid": (2, 2_000_000),
            "partial": (1, 500_000),
            "overpaid": (1, 1_000_000),
            "duplicate": (1, 100_000),
            "unknown_code": (1, 1_250_000),
            "ambiguous": (1, 2_500_000),
            "unmatched": (2, 950_000),
        }
        assert (s["invoices"], s["invoicesSettled"], s["invoicesOverpaid"], s["invoicesPartial"]) == (4, 1, 2, 0)
        assert (s["invoicesUnpaid"], s["outstanding"]) == (1, 750_000)


def test_line_status_names_match_the_json():
    assert [s.name.lower() for s in LineStatus] == [
        "paid",
        "partial",
        "overpaid",
        "duplicate",
        "unknown_code",
        "ambiguous",
        "unmatched",
    ]
    assert [s.value for s in LineStatus] == list(range(7))


def test_add_invoice_reports():
    with Reconciler({"HP": 6, "VP": 8}) as r:
        # a spaced code is normalized (invoice.normalized, 401): a warning, added
        with r.add_invoice("hp 2401 0172", 1_250_000, due="2024-09-15") as rep:
            assert rep.valid and [f.code for f in rep] == [401]
            assert rep.cleaned_text == C1
        # the same code again: reconcile.invoice_duplicate (814), nothing added
        with r.add_invoice(C1, 5) as rep:
            assert not rep.valid and [f.code for f in rep] == [814]
            assert rep.cleaned_text is None
        # a wrong check digit (410) and an amount of 0 (803): both reported
        with r.add_invoice("HP24010173", 0) as rep:
            assert [f.code for f in rep] == [410, 803]
        # 14 digits (804); a bad due date (816), as text or not at all a date
        with r.add_invoice(C2, 10_000_000_000_000) as rep:
            assert [f.code for f in rep] == [804]
        with r.add_invoice(C2, 1, due="31/02/2024") as rep:
            assert [f.code for f in rep] == [816]
        # a datetime.date is passed as YYYY-MM-DD
        with r.add_invoice(C2, 1_250_000, "Trần Văn Hùng", due=datetime.date(2024, 9, 15)) as rep:
            assert rep.valid
        # an own code shorter than 6 characters cannot be searched for: a warning (815)
        with r.add_invoice("AB12", 1000, payer="An") as rep:
            assert rep.valid and [f.code for f in rep] == [815]
        assert r.summary()["invoices"] == 3
        x = r.feed(1, 1_250_000, "HP24010269", date=datetime.date(2024, 9, 20))
        assert x.status is LineStatus.PAID
        assert x.to_dict()["date"] == "2024-09-20"
        assert x.to_dict()["evidence"]["due"] == "2024-09-15"


def test_optional_texts_and_empty_content():
    with Reconciler() as r:
        x = r.feed(1, 1, "", reference="FT24", date="2024-09-01", counter_name="NGUYEN VAN AN")
        assert x.status is LineStatus.UNMATCHED
        d = x.to_dict()
        assert (d["reference"], d["date"], d["counterName"]) == ("FT24", "2024-09-01", "NGUYEN VAN AN")
        x = r.feed(2, 1, "x", reference=None, date=None, counter_name=None)
        assert "reference" not in x.to_dict()


def test_refusals():
    with pytest.raises(VietrefError) as e:
        Reconciler("HO:6")
    assert e.value.status is Status.REF_SCHEMES_INVALID
    with Reconciler() as r:
        for amount in (0, 10_000_000_000_000):
            with pytest.raises(VietrefError) as e:
                r.feed(1, amount, "x")
            err = e.value
            assert err.status is Status.RECONCILE_AMOUNT_INVALID
            assert err.status == 700 and err.status_name == "VIETREF_RECONCILE_AMOUNT_INVALID"
            assert err.context == "reconciler.feed"
        assert r.summary()["lines"] == 0  # nothing counted
        with pytest.raises(ValueError):
            r.feed(1, -1, "x")
        with pytest.raises(ValueError):
            r.feed(-1, 1, "x")
        with pytest.raises(ValueError):
            r.add_invoice("HP1", 1 << 64)
        with pytest.raises(TypeError):
            r.feed(1, 1.5, "x")
        with pytest.raises(TypeError):
            r.add_invoice("HP1", True)


def test_ownership():
    r = Reconciler("HP:6")
    assert not r.closed and "Reconciler" in repr(r)
    r.close()
    r.close()  # again: nothing
    assert r.closed and "closed" in repr(r)
    for call in (lambda: r.feed(1, 1, "x"), lambda: r.summary_json, lambda: r.add_invoice(C1, 1), lambda: r.invoice(C1)):
        with pytest.raises(ValueError):
            call()
    # results are copies: they outlive the reconciler
    r = school()
    x = r.feed(1, 1_250_000, C1)
    del r
    gc.collect()
    assert x.invoice == C1 and json.loads(x.json)["status"] == "paid"


def test_threads_share_one_reconciler():
    with school() as r:
        errors = []

        def work(k):
            try:
                for i in range(50):
                    r.feed(k * 1000 + i, 1000, "ung ho quy lop")
                    r.summary_json
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        s = r.summary()
        assert s["lines"] == 200 and s["amount"] == 200_000


# --- whole files: add_invoices_csv and feed_statement ---------------------------------------

import csv  # noqa: E402
import io  # noqa: E402
import re  # noqa: E402

from conftest import data_dir  # noqa: E402

from vietref import ResultsFormat, Severity, StatementFormat  # noqa: E402


def example(name):
    """A bundled file of examples/reconcile (the repository's, next to tests/data)."""
    return (data_dir().parents[1] / "examples" / "reconcile" / name).read_bytes()


def loaded():
    r = Reconciler("HP:6")
    added, rep = r.add_invoices_csv(example("invoices.csv"))
    with rep:
        assert added == 13 and rep.valid and rep.cleaned_text == "13"
    return r


def test_add_invoices_csv_adds_the_bundled_list():
    with Reconciler("HP:6") as r:
        added, rep = r.add_invoices_csv(example("invoices.csv"))
        with rep:
            assert added == 13
            assert rep.valid and rep.errors == [] and rep.cleaned_text == "13"
            # the e-invoice number is normalized: a warning naming its record and column
            assert [(f.field, f.key, f.severity) for f in rep] == [
                ("14:code", "invoice.normalized", Severity.WARNING)
            ]
        assert r.summary()["invoices"] == 13
        inv = r.invoice("HP 2401 0366")
        assert (inv["code"], inv["amountDue"], inv["status"]) == (C3, 1_250_000, "unpaid")  # "1,250,000"
        assert r.invoice("HP24010657")["amountDue"] == 750_000  # "750000.00", due 15/09/2024
        # the same list again: every record a duplicate (814), nothing added
        added, rep = r.add_invoices_csv(example("invoices.csv").decode("utf-8"))  # str: same bytes
        with rep:
            assert added == 0 and not rep.valid and rep.cleaned_text is None
            assert [(f.field, f.code) for f in rep.errors] == [(f"{i}:code", 814) for i in range(2, 15)]
        assert r.summary()["invoices"] == 13


def test_add_invoices_csv_reports_each_record():
    with Reconciler("HP:6") as r:
        added, rep = r.add_invoices_csv(b"code,amount\nHP24010172,abc\n")
        with rep:
            assert added == 0 and not rep.valid and rep.cleaned_text is None
            assert [(f.field, f.key, f.is_error) for f in rep] == [("2:amount", "reconcile.amount_invalid", True)]
        assert r.summary()["invoices"] == 0
        # the good records are added, the bad one is not; headers mapped by `columns`
        data = "Mã HĐ;Phải thu\nHP24010172;1.250.000\nHP24010173;5\nHP24010269;980000\n"
        added, rep = r.add_invoices_csv(data, columns="code=Mã HĐ,amount=Phải thu")
        with rep:
            assert added == 2 and not rep.valid
            assert [(f.field, f.code) for f in rep.errors] == [("3:Mã HĐ", 410)]
        assert r.summary()["invoices"] == 2
        # a malformed mapping or no header row: an error finding, nothing added
        for data, columns in [("code,amount\nHP24010463,1\n", "nonsense"), ("", None)]:
            added, rep = r.add_invoices_csv(data, columns)
            with rep:
                assert added == 0 and not rep.valid and rep.errors
        assert r.summary()["invoices"] == 2


def test_feed_statement_csv_as_the_line_calls():
    with loaded() as r, loaded() as by_line:
        results, rep = r.feed_statement(example("statement.csv"))
        assert isinstance(results, str) and results.endswith("\n")
        rows = [json.loads(x) for x in results.splitlines()]
        assert all({"line", "status", "invoice"} <= set(x) for x in rows)
        by_number = {x["line"]: x for x in rows}
        assert len(by_number) == len(rows) == 16
        assert (by_number[12]["status"], by_number[12]["invoice"]) == ("paid", "HP24010851")
        assert by_number[2]["status"] == "paid" and by_number[6]["status"] == "duplicate"
        s = r.summary()
        with rep:
            assert rep.valid and rep.cleaned_text == str(len(rows))
            skipped = [f for f in rep.warnings if f.key == "reconcile.outgoing_skipped"]
            assert len(skipped) == s["skipped"] == 1 and skipped[0].field == "17:amount"
        assert s["lines"] == len(rows) and s["rejected"] == 0
        # every result is what feeding the same record on its own gives (the record's first
        # line is its number; the last record's content spans two lines of the file)
        reader = csv.reader(io.StringIO(example("statement.csv").decode("utf-8"), newline=""))
        next(reader)
        start = reader.line_num + 1
        fed = 0
        for row in reader:
            date, amount, content, reference, counter = row
            if start in by_number:
                x = by_line.feed(
                    start,
                    int(re.sub(r"[., ]", "", amount)),
                    content,
                    reference=reference or None,
                    date=date or None,
                    counter_name=counter or None,
                )
                assert json.loads(x.json) == by_number[start], start
                fed += 1
            else:
                assert amount.startswith("-"), start
            start = reader.line_num + 1
        assert fed == len(rows)
        # (only feed_statement reads a file: its summary also accounts for the file's lines
        # and gives the mapping of its columns)
        assert s["statementMapping"]["headerRow"] == 1
        file_only = ("input", "statementMapping")
        assert {k: v for k, v in by_line.summary().items() if not k.startswith("skipped") and k not in file_only} == {
            k: v for k, v in s.items() if not k.startswith("skipped") and k not in file_only
        }
        physical = len(example("statement.csv").decode("utf-8").splitlines())
        i = s["input"]
        assert i["lines"] == i["fed"] + i["skipped"] + i["rejected"] == physical
        assert i["rejected"] == 0 and i["skipped"] == 2  # the header and the outgoing line


def test_feed_statement_formats():
    with loaded() as r:
        results, rep = r.feed_statement(example("statement.csv"), results=ResultsFormat.CSV)
        with rep:
            assert rep.valid
        assert results.startswith("line,status,invoice,")
        lines = results.split("\r\n")
        assert lines[-1] == "" and lines[0].count(",") >= 3
        assert [x.split(",")[0] for x in lines[1:3]] == ["2", "3"]
    with loaded() as r:
        results, rep = r.feed_statement(example("statement.jsonl"), StatementFormat.JSON_LINES)
        rows = [json.loads(x) for x in results.splitlines()]
        with rep:
            assert rep.valid
            assert len(rep.warnings) == r.summary()["skipped"] > 0
            assert all(f.key == "reconcile.outgoing_skipped" and re.fullmatch(r"\d+:\w+", f.field) for f in rep)
        assert len(rows) == r.summary()["lines"] > 0
        assert all(x["status"] in {s.name.lower() for s in LineStatus} for x in rows)
    # a JSON array of the same objects gives the same results, numbered by position
    objects = [json.loads(x) for x in example("statement.jsonl").decode("utf-8").splitlines() if x.strip()]
    with loaded() as a, loaded() as b:
        lines, rep1 = a.feed_statement(example("statement.jsonl"), StatementFormat.JSON_LINES)
        array, rep2 = b.feed_statement(json.dumps(objects, ensure_ascii=False), format=StatementFormat.JSON)
        with rep1, rep2:
            assert rep2.valid and len(rep2) == len(rep1)
        strip = lambda text: [{k: v for k, v in json.loads(x).items() if k != "line"} for x in text.splitlines()]  # noqa: E731
        assert strip(array) == strip(lines)


def test_feed_statement_refusals():
    with loaded() as r:
        data = example("statement.csv")
        for fmt in (0, 6):
            with pytest.raises(VietrefError) as e:
                r.feed_statement(data, fmt)
            assert e.value.status is Status.INVALID_ARGUMENT and e.value.context == "reconciler.feed_statement"
        for res in (0, 3):
            with pytest.raises(VietrefError) as e:
                r.feed_statement(data, results=res)
            assert e.value.status is Status.INVALID_ARGUMENT
        with pytest.raises(ValueError):
            r.feed_statement(data, -1)
        assert r.summary()["lines"] == 0  # nothing fed
        # an unreadable record is an error finding, counted as rejected; the others are fed
        results, rep = r.feed_statement("date,amount,content,reference\n,abc,HP24010172,\n,1.250.000,HP24010172,\n")
        with rep:
            assert not rep.valid and [f.field for f in rep.errors] == ["2:amount"]
        assert [json.loads(x)["line"] for x in results.splitlines()] == [3]
        assert r.summary()["rejected"] == 1
        # a header that is not one: nothing fed, empty results
        results, rep = r.feed_statement(b"a,b\n1,2\n")
        with rep:
            assert results == "" and not rep.valid
    r = Reconciler("HP:6")
    r.close()
    with pytest.raises(ValueError):
        r.add_invoices_csv(b"")
    with pytest.raises(ValueError):
        r.feed_statement(b"")


def test_feed_statement_xlsx_with_a_preamble_and_totals():
    """A bank-like XLSX export (benches/statement_sheets.rs, 5 rows): the header row is
    row 4, two preamble rows and the totals row are reported, the mapping is in the
    summary."""
    from vietref import StatementFormat

    with Reconciler("HP:8") as r:
        results, rep = r.feed_statement(example("sao_ke.xlsx"), StatementFormat.XLSX, "bank=vcb")
        assert len(results.splitlines()) == 5
        assert [f.code for f in rep.findings] == [826, 826, 826]
        m = json.loads(r.summary_json)["statementMapping"]
        assert (m["format"], m["headerRow"]) == ("xlsx", 4)
        assert [s["row"] for s in m["skippedRows"]] == [1, 2, 10]
        assert m["bank"].startswith("vietcombank")


def test_the_school_and_bank_workbooks():
    """Issue 19's "done when": the school's XLSX invoices and the bank's XLSX statement."""
    with Reconciler("HP:8") as r:
        with pytest.raises(VietrefError):
            r.add_invoices(example("hoc_phi.xlsx"), StatementFormat.JSON)
        added, rep = r.add_invoices(example("hoc_phi.xlsx"), StatementFormat.XLSX)
        with rep:
            assert added == 7 and rep.valid
            assert [(f.key, f.field) for f in rep.warnings] == [
                ("reconcile.row_skipped", "1"),
                ("reconcile.row_skipped", "2"),
                ("reconcile.row_skipped", "12"),
            ]
        results, rep = r.feed_statement(example("sao_ke_vcb.xlsx"), StatementFormat.XLSX)
        rep.close()
        rows = [json.loads(x) for x in results.splitlines()]
        assert [(x["line"], x["status"], x["invoice"]) for x in rows] == [
            (9, "paid", "HP2409010192"),
            (10, "partial", "HP2409010289"),
            (11, "overpaid", "HP2409010386"),
            (12, "paid", "HP2409010483"),
            (13, "paid", "HP2409010580"),
            (15, "unmatched", None),
            (16, "duplicate", "HP2409010192"),
            (17, "unmatched", None),
        ]


def test_feed_statement_on_two_threads_as_on_one():
    # the bundled statement's records 40 times over: more lines than the second thread reads
    # at a time (512), with payments, duplicates and lines without a code
    head, _, body = example("statement.csv").partition(b"\n")
    statement = head + b"\n" + (body if body.endswith(b"\n") else body + b"\n") * 40
    outputs = []
    for threads in (1, 2):
        with loaded() as r:
            r.set_threads(threads)
            results, rep = r.feed_statement(statement)
            with rep:
                assert rep.valid
            outputs.append((results, r.summary()))
    assert len(outputs[0][0].splitlines()) == 40 * 16
    assert outputs[0] == outputs[1]
    with loaded() as r:
        r.set_threads(0)  # counts as 1
        with pytest.raises((ValueError, OverflowError, TypeError)):
            r.set_threads(-1)
