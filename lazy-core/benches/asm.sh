#!/usr/bin/env bash
# Prints the assembly of the `#[inline(never)]` probe functions of a bench
# (Intel syntax, optimized as `cargo bench` builds them), and for every pair
# `hand_X` / `derived_X` says whether the two bodies are the same code.
#
# Usage: lazy-core/benches/asm.sh [bench] [probe...]
#   bench   forward (default) or lazy_read
#   probe   names to print (default: all probes of the bench)
set -euo pipefail
cd "$(dirname "$0")/../.."

bench=${1:-forward}
shift || true
export CARGO_TERM_COLOR=never
cargo rustc -q --profile bench -p lazy-core --bench "$bench" -- \
    --emit asm -C llvm-args=-x86-asm-syntax=intel
target=${CARGO_TARGET_DIR:-target}
asm=$(ls -t "$target"/release/deps/"$bench"-*.s | head -n 1)

# The body of one probe, labels and hashes normalized so that two functions
# that differ only in their names compare equal.
body() {
    awk -v name="$1" '
        $0 ~ "^_ZN[0-9]+" bench "5probe[0-9]+" name "17h[0-9a-f]+E:$" { on = 1; next }
        on && /^\.Lfunc_end/ { exit }
        on && !/^[ \t]*\.(cfi_|p2align)/ { print }
    ' bench="$bench" "$asm" |
        sed -E 's/\.LBB[0-9]+_/.LBB_/g; s/17h[0-9a-f]{16}E/17h_E/g'
}

if [ $# -gt 0 ]; then
    probes=$*
else
    probes=$(grep -oE "^_ZN[0-9]+${bench}5probe[0-9]+[a-z_]+17h" "$asm" |
        sed -E "s/^_ZN[0-9]+${bench}5probe[0-9]+//; s/17h$//" | sort -u)
fi

for probe in $probes; do
    echo "== $probe"
    body "$probe"
    echo
done

for probe in $probes; do
    case "$probe" in
        hand_*)
            derived="derived_${probe#hand_}"
            if printf '%s\n' $probes | grep -qx "$derived"; then
                if [ "$(body "$probe")" = "$(body "$derived")" ]; then
                    echo "$probe and $derived: same code"
                else
                    echo "$probe and $derived: DIFFERENT code"
                    diff <(body "$probe") <(body "$derived") || true
                fi
            fi
            ;;
    esac
done
