//! Small .NET value types scripts use as values of their own: `[TimeSpan]`, `[Version]`, `[Guid]`.
//! (`[char]` is `Value::Char` and needs no module.) Each has .NET's `ToString()`, its parsing as a
//! PowerShell cast does it (`[timespan]'1.02:03:04'`, `[version]'5.1'`, `[guid]'…'`), and its
//! properties.

use std::cmp::Ordering;

use super::Value;

/// Ticks (100 ns) per unit, as `System.TimeSpan` names them.
pub const TICKS_PER_MILLISECOND: i64 = 10_000;
/// Ticks per second.
pub const TICKS_PER_SECOND: i64 = 10_000_000;
/// Ticks per minute.
pub const TICKS_PER_MINUTE: i64 = 60 * TICKS_PER_SECOND;
/// Ticks per hour.
pub const TICKS_PER_HOUR: i64 = 60 * TICKS_PER_MINUTE;
/// Ticks per day.
pub const TICKS_PER_DAY: i64 = 24 * TICKS_PER_HOUR;

/// `TimeSpan.ToString()` (the constant "c" format): `[-][d.]hh:mm:ss[.fffffff]`.
pub fn timespan_to_string(ticks: i64) -> String {
    let neg = ticks < 0;
    let t = ticks.unsigned_abs();
    let day = TICKS_PER_DAY as u64;
    let (days, rest) = (t / day, t % day);
    let hours = rest / TICKS_PER_HOUR as u64;
    let minutes = rest % TICKS_PER_HOUR as u64 / TICKS_PER_MINUTE as u64;
    let seconds = rest % TICKS_PER_MINUTE as u64 / TICKS_PER_SECOND as u64;
    let fraction = rest % TICKS_PER_SECOND as u64;
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if days > 0 {
        s.push_str(&format!("{days}."));
    }
    s.push_str(&format!("{hours:02}:{minutes:02}:{seconds:02}"));
    if fraction > 0 {
        s.push_str(&format!(".{fraction:07}"));
    }
    s
}

/// `TimeSpan.Parse` in the invariant culture: `[-][d.]hh:mm[:ss[.fffffff]]` or a whole number of
/// days. `None` when the text is not a time span (or is out of range).
pub fn parse_timespan(text: &str) -> Option<i64> {
    let s = text.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if s.is_empty() {
        return None;
    }
    let number = |p: &str| -> Option<i64> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 10 {
            return None;
        }
        p.parse().ok()
    };
    let ticks = if !s.contains(':') {
        number(s)?.checked_mul(TICKS_PER_DAY)?
    } else {
        let (days, clock) = match s.split_once('.') {
            Some((d, rest)) if rest.contains(':') && !d.contains(':') => (number(d)?, rest),
            _ => (0, s),
        };
        let (clock, fraction) = match clock.rsplit_once('.') {
            Some((c, f)) if c.matches(':').count() == 2 => (c, Some(f)),
            _ => (clock, None),
        };
        let parts: Vec<&str> = clock.split(':').collect();
        if !(2..=3).contains(&parts.len()) {
            return None;
        }
        let hours = number(parts[0])?;
        let minutes = number(parts[1])?;
        let seconds = parts.get(2).map(|p| number(p)).unwrap_or(Some(0))?;
        if hours > 23 || minutes > 59 || seconds > 59 {
            return None;
        }
        let fraction_ticks = match fraction {
            None => 0,
            Some(f) if f.is_empty() || f.len() > 7 || !f.bytes().all(|b| b.is_ascii_digit()) => return None,
            Some(f) => format!("{f:0<7}").parse::<i64>().ok()?,
        };
        days.checked_mul(TICKS_PER_DAY)?
            .checked_add(hours * TICKS_PER_HOUR + minutes * TICKS_PER_MINUTE + seconds * TICKS_PER_SECOND)?
            .checked_add(fraction_ticks)?
    };
    Some(if neg { -ticks } else { ticks })
}

