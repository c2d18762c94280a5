#!/usr/bin/env bash
# Compile-time benchmark of the forwarding derive.
#
# Generates, in a scratch directory (never in the repository), one crate per
# variant and size: a trait with N methods of mixed shapes, its implementor,
# a lazy wrapper, and the wrapper's forwarding impl written
#   none        not at all (the floor every variant pays),
#   forwardable not at all, but the trait carries #[lazy_core::forwardable]
#               (what recording the trait costs, without any derive),
#   hand        by hand, forwarders calling the field's realize (the
#               baseline of every ratio),
#   written     the derive's expansion written into the source (the
#               wrapper's Realize impls, forwarders through them): what the
#               generated code costs without the macros that write it,
#   derive      by #[lazy_core::forwardable] + #[derive(RealizeForward)],
#   blanket     by #[lazy_core::forwardable(blanket)] + the same derive (the
#               forwarders written once, as a blanket impl beside the trait),
#   byhand      as derive / blanket, the wrapper implementing Realize and
#   byhand-blanket  RealizeMut by hand beside a lazy it does not mark
#               #[realize] (not run unless named in --variants),
#   rules       the forwarders written by macro_rules! alone, no proc macro:
#               a declarative macro matching the trait's items, carried
#               verbatim beside it (the floor of that design for this
#               trait's shapes, not a forwarder of any trait; not run
#               unless named in --variants),
#   reuse       as written, the trait's impl one item of rustc's own
#               delegation, `reuse Big::* { Pick::pick(self) }`: rustc
#               writes the forwarders (nightly's incomplete feature
#               `fn_delegation`; run the script with
#               RUSTUP_TOOLCHAIN=nightly; its incremental check stopped
#               rustc with an internal error on nightly-2026-05-19, so
#               only --first-checks counts it; not run unless named),
#   ambassador  by ambassador's #[delegatable_trait] + #[delegate_to_methods],
#   delegate    by the delegate crate's delegate! { to ... },
#   hand3       as hand, written, derive and blanket, with three wrappers
#   written3    forwarding the same trait: what each further wrapper adds.
#   derive3
#   blanket3
#   reuse3
# and one crate per enum variant and size: the trait (without its associated
# type, which enum_dispatch cannot forward), 20 implementors, and an enum of
# them (one variant each) forwarding the trait to its active variant
#   enum-none     not at all (the floor of the enum variants),
#   enum-hand     by a hand-written `match` (the derive's arms, without
#                 its where clause),
#   enum-derive   by #[lazy_core::forwardable] + #[derive(RealizeForward)],
#   enum-dispatch by enum_dispatch's #[enum_dispatch] on trait and enum.
# The enum variants' ratios are to enum-hand and enum-none. Last, one crate
# per local variant and size: a trait whose every method names two types
# of the crate's own module (`fn m(&self, t: &Tag) -> Result<Tag>`), its
# implementor and a lazy wrapper forwarding it
#   local-none    not at all,
#   local-hand    by hand,
#   local-derive  by #[lazy_core::forwardable] + #[derive(RealizeForward)],
#   local-blanket by #[lazy_core::forwardable(blanket)] + the same derive;
# their ratios are to local-hand and local-none. And one crate per generic
# variant and size: the trait and its implementor, and a wrapper generic
# over its value (`Wrapper<V>`), which the derive forwards through the
# hidden macro's fast rule as a `generic` entry (the chain still ends in
# the derive's proc macro, where a plain wrapper's ends in a macro_rules!)
#   generic-none    not at all,
#   generic-hand    by hand (`impl<V: Big> Big for Wrapper<V>`),
#   generic-derive  by #[lazy_core::forwardable] + #[derive(RealizeForward)];
# their ratios are to generic-hand and generic-none.
# Then it times `cargo check` of each crate (only that crate recompiles: its
# source is touched before every run), interleaving the variants round by
# round, and reports medians, minimums and ratios to `hand`; with --release,
# it times `cargo build --release` of each crate the same way. With a nightly
# toolchain it also reads macro-expansion time from `-Z time-passes`. Last,
# it times cold builds of lazy-derive and of ambassador, auto_impl and
# delegate, each in an empty target directory. With nightly, it also prints
# how much code each macro writes (`-Z macro-stats`).
#
# Usage: lazy-core/benches/compile_time/run.sh [options]
#   --sizes "10 100 1000" method counts (default: 10 100 1000; 10 is a trait of
#                        the size most traits have, where what each derive
#                        costs whatever the trait's size shows most)
#   --runs R             timed runs per crate (default: 5)
#   --enum-sizes "100"   method counts of the enum-* variants (default: 100)
#   --variants "..."     subset of: none forwardable hand written derive blanket
#                        byhand byhand-blanket rules reuse reuse3 (only
#                        when named)
#                        ambassador delegate hand3 written3 derive3 blanket3
#                        enum-none enum-hand
#                        enum-derive enum-dispatch
#                        local-none local-hand local-derive local-blanket
#                        generic-none generic-hand generic-derive
#   --release            also time `cargo build --release` of each crate; with
#                        the instruction counts, also count the release
#                        builds of hand, written, derive and blanket and of
#                        a crate that calls every method of their wrapper
#                        once (use-hand, use-written, use-derive,
#                        use-blanket: the blanket impl's forwarders are
#                        compiled in the caller)
#   --no-check           skip the timed `cargo check` runs (e.g. with
#                        --release, to time release builds only)
#   --no-nightly         skip -Z time-passes even if nightly is installed
#   --no-cold            skip the cold builds of the macro crates
#   --cold-crates "..."  which cold builds (default: lazy-derive lazy-core
#                        ambassador auto_impl delegate)
#   --cold-instructions  with the cold builds, also count the instructions of
#                        every rustc of each (callgrind, from an empty target
#                        dir): the whole build and the crate alone, which
#                        seconds on a shared machine cannot compare (about
#                        four minutes a crate)
#   --no-instructions    skip the instruction counts (valgrind's callgrind),
#                        which are taken when valgrind is installed
#   --first-checks       with the instruction counts, also count each crate's
#                        first check without incremental compilation
#                        (CARGO_INCREMENTAL=0, as CI often sets it; in a
#                        target dir of its own): every item type-checked,
#                        where the counted re-check after a touch reuses
#                        the cache for all but the macros' output
#   --keep DIR           work in DIR and keep it (default: a temp dir, removed)
#
# Needs: a Rust toolchain, network access to crates.io (or a warm cargo
# cache) for ambassador, delegate, enum_dispatch and auto_impl. Nothing else; not run by CI.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)

