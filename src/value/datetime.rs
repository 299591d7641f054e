//! `[DateTime]` arithmetic on wall-clock values (`Value::DateTime(secs, nanos)`: seconds since
//! 1970-01-01 00:00 on the value's own clock, as .NET's ticks count from 0001-01-01): months and
//! years with .NET's day clamping, building a date from fields, and the range .NET allows.

use super::convert::{civil_from_days, days_from_civil};

/// Seconds from 1970-01-01 to 0001-01-01 00:00 (`DateTime.MinValue`).
pub const MIN_SECS: i64 = -62_135_596_800;
/// Seconds from 1970-01-01 to 9999-12-31 23:59:59 (`DateTime.MaxValue`, less its fraction).
pub const MAX_SECS: i64 = 253_402_300_799;

/// Days in a month of a year (Gregorian).
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// A wall-clock time from its fields; `None` when a field is out of range (as `new DateTime(…)`).
pub fn from_parts(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> Option<i64> {
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86400 + (hour * 3600 + minute * 60 + second) as i64)
}

/// `AddMonths(n)`: the same day, clamped to the target month's length; `None` past the range.
pub fn add_months(secs: i64, months: i64) -> Option<i64> {
    let days = secs.div_euclid(86400);
    let time = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let total = y.checked_mul(12)?.checked_add(m as i64 - 1)?.checked_add(months)?;
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    if !(1..=9999).contains(&ny) {
        return None;
    }
    let nd = d.min(days_in_month(ny, nm));
    Some(days_from_civil(ny, nm, nd) * 86400 + time)
}

/// Seconds plus a fraction added to a wall-clock time, checked against .NET's range.
pub fn add_seconds(secs: i64, nanos: u32, delta: f64) -> Option<(i64, u32)> {
    if !delta.is_finite() {
        return None;
    }
    // .NET rounds the added value to whole milliseconds.
    let millis = (delta * 1000.0).round();
    if millis.abs() > 1e15 * 1000.0 {
        return None;
    }
    let total_ns = nanos as i128 + (millis as i128) * 1_000_000 + secs as i128 * 1_000_000_000;
    let s = total_ns.div_euclid(1_000_000_000);
    let ns = total_ns.rem_euclid(1_000_000_000) as u32;
    if s < MIN_SECS as i128 || s > MAX_SECS as i128 {
        return None;
    }
    Some((s as i64, ns))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_clamp_to_the_month_length() {
        let jan31 = from_parts(2024, 1, 31, 10, 0, 0).unwrap_or_default();
        assert_eq!(add_months(jan31, 1), from_parts(2024, 2, 29, 10, 0, 0));
        assert_eq!(add_months(jan31, -2), from_parts(2023, 11, 30, 10, 0, 0));
        assert_eq!(add_months(jan31, 12 * 10_000), None);
        assert_eq!(from_parts(2023, 2, 29, 0, 0, 0), None);
        assert_eq!(add_seconds(0, 0, 1.5), Some((1, 500_000_000)));
        assert_eq!(add_seconds(MAX_SECS, 0, 86400.0), None);
    }
}
