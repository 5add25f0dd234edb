#!/usr/bin/env bash
# Side-by-side measurements (issue 23), in one run, repeated, min and median, the ratios
# taken in the same run:
#   - fold: `text::fold` against `any_ascii` and `deunicode` on two corpora (names and
#     reasons; mixed sentences with digits and punctuation) at 1 KB, 1 MB and 100 MB
#     (benches/peers.rs);
#   - VietQR decode and build against the npm package `vietnam-qr-pay` (Node) and its PyPI
#     port `vietnam-qr-pay` through vietref's Python binding (both installed into a
#     temporary directory; a part whose tool is missing says so and is skipped);
#   - legacy decode (VISCII, CP1258) of ~22 MB of names against iconv;
#   - `vietref reconcile` at 10 k, 100 k and 1 M statement lines against as many invoices
#     (data from the generator in benches/reconcile.rs), JSON lines and CSV out, to a file;
#     wall time, peak RSS (/usr/bin/time), cost per line; with OLD=path/to/previous/vietref,
#     the previous build is run alternately with this one, the ratio printed and the
#     outputs compared byte for byte.
# Usage: scripts/bench-peers.sh [--quick] [PARTS]   (PARTS: any of fold vietqr legacy
#   reconcile; default all). `make bench` runs it all. --quick runs every part tiny (2 000
#   lines, 1 KB and 64 KB folds, 3 repeats) to check that the script works.
# Environment: REPEATS (default 5), SIZES (default "10000 100000 1000000"), OLD (a previous
# vietref binary), DIFF_OK (set: outputs that differ from OLD's are counted and the run
# goes on, for a build meant to change them), DATA (where the generated data is kept;
# default target/bench-data),
# VIETREF (this build's binary; default target/release/vietref, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=
PARTS=
for arg in "$@"; do
    case $arg in
    --quick) QUICK=--quick ;;
    fold | vietqr | legacy | reconcile) PARTS="$PARTS $arg" ;;
    *) echo "usage: $0 [--quick] [fold] [vietqr] [legacy] [reconcile]" >&2 && exit 2 ;;
    esac
done
PARTS=${PARTS:-"fold vietqr legacy reconcile"}
part() { [[ " $PARTS " == *" $1 "* ]]; }
if [ -n "$QUICK" ]; then
    SIZES=${SIZES:-2000}
    REPEATS=${REPEATS:-3}
    LEGACY_COPIES=2
else
    SIZES=${SIZES:-"10000 100000 1000000"}
    REPEATS=${REPEATS:-5}
    LEGACY_COPIES=40
fi
DATA=${DATA:-target/bench-data}
NEW=${VIETREF:-target/release/vietref}
OLD=${OLD:-}
[ -x "$NEW" ] || cargo build --release -p vietref-cli -q

echo "# bench-peers $(date -u +%Y-%m-%dT%H:%MZ) on $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

gen() { # gen N: the benchmark data with N invoices and N lines
    local n=$1 dir=$DATA/$1
    [ -s "$dir/statement.csv" ] && return
    mkdir -p "$dir"
    local bin
    bin=$(bench_bin reconcile)
    VIETREF_RECONCILE_N=$n VIETREF_RECONCILE_WRITE=$dir "$bin"
}

# stats: reads numbers, prints "min median"
stats() { sort -g | awk '{a[NR]=$1} END {printf "%.3f %.3f\n", a[1], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run() { # run BIN N FORMAT OUT: prints "seconds maxrss_kb"
    local tf
    tf=$(mktemp)
    # The previous run's output is removed and the page cache written back first, so that
    # a run is not charged with truncating the last one's file or with its writeback.
    rm -f "$4"
    sync
    /usr/bin/time -f "%e %M" -o "$tf" "$1" reconcile --scheme HP:8 --quiet --format "$3" \
        --invoices "$DATA/$2/invoices.csv" --statement "$DATA/$2/statement.csv" --out "$4" >/dev/null 2>&1
    cat "$tf"
    rm -f "$tf"
}

# The bench binary (benches/peers.rs, the data generator of benches/reconcile.rs).
bench_bin() {
    cargo bench --bench "$1" --no-run --message-format=json 2>/dev/null |
        sed -n "s/.*\"executable\":\"\([^\"]*\/$1-[^\"]*\)\".*/\1/p" | tail -1
}

if part fold; then
    echo
    echo "## text::fold against any_ascii and deunicode"
    "$(bench_bin peers)" fold $QUICK
fi