sizes="10 100 1000"
enum_sizes="100"
runs=5
variants="none forwardable hand written derive blanket ambassador delegate hand3 written3 derive3 blanket3 enum-none enum-hand enum-derive enum-dispatch local-none local-hand local-derive local-blanket generic-none generic-hand generic-derive"
nightly=1
check=1
release=0
cold=1
cold_crates="lazy-derive lazy-core ambassador auto_impl delegate"
cold_instructions=0
instructions=1
first_checks=0
work=""
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes=$2; shift 2 ;;
        --enum-sizes) enum_sizes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --variants) variants=$2; shift 2 ;;
        --release) release=1; shift ;;
        --no-check) check=0; shift ;;
        --no-nightly) nightly=0; shift ;;
        --no-cold) cold=0; shift ;;
        --cold-crates) cold_crates=$2; shift 2 ;;
        --cold-instructions) cold_instructions=1; shift ;;
        --no-instructions) instructions=0; shift ;;
        --first-checks) first_checks=1; shift ;;
        --keep) work=$2; shift 2 ;;
        -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
if [ -z "$work" ]; then
    work=$(mktemp -d -t lazy-compile-time.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
ws="$work/ws"
export CARGO_TERM_COLOR=never

log() { printf '%s\n' "$*" >&2; }
now() { date +%s%N; }
# Seconds with three decimals from two `now` stamps.
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
# Median and minimum of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -g | head -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
# Whether variant $1 is measured at size $2, the sizes of both kinds, and
# the baseline (`hand`) and floor (`none`) each variant's ratios are to.
has_size() {
    local list=$sizes
    case "$1" in enum-*) list=$enum_sizes ;; esac
    case " $list " in *" $2 "*) return 0 ;; *) return 1 ;; esac
}
all_sizes=$(printf '%s\n' $sizes $enum_sizes | sort -n -u | paste -sd' ' -)
base_of() { case "$1" in enum-*) echo enum-hand ;; local-*) echo local-hand ;; generic-*) echo generic-hand ;; *) echo hand ;; esac; }
floor_of() { case "$1" in enum-*) echo enum-none ;; local-*) echo local-none ;; generic-*) echo generic-none ;; *) echo none ;; esac; }

# --- machine -----------------------------------------------------------------
echo "## Compile-time benchmark"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "- $(rustc --version)"
echo "- sizes: $sizes methods (enum variants: $enum_sizes methods, 20 variants); $runs timed runs per crate"

