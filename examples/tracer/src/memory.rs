//! Memory the tracer can see coming: before loading a frame and before the
//! eager run, it estimates what it needs and compares with what the system
//! says is left, so that a run which cannot fit is one error line instead
//! of an abort in the allocator.
//!
//! What is left is the least of: the kernel's `MemAvailable`, the room
//! under a cgroup v2 memory limit, and the room under an address-space
//! limit (`ulimit -v`). Where none of them can be read (not Linux), there is
//! no check.

use std::fmt::Write as _;

/// What the eager run costs per frame value, in bytes: its built trackers
/// and their guards (measured at 10^5 and 10^6 values as the peak of a run
/// with the eager run less one without: 690 to 700 bytes, rounded up; 1,200
/// to 1,270 before the eager run stopped recording events that only
/// `--verbose` prints, and its guard log stopped keeping each guard twice).
pub const EAGER_BYTES_PER_VALUE: u64 = 800;

/// What loading a frame costs per byte of its JSON: the text itself and
/// the parsed values (measured at 10^5 and 10^6 values: 7 to 8).
pub const LOAD_BYTES_PER_JSON_BYTE: u64 = 8;

/// What loading a frame costs per value in it, counted as the JSON's `,`,
/// `[` and `{`: the bound for frames of many small values, where the cost
/// per byte above falls short (an array of 5 * 10^6 zeros, 10 MB of JSON,
/// peaks at 520 MB: 104 bytes a value, 52 a byte).
pub const LOAD_BYTES_PER_VALUE: u64 = 110;

/// The memory that loading the JSON `text` needs: the larger of the two
/// estimates above.
pub fn load_estimate(text: &[u8]) -> u64 {
    let values = 1 + text
        .iter()
        .filter(|byte| matches!(byte, b',' | b'[' | b'{'))
        .count() as u64;
    let by_bytes = (text.len() as u64).saturating_mul(LOAD_BYTES_PER_JSON_BYTE);
    by_bytes.max(values.saturating_mul(LOAD_BYTES_PER_VALUE))
}

/// Bytes the tracer may still allocate, if the system says.
pub fn available() -> Option<u64> {
    [meminfo_available(), cgroup_room(), address_space_room()]
        .into_iter()
        .flatten()
        .min()
}

/// `Err` with the message of an error line if `needed` bytes do not fit in
/// `available`; `what` says what needs them.
pub fn check(needed: u64, available: Option<u64>, what: &str, hint: &str) -> Result<(), String> {
    match available {
        Some(available) if needed > available => {
            let mut message = format!(
                "{what} would need about {} of memory and about {} is available",
                gigabytes(needed),
                gigabytes(available)
            );
            if !hint.is_empty() {
                let _ = write!(message, "; {hint}");
            }
            Err(message)
        }
        _ => Ok(()),
    }
}

/// `1.3 GB`, or `54 MB` under 1 GB.
pub fn gigabytes(bytes: u64) -> String {
    if bytes >= 1_000_000_000 {
        format!("{:.1} GB", bytes as f64 / 1e9)
    } else {
        format!("{} MB", bytes / 1_000_000)
    }
}

/// A `NAME: VALUE kB` line of a `/proc` file, in bytes.
fn proc_kb(text: &str, name: &str) -> Option<u64> {
    let line = text.lines().find(|line| line.starts_with(name))?;
    let kb: u64 = line[name.len()..]
        .trim_start_matches(':')
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    kb.checked_mul(1024)
}

fn meminfo_available() -> Option<u64> {
    proc_kb(
        &std::fs::read_to_string("/proc/meminfo").ok()?,
        "MemAvailable",
    )
}

fn cgroup_room() -> Option<u64> {
    let read = |name: &str| std::fs::read_to_string(format!("/sys/fs/cgroup/{name}")).ok();
    let max: u64 = read("memory.max")?.trim().parse().ok()?; // "max": no limit
    let current: u64 = read("memory.current")?.trim().parse().ok()?;
    Some(max.saturating_sub(current))
}

fn address_space_room() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max address space"))?;
    let soft: u64 = line["Max address space".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()?; // "unlimited": no limit
    let used = proc_kb(
        &std::fs::read_to_string("/proc/self/status").ok()?,
        "VmSize",
    )?;
    Some(soft.saturating_sub(used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_lines_in_bytes() {
        let meminfo = "MemTotal:       24000000 kB\nMemAvailable:   12000000 kB\n";
        assert_eq!(proc_kb(meminfo, "MemAvailable"), Some(12_000_000 * 1024));
        assert_eq!(proc_kb(meminfo, "SwapFree"), None);
    }

    #[test]
    fn refuses_only_what_does_not_fit() {
        assert_eq!(check(10, Some(20), "x", ""), Ok(()));
        assert_eq!(check(10, None, "x", ""), Ok(()));
        assert_eq!(
            check(134_000_000, Some(99_999_999), "loading f.json", ""),
            Err(
                "loading f.json would need about 134 MB of memory and about 99 MB is available"
                    .into()
            )
        );
        assert_eq!(
            check(14_000_000_000, Some(11_200_000_000), "the eager run", "use --lazy-only"),
            Err("the eager run would need about 14.0 GB of memory and about 11.2 GB is available; use --lazy-only".into())
        );
    }
}
