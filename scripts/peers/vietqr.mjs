// VietQR decode and build with the npm package vietnam-qr-pay, timed like
// benches/peers.rs times vietref (scripts/bench-peers.sh runs both in one go).
// Usage: node vietqr.mjs MODULE_DIR [--quick]
import { createRequire } from "node:module";
const require = createRequire(process.argv[2] + "/");
const { QRPay } = require("vietnam-qr-pay");
const quick = process.argv.includes("--quick");

// The payloads of benches/peers.rs.
const STATIC = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";
const DYNAMIC = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";

// Seconds per call of f, over batches of at least 20 ms, `repeats` times: [min, median].
function time(repeats, f) {
  f();
  let t = process.hrtime.bigint();
  f();
  const one = Number(process.hrtime.bigint() - t) || 1;
  const batch = Math.max(1, Math.floor(20e6 / one));
  const v = [];
  for (let r = 0; r < repeats; r++) {
    t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) f();
    v.push(Number(process.hrtime.bigint() - t) / batch);
  }
  v.sort((a, b) => a - b);
  const n = v.length;
  return [v[0], n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2];
}

const repeats = quick ? 3 : 7;
let sink = 0;
const dec = time(repeats, () => {
  for (const p of [STATIC, DYNAMIC]) sink += new QRPay(p).isValid ? 1 : 0;
});
const build = time(repeats, () => {
  const q = QRPay.initVietQR({
    bankBin: "970403",
    bankNumber: "0011012345678",
    amount: "180000",
    purpose: "thanh toan don hang",
  });
  sink += q.build().length;
});
if (!new QRPay(DYNAMIC).isValid) console.error("vietnam-qr-pay: the dynamic payload reads as invalid");
console.log(`npm decode (2 payloads) ns min ${dec[0].toFixed(0)} median ${dec[1].toFixed(0)}`);
console.log(`npm build (1 payload) ns min ${build[0].toFixed(0)} median ${build[1].toFixed(0)}`);