# What each further wrapper adds: (X3 - X) / 2 for a variant (written,
# derive, blanket, reuse) and hand, from the medians in files with the given
# suffix; prints the line of the table.
further() {
    local n=$1 suffix=$2
    local h1="$work/hand-$n.$suffix" h3="$work/hand3-$n.$suffix"
    for v in written derive blanket reuse; do
        local d1="$work/$v-$n.$suffix" d3="$work/${v}3-$n.$suffix"
        [ -s "$d1" ] && [ -s "$d3" ] && [ -s "$h1" ] && [ -s "$h3" ] || continue
        awk -v n="$n" -v v="$v" -v d1="$(median < "$d1")" -v d3="$(median < "$d3")" \
            -v h1="$(median < "$h1")" -v h3="$(median < "$h3")" 'BEGIN {
            d = (d3 - d1) / 2; h = (h3 - h1) / 2
            printf "| %s | %s | %.3f | %.3f | %s |\n", n, v, d, h, (h > 0) ? sprintf("%.2f", d / h) : "-"
        }'
    done
}

# --- generate ------------------------------------------------------------------
rustc -O --edition 2021 "$here/gen.rs" -o "$work/gen"
members=""
mkdir -p "$ws"
for n in $all_sizes; do
    for v in $variants; do
        has_size "$v" "$n" || continue
        pkg="$v-$n"
        members="$members\"$pkg\", "
        mkdir -p "$ws/$pkg/src"
        deps='lazy-core = { workspace = true }'
        case "$v" in
            ambassador) deps="$deps"$'\n''ambassador = { workspace = true }' ;;
            delegate) deps="$deps"$'\n''delegate = { workspace = true }' ;;
            enum-dispatch) deps="$deps"$'\n''enum_dispatch = { workspace = true }' ;;
        esac
        cat > "$ws/$pkg/Cargo.toml" <<EOF
[package]
name = "$pkg"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$deps
EOF
        "$work/gen" "$v" "$n" > "$ws/$pkg/src/lib.rs"
    done
done
# The callers (release instructions only): use-V-N calls every method of
# V-N's wrapper once.
callers=""
if [ "$release" = 1 ]; then
    for n in $sizes; do
        for v in hand written derive blanket; do
            case " $variants " in *" $v "*) ;; *) continue ;; esac
            pkg="use-$v-$n"
            callers="$callers $v-$n"
            members="$members\"$pkg\", "
            mkdir -p "$ws/$pkg/src"
            printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n%s = { path = "../%s" }\n' \
                "$pkg" "$v-$n" "$v-$n" > "$ws/$pkg/Cargo.toml"
            "$work/gen" "use-$v" "$n" > "$ws/$pkg/src/lib.rs"
        done
    done
fi
cat > "$ws/Cargo.toml" <<EOF
[workspace]
members = [$members]
resolver = "3"

[workspace.dependencies]
lazy-core = { path = "$repo/lazy-core" }
ambassador = "0.5"
delegate = "0.13"
enum_dispatch = "0.3"
EOF

# The cargo commands timed: `check` and, with --release, `release`.
cargo_cmd() {
    case "$1" in
        check) echo "check" ;;
        release) echo "build --release" ;;
    esac
}
kinds=""
[ "$check" = 1 ] && kinds="check"
[ "$release" = 1 ] && kinds="$kinds release"

# --- warm up: dependencies built once, every crate built once per kind ---------
export CARGO_TARGET_DIR="$work/target"
[ -n "$kinds" ] && log "warming up (dependencies and a first $(echo $kinds | sed 's/ / and /') of every crate)..."
failed=""
for kind in $kinds; do
    for n in $all_sizes; do
        for v in $variants; do
            has_size "$v" "$n" || continue
            case " $failed " in *" $v-$n "*) continue ;; esac
            if ! (cd "$ws" && cargo $(cargo_cmd "$kind") -q -p "$v-$n" 2> "$work/$v-$n.err"); then
                log "  $v-$n does not compile; see below, excluded"
                head -n 30 "$work/$v-$n.err" >&2
                failed="$failed $v-$n"
            fi
        done
    done
done
ok() { case " $failed " in *" $1 "*) return 1 ;; *) return 0 ;; esac; }
# The crates that compiled, size by size, each size in the order of $variants.
built() {
    for n in $all_sizes; do
        for v in $variants; do
            has_size "$v" "$n" && ok "$v-$n" && echo "$v-$n"
        done
    done
    return 0
}

