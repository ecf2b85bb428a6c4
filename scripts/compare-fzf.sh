#!/usr/bin/env bash
# Whole-process time of `talktree --search Q --limit all DIR` (load, search,
# print every hit) against `fzf --filter Q` reading the same notes as one
# file, per query, on the benchmark corpus (1M bullets unless BULLETS says).
#
#   scripts/compare-fzf.sh                 # default queries
#   scripts/compare-fzf.sh riemann "k8s"   # your own
#   RUNS=9 BULLETS=100000 scripts/compare-fzf.sh
#
# Runs alternate between the two tools so a machine that speeds up or slows
# down mid-way affects both alike; the median of RUNS is reported.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v fzf >/dev/null 2>&1; then
    echo "compare-fzf: fzf is not installed; on Debian/Ubuntu: apt-get install -y fzf" >&2
    exit 1
fi

BULLETS=${BULLETS:-1000000}
RUNS=${RUNS:-5}
target=${CARGO_TARGET_DIR:-target}
corpus="$target/bench-corpus/$BULLETS"
joined="$target/bench-corpus/$BULLETS.txt"
talktree="$target/release/talktree"

cargo build --release --quiet
# Defaults only: no user config, no remembered state.
empty_config=$(mktemp)
trap 'rm -f "$empty_config"' EXIT
# The same layout the benches write (and reuse): .complete marks it whole.
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    cargo run --release --quiet --example gen_corpus -- --bullets "$BULLETS" "$corpus"
    touch "$corpus/.complete"
fi
if [ ! -f "$joined" ] || [ "$corpus/.complete" -nt "$joined" ]; then
    find "$corpus" -type f ! -name '.*' -print0 | LC_ALL=C sort -z | xargs -0 cat >"$joined"
fi

if [ $# -gt 0 ]; then
    queries=("$@")
else
    queries=("c" "db" "con" "riemann" "consistent hashing" "the talk")
fi

# Milliseconds one command takes, its output discarded.
elapsed_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null || true # no hit is exit status 1 for both tools
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

run_fzf() { fzf --filter "$1" <"$joined"; }
pinned=(--no-state --config "$empty_config")

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}; $(fzf --version | head -n1 | sed 's/^/fzf /'); $("$talktree" --version)"
echo "corpus: $corpus ($(du -sh "$joined" | cut -f1) as one file, $(wc -l <"$joined") lines); median of $RUNS runs"
echo
echo "| query | talktree hits | fzf hits | talktree ms | fzf ms | talktree/fzf |"
echo "|---|---|---|---|---|---|"
for q in "${queries[@]}"; do
    ours_hits=$("$talktree" "${pinned[@]}" --search "$q" --limit all "$corpus" | wc -l || true)
    fzf_hits=$(run_fzf "$q" | wc -l || true)
    ours=()
    theirs=()
    for _ in $(seq "$RUNS"); do
        ours+=("$(elapsed_ms "$talktree" "${pinned[@]}" --search "$q" --limit all "$corpus")")
        theirs+=("$(elapsed_ms run_fzf "$q")")
    done
    a=$(printf '%s\n' "${ours[@]}" | median)
    b=$(printf '%s\n' "${theirs[@]}" | median)
    echo "| $q | $ours_hits | $fzf_hits | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }') |"
done
