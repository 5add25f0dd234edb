"""VietQR decode and build with the PyPI package vietnam-qr-pay and with vietref's Python
binding, timed like benches/peers.rs times vietref in Rust (scripts/bench-peers.sh).
Usage: python3 vietqr.py [--quick]  (PYTHONPATH holds the binding and the package)."""
import sys
import time

from vietnam_qr_pay import QRPay
import vietref
from vietref import vietqr, VietQrMode

STATIC = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52"
DYNAMIC = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"


def timed(repeats, f):
    """Nanoseconds per call of f over batches of at least 20 ms: (min, median)."""
    f()
    t = time.perf_counter_ns()
    f()
    one = max(1, time.perf_counter_ns() - t)
    batch = max(1, 20_000_000 // one)
    v = []
    for _ in range(repeats):
        t = time.perf_counter_ns()
        for _ in range(batch):
            f()
        v.append((time.perf_counter_ns() - t) / batch)
    v.sort()
    n = len(v)
    return v[0], (v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2)


def peer_decode():
    for p in (STATIC, DYNAMIC):
        QRPay(p).is_valid


def peer_build():
    QRPay.init_viet_qr(
        bank_bin="970403", bank_number="0011012345678", amount="180000", purpose="thanh toan don hang"
    ).build()


def ours_decode():
    for p in (STATIC, DYNAMIC):
        with vietqr.decode(p, VietQrMode.STRICT) as r:
            r.valid


def ours_build():
    with vietqr.to_account("970403", "0011012345678", 180000, "", "thanh toan don hang") as r:
        r.cleaned_text


repeats = 3 if "--quick" in sys.argv else 7
for label, f in (
    ("pypi decode (2 payloads)", peer_decode),
    ("vietref.py decode (2 payloads)", ours_decode),
    ("pypi build (1 payload)", peer_build),
    ("vietref.py build (1 payload)", ours_build),
):
    lo, med = timed(repeats, f)
    print(f"{label} ns min {lo:.0f} median {med:.0f}")