# --- timed checks and release builds ----------------------------------------------
# Each round runs every kind of every crate once, so that the machine's
# drift spreads over all of them.
for r in $(seq 1 "$runs"); do
    [ -n "$kinds" ] || break
    log "round $r/$runs"
    for kind in $kinds; do
        for n in $all_sizes; do
            for v in $variants; do
                has_size "$v" "$n" || continue
                pkg="$v-$n"
                ok "$pkg" || continue
                touch "$ws/$pkg/src/lib.rs"
                t0=$(now)
                (cd "$ws" && cargo $(cargo_cmd "$kind") -q -p "$pkg")
                t1=$(now)
                secs "$t0" "$t1" >> "$work/$pkg.$kind"
                echo >> "$work/$pkg.$kind"
            done
            # Cargo's own cost: a run with nothing to recompile.
            first=""
            for v in $variants; do has_size "$v" "$n" && first=$v && break; done
            if [ -n "$first" ] && ok "$first-$n"; then
                t0=$(now)
                (cd "$ws" && cargo $(cargo_cmd "$kind") -q -p "$first-$n")
                t1=$(now)
                secs "$t0" "$t1" >> "$work/noop-$n.$kind"
                echo >> "$work/noop-$n.$kind"
            fi
        done
    done
done

# Whether the variants include three-wrapper crates (the "further wrapper"
# tables).
threes=0
case " $variants " in *" hand3 "*|*" written3 "*|*" derive3 "*|*" blanket3 "*) threes=1 ;; esac

# The table of one kind's timings (medians in files $work/<crate>.<kind>).
time_table() {
    local kind=$1
    local cmd="cargo $(cargo_cmd "$kind")"
    echo
    echo "### \`$cmd\` of one crate (seconds; median and minimum of $runs runs)"
    echo
    echo "For the enum-*, local-* and generic-* variants, \`hand\` is enum-hand, local-hand or generic-hand, and \`none\` enum-none, local-none or generic-none."
    echo
    echo "| methods | variant | median s | min s | median / hand | min / hand | (median - none) / (hand - none) |"
    echo "|---:|---|---:|---:|---:|---:|---:|"
    for n in $all_sizes; do
        for v in $variants; do
            has_size "$v" "$n" || continue
            hand_med=""; hand_min=""; none_med=""
            b="$(base_of "$v")-$n"; z="$(floor_of "$v")-$n"
            ok "$b" && [ -f "$work/$b.$kind" ] && hand_med=$(median < "$work/$b.$kind") && hand_min=$(minimum < "$work/$b.$kind")
            ok "$z" && [ -f "$work/$z.$kind" ] && none_med=$(median < "$work/$z.$kind")
            pkg="$v-$n"
            if ! ok "$pkg" || [ ! -f "$work/$pkg.$kind" ]; then
                echo "| $n | $v | did not compile | | | | |"
                continue
            fi
            med=$(median < "$work/$pkg.$kind"); min=$(minimum < "$work/$pkg.$kind")
            extra="-"
            if [ -n "$none_med" ] && [ -n "$hand_med" ]; then
                extra=$(awk -v m="$med" -v z="$none_med" -v h="$hand_med" 'BEGIN { if (h - z > 0) printf "%.2f", (m - z) / (h - z); else printf "-" }')
            fi
            echo "| $n | $v | $med | $min | $(ratio "$med" "${hand_med:-0}") | $(ratio "$min" "${hand_min:-0}") | $extra |"
        done
        if [ -s "$work/noop-$n.$kind" ]; then
            echo "| $n | (no-op \`$cmd\`: cargo's own overhead) | $(median < "$work/noop-$n.$kind") | $(minimum < "$work/noop-$n.$kind") | | | |"
        fi
    done
    if [ "$threes" = 1 ]; then
        echo
        echo "### each further wrapper (\`$cmd\`): (X3 - X) / 2, seconds of the medians"
        echo
        echo "| methods | variant | variant s | hand s | variant / hand |"
        echo "|---:|---|---:|---:|---:|"
        for n in $sizes; do further "$n" "$kind"; done
    fi
}
for kind in $kinds; do time_table "$kind"; done

