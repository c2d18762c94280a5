#!/usr/bin/env bash
# Runs every runtime benchmark of lazy-core one after the other, with short
# criterion warm-up and measurement times (the interleaved-rounds tables that
# each bench prints first do not depend on them), and the assembly check.
# Prints everything to stdout; BENCHMARKS.md quotes such a run.
#
# Usage: lazy-core/benches/run_all.sh [criterion options...]
#   default criterion options: --warm-up-time 1 --measurement-time 2
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TERM_COLOR=never

options=("$@")
[ ${#options[@]} -gt 0 ] || options=(--warm-up-time 1 --measurement-time 2)

echo "## Runtime benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $(rustc --version)"
cargo bench -q -p lazy-core --no-run 2>&1 | grep -v '^ *Executable' || true
for bench in forward lazy_read realize_all memory; do
    echo
    echo "## bench: $bench"
    cargo bench -q -p lazy-core --bench "$bench" -- "${options[@]}" 2>&1 |
        grep -v '^Benchmarking\|^Found [0-9]* outliers\|^  [0-9]* (.*%) \(high\|low\) \(mild\|severe\)$'
done
echo
echo "## assembly of the forwarding probes"
echo
lazy-core/benches/asm.sh forward
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