/// A TimeSpan's properties (`Days`, `TotalHours`, …).
pub fn timespan_property(ticks: i64, name: &str) -> Option<Value> {
    let whole = |unit: i64, modulo: i64| Value::Int(ticks / unit % modulo);
    let total = |unit: i64| Value::Double(ticks as f64 / unit as f64);
    Some(match name.to_ascii_lowercase().as_str() {
        "ticks" => Value::Long(ticks),
        "days" => Value::Int(ticks / TICKS_PER_DAY),
        "hours" => whole(TICKS_PER_HOUR, 24),
        "minutes" => whole(TICKS_PER_MINUTE, 60),
        "seconds" => whole(TICKS_PER_SECOND, 60),
        "milliseconds" => whole(TICKS_PER_MILLISECOND, 1000),
        "totaldays" => total(TICKS_PER_DAY),
        "totalhours" => total(TICKS_PER_HOUR),
        "totalminutes" => total(TICKS_PER_MINUTE),
        "totalseconds" => total(TICKS_PER_SECOND),
        "totalmilliseconds" => total(TICKS_PER_MILLISECOND),
        _ => return None,
    })
}

/// A `System.Version`: two to four components; an absent build or revision is `-1`, as .NET has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Version {
    /// Major.
    pub major: i32,
    /// Minor.
    pub minor: i32,
    /// Build, `-1` when absent.
    pub build: i32,
    /// Revision, `-1` when absent.
    pub revision: i32,
}

impl Version {
    /// A version with all four components given (`-1` for absent ones).
    pub const fn new(major: i32, minor: i32, build: i32, revision: i32) -> Version {
        Version { major, minor, build, revision }
    }

    /// `Version.Parse`: `major.minor[.build[.revision]]`, each a non-negative Int32.
    pub fn parse(text: &str) -> Option<Version> {
        let parts: Vec<&str> = text.trim().split('.').collect();
        if !(2..=4).contains(&parts.len()) {
            return None;
        }
        let mut n = [-1i32; 4];
        for (i, p) in parts.iter().enumerate() {
            let p = p.trim();
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            n[i] = p.parse().ok()?;
        }
        Some(Version::new(n[0], n[1], n[2], n[3]))
    }

    /// A property by name.
    pub fn property(&self, name: &str) -> Option<Value> {
        let v = match name.to_ascii_lowercase().as_str() {
            "major" => self.major,
            "minor" => self.minor,
            "build" => self.build,
            "revision" => self.revision,
            "majorrevision" => (self.revision >> 16) as i16 as i32,
            "minorrevision" => (self.revision & 0xffff) as i16 as i32,
            _ => return None,
        };
        Some(Value::Int(v as i64))
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)?;
        if self.build >= 0 {
            write!(f, ".{}", self.build)?;
            if self.revision >= 0 {
                write!(f, ".{}", self.revision)?;
            }
        }
        Ok(())
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.major, self.minor, self.build, self.revision).cmp(&(
            other.major,
            other.minor,
            other.build,
            other.revision,
        ))
    }
}

