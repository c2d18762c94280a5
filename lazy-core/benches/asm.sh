#!/usr/bin/env bash
# Prints the assembly of the `#[inline(never)]` probe functions of a bench
# (Intel syntax, optimized as `cargo bench` builds them), and for every pair
# `hand_X` / `derived_X` (and `direct_X` / `plain_X`: forwarding to a plain
# field) says whether the two bodies are the same code; `hand_enum_X` /
# `derived_enum_X` are an enum's hand-written `match` and its derived
# forwarding. Exits with status 1 if any such pair differs, so the claim
# "the same instructions" is checked, not only read.
#
# A plain optimized build merges identical functions (LLVM's MergeFunctions),
# so one of two identical probes would vanish; this script turns the merging
# off (`-Z merge-functions=disabled`, allowed on stable by RUSTC_BOOTSTRAP=1)
# and builds in its own target directory, `target/asm`, so the ordinary
# build is not invalidated.
#
# Usage: lazy-core/benches/asm.sh [bench] [probe...]
#   bench   forward (default) or lazy_read
#   probe   names to print (default: all probes of the bench)
set -euo pipefail
cd "$(dirname "$0")/../.."

bench=${1:-forward}
shift || true
export CARGO_TERM_COLOR=never
target=${CARGO_TARGET_DIR:-target}/asm
RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$target" \
    cargo rustc -q --profile bench -p lazy-core --bench "$bench" -- \
    --emit asm -C llvm-args=-x86-asm-syntax=intel -Z merge-functions=disabled
asm=$(ls -t "$target"/release/deps/"$bench"-*.s | head -n 1)

# The body of one probe, labels and hashes normalized so that two functions
# that differ only in their names compare equal. Anonymous constants
# (`.Lanon.*`) are normalized too: the only one in these probes is the
# caller's source location that `#[track_caller]` passes to the cold build
# path, which differs between two call sites by nature.
body() {
    awk -v name="$1" '
        $0 ~ "^_[A-Za-z0-9_]*[0-9]" bench "5probe[0-9]+" name "(17h[0-9a-f]+E)?:$" { on = 1; next }
        on && /^\.Lfunc_end/ { exit }
        on && !/^[ \t]*\.(cfi_|p2align)/ { print }
    ' bench="$bench" "$asm" |
        sed -E 's/\.LBB[0-9]+_/.LBB_/g; s/17h[0-9a-f]{16}E/17h_E/g; s/\.Lanon\.[0-9a-f]+\.[0-9]+/.Lanon_/g'
}

if [ $# -gt 0 ]; then
    probes=$*
else
    # Legacy (`_ZN..17h..E`) or v0 (`_RNv..`) mangling, whichever rustc used.
    probes=$(grep -oE "^_[A-Za-z0-9_]*[0-9]${bench}5probe[0-9]+[a-z_]+(17h[0-9a-f]+E)?:$" "$asm" |
        sed -E "s/^_[A-Za-z0-9_]*[0-9]${bench}5probe[0-9]+//; s/(17h[0-9a-f]+E)?:$//" | sort -u)
fi

for probe in $probes; do
    echo "== $probe"
    body "$probe"
    echo
done

# Prints whether probes $1 and $2 (if both exist) are the same code.
differ=0
same() {
    printf '%s\n' $probes | grep -qx "$2" || return 0
    if [ "$(body "$1")" = "$(body "$2")" ]; then
        echo "$1 and $2: same code (up to the caller-location constant)"
    else
        echo "$1 and $2: DIFFERENT code"
        diff <(body "$1") <(body "$2") || true
        differ=1
    fi
}

for probe in $probes; do
    case "$probe" in
        hand_*) same "$probe" "derived_${probe#hand_}" ;;
        direct_*) same "$probe" "plain_${probe#direct_}" ;;
    esac
done
exit "$differ"
