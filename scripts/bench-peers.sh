#!/usr/bin/env bash
# Side-by-side whole-process measurements (issue 23), in one run, repeated, min and median:
#   - `vietref reconcile` at 10 k, 100 k and 1 M statement lines against as many invoices
#     (data from the generator in benches/reconcile.rs), JSON lines and CSV out, to a file;
#     wall time, peak RSS, cost per line; with OLD=path/to/previous/vietref, the previous
#     build is run alternately with this one, the ratio printed and the outputs compared
#     byte for byte;
#   - legacy decode (VISCII, CP1258) of ~22 MB of names against iconv.
# Usage: scripts/bench-peers.sh [SIZES]   (default "10000 100000 1000000")
# Environment: REPEATS (default 5), OLD (a previous vietref binary), DATA (where the
# generated data is kept; default target/bench-data), VIETREF (this build's binary; default
# target/release/vietref, built if missing).
# Not yet here (see docs/performance.md): fold against any_ascii/deunicode (run
# `cargo bench --bench text`), VietQR against the npm package vietnam-qr-pay.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"10000 100000 1000000"}
REPEATS=${REPEATS:-5}
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
    bin=$(cargo bench --bench reconcile --no-run --message-format=json 2>/dev/null |
        sed -n 's/.*"executable":"\([^"]*reconcile-[^"]*\)".*/\1/p' | tail -1)
    VIETREF_RECONCILE_N=$n VIETREF_RECONCILE_WRITE=$dir "$bin"
}

# stats: reads numbers, prints "min median"
stats() { sort -g | awk '{a[NR]=$1} END {printf "%.3f %.3f\n", a[1], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run() { # run BIN N FORMAT OUT: prints "seconds maxrss_kb"
    local tf
    tf=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$tf" "$1" reconcile --scheme HP:8 --quiet --format "$3" \
        --invoices "$DATA/$2/invoices.csv" --statement "$DATA/$2/statement.csv" --out "$4" >/dev/null 2>&1
    cat "$tf"
    rm -f "$tf"
}

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
            echo "OUTPUTS DIFFER: $n $fmt" >&2
            exit 1
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

echo
echo "## legacy decode, ~22 MB of names, against iconv ($REPEATS runs each; min median seconds)"
corpus=$DATA/legacy-utf8.txt
if [ ! -s "$corpus" ]; then
    # The invoices' Vietnamese names (~0.55 MB), 40 times.
    cut -d, -f3,4 "$DATA/10000/invoices.csv" >"$corpus.one"
    for _ in $(seq 40); do cat "$corpus.one"; done >"$corpus"
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
