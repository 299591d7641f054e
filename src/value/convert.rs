//! PowerShell's conversion and comparison rules (`LanguagePrimitives`): to string, bool and number;
//! `-eq`, `-lt`, `-like` semantics; wildcard matching.

use std::cmp::Ordering;

use super::{EnumValue, Value};

/// How a value prints in string expansion and `-join` (PowerShell's `ToString` with `$OFS = ' '`).
/// An array's elements print flat (`element_to_string`): `"$(@(1,@(2,3)))"` is `1 System.Object[]`
/// (PSObject.ToStringEnumerable calls ToString with `recurse: false`), which also keeps an array
/// that contains itself finite.
pub fn to_string(v: &Value) -> String {
    match v {
        Value::Array(a) => a.borrow().iter().map(element_to_string).collect::<Vec<_>>().join(" "),
        other => string_at(other, 0),
    }
}

/// How a value prints as an element of a collection or a property of a custom object
/// (PSObject.ToString with `recurse: false`): a collection is its .NET `ToString()`, its type name.
pub fn element_to_string(v: &Value) -> String {
    string_at(v, 0)
}

/// How deep custom objects nest inside one string before the innermost prints as its base
/// object's `ToString()` (PSCustomObject's is empty). PowerShell has no such limit (a custom object
/// that contains itself exhausts the stack); exsh's bound, docs/reference/unbreakable.md.
pub const STRING_OBJECT_DEPTH: usize = 64;

/// The non-recursive ToString of a collection: what `.ToString()` on the .NET object returns.
fn collection_to_string(a: &super::Array) -> String {
    use super::ArrayKind;
    let elem = a.elem.as_deref().unwrap_or("System.Object");
    match a.kind {
        ArrayKind::Fixed => format!("{elem}[]"),
        ArrayKind::ArrayList => "System.Collections.ArrayList".into(),
        ArrayKind::GenericList => format!("System.Collections.Generic.List`1[{elem}]"),
        ArrayKind::HashSet => format!("System.Collections.Generic.HashSet`1[{elem}]"),
        ArrayKind::Collection => format!("System.Collections.ObjectModel.Collection`1[{elem}]"),
    }
}

