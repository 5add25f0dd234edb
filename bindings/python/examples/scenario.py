"""The cross-surface scenario in Python (scripts/scenario.py runs it and compares its lines
with the CLI's): validate a message, render its memo, build its VietQR, decode a payload,
extract codes from memo lines, reconcile a statement. Arguments: see scripts/scenario.py."""

import sys

from vietref import Channel, Message, Reconciler, StatementFormat, memo, vietqr

(message_file, validate_schemes, channel, render_schemes, bin_, account, qr_schemes, payload,
 lines_file, extract_schemes, invoices, statement, statement_format, reconcile_schemes) = sys.argv[1:15]


def out(step, **fields):
    # the library's JSON as it is, in an envelope: {"step": ..., KEY: JSON}
    print("{" + ",".join([f'"step":"{step}"'] + [f'"{k}":{v}' for k, v in fields.items()]) + "}")


with open(message_file, encoding="utf-8") as f:
    message = Message.from_json(f.read())
with message.validate(validate_schemes) as r:
    out("validate", report=r.json)
with memo.render(message, render_schemes, channel=Channel[channel.upper().replace("-", "_")]) as r:
    out("render", report=r.json)
with vietqr.for_payment(message, qr_schemes, bin=bin_, account=account) as r:
    out("qr", report=r.json)
with vietqr.decode(payload) as r:  # the default mode
    out("decode", report=r.json)
with open(lines_file, encoding="utf-8") as f:
    for n, line in enumerate(f.read().splitlines(), 1):
        out("extract", line=n, candidates=memo.extract(line, extract_schemes).json)
with Reconciler(reconcile_schemes) as rec, open(invoices, "rb") as i, open(statement, "rb") as s:
    added, report = rec.add_invoices_csv(i.read())
    report.close()
    results, report = rec.feed_statement(s.read(), StatementFormat[statement_format.upper()])
    report.close()
    for line in results.splitlines():
        out("reconcile.line", result=line)
    out("reconcile.summary", summary=rec.summary_json)
