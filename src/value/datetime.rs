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

/// `New-TimeSpan`/`[timespan]::new` from fields: ticks, or `None` past TimeSpan's range.
pub fn timespan_from_parts(days: i64, hours: i64, minutes: i64, seconds: i64, milliseconds: i64) -> Option<i64> {
    let ms = days
        .checked_mul(86_400_000)?
        .checked_add(hours.checked_mul(3_600_000)?)?
        .checked_add(minutes.checked_mul(60_000)?)?
        .checked_add(seconds.checked_mul(1000)?)?
        .checked_add(milliseconds)?;
    ms.checked_mul(10_000)
}

/// `DateTime.ParseExact(text, format, en-US)`: the wall-clock time (seconds, nanos), and the UTC
/// offset the text named (`zzz`, `K`, a literal `Z`), if any. `None` when the text does not fit.
pub fn parse_exact(text: &str, format: &str) -> Option<(i64, u32, Option<i32>)> {
    use super::dotnet_format::{DAY_NAMES, MONTH_NAMES};
    let mut fc = format.chars();
    let expanded;
    let format = match (fc.next(), fc.next()) {
        (Some(c), None) => {
            expanded = match c {
                'd' => "M/d/yyyy",
                'D' => "dddd, MMMM d, yyyy",
                'f' => "dddd, MMMM d, yyyy h:mm tt",
                'F' | 'U' => "dddd, MMMM d, yyyy h:mm:ss tt",
                'g' => "M/d/yyyy h:mm tt",
                'G' => "M/d/yyyy h:mm:ss tt",
                'm' | 'M' => "MMMM d",
                'o' | 'O' => "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
                'r' | 'R' => "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
                's' => "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
                't' => "h:mm tt",
                'T' => "h:mm:ss tt",
                'u' => "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
                'y' | 'Y' => "MMMM yyyy",
                _ => return None,
            };
            expanded
        }
        _ => format,
    };
    let f: Vec<char> = format.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut i, mut j) = (0usize, 0usize);
    let (mut year, mut month, mut day) = (None::<i64>, None::<u32>, None::<u32>);
    let (mut hour, mut minute, mut second, mut nanos) = (0u32, 0u32, 0u32, 0u32);
    let mut pm: Option<bool> = None;
    let mut offset: Option<i32> = None;
    let digits = |j: &mut usize, min: usize, max: usize| -> Option<u32> {
        let start = *j;
        while *j < t.len() && *j - start < max && t[*j].is_ascii_digit() {
            *j += 1;
        }
        if *j - start < min {
            return None;
        }
        t[start..*j].iter().collect::<String>().parse().ok()
    };
    let word = |j: &mut usize, names: &[&str], abbrev: bool| -> Option<usize> {
        let rest: String = t[*j..].iter().collect::<String>().to_lowercase();
        for (k, n) in names.iter().enumerate() {
            let n = if abbrev { &n[..3] } else { n };
            if rest.starts_with(&n.to_lowercase()) {
                *j += n.chars().count();
                return Some(k);
            }
        }
        None
    };
    while i < f.len() {
        let c = f[i];
        let run = f[i..].iter().take_while(|&&x| x == c).count();
        match c {
            'd' if run >= 3 => {
                word(&mut j, &DAY_NAMES, run == 3)?;
            }
            'd' => day = Some(digits(&mut j, run, 2)?),
            'M' if run >= 3 => month = Some(word(&mut j, &MONTH_NAMES, run == 3)? as u32 + 1),
            'M' => month = Some(digits(&mut j, run, 2)?),
            'y' => {
                let v = digits(&mut j, run.min(4), if run <= 2 { 2 } else { 4.max(run) })? as i64;
                year = Some(if run <= 2 { if v <= 29 { 2000 + v } else { 1900 + v } } else { v });
            }
            'h' | 'H' => hour = digits(&mut j, run.min(2), 2)?,
            'm' => minute = digits(&mut j, run.min(2), 2)?,
            's' => second = digits(&mut j, run.min(2), 2)?,
            'f' | 'F' => {
                let start = j;
                let v = digits(&mut j, if c == 'f' { run } else { 0 }, run)?;
                let n = j - start;
                nanos = if n == 0 { 0 } else { v * 10u32.pow(9 - n as u32) };
            }
            't' => {
                let rest: String = t[j..].iter().take(run.min(2)).collect::<String>().to_uppercase();
                let is_pm = rest.starts_with('P');
                if !rest.starts_with('A') && !is_pm {
                    return None;
                }
                pm = Some(is_pm);
                j += rest.chars().count();
            }
            'z' | 'K' => {
                if c == 'K' && t.get(j) == Some(&'Z') {
                    offset = Some(0);
                    j += 1;
                } else if !(c == 'K' && j >= t.len()) {
                    let sign = match t.get(j) {
                        Some('+') => 1,
                        Some('-') => -1,
                        _ => return None,
                    };
                    j += 1;
                    let h = digits(&mut j, 1, 2)? as i32;
                    let mut m = 0;
                    if t.get(j) == Some(&':') {
                        j += 1;
                        m = digits(&mut j, 2, 2)? as i32;
                    }
                    offset = Some(sign * (h * 3600 + m * 60));
                }
            }
            '\'' | '"' => {
                let mut k = i + 1;
                while k < f.len() && f[k] != c {
                    if t.get(j) != Some(&f[k]) {
                        return None;
                    }
                    j += 1;
                    k += 1;
                }
                i = k + 1;
                continue;
            }
            '\\' => {
                if t.get(j) != f.get(i + 1) {
                    return None;
                }
                j += 1;
                i += 2;
                continue;
            }
            '%' => {
                i += 1;
                continue;
            }
            'Z' if run == 1 => {
                if t.get(j) != Some(&'Z') {
                    return None;
                }
                j += 1;
                offset = Some(0);
            }
            other => {
                for _ in 0..run {
                    if t.get(j) != Some(&other) {
                        return None;
                    }
                    j += 1;
                }
            }
        }
        i += run;
    }
    if j != t.len() {
        return None;
    }
    if let Some(p) = pm {
        if hour > 12 {
            return None;
        }
        if p && hour < 12 {
            hour += 12;
        } else if !p && hour == 12 {
            hour = 0;
        }
    }
    let secs = from_parts(year.unwrap_or(1), month.unwrap_or(1), day.unwrap_or(1), hour, minute, second)?;
    Some((secs, nanos, offset))
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn parse_exact_formats() {
        let at = |y, mo, d, h, mi, s| from_parts(y, mo, d, h, mi, s).unwrap_or_default();
        assert_eq!(parse_exact("2024-01-05", "yyyy-MM-dd"), Some((at(2024, 1, 5, 0, 0, 0), 0, None)));
        assert_eq!(parse_exact("05/01/2024 14:30", "dd/MM/yyyy HH:mm"), Some((at(2024, 1, 5, 14, 30, 0), 0, None)));
        assert_eq!(parse_exact("Jan 5, 24 2:05 PM", "MMM d, yy h:mm tt"), Some((at(2024, 1, 5, 14, 5, 0), 0, None)));
        assert_eq!(
            parse_exact("20240105T103000.5Z", "yyyyMMdd'T'HHmmss.FFFK"),
            Some((at(2024, 1, 5, 10, 30, 0), 500_000_000, Some(0)))
        );
        assert_eq!(parse_exact("2024-01-05T10:00:00+02:00", "yyyy-MM-ddTHH:mm:sszzz").map(|p| p.2), Some(Some(7200)));
        assert_eq!(parse_exact("Friday, January 5, 2024", "D"), Some((at(2024, 1, 5, 0, 0, 0), 0, None)));
        assert_eq!(parse_exact("2024-02-30", "yyyy-MM-dd"), None);
        assert_eq!(parse_exact("2024-01-05x", "yyyy-MM-dd"), None);
        assert_eq!(timespan_from_parts(1, 2, 3, 4, 5), Some(((86400 + 7384) * 1000 + 5) * 10_000));
    }
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