/// `to_string` of a value that is not enumerated, `depth` custom objects deep.
fn string_at(v: &Value, depth: usize) -> String {
    match v {
        Value::Array(a) => collection_to_string(&a.borrow()),
        Value::Null => String::new(),
        Value::Bool(b) | Value::Switch(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Int(i) | Value::Long(i) => i.to_string(),
        Value::Double(d) => double_to_string(*d),
        Value::Str(s) => s.to_string(),
        Value::Hashtable(h) => {
            if h.borrow().ordered {
                "System.Collections.Specialized.OrderedDictionary".into()
            } else {
                "System.Collections.Hashtable".into()
            }
        }
        Value::Object(o) => {
            let o = o.borrow();
            if let Some(d) = &o.display {
                return d.to_string();
            }
            let is_custom = o.type_names.is_empty() || o.type_names.iter().any(|t| t.ends_with("PSCustomObject"));
            if is_custom {
                if depth >= STRING_OBJECT_DEPTH {
                    return String::new();
                }
                let parts: Vec<String> = o.iter().map(|(k, v)| format!("{k}={}", string_at(v, depth + 1))).collect();
                format!("@{{{}}}", parts.join("; "))
            } else {
                o.type_names.first().map(|s| s.to_string()).unwrap_or_default()
            }
        }
        Value::Enum(e) => e.name(),
        Value::ScriptBlock(sb) => sb.text.clone(),
        Value::DateTime(secs, _) => format_datetime(*secs, false),
        Value::TimeSpan(t) => super::dotnet::timespan_to_string(*t),
        Value::Version(v) => v.to_string(),
        Value::Guid(g) => super::dotnet::guid_to_string(*g),
        Value::Char(c) => c.to_string(),
    }
}

/// A double as .NET Framework prints it (`Double.ToString()`, i.e. "G15"): 15 significant digits,
/// no trailing zeros, scientific notation (`1E+20`, `1E-05`) when the exponent is below -4 or 15
/// and above.
pub fn double_to_string(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if d == 0.0 {
        return "0".into();
    }
    // 15 significant digits, rounded: d.dddddddddddddde<exp>.
    let s = format!("{:.14e}", d.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let mut out = String::from(if d < 0.0 { "-" } else { "" });
    if !(-4..15).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!("E{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    } else if exp < 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-exp - 1) as usize));
        out.push_str(digits);
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            out.push_str(digits);
            out.push_str(&"0".repeat(int_len - digits.len()));
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

/// Parses `2026-11-25`, `2026-11-25 10:30:00`, `11/25/2026` and `11/25/2026 10:30`.
pub fn parse_datetime(s: &str) -> Option<Value> {
    let s = s.trim();
    let (date, time) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let (y, m, d) = if date.contains('-') {
        let p: Vec<&str> = date.split('-').collect();
        (p.first()?.parse::<i64>().ok()?, p.get(1)?.parse::<u32>().ok()?, p.get(2)?.parse::<u32>().ok()?)
    } else {
        let p: Vec<&str> = date.split('/').collect();
        (p.get(2)?.parse::<i64>().ok()?, p.first()?.parse::<u32>().ok()?, p.get(1)?.parse::<u32>().ok()?)
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86400;
    if let Some(t) = time {
        let t = t.trim_end_matches('Z');
        let p: Vec<&str> = t.split(':').collect();
        let h: i64 = p.first().and_then(|x| x.parse().ok()).unwrap_or(0);
        let mi: i64 = p.get(1).and_then(|x| x.parse().ok()).unwrap_or(0);
        let se: i64 = p.get(2).and_then(|x| x.split('.').next()?.parse().ok()).unwrap_or(0);
        secs += h * 3600 + mi * 60 + se;
    }
    Some(Value::DateTime(secs, 0))
}

/// PowerShell truthiness: `$null`, `$false`, `0`, `''`, an empty array and a one-element array of
/// a false value are false.
pub fn to_bool(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) | Value::Switch(b) => *b,
        Value::Int(i) | Value::Long(i) => *i != 0,
        Value::Double(d) => *d != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Array(a) => {
            let a = a.borrow();
            // LanguagePrimitives.IsTrue(IList): one element is that element's truth, except that an
            // element that is itself a list is true when it is not empty (so that this never
            // recurses: `@(@(0))` is true, and so is an array that holds itself).
            match a.len() {
                0 => false,
                1 => match &a[0] {
                    Value::Array(inner) => !inner.borrow().is_empty(),
                    other => to_bool(other),
                },
                _ => true,
            }
        }
        Value::Enum(e) => e.bits != 0,
        _ => true,
    }
}

/// A number, if the value converts to one (`"42"`, `" 7 "`, `0x10`, `$true`).
pub fn to_number(v: &Value) -> Option<Value> {
    match v {
        Value::Null => Some(Value::Int(0)),
        Value::Bool(b) | Value::Switch(b) => Some(Value::Int(*b as i64)),
        Value::Int(_) | Value::Long(_) | Value::Double(_) => Some(v.clone()),
        Value::Enum(e) => Some(Value::Int(e.bits as i64)),
        Value::Char(c) => Some(Value::Int(*c as i64)),
        Value::Str(s) => parse_number(s),
        Value::Array(_) => match unwrap_single(v) {
            Some(inner) if !matches!(inner, Value::Array(_)) => to_number(&inner),
            _ => None,
        },
        _ => None,
    }
}

/// How many one-element arrays a conversion unwraps (`[int]@(@(5))`) before it gives up: an array
/// that holds itself is a failed conversion, not a stack overflow (exsh's bound).
pub const UNWRAP_LIMIT: usize = 1000;

/// The innermost element of nested one-element arrays (the value itself when it is none), or `None`
/// past `UNWRAP_LIMIT`.
pub fn unwrap_single(v: &Value) -> Option<Value> {
    let mut cur = v.clone();
    for _ in 0..UNWRAP_LIMIT {
        let next = match &cur {
            Value::Array(a) if a.borrow().len() == 1 => a.borrow()[0].clone(),
            _ => return Some(cur),
        };
        cur = next;
    }
    None
}

/// Parses a numeric string as PowerShell does in conversions (`"  12 "`, `"1.5"`, `"0x1F"`, `""` is 0).
pub fn parse_number(s: &str) -> Option<Value> {
    let t = s.trim();
    if t.is_empty() {
        return Some(Value::Int(0));
    }
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).ok().map(Value::Int);
    }
    if let Ok(i) = t.parse::<i64>() {
        return Some(Value::Int(i));
    }
    if t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')) {
        return t.parse::<f64>().ok().map(Value::Double);
    }
    None
}