# --- macro expansion time (nightly -Z time-passes) -------------------------------
if [ "$nightly" = 1 ]; then
    if cargo +nightly --version > /dev/null 2>&1; then
        export CARGO_TARGET_DIR="$work/target-nightly"
        log "nightly: warming up..."
        for pkg in $(built); do
            (cd "$ws" && cargo +nightly check -q -p "$pkg") > /dev/null 2>&1 || true
        done
        for r in $(seq 1 "$runs"); do
            log "nightly round $r/$runs"
            for pkg in $(built); do
                touch "$ws/$pkg/src/lib.rs"
                out=$( (cd "$ws" && cargo +nightly rustc -q -p "$pkg" --profile check -- -Z time-passes) 2>&1 || true)
                printf '%s\n' "$out" | awk '$NF == "macro_expand_crate" { sub(";", "", $2); print $2 }' | tail -n 1 >> "$work/$pkg.expand"
                printf '%s\n' "$out" | awk '$NF == "total" { sub(";", "", $2); print $2 }' | tail -n 1 >> "$work/$pkg.total"
            done
        done
        echo
        echo "### macro expansion (nightly \`-Z time-passes\`, \`macro_expand_crate\`; seconds, median of $runs)"
        echo
        echo "- $(rustc +nightly --version)"
        echo
        echo "| methods | variant | macro_expand_crate s | total s | expansion / hand | expansion - none, / hand - none |"
        echo "|---:|---|---:|---:|---:|---:|"
        for n in $all_sizes; do
            for v in $variants; do
                has_size "$v" "$n" || continue
                hand_exp=""; none_exp=""
                b="$(base_of "$v")-$n"; z="$(floor_of "$v")-$n"
                [ -s "$work/$b.expand" ] && hand_exp=$(median < "$work/$b.expand")
                [ -s "$work/$z.expand" ] && none_exp=$(median < "$work/$z.expand")
                pkg="$v-$n"
                if [ ! -s "$work/$pkg.expand" ]; then
                    echo "| $n | $v | not measured | | | |"
                    continue
                fi
                exp=$(median < "$work/$pkg.expand"); tot=$(median < "$work/$pkg.total")
                extra=$(awk -v m="$exp" -v z="${none_exp:-0}" -v h="${hand_exp:-0}" 'BEGIN { if (h - z > 0) printf "%.2f", (m - z) / (h - z); else printf "-" }')
                echo "| $n | $v | $exp | $tot | $(ratio "$exp" "${hand_exp:-0}") | $extra |"
            done
        done
        if [ "$threes" = 1 ]; then
            echo
            echo "### each further wrapper (\`macro_expand_crate\` and \`total\`): (X3 - X) / 2"
            echo
            echo "| methods | variant | variant s | hand s | variant / hand |"
            echo "|---:|---|---:|---:|---:|"
            for n in $sizes; do further "$n" expand; done
            for n in $sizes; do further "$n" total; done
        fi
        # How much code each macro writes (nightly -Z macro-stats), at each
        # variant's largest size.
        n=$(echo $sizes | awk '{ print $NF }')
        echo
        echo "### what the macros write at $n methods, enum variants at $(echo $enum_sizes | awk '{ print $NF }') (nightly \`-Z macro-stats\`)"
        echo
        echo '```'
        echo "columns: macro, uses, lines written, average lines, bytes written, average bytes"
        for v in $variants; do
            case "$v" in
                enum-*) n=$(echo $enum_sizes | awk '{ print $NF }') ;;
                *) n=$(echo $sizes | awk '{ print $NF }') ;;
            esac
            pkg="$v-$n"
            ok "$pkg" || continue
            touch "$ws/$pkg/src/lib.rs"
            echo "$pkg:"
            (cd "$ws" && cargo +nightly rustc -q -p "$pkg" --profile check -- -Z macro-stats) 2>&1 |
                sed -n 's/^macro-stats //p' | grep -v '^[=-]*$\|MACRO EXPANSION STATS\|^Macro Name' || true
        done
        echo '```'
        echo
        n=$(echo $sizes | awk '{ print $NF }')
        if [ -f "$ws/hand-$n/src/lib.rs" ]; then
            echo "(For comparison: the hand-written impl of $n methods is $(awk '/^impl Big for Wrapper/,0' "$ws/hand-$n/src/lib.rs" | wc -c) bytes of source.)"
        fi
        n=$(echo $enum_sizes | awk '{ print $NF }')
        if [ -f "$ws/enum-hand-$n/src/lib.rs" ]; then
            echo "(The hand-written \`match\` impl of $n methods over 20 variants is $(awk '/^impl Big for AnyBig/,0' "$ws/enum-hand-$n/src/lib.rs" | wc -c) bytes of source.)"
        fi
    else
        echo
        echo "No nightly toolchain installed: macro-expansion time (-Z time-passes) not measured."
    fi
fi

# --- instructions (valgrind's callgrind) ---------------------------------------------
# Timings on a shared machine move by 20 %; the instructions rustc executes to
# check a crate do not. One count per crate, through a RUSTC_WRAPPER that runs
# only the measured crate's rustc under callgrind: a re-check after a touch,
# right after a check that leaves the incremental cache as the source is (a
# count taken without a usable cache type-checks every item and writes the
# cache, 1.66x to 3.35x the re-check's; seen on 2026-12-07 for 27 of 61
# crates, the cache of the timed runs minutes before not taken up).
if [ "$instructions" = 1 ] && command -v valgrind > /dev/null && command -v callgrind_annotate > /dev/null; then
    export CARGO_TARGET_DIR="$work/target"
    cat > "$work/cg-wrap.sh" <<'EOF_WRAP'