/// `Guid.ToString()` ("D"): lower-case hex in 8-4-4-4-12 groups. The value is the 16 bytes in the
/// order the text shows them.
pub fn guid_to_string(g: u128) -> String {
    let h = format!("{g:032x}");
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// `Guid.Parse`: the D (`8-4-4-4-12`), N (32 digits), B (`{…}`) and P (`(…)`) forms.
pub fn parse_guid(text: &str) -> Option<u128> {
    let s = text.trim();
    let inner = if let Some(rest) = s.strip_prefix('{') {
        rest.strip_suffix('}')?
    } else if let Some(rest) = s.strip_prefix('(') {
        rest.strip_suffix(')')?
    } else {
        s
    };
    let digits: String = if inner.len() == 36 {
        let groups: Vec<&str> = inner.split('-').collect();
        if groups.iter().map(|g| g.len()).collect::<Vec<_>>() != [8, 4, 4, 4, 12] {
            return None;
        }
        groups.concat()
    } else if inner.len() == 32 && s.len() == 32 {
        inner.to_string()
    } else {
        return None;
    };
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u128::from_str_radix(&digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timespans_print_and_parse_in_the_constant_format() {
        assert_eq!(timespan_to_string(0), "00:00:00");
        assert_eq!(
            timespan_to_string(TICKS_PER_DAY + 2 * TICKS_PER_HOUR + 3 * TICKS_PER_MINUTE + 4 * TICKS_PER_SECOND),
            "1.02:03:04"
        );
        assert_eq!(timespan_to_string(-90 * TICKS_PER_MINUTE), "-01:30:00");
        assert_eq!(timespan_to_string(TICKS_PER_SECOND + 5_000_000), "00:00:01.5000000");
        assert_eq!(
            parse_timespan("1.02:03:04"),
            Some(TICKS_PER_DAY + 2 * TICKS_PER_HOUR + 3 * TICKS_PER_MINUTE + 4 * TICKS_PER_SECOND)
        );
        assert_eq!(parse_timespan("00:30"), Some(30 * TICKS_PER_MINUTE));
        assert_eq!(parse_timespan("3"), Some(3 * TICKS_PER_DAY));
        assert_eq!(parse_timespan("00:00:01.5"), Some(15_000_000));
        assert_eq!(parse_timespan("-01:00:00"), Some(-TICKS_PER_HOUR));
        for bad in ["", "x", "25:00", "1:60", "1:2:3:4", "99999999999", "00:00:01.12345678"] {
            assert_eq!(parse_timespan(bad), None, "{bad}");
        }
    }

    #[test]
    fn timespan_properties() {
        let t = parse_timespan("1.12:30:15").expect("a time span");
        assert!(matches!(timespan_property(t, "Days"), Some(Value::Int(1))));
        assert!(matches!(timespan_property(t, "hours"), Some(Value::Int(12))));
        assert!(
            matches!(timespan_property(t, "TotalDays"), Some(Value::Double(d)) if (d - 1.521_006_944).abs() < 1e-6)
        );
        assert!(timespan_property(t, "Nope").is_none());
    }

    #[test]
    fn versions_parse_print_and_compare() {
        let v = Version::parse("5.1.14393.206").expect("a version");
        assert_eq!(v.to_string(), "5.1.14393.206");
        assert_eq!(Version::parse("5.1").expect("a version").to_string(), "5.1");
        assert_eq!(Version::parse("5.1").expect("a version").build, -1);
        assert!(Version::parse("5.1").expect("a version") < v);
        assert!(Version::parse("7.0") > Version::parse("5.1.22621.4391"));
        for bad in ["5", "a.b", "1.2.3.4.5", "-1.0", "1..2"] {
            assert!(Version::parse(bad).is_none(), "{bad}");
        }
        assert!(matches!(v.property("Major"), Some(Value::Int(5))));
    }

    #[test]
    fn guids_in_their_four_forms() {
        let d = "0e8c7a51-4f0b-4a6f-9a0e-2d8b1c3f4a5b";
        let g = parse_guid(d).expect("a guid");
        assert_eq!(guid_to_string(g), d);
        assert_eq!(parse_guid(&d.replace('-', "")), Some(g));
        assert_eq!(parse_guid(&format!("{{{d}}}")), Some(g));
        assert_eq!(parse_guid(&format!("({})", d.to_uppercase())), Some(g));
        for bad in [
            "",
            "0e8c7a51-4f0b-4a6f-9a0e-2d8b1c3f4a5",
            "zz8c7a51-4f0b-4a6f-9a0e-2d8b1c3f4a5b",
            "{0e8c7a51-4f0b-4a6f-9a0e-2d8b1c3f4a5b",
        ] {
            assert_eq!(parse_guid(bad), None, "{bad}");
        }
    }
}