/// An integer, if the value converts to one (doubles round half to even, like .NET).
pub fn to_int(v: &Value) -> Option<i64> {
    match to_number(v)? {
        Value::Int(i) | Value::Long(i) => Some(i),
        Value::Double(d) => Some(d.round_ties_even() as i64),
        _ => None,
    }
}

fn to_f64(v: &Value) -> Option<f64> {
    match to_number(v)? {
        Value::Int(i) | Value::Long(i) => Some(i as f64),
        Value::Double(d) => Some(d),
        _ => None,
    }
}

/// `lhs -eq rhs` for two scalars: the right side converts to the left side's type.
pub fn equals(lhs: &Value, rhs: &Value, case_sensitive: bool) -> bool {
    match (lhs, rhs) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Str(a), _) => {
            let b = to_string(rhs);
            if case_sensitive { **a == *b } else { a.to_lowercase() == b.to_lowercase() }
        }
        (Value::Int(_) | Value::Long(_) | Value::Double(_), _) => match (to_f64(lhs), to_f64(rhs)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        },
        (Value::Bool(a) | Value::Switch(a), _) => *a == to_bool(rhs),
        (Value::Enum(a), _) => enum_of(a, rhs).map(|b| b == a.bits).unwrap_or(false),
        (Value::DateTime(a, an), Value::DateTime(b, bn)) => a == b && an == bn,
        (Value::TimeSpan(a), _) => to_timespan(rhs) == Some(*a),
        (Value::Version(a), _) => to_version(rhs).as_ref() == Some(a),
        (Value::Guid(a), _) => to_guid(rhs) == Some(*a),
        (Value::Char(a), _) => match to_char(rhs) {
            Some(b) if case_sensitive => *a == b,
            Some(b) => a.to_lowercase().eq(b.to_lowercase()),
            None => false,
        },
        (Value::Object(a), Value::Object(b)) => {
            std::rc::Rc::ptr_eq(a, b) || {
                let (a, b) = (a.borrow(), b.borrow());
                a.display.is_some() && a.display == b.display
            }
        }
        (Value::Object(_), _) => {
            let a = to_string(lhs);
            let b = to_string(rhs);
            if case_sensitive { a == b } else { a.to_lowercase() == b.to_lowercase() }
        }
        (Value::Array(a), Value::Array(b)) => std::rc::Rc::ptr_eq(a, b),
        (Value::Hashtable(a), Value::Hashtable(b)) => std::rc::Rc::ptr_eq(a, b),
        (Value::ScriptBlock(a), Value::ScriptBlock(b)) => std::rc::Rc::ptr_eq(a, b),
        _ => false,
    }
}

fn enum_of(e: &EnumValue, v: &Value) -> Option<u64> {
    match v {
        Value::Enum(o) => Some(o.bits),
        Value::Int(i) | Value::Long(i) => Some(*i as u64),
        other => e.ty.parse(&to_string(other)).ok().map(|x| x.bits),
    }
}

/// Ordering for `-lt`/`-gt` and Sort-Object: the right side converts to the left side's type.
/// `None` when the two cannot be compared.
pub fn compare(lhs: &Value, rhs: &Value, case_sensitive: bool) -> Option<Ordering> {
    match (lhs, rhs) {
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        (Value::Null, _) => Some(Ordering::Less),
        (_, Value::Null) => Some(Ordering::Greater),
        (Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Bool(_) | Value::Enum(_), _) => {
            let (a, b) = (to_f64(lhs)?, to_f64(rhs)?);
            a.partial_cmp(&b)
        }
        (Value::DateTime(a, an), Value::DateTime(b, bn)) => Some((a, an).cmp(&(b, bn))),
        (Value::TimeSpan(a), _) => Some(a.cmp(&to_timespan(rhs)?)),
        (Value::Version(a), _) => Some(a.cmp(&to_version(rhs)?)),
        (Value::Char(a), _) if !matches!(rhs, Value::Str(_)) || to_char(rhs).is_some() => {
            let b = to_char(rhs)?;
            if case_sensitive { Some(a.cmp(&b)) } else { Some(a.to_lowercase().cmp(b.to_lowercase())) }
        }
        _ => {
            let (a, b) = (to_string(lhs), to_string(rhs));
            Some(compare_strings(&a, &b, case_sensitive))
        }
    }
}

