//! Calendar dates as `YYYY-MM-DD` strings: today's, and their parts.
//!
//! Briefs only need the day, in UTC; a date crate would be more than this.

use std::time::{SystemTime, UNIX_EPOCH};

/// Today in UTC, or the day of `SOURCE_DATE_EPOCH` when set (reproducible
/// output, the convention of reproducible builds).
pub fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Year, month and day of a `YYYY-MM-DD` date, checked.
pub fn parse(date: &str) -> Option<(i64, u32, u32)> {
    let mut parts = date.trim().splitn(3, '-');
    let year = parts.next()?.parse::<i64>().ok()?;
    let month = parts.next()?.parse::<u32>().ok()?;
    let day = parts.next()?.get(..2)?.parse::<u32>().ok()?;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month).contains(&day).then_some((year, month, day))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date: how far apart two dates are.
pub fn day_number(date: &str) -> Option<i64> {
    let (year, month, day) = parse(date)?;
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = i64::from(if month > 2 { month - 3 } else { month + 9 });
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Days since 1970-01-01 to a civil date (the proleptic Gregorian calendar).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_420), (2025, 11, 28));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn dates_to_days_and_back() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-11-28"), Some(20_420));
        assert_eq!(day_number("2000-02-29"), Some(11_016));
        assert_eq!(day_number("1969-12-31"), Some(-1));
        for days in [-300_000, -1, 0, 59, 60, 20_420, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(day_number(&format!("{y:04}-{m:02}-{d:02}")), Some(days));
        }
        assert_eq!(day_number("2025-02-30"), None);
    }

    #[test]
    fn parse_checks_the_calendar() {
        assert_eq!(parse("2026-11-28"), Some((2026, 11, 28)));
        assert_eq!(parse("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse("2023-02-29"), None);
        assert_eq!(parse("28/11/2026"), None);
    }
}
