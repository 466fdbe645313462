//! Clock and time formats: the store keeps unix seconds, the API speaks RFC 3339 (UTC), and
//! people read local clock times.

use std::sync::OnceLock;

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

pub fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

pub fn parse_rfc3339(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(|t| t.unix_timestamp())
}

/// This machine's UTC offset, read once by `init_local_offset`.
static LOCAL_OFFSET: OnceLock<UtcOffset> = OnceLock::new();

/// Reads the local UTC offset (`TZ`, /etc/localtime). Called before any thread starts: the
/// C library's time zone functions are only sound in a single-threaded process, so the
/// `time` crate refuses them later. One offset serves the whole run (a daylight saving
/// change between now and a time shown shifts that time by an hour; the JSON is exact).
pub fn init_local_offset() {
    let offset = UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC);
    let _ = LOCAL_OFFSET.set(offset);
}

fn local(unix: i64) -> Option<OffsetDateTime> {
    let offset = LOCAL_OFFSET.get().copied().unwrap_or(UtcOffset::UTC);
    Some(
        OffsetDateTime::from_unix_timestamp(unix)
            .ok()?
            .to_offset(offset),
    )
}

/// "2025-06-01 14:03": a time for people, in local time.
pub fn local_datetime(unix: i64) -> String {
    local(unix)
        .and_then(|t| {
            t.format(format_description!("[year]-[month]-[day] [hour]:[minute]"))
                .ok()
        })
        .unwrap_or_default()
}

/// "14:03:07": the local clock time of a moment within the next day or so.
pub fn local_clock(unix: i64) -> String {
    local(unix)
        .and_then(|t| {
            t.format(format_description!("[hour]:[minute]:[second]"))
                .ok()
        })
        .unwrap_or_default()
}

/// An RFC 3339 time from the server as `local_datetime`; text that is not one stays as is.
pub fn local_text(rfc3339: &str) -> String {
    parse_rfc3339(rfc3339).map_or_else(|| rfc3339.to_owned(), local_datetime)
}

/// "7h 59m", "42s", "3d 4h": how people read a time left.
pub fn human_left(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (d, h, m, s) = (
        seconds / 86_400,
        seconds % 86_400 / 3600,
        seconds % 3600 / 60,
        seconds % 60,
    );
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m {s}s"),
        (0, _, _) => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h"),
    }
}

/// "1.4 MiB", "512 B": a size for people.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_durations_are_in_days() {
        assert_eq!(human_left(42), "42s");
        assert_eq!(human_left(8 * 3600 - 60), "7h 59m");
        assert_eq!(human_left(3 * 86_400 + 4 * 3600 + 59), "3d 4h");
    }

    #[test]
    fn sizes_are_in_binary_units() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(300 * 1024 * 1024), "300 MiB");
    }
}