#!/bin/sh
case " $* " in
    *" --crate-name $CG_CRATE "*) exec valgrind -q --tool=callgrind --callgrind-out-file="$CG_OUT" "$@" ;;
esac
exec "$@"
EOF_WRAP
    chmod +x "$work/cg-wrap.sh"
    log "instructions (callgrind)..."
    # The whole check's instructions and its expansion's, from a profile.
    totals() {
        callgrind_annotate --inclusive=yes "$1" 2> /dev/null |
            awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print "total", $1 } /MacroExpander>::expand_crate / { gsub(",", "", $1); print "expand", $1 }'
    }
    for pkg in $(built); do
        rm -f "$work/$pkg.cg" "$work/$pkg.ins"
        touch "$ws/$pkg/src/lib.rs"
        # Also what leaves out a crate that does not compile where no timed
        # run's warm-up did (--no-check): its profile would count an error.
        # Only a check that succeeds is counted (a profile is written for
        # one that fails, or where rustc stops with an internal error).
        if (cd "$ws" && cargo check -q -p "$pkg" 2> "$work/$pkg.err"); then
            touch "$ws/$pkg/src/lib.rs"
            if (cd "$ws" && CG_CRATE=$(echo "$pkg" | tr - _) CG_OUT="$work/$pkg.cg" RUSTC_WRAPPER="$work/cg-wrap.sh" cargo check -q -p "$pkg"); then
                [ -s "$work/$pkg.cg" ] && totals "$work/$pkg.cg" > "$work/$pkg.ins"
            fi
        else
            log "  $pkg does not compile incrementally; see $work/$pkg.err; its re-check not counted"
        fi
        if [ "$first_checks" = 1 ]; then
            rm -f "$work/$pkg.first.cg" "$work/$pkg.first"
            touch "$ws/$pkg/src/lib.rs"
            if (cd "$ws" && CARGO_TARGET_DIR="$work/target-first" CARGO_INCREMENTAL=0 CG_CRATE=$(echo "$pkg" | tr - _) CG_OUT="$work/$pkg.first.cg" RUSTC_WRAPPER="$work/cg-wrap.sh" cargo check -q -p "$pkg" 2> "$work/$pkg.first.err"); then
                [ -s "$work/$pkg.first.cg" ] && totals "$work/$pkg.first.cg" > "$work/$pkg.first"
            else
                log "  $pkg's first check does not compile; see $work/$pkg.first.err; not counted"
            fi
        fi
    done
    # The rows of one table of counts: the files $work/VARIANT-N.$1, each
    # with its ratios to its `hand`, then each further wrapper's.
    instruction_rows() {
        local ext=$1 n v f b base_t base_e t e h1 h3 dv d1 d3
        for n in $all_sizes; do
            for v in $variants; do
                f="$work/$v-$n.$ext"
                [ -s "$f" ] || continue
                b="$work/$(base_of "$v")-$n.$ext"
                base_t=$(awk '$1 == "total" { print $2 }' "$b" 2> /dev/null || true)
                base_e=$(awk '$1 == "expand" { print $2 }' "$b" 2> /dev/null || true)
                t=$(awk '$1 == "total" { print $2 }' "$f"); e=$(awk '$1 == "expand" { print $2 }' "$f")
                awk -v n="$n" -v v="$v" -v t="$t" -v e="$e" -v ht="${base_t:-0}" -v he="${base_e:-0}" 'BEGIN {
                    printf "| %s | %s | %.0f | %s | %.0f | %s |\n", n, v, t / 1e6, (ht > 0) ? sprintf("%.2f", t / ht) : "-", e / 1e6, (he > 0) ? sprintf("%.1f", e / he) : "-"
                }'
            done
            # Each further wrapper: (X3 - X) / 2.
            h1=$(awk '$1 == "total" { print $2 }' "$work/hand-$n.$ext" 2> /dev/null || true)
            h3=$(awk '$1 == "total" { print $2 }' "$work/hand3-$n.$ext" 2> /dev/null || true)
            for dv in written derive blanket reuse; do
                d1=$(awk '$1 == "total" { print $2 }' "$work/$dv-$n.$ext" 2> /dev/null || true)
                d3=$(awk '$1 == "total" { print $2 }' "$work/${dv}3-$n.$ext" 2> /dev/null || true)
                if [ -n "$d1" ] && [ -n "$d3" ] && [ -n "$h1" ] && [ -n "$h3" ]; then
                    awk -v n="$n" -v v="$dv" -v d1="$d1" -v d3="$d3" -v h1="$h1" -v h3="$h3" 'BEGIN {
                        d = (d3 - d1) / 2; h = (h3 - h1) / 2
                        printf "| %s | each further wrapper, %s / hand | %.0f | %.2f | | |\n", n, v, d / 1e6, d / h
                    }'
                fi
            done
        done
    }
    echo
    echo "### instructions rustc executes to check each crate again after a touch (callgrind; millions)"
    echo
    echo "| methods | variant | whole check | / hand | macro expansion | / hand |"
    echo "|---:|---|---:|---:|---:|---:|"
    instruction_rows ins
    if [ "$first_checks" = 1 ]; then
        echo
        echo "### instructions rustc executes for each crate's first check, without an incremental cache (callgrind; millions)"
        echo
        echo "| methods | variant | first check | / hand | macro expansion | / hand |"
        echo "|---:|---|---:|---:|---:|---:|"
        instruction_rows first
    fi
    if [ -n "$callers" ]; then
        log "release instructions (callgrind)..."
        for pkg in $callers; do
            ok "$pkg" || continue
            for measured in "$pkg" "use-$pkg"; do
                (cd "$ws" && cargo build -q --release -p "$measured" 2> /dev/null) || true
                touch "$ws/$measured/src/lib.rs"
                rm -f "$work/$measured.rel.cg"
                (cd "$ws" && CG_CRATE=$(echo "$measured" | tr - _) CG_OUT="$work/$measured.rel.cg" RUSTC_WRAPPER="$work/cg-wrap.sh" cargo build -q --release -p "$measured") || true
                [ -s "$work/$measured.rel.cg" ] || continue
                awk '/^summary:/ { print $2 }' "$work/$measured.rel.cg" > "$work/$measured.rel"
            done
        done
        echo
        echo "### instructions rustc executes to build each crate with --release, and a crate calling every method of its wrapper once (callgrind; millions)"
        echo
        echo "| methods | variant | crate | / hand | caller | crate + caller | / hand |"
        echo "|---:|---|---:|---:|---:|---:|---:|"
        for n in $sizes; do
            hc=$(cat "$work/hand-$n.rel" 2> /dev/null || true); hu=$(cat "$work/use-hand-$n.rel" 2> /dev/null || true)
            for v in hand written derive blanket; do
                [ -s "$work/$v-$n.rel" ] && [ -s "$work/use-$v-$n.rel" ] || continue
                awk -v n="$n" -v v="$v" -v c="$(cat "$work/$v-$n.rel")" -v u="$(cat "$work/use-$v-$n.rel")" \
                    -v hc="${hc:-0}" -v hu="${hu:-0}" 'BEGIN {
                    printf "| %s | %s | %.0f | %s | %.0f | %.0f | %s |\n", n, v, c / 1e6, (hc > 0) ? sprintf("%.2f", c / hc) : "-", u / 1e6, (c + u) / 1e6, (hc + hu > 0) ? sprintf("%.2f", (c + u) / (hc + hu)) : "-"
                }'
            done
        done
    fi
