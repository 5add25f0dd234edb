"""Smoke test of the installed wheel: python smoke.py VERSION (run outside any source tree)."""

import os
import sys

import vietref
from vietref import Reconciler, vietqr

STATEMENT = (
    "date,amount,content\n"
    "2024-09-05,1250000,NGUYEN VAN AN HP24010172 hoc phi\n"
    "2024-09-06,300000,chuyen tien\n"
)


def check(ok, what):
    if not ok:
        sys.exit(f"python smoke: FAILED: {what}")


expected = sys.argv[1]
check(vietref.version() == expected, f"version {vietref.version()} != {expected}")
pkg = os.path.dirname(os.path.abspath(vietref.__file__))
check(vietref.library_path().startswith(pkg), f"library not from the package: {vietref.library_path()}")
check(os.path.isfile(os.path.join(pkg, "py.typed")), "py.typed missing")

with vietref.Message(sector="education", payer_name="  nguyễn   văn AN ", beneficiary_name="Nguyễn Thị Bình",
                     reason="Học phí học kỳ 1 năm 2024-2025", invoice="HP24010172", amount=1_250_000) as m:
    with m.validate() as report:
        check(report.valid, "tuition message not valid")
        check('"payerName":"Nguyễn Văn An"' in report.cleaned_json, report.cleaned_json)
    with vietqr.for_payment(m, "HP:6", bin="970436", account="0011001234567") as qr:
        payload = qr.cleaned_text or ""
        check(qr.valid and payload.startswith("000201"), f"VietQR: {payload}")
        check("970436" in payload and "HP24010172" in payload, f"VietQR lacks bank or code: {payload}")

with Reconciler("HP:6") as r:
    with r.add_invoice("HP24010172", 1_250_000, payer="Nguyễn Văn An") as added:
        check(added.valid, "invoice not added")
    results, report = r.feed_statement(STATEMENT)
    with report:
        check(report.valid, "statement rejected")
    check('"line":2,"status":"paid","invoice":"HP24010172"' in results, results)
    check('"line":3,"status":"unmatched"' in results, results)

print(f"python smoke ok: vietref {vietref.version()} from {vietref.library_path()}")
