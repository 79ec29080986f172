//! Dates as the UI shows and reads them (`2026-11-25`, `2026-11-25 14:03:09`), written by
//! hand so the Wasm bundle carries no general date formatter or parser.

use time::{Date, Month, OffsetDateTime};

/// `YYYY-MM-DD`, as `<input type="date">` uses.
pub fn format_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// `YYYY-MM-DD HH:MM:SS`, in the offset of `at` (UTC in this product).
pub fn format_date_time(at: OffsetDateTime) -> String {
    format!("{} {:02}:{:02}:{:02}", format_date(at.date()), at.hour(), at.minute(), at.second())
}

/// Reads `YYYY-MM-DD`; `None` for anything else, including impossible dates.
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// Reads an RFC 3339 time as Partner Center writes it (`2026-11-25T06:30:00Z`, optionally
/// with fractions of a second or a `+hh:mm` offset); `None` for anything else.
pub fn parse_rfc3339(text: &str) -> Option<OffsetDateTime> {
    let text = text.trim();
    let (date, rest) = text.split_once(['T', 't', ' '])?;
    let date = parse_date(date)?;
    let (clock, offset_seconds) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (clock, offset) = rest.split_at(at);
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        let (hours, minutes) = offset[1..].split_once(':')?;
        let seconds = hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60;
        (clock, sign * seconds)
    };
    let clock = clock.split('.').next()?;
    let mut parts = clock.splitn(3, ':');
    let hour: u8 = parts.next()?.parse().ok()?;
    let minute: u8 = parts.next()?.parse().ok()?;
    let second: u8 = parts.next()?.parse().ok()?;
    let offset = time::UtcOffset::from_whole_seconds(offset_seconds).ok()?;
    let local = date.with_hms(hour, minute, second).ok()?.assume_offset(offset);
    Some(local.to_offset(time::UtcOffset::UTC))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn dates_round_trip_and_bad_text_is_none() {
        assert_eq!(format_date(date!(2026-03-07)), "2026-03-07");
        assert_eq!(format_date_time(datetime!(2026-11-25 04:05:06 UTC)), "2026-11-25 04:05:06");
        assert_eq!(parse_date("2026-03-07"), Some(date!(2026-03-07)));
        assert_eq!(parse_rfc3339("2026-11-25T06:30:05Z"), Some(datetime!(2026-11-25 06:30:05 UTC)));
        assert_eq!(parse_rfc3339("2026-11-25T06:30:05.123Z"), Some(datetime!(2026-11-25 06:30:05 UTC)));
        assert_eq!(parse_rfc3339("2026-11-25T08:30:05+02:00"), Some(datetime!(2026-11-25 06:30:05 UTC)));
        assert_eq!(parse_rfc3339("2026-11-25"), None);
        assert_eq!(parse_rfc3339("2026-11-25T25:00:00Z"), None);
        for bad in ["", "2026-02-30", "2026-13-01", "yesterday", "2026-1", "<script>"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