fi

# --- cold builds of the macro crates ------------------------------------------------
if [ "$cold" = 1 ]; then
    cws="$work/cold"
    mkdir -p "$cws"
    cold_members=""
    for c in $cold_crates; do
        pkg="cold-$c"
        cold_members="$cold_members\"$pkg\", "
        mkdir -p "$cws/$pkg/src"
        if [ "$c" = lazy-derive ] || [ "$c" = lazy-core ]; then
            dep="$c = { path = \"$repo/$c\" }"
        else
            dep="$c = \"*\""
        fi
        printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%s\n' "$pkg" "$dep" > "$cws/$pkg/Cargo.toml"
        : > "$cws/$pkg/src/lib.rs"
    done
    # Cargo builds a path dependency incrementally and a registry one not:
    # without this, lazy-derive and lazy-core (path dependencies here) would
    # pay for an incremental cache that a user who takes them from crates.io
    # never writes, and the peers (from crates.io) would not.
    printf '[workspace]\nmembers = [%s]\nresolver = "2"\n\n[profile.dev]\nincremental = false\n' "$cold_members" > "$cws/Cargo.toml"
    (cd "$cws" && cargo fetch -q)
    echo
    echo "### cold build of the macro crates (\`cargo build\`, dev profile, empty target dir; seconds)"
    echo
    echo "Whole = the crate and all its dependencies from nothing; alone = the crate only, its dependencies built (median of $runs)."
    echo
    echo "| crate | version | syn | dependencies built | whole, cold s | alone s |"
    echo "|---|---|---|---:|---:|---:|"
    for c in $cold_crates; do
        pkg="cold-$c"
        export CARGO_TARGET_DIR="$work/target-cold-$c"
        rm -rf "$CARGO_TARGET_DIR"
        t0=$(now)
        (cd "$cws" && cargo build -q -p "$pkg")
        t1=$(now)
        whole=$(secs "$t0" "$t1")
        : > "$work/$c.alone"
        for r in $(seq 1 "$runs"); do
            (cd "$cws" && cargo clean -q -p "$c" 2> /dev/null)
            t0=$(now)
            (cd "$cws" && cargo build -q -p "$pkg")
            t1=$(now)
            secs "$t0" "$t1" >> "$work/$c.alone"
            echo >> "$work/$c.alone"
        done
        version=$(cd "$cws" && cargo tree -q -p "$pkg" --depth 1 -e normal --prefix none | awk -v c="$c" '$1 == c { print $2; exit }')
        syn=$(cd "$cws" && cargo tree -q -p "$pkg" -e normal --prefix none | awk '$1 == "syn" { print $2 }' | sort -u | paste -sd, -)
        ndeps=$(cd "$cws" && cargo tree -q -p "$pkg" -e normal --prefix none | sed 's/ (\*)$//' | sort -u | wc -l)
        echo "| $c | $version | ${syn:-none} | $((ndeps - 2)) | $whole | $(median < "$work/$c.alone") |"
    done
    if [ "$cold_instructions" = 1 ] && command -v valgrind > /dev/null; then
        # Every rustc that compiles a crate runs under callgrind, one file
        # per crate (cargo's `--crate-name ___` probe compiles nothing).
        cat > "$work/cg-all.sh" <<'EOF_ALL'
