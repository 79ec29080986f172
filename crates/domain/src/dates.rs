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

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn dates_round_trip_and_bad_text_is_none() {
        assert_eq!(format_date(date!(2026-03-07)), "2026-03-07");
        assert_eq!(format_date_time(datetime!(2026-11-25 04:05:06 UTC)), "2026-11-25 04:05:06");
        assert_eq!(parse_date("2026-03-07"), Some(date!(2026-03-07)));
        for bad in ["", "2026-02-30", "2026-13-01", "yesterday", "2026-1", "<script>"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