/// Culture-like string ordering: case-insensitive first, then lower case before upper case.
pub fn compare_strings(a: &str, b: &str, case_sensitive: bool) -> Ordering {
    let la = a.to_lowercase();
    let lb = b.to_lowercase();
    match la.cmp(&lb) {
        Ordering::Equal if case_sensitive => b.cmp(a),
        o => o,
    }
}

/// PowerShell wildcard match (`*`, `?`, `[a-z]`, backtick escapes), case-insensitive unless asked.
pub fn wildcard_match(pattern: &str, text: &str, case_sensitive: bool) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = if case_sensitive {
        (pattern.chars().collect(), text.chars().collect())
    } else {
        (pattern.to_lowercase().chars().collect(), text.to_lowercase().chars().collect())
    };
    wild(&p, &t)
}

fn wild(p: &[char], t: &[char]) -> bool {
    // Iterative matcher with backtracking on the last `*`.
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi, ti));
                    pi += 1;
                    continue;
                }
                '?' => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                '[' => {
                    if let Some((matched, next)) = class_match(p, pi, t[ti]) {
                        if matched {
                            pi = next;
                            ti += 1;
                            continue;
                        }
                    } else if t[ti] == '[' {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
                '`' if pi + 1 < p.len() && p[pi + 1] == t[ti] => {
                    pi += 2;
                    ti += 1;
                    continue;
                }
                c if c == t[ti] => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                _ => {}
            }
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Matches `c` against the bracket class starting at `p[start] == '['`.
/// Returns (matched, index after `]`), or `None` when the class is not closed.
fn class_match(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let mut matched = false;
    while i < p.len() && p[i] != ']' {
        if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
            if p[i] <= c && c <= p[i + 2] {
                matched = true;
            }
            i += 3;
        } else {
            if p[i] == c {
                matched = true;
            }
            i += 1;
        }
    }
    if i < p.len() { Some((matched, i + 1)) } else { None }
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Civil date (year, month, day) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// en-US date and time: `11/25/2026 11:39:31 AM` (with AM/PM) or the invariant `11/25/2026 11:39:31`.
pub fn format_datetime(secs: i64, am_pm: bool) -> String {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let (h, mi, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    if am_pm {
        let (h12, ampm) = match h {
            0 => (12, "AM"),
            1..=11 => (h, "AM"),
            12 => (12, "PM"),
            _ => (h - 12, "PM"),
        };
        format!("{m}/{d}/{y} {h12}:{mi:02}:{s:02} {ampm}")
    } else {
        format!("{m:02}/{d:02}/{y} {h:02}:{mi:02}:{s:02}")
    }
}

/// Properties of a `[DateTime]` value (`Year`, `Month`, `Day`, `Hour`, …).
pub fn datetime_property(v: &Value, name: &str) -> Option<Value> {
    let Value::DateTime(secs, ns) = v else { return None };
    let (secs, ns) = (*secs, *ns);
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let n = match name.to_ascii_lowercase().as_str() {
        "year" => y,
        "month" => m as i64,
        "day" => d as i64,
        "hour" => rem / 3600,
        "minute" => (rem % 3600) / 60,
        "second" => rem % 60,
        "dayofweek" => {
            return Some(Value::str(
                ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
                    [days.rem_euclid(7) as usize],
            ));
        }
        "date" => return Some(Value::DateTime(days * 86400, 0)),
        "dayofyear" => days - days_from_civil(y, 1, 1) + 1,
        "millisecond" => (ns / 1_000_000) as i64,
        "ticks" => {
            secs.saturating_mul(10_000_000).saturating_add(621_355_968_000_000_000).saturating_add(ns as i64 / 100)
        }
        "timeofday" => return Some(Value::TimeSpan(rem * 10_000_000 + ns as i64 / 100)),
        // exsh keeps no DateTimeKind; dates read as local ones (docs/reference/dotnet-format.md).
        "kind" => return Some(Value::str("Local")),
        _ => return None,
    };
    Some(Value::Int(n))
}

/// A value as a `[TimeSpan]` (ticks): a TimeSpan, a number of ticks, or text `TimeSpan.Parse` reads.
pub fn to_timespan(v: &Value) -> Option<i64> {
    match v {
        Value::TimeSpan(t) => Some(*t),
        Value::Int(i) | Value::Long(i) => Some(*i),
        Value::Str(s) => super::dotnet::parse_timespan(s),
        Value::Array(a) if a.borrow().len() == 1 => match unwrap_single(v) {
            Some(inner) if !matches!(inner, Value::Array(_)) => to_timespan(&inner),
            _ => None,
        },
        _ => None,
    }
}

/// A value as a `[Version]`: a Version, or text `Version.Parse` reads (a number such as `5.1` too).
pub fn to_version(v: &Value) -> Option<super::dotnet::Version> {
    match v {
        Value::Version(x) => Some(*x),
        Value::Str(_) | Value::Double(_) => super::dotnet::Version::parse(&to_string(v)),
        Value::Array(a) if a.borrow().len() == 1 => match unwrap_single(v) {
            Some(inner) if !matches!(inner, Value::Array(_)) => to_version(&inner),
            _ => None,
        },
        _ => None,
    }
}

/// A value as a `[Guid]`: a Guid or its text.
pub fn to_guid(v: &Value) -> Option<u128> {
    match v {
        Value::Guid(g) => Some(*g),
        Value::Str(s) => super::dotnet::parse_guid(s),
        Value::Array(a) if a.borrow().len() == 1 => match unwrap_single(v) {
            Some(inner) if !matches!(inner, Value::Array(_)) => to_guid(&inner),
            _ => None,
        },
        _ => None,
    }
}

/// A value as a `[char]`: a char, a one-character string, or a code point.
pub fn to_char(v: &Value) -> Option<char> {
    match v {
        Value::Char(c) => Some(*c),
        Value::Str(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        }
        Value::Int(i) | Value::Long(i) => u32::try_from(*i).ok().filter(|n| *n <= 0xffff).and_then(char::from_u32),
        Value::Array(a) if a.borrow().len() == 1 => match unwrap_single(v) {
            Some(inner) if !matches!(inner, Value::Array(_)) => to_char(&inner),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("NT AUTHORITY\\*", "nt authority\\SELF", false));
        assert!(wildcard_match("*FullAccess*", "FullAccess, ReadPermission", false));
        assert!(!wildcard_match("Send*", "Receive-As", false));
        assert!(wildcard_match("[a-c]?t", "bat", false));
        assert!(!wildcard_match("abc", "ABC", true));
    }

    #[test]
    fn equality_converts_right_to_left() {
        assert!(equals(&Value::Int(1), &Value::str("1"), false));
        assert!(equals(&Value::str("Karen"), &Value::str("karen"), false));
        assert!(!equals(&Value::str("Karen"), &Value::str("karen"), true));
        assert!(equals(&Value::Bool(true), &Value::str("x"), false));
    }

    #[test]
    fn dates() {
        assert_eq!(format_datetime(0, true), "1/1/1970 12:00:00 AM");
        assert_eq!(days_from_civil(2026, 11, 25), 20782);
        assert_eq!(civil_from_days(20782), (2026, 11, 25));
    }

    #[test]
    fn doubles_print_like_dotnet() {
        assert_eq!(double_to_string(1.5), "1.5");
        assert_eq!(double_to_string(3.0), "3");
        assert_eq!(double_to_string(0.1 + 0.2), "0.3");
        assert_eq!(double_to_string(1.0 / 3.0), "0.333333333333333");
        assert_eq!(double_to_string(2.0 / 3.0), "0.666666666666667");
        assert_eq!(double_to_string(-22.0 / 3.0), "-7.33333333333333");
        assert_eq!(double_to_string(std::f64::consts::PI), "3.14159265358979");
        assert_eq!(double_to_string(1e20), "1E+20");
        assert_eq!(double_to_string(1.5e15), "1.5E+15");
        assert_eq!(double_to_string(123456789012345.0), "123456789012345");
        assert_eq!(double_to_string(0.0001), "0.0001");
        assert_eq!(double_to_string(0.00001), "1E-05");
        assert_eq!(double_to_string(-0.0), "0");
        assert_eq!(double_to_string(100.0), "100");
    }
}