#!/bin/sh
name=""
prev=""
for a in "$@"; do
    [ "$prev" = "--crate-name" ] && name=$a
    prev=$a
done
case "$name" in
    "" | ___) exec "$@" ;;
esac
exec valgrind -q --tool=callgrind --callgrind-out-file="$CG_DIR/$name.%p.cg" "$@"
EOF_ALL
        chmod +x "$work/cg-all.sh"
        echo
        echo "### cold build of the macro crates, rustc instructions (callgrind, empty target dir; G)"
        echo
        echo "Whole = every crate rustc compiles for it (build scripts included, not their runs); alone = the crate itself."
        echo
        echo "| crate | whole, G | alone, G |"
        echo "|---|---:|---:|"
        for c in $cold_crates; do
            log "cold build of $c under callgrind..."
            dir="$work/cold-cg-$c"
            rm -rf "$dir" "$work/target-coldcg-$c"
            mkdir -p "$dir"
            (cd "$cws" && CG_DIR="$dir" RUSTC_WRAPPER="$work/cg-all.sh" CARGO_TARGET_DIR="$work/target-coldcg-$c" cargo build -q -p "cold-$c") || continue
            crate=$(echo "$c" | tr - _)
            for f in "$dir"/*.cg; do
                awk -v crate="$(basename "$f" | sed 's/\.[0-9]*\.cg$//')" '/^totals:/ { print crate, $2 }' "$f"
            done > "$work/cold-cg-$c.txt"
            awk -v c="$c" -v crate="$crate" '{ whole += $2 } $1 == crate { alone += $2 } END {
                printf "| %s | %.2f | %.2f |\n", c, whole / 1e9, alone / 1e9
            }' "$work/cold-cg-$c.txt"
            awk -v crate="$crate" '{ whole += $2 } $1 == crate { alone += $2 } END { print whole, alone }' "$work/cold-cg-$c.txt" > "$work/cold-cg-$c.sum"
        done
        # The issue's two ratios, where both crates were counted.
        if [ -s "$work/cold-cg-lazy-core.sum" ] && [ -s "$work/cold-cg-auto_impl.sum" ]; then
            awk 'NR == FNR { a = $1; next } { printf "\nlazy-core with its dependencies / auto_impl with its: %.3fx (%.3f G / %.3f G)\n", a / $1, a / 1e9, $1 / 1e9 }' "$work/cold-cg-lazy-core.sum" "$work/cold-cg-auto_impl.sum"
        fi
        if [ -s "$work/cold-cg-lazy-derive.sum" ] && [ -s "$work/cold-cg-ambassador.sum" ]; then
            awk 'NR == FNR { a = $2; next } { printf "lazy-derive alone / ambassador alone: %.3fx (%.3f G / %.3f G)\n", a / $2, a / 1e9, $2 / 1e9 }' "$work/cold-cg-lazy-derive.sum" "$work/cold-cg-ambassador.sum"
        fi
    fi
fi
