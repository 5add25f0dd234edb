#!/usr/bin/env python3
"""The cross-surface scenario: one payment task, written once, run by every surface.

tests/data/scenario/scenario.json holds the inputs (a message, schemes, a channel, a payee,
a payload to decode, memo lines, an invoice list and a statement) and hand-written
expectations. This script

1. runs the CLI on those inputs: the reference;
2. checks the reference against the hand-written `expect` (and recomputes the VietQR CRC
   itself), so that the reference is not merely trusted;
3. runs each binding's scenario program given as SURFACE=COMMAND with the same inputs and
   compares every step with the CLI's, failing with the step and the surface that differ.

A scenario program receives, as arguments after its command (paths absolute):

    MESSAGE_FILE VALIDATE_SCHEMES CHANNEL RENDER_SCHEMES BIN ACCOUNT QR_SCHEMES
    DECODE_PAYLOAD MEMO_LINES_FILE EXTRACT_SCHEMES INVOICES_FILE STATEMENT_FILE
    STATEMENT_FORMAT RECONCILE_SCHEMES

and prints JSON lines, each the library's own JSON put in an envelope (no parsing needed):

    {"step":"validate","report":REPORT}           message validated knowing VALIDATE_SCHEMES
    {"step":"render","report":REPORT}             memo for CHANNEL (cleaned = the memo object)
    {"step":"qr","report":REPORT}                 VietQR for the payment (cleaned = the payload)
    {"step":"decode","report":REPORT}             DECODE_PAYLOAD decoded in the default mode
    {"step":"extract","line":N,"candidates":C}    codes of memo line N (1-based)
    {"step":"reconcile.line","result":L}          one per statement line (JSON-lines results)
    {"step":"reconcile.summary","summary":S}

Usage:
    scripts/scenario.py [--cli PATH] [SURFACE=COMMAND ...]
    scripts/scenario.py --cli target/debug/vietref \\
        python="python3 bindings/python/examples/scenario.py"

Exit status 0 when the reference holds and every surface matches it, 1 otherwise.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(ROOT, "tests", "data", "scenario", "scenario.json")


def load():
    with open(SCENARIO, encoding="utf-8") as f:
        sc = json.load(f)
    base = os.path.dirname(SCENARIO)
    path = lambda p: os.path.normpath(os.path.join(base, p))  # noqa: E731
    return sc, path


def program_args(sc, path):
    r = sc["reconcile"]
    return [
        path(sc["message"]), sc["validate"]["schemes"], sc["render"]["channel"], sc["render"]["schemes"],
        sc["qr"]["bin"], sc["qr"]["account"], sc["qr"]["schemes"], sc["decode"]["payload"],
        path(sc["extract"]["lines"]), sc["extract"]["schemes"],
        path(r["invoices"]), path(r["statement"]), r["statementFormat"], r["schemes"],
    ]


def scheme_flags(schemes):
    return [a for s in schemes.replace(" ", ",").split(",") if s for a in ("--scheme", s)]


def run(cmd, stdin=None, ok=(0,)):
    p = subprocess.run(cmd, input=stdin, capture_output=True, cwd=ROOT)
    if p.returncode not in ok:
        raise SystemExit(
            f"scenario: {' '.join(map(shlex.quote, cmd))} exited {p.returncode}\n{p.stderr.decode(errors='replace')}"
        )
    return p.returncode, p.stdout.decode("utf-8")


# ---- the CLI: the reference, turned into the same steps --------------------------------------


def cli_steps(cli, sc, path):
    msg = path(sc["message"])
    steps = []
    _, out = run([cli, "message", "validate", "--json", *scheme_flags(sc["validate"]["schemes"]), msg], ok=(0, 1))
    steps.append(("validate", json.loads(out)))

    rc, out = run([cli, "memo", "render", "--json", "--channel", sc["render"]["channel"],
                   *scheme_flags(sc["render"]["schemes"]), msg], ok=(0, 1))
    o = json.loads(out)
    memo = {k: o[k] for k in ("channel", "budget", "text", "included", "omitted", "clipped") if k in o}
    steps.append(("render", {"valid": rc == 0, "findings": o["findings"], "memo": memo}))

    _, out = run([cli, "qr", "pay", "--json", "--bank", sc["qr"]["bin"], "--account", sc["qr"]["account"],
                  *scheme_flags(sc["qr"]["schemes"]), msg], ok=(0, 1))
    o = json.loads(out)
    steps.append(("qr", {"valid": o["valid"], "findings": o["findings"], "payload": o.get("payload")}))

    _, out = run([cli, "qr", "decode", "--json"], stdin=(sc["decode"]["payload"] + "\n").encode(), ok=(0, 1))
    o = json.loads(out)
    fields = {k: v for k, v in o.items() if k not in ("valid", "findings", "bank")}
    steps.append(("decode", {"valid": o["valid"], "findings": o["findings"], "qr": fields if o["valid"] else None}))

    with open(path(sc["extract"]["lines"]), "rb") as f:
        lines = f.read()
    _, out = run([cli, "memo", "extract", "--json", *scheme_flags(sc["extract"]["schemes"])], stdin=lines)
    for n, line in enumerate(out.splitlines(), 1):
        steps.append((f"extract line {n}", json.loads(line)["candidates"]))

    r = sc["reconcile"]
    with tempfile.TemporaryDirectory() as tmp:
        summary = os.path.join(tmp, "summary.json")
        _, out = run([cli, "reconcile", "--quiet", "--json", "--invoices", path(r["invoices"]),
                      "--statement", path(r["statement"]), *scheme_flags(r["schemes"]), "--summary", summary])
        for line in out.splitlines():
            res = json.loads(line)
            steps.append((f"reconcile line {res['line']}", res))
        with open(summary, encoding="utf-8") as f:
            steps.append(("reconcile summary", json.load(f)))
    return steps


# ---- a binding's program: its envelope lines, turned into the same steps ---------------------


def binding_steps(command, args):
    p = subprocess.run(shlex.split(command) + args, capture_output=True, cwd=ROOT)
    if p.returncode != 0:
        raise RuntimeError(f"exited {p.returncode}: {p.stderr.decode(errors='replace')[-2000:]}")
    steps = []
    for raw in p.stdout.decode("utf-8").splitlines():
        if not raw.strip():
            continue
        e = json.loads(raw)
        s = e["step"]
        if s == "validate":
            steps.append(("validate", e["report"]))
        elif s == "render":
            rep = e["report"]
            steps.append(("render", {"valid": rep["valid"], "findings": rep["findings"], "memo": rep.get("cleaned")}))
        elif s == "qr":
            rep = e["report"]
            steps.append(("qr", {"valid": rep["valid"], "findings": rep["findings"], "payload": rep.get("cleaned")}))
        elif s == "decode":
            rep = e["report"]
            steps.append(("decode", {"valid": rep["valid"], "findings": rep["findings"], "qr": rep.get("cleaned")}))
        elif s == "extract":
            steps.append((f"extract line {e['line']}", e["candidates"]))
        elif s == "reconcile.line":
            steps.append((f"reconcile line {e['result']['line']}", e["result"]))
        elif s == "reconcile.summary":
            steps.append(("reconcile summary", e["summary"]))
        else:
            raise RuntimeError(f"unknown step {s!r}")
    return steps


def first_difference(want, got, at=""):
    """The path and the two values where `got` first differs from `want`; None when equal."""
    if isinstance(want, dict) and isinstance(got, dict):
        for k in list(want) + [k for k in got if k not in want]:
            if k not in got or k not in want:
                return (f"{at}.{k}" if at else k), want.get(k, "<absent>"), got.get(k, "<absent>")
            d = first_difference(want[k], got[k], f"{at}.{k}" if at else k)
            if d:
                return d
        return None
    if isinstance(want, list) and isinstance(got, list):
        for i, (a, b) in enumerate(zip(want, got)):
            d = first_difference(a, b, f"{at}[{i}]")
            if d:
                return d
        if len(want) != len(got):
            return f"{at} (length)", len(want), len(got)
        return None
    if want != got or type(want) is not type(got):
        return at or "(value)", want, got
    return None


def compare(surface, reference, steps):
    """Failure lines naming the step and the surface; empty when every step matches."""
    failures = []
    ref, got = dict(reference), dict(steps)
    for name, want in reference:
        if name not in got:
            failures.append(f"step '{name}': {surface} did not produce it")
            continue
        d = first_difference(want, got[name])
        if d:
            where, a, b = d
            failures.append(f"step '{name}': {surface} differs from the CLI at {where}: CLI {json.dumps(a, ensure_ascii=False)}, "
                            f"{surface} {json.dumps(b, ensure_ascii=False)}")
    for name, _ in steps:
        if name not in ref:
            failures.append(f"step '{name}': {surface} produced it, the CLI did not")
    return failures


# ---- the reference checked by hand-written expectations -------------------------------------


def crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo specifies for tag 63."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def tlv(text):
    out, i = {}, 0
    while i + 4 <= len(text):
        tag, n = text[i:i + 2], int(text[i + 2:i + 4])
        out[tag] = text[i + 4:i + 4 + n]
        i += 4 + n
    return out


def check_reference(sc, reference):
    ex, ref, bad = sc["expect"], dict(reference), []

    def want(cond, what):
        if not cond:
            bad.append(what)

    v = ref["validate"]
    want(v["valid"] == ex["validate"]["valid"], f"validate: valid {v['valid']}")
    want([f["code"] for f in v["findings"]] == ex["validate"]["codes"], f"validate: codes {[f['code'] for f in v['findings']]}")
    want((v.get("cleaned") or {}).get("payerName") == ex["validate"]["payerName"], "validate: cleaned payerName")
    want(all(f.get("message") and f.get("messageVi") and f["message"] != f["messageVi"] for f in v["findings"]),
         "validate: every finding has an English and a different Vietnamese message")
    r = ref["render"]["memo"] or {}
    for k in ("text", "included", "omitted"):
        want(r.get(k) == ex["render"][k], f"render: {k} {r.get(k)!r}")
    q = ref["qr"]
    want(q["valid"] == ex["qr"]["valid"], "qr: valid")
    payload = q["payload"] or ""
    want(payload[-8:-4] == "6304" and f"{crc16(payload[:-4].encode()):04X}" == payload[-4:],
         f"qr: the CRC {payload[-4:]!r} is not CRC-16/CCITT-FALSE of the payload")
    top = tlv(payload)
    for path, value in ex["qr"]["tags"].items():
        parts, node = path.split("."), top
        for p in parts[:-1]:
            node = tlv(node.get(p, ""))
        want(node.get(parts[-1]) == value, f"qr: tag {path} is {node.get(parts[-1])!r}, expected {value!r}")
    d = ref["decode"]
    want(d["valid"] == ex["decode"]["valid"], "decode: valid (the default mode is lenient)")
    want([f["code"] for f in d["findings"]] == ex["decode"]["codes"], f"decode: codes {[f['code'] for f in d['findings']]}")
    want((d["qr"] or {}).get("amount") == ex["decode"]["amount"], "decode: amount")
    for n, codes in enumerate(ex["extract"], 1):
        got = [c["code"] for c in ref.get(f"extract line {n}", [])]
        want(got == codes, f"extract line {n}: {got}")
    last = ref.get(f"extract line {len(ex['extract'])}", [{}])
    want(last and last[0].get("start") == ex["extractByteStartOfLastLine"], "extract: byte offsets")
    for line, status in ex["reconcile"]["statuses"].items():
        res = ref.get(f"reconcile line {line}", {})
        want(res.get("status") == status, f"reconcile line {line}: status {res.get('status')!r}, expected {status!r}")
    for line, code in ex["reconcile"]["suggestions"].items():
        want(ref.get(f"reconcile line {line}", {}).get("suggestion") == code, f"reconcile line {line}: suggestion")
    lines = [n for n in ref if n.startswith("reconcile line ")]
    want(len(lines) == len(ex["reconcile"]["statuses"]), f"reconcile: {len(lines)} result lines")
    for k, value in ex["reconcile"]["summary"].items():
        want(ref["reconcile summary"].get(k) == value, f"reconcile summary: {k} {ref['reconcile summary'].get(k)!r}")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "debug", "vietref"))
    ap.add_argument("surfaces", nargs="*", metavar="SURFACE=COMMAND")
    a = ap.parse_args()
    sc, path = load()
    reference = cli_steps(a.cli, sc, path)
    bad = check_reference(sc, reference)
    if bad:
        for b in bad:
            print(f"scenario: FAILED the CLI's reference: {b}")
        return 1
    print(f"scenario: the CLI's reference holds ({len(reference)} steps checked against tests/data/scenario/scenario.json)")
    failed = 0
    for spec in a.surfaces:
        surface, _, command = spec.partition("=")
        try:
            steps = binding_steps(command, program_args(sc, path))
        except (RuntimeError, ValueError, KeyError) as e:
            print(f"scenario: FAILED {surface}: its program failed: {e}")
            failed = 1
            continue
        failures = compare(surface, reference, steps)
        for f in failures:
            print(f"scenario: FAILED {f}")
        if failures:
            failed = 1
        else:
            print(f"scenario: {surface} ok ({len(steps)} steps equal to the CLI's)")
    return failed


if __name__ == "__main__":
    sys.exit(main())