if part vietqr; then
    echo
    echo "## VietQR decode and build: vietref (Rust, Python binding) against vietnam-qr-pay (npm, PyPI)"
    echo "# ns per operation, min and median; decode reads a static and a dynamic payload"
    "$(bench_bin peers)" vietqr $QUICK | tee /tmp/bench-peers.q
    PEERS=${PEERS:-$(mktemp -d)}
    if command -v npm >/dev/null && { [ -d "$PEERS/npm/node_modules/vietnam-qr-pay" ] ||
        (mkdir -p "$PEERS/npm" && cd "$PEERS/npm" &&
            npm install --no-audit --no-fund --silent vietnam-qr-pay >/dev/null 2>&1); }; then
        node scripts/peers/vietqr.mjs "$PEERS/npm" $QUICK | tee -a /tmp/bench-peers.q
    else
        echo "npm: skipped (npm or the package vietnam-qr-pay not available)"
    fi
    if [ -d "$PEERS/py/vietnam_qr_pay" ] ||
        pip3 install -q --target "$PEERS/py" vietnam-qr-pay >/dev/null 2>&1; then
        [ -f target/release/libvietref.so ] || cargo build --release --lib -q
        PYTHONPATH="bindings/python/src:$PEERS/py" VIETREF_LIB=$PWD/target/release/libvietref.so \
            python3 scripts/peers/vietqr.py $QUICK | tee -a /tmp/bench-peers.q
    else
        echo "pypi: skipped (pip3 or the package vietnam-qr-pay not available)"
    fi
    # Ratios of the medians: peer / vietref (above 1: vietref is faster).
    med() { grep "^$1 $2 " /tmp/bench-peers.q | sed -n 's/.*median \([0-9.]*\)$/\1/p'; }
    for op in decode build; do
        ours=$(med vietref "$op")
        for peer in npm pypi vietref.py; do
            theirs=$(med "$peer" "$op")
            [ -n "$ours" ] && [ -n "$theirs" ] &&
                echo "$op: $peer / vietref (Rust) $(echo "scale=1; $theirs / $ours" | bc -l)x"
        done
        py=$(med vietref.py "$op")
        theirs=$(med pypi "$op")
        [ -n "$py" ] && [ -n "$theirs" ] &&
            echo "$op: pypi / vietref.py (both from Python) $(echo "scale=2; $theirs / $py" | bc -l)x"
    done
    rm -f /tmp/bench-peers.q
fi

if part reconcile; then
echo
echo "## vietref reconcile (N lines x N invoices, output to a file; $REPEATS runs each)"
printf "%-8s %-5s %-6s %10s %10s %10s %12s %10s\n" N fmt build min_s median_s rss_MB us_per_line ratio
for n in $SIZES; do
    gen "$n"
    for fmt in json csv; do
        : >/tmp/bench-peers.new
        : >/tmp/bench-peers.old
        for _ in $(seq "$REPEATS"); do
            run "$NEW" "$n" "$fmt" "/tmp/bench-peers.out.new" >>/tmp/bench-peers.new
            if [ -n "$OLD" ]; then
                run "$OLD" "$n" "$fmt" "/tmp/bench-peers.out.old" >>/tmp/bench-peers.old
            fi
        done
        if [ -n "$OLD" ] && ! cmp -s /tmp/bench-peers.out.new /tmp/bench-peers.out.old; then
            lines=$(diff /tmp/bench-peers.out.new /tmp/bench-peers.out.old | grep -c '^<' || true)
            echo "OUTPUTS DIFFER: $n $fmt ($lines lines)" >&2
            if [ -z "${DIFF_OK:-}" ]; then
                exit 1
            fi
        fi
        read -r nmin nmed < <(cut -d' ' -f1 /tmp/bench-peers.new | stats)
        nrss=$(cut -d' ' -f2 /tmp/bench-peers.new | sort -g | tail -1)
        printf "%-8s %-5s %-6s %10s %10s %10d %12.3f %10s\n" "$n" "$fmt" new "$nmin" "$nmed" \
            $((nrss / 1024)) "$(echo "$nmed * 1000000 / $n" | bc -l)" ""
        if [ -n "$OLD" ]; then
            read -r omin omed < <(cut -d' ' -f1 /tmp/bench-peers.old | stats)
            orss=$(cut -d' ' -f2 /tmp/bench-peers.old | sort -g | tail -1)
            printf "%-8s %-5s %-6s %10s %10s %10d %12.3f %10s\n" "$n" "$fmt" old "$omin" "$omed" \
                $((orss / 1024)) "$(echo "$omed * 1000000 / $n" | bc -l)" \
                "$(echo "scale=2; $omed / $nmed" | bc -l)x"
        fi
    done
done
rm -f /tmp/bench-peers.out.new /tmp/bench-peers.out.old /tmp/bench-peers.new /tmp/bench-peers.old
fi

part legacy || exit 0
gen "${SIZES%% *}"
echo
echo "## legacy decode of the invoice names ($LEGACY_COPIES copies; ~22 MB in a full run) against iconv ($REPEATS runs each; min median seconds)"
corpus=$DATA/legacy-utf8-$LEGACY_COPIES.txt
if [ ! -s "$corpus" ]; then
    # The invoices' Vietnamese names (~0.55 MB), 40 times.
    cut -d, -f3,4 "$DATA/${SIZES%% *}/invoices.csv" >"$corpus.one"
    for _ in $(seq "$LEGACY_COPIES"); do cat "$corpus.one"; done >"$corpus"
    rm -f "$corpus.one"
fi
for enc in viscii cp1258; do
    iconv_name=$([ $enc = viscii ] && echo VISCII || echo CP1258)
    "$NEW" encode --to $enc "$corpus" >"$DATA/legacy.$enc" 2>/dev/null
    : >/tmp/bench-peers.v
    : >/tmp/bench-peers.i
    for _ in $(seq "$REPEATS"); do
        /usr/bin/time -f %e -a -o /tmp/bench-peers.v "$NEW" decode --from $enc "$DATA/legacy.$enc" >/dev/null
        /usr/bin/time -f %e -a -o /tmp/bench-peers.i iconv -f $iconv_name -t UTF-8 "$DATA/legacy.$enc" >/dev/null
    done
    read -r vmin vmed < <(stats </tmp/bench-peers.v)
    read -r imin imed < <(stats </tmp/bench-peers.i)
    echo "$enc: vietref $vmin $vmed  iconv $imin $imed  iconv/vietref $(echo "scale=2; $imed / $vmed" | bc -l)x"
done
rm -f /tmp/bench-peers.v /tmp/bench-peers.i
