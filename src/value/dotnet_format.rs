//! .NET formatting in the en-US culture, as Windows PowerShell 5.1 (.NET Framework 4.x) does it:
//! composite formatting (`-f`, `[string]::Format`: `{0}`, `{0,-10}`, `{0:N2}`, `{{`/`}}`), the
//! standard numeric formats (C D E F G N P R X with a precision of at most two digits), custom
//! numeric formats (`0.00`, `#,##0`, `0.#`, `%`, `‰`, `E+0`, sections, literals), and the standard
//! and custom date and time formats. Facts in `docs/reference/dotnet-format.md`.
//!
//! No I/O: the local time zone's offset is passed in by the caller.

use super::{Value, convert};

/// Why formatting failed; [`FormatError::message`] is the .NET exception message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// A malformed composite format string, or an unknown standard date format.
    InvalidInput,
    /// `{n}` with `n` at or beyond the argument count.
    IndexOutOfRange,
    /// A standard numeric format the type does not support (`D` on a double, `R` on an integer, `Q`).
    InvalidSpecifier,
}

impl FormatError {
    /// The .NET exception message.
    pub fn message(self) -> &'static str {
        match self {
            FormatError::InvalidInput => "Input string was not in a correct format.",
            FormatError::IndexOutOfRange => {
                "Index (zero based) must be greater than or equal to zero and less than the size of the argument list."
            }
            FormatError::InvalidSpecifier => "Format specifier was invalid.",
        }
    }
}

/// .NET Framework's limit on a composite item's index and width (`{1000000}` is a format error).
const COMPOSITE_LIMIT: usize = 1_000_000;

/// .NET composite formatting. `item` formats one argument under its format string (`None` for
/// `{0}`), e.g. [`format_value`]; alignment is applied here.
pub fn composite(
    fmt: &str,
    args: &[Value],
    mut item: impl FnMut(&Value, Option<&str>) -> Result<String, FormatError>,
) -> Result<String, FormatError> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c == '}' {
            if chars.get(i) == Some(&'}') {
                out.push('}');
                i += 1;
                continue;
            }
            return Err(FormatError::InvalidInput);
        }
        if c != '{' {
            out.push(c);
            continue;
        }
        if chars.get(i) == Some(&'{') {
            out.push('{');
            i += 1;
            continue;
        }
        // Index.
        let mut index = match chars.get(i) {
            Some(d) if d.is_ascii_digit() => 0usize,
            _ => return Err(FormatError::InvalidInput),
        };
        while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
            index = index * 10 + d as usize;
            if index >= COMPOSITE_LIMIT {
                return Err(FormatError::InvalidInput);
            }
            i += 1;
        }
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        // Alignment.
        let mut width = 0usize;
        let mut left = false;
        if chars.get(i) == Some(&',') {
            i += 1;
            while chars.get(i) == Some(&' ') {
                i += 1;
            }
            if chars.get(i) == Some(&'-') {
                left = true;
                i += 1;
            }
            if !chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
                return Err(FormatError::InvalidInput);
            }
            while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                width = width * 10 + d as usize;
                if width >= COMPOSITE_LIMIT {
                    return Err(FormatError::InvalidInput);
                }
                i += 1;
            }
        }
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        // Format string.
        let mut format: Option<String> = None;
        if chars.get(i) == Some(&':') {
            i += 1;
            let mut f = String::new();
            loop {
                match chars.get(i) {
                    None => return Err(FormatError::InvalidInput),
                    Some('{') if chars.get(i + 1) == Some(&'{') => {
                        f.push('{');
                        i += 2;
                    }
                    Some('{') => return Err(FormatError::InvalidInput),
                    Some('}') if chars.get(i + 1) == Some(&'}') => {
                        f.push('}');
                        i += 2;
                    }
                    Some('}') => break,
                    Some(&ch) => {
                        f.push(ch);
                        i += 1;
                    }
                }
            }
            format = Some(f);
        }
        if chars.get(i) != Some(&'}') {
            return Err(FormatError::InvalidInput);
        }
        i += 1;
        let Some(arg) = args.get(index) else { return Err(FormatError::IndexOutOfRange) };
        let text = item(arg, format.as_deref())?;
        let len = text.chars().count();
        if !left && len < width {
            out.extend(std::iter::repeat_n(' ', width - len));
        }
        out.push_str(&text);
        if left && len < width {
            out.extend(std::iter::repeat_n(' ', width - len));
        }
    }
    Ok(out)
}

/// One value under a format string, as its `IFormattable.ToString(format, en-US)` does: numbers and
/// dates use the format; other values (strings included) ignore it. `local_offset` is the local
/// zone's offset from UTC in seconds (for `zzz`, `K`, `u`, `R`).
pub fn format_value(v: &Value, format: Option<&str>, local_offset: i32) -> Result<String, FormatError> {
    let f = match format {
        Some(f) if !f.is_empty() => f,
        _ => return Ok(convert::to_string(v)),
    };
    match v {
        Value::Int(i) | Value::Long(i) => format_int(*i, f),
        Value::Double(d) => format_double(*d, f),
        Value::DateTime(secs, ns) => format_date(*secs, *ns, f, local_offset),
        Value::TimeSpan(t) => format_timespan(*t, f),
        _ => Ok(convert::to_string(v)),
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// A number as decimal digits: value = 0.d1d2d3… × 10^scale (no leading or trailing zeros; zero
/// has no digits).
#[derive(Clone, Debug)]
struct Digits {
    digits: Vec<u8>,
    scale: i32,
    neg: bool,
}

impl Digits {
    fn from_i64(i: i64) -> Digits {
        let s = (i as i128).unsigned_abs().to_string();
        Digits::from_parts(s.as_bytes(), s.len() as i32, i < 0)
    }

    /// A double to `precision` significant digits (15 as .NET Framework formats, 17 for `R`).
    fn from_f64(d: f64, precision: usize) -> Digits {
        if d == 0.0 {
            return Digits { digits: Vec::new(), scale: 0, neg: false };
        }
        let s = format!("{:.*e}", precision.saturating_sub(1), d.abs());
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let ds: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        Digits::from_parts(&ds, exp + 1, d < 0.0)
    }

    fn from_parts(ds: &[u8], scale: i32, neg: bool) -> Digits {
        let lead = ds.iter().take_while(|&&b| b == b'0').count();
        let mut digits: Vec<u8> = ds[lead..].to_vec();
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            return Digits { digits, scale: 0, neg: false };
        }
        Digits { digits, scale: scale - lead as i32, neg }
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Keeps `pos` digits (counted from the first), rounding half away from zero; zero loses its sign.
    fn round(&mut self, pos: i32) {
        if pos < 0 {
            *self = Digits { digits: Vec::new(), scale: 0, neg: false };
            return;
        }
        let pos = pos as usize;
        if pos >= self.digits.len() {
            return;
        }
        let up = self.digits[pos] >= b'5';
        self.digits.truncate(pos);
        if up {
            let mut k = pos;
            loop {
                if k == 0 {
                    self.digits.insert(0, b'1');
                    self.scale += 1;
                    break;
                }
                k -= 1;
                if self.digits[k] == b'9' {
                    self.digits[k] = b'0';
                } else {
                    self.digits[k] += 1;
                    break;
                }
            }
        }
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.scale = 0;
            self.neg = false;
        }
    }

    fn digit(&self, k: i32) -> u8 {
        if k < 0 { b'0' } else { self.digits.get(k as usize).copied().unwrap_or(b'0') }
    }

    /// Fixed-point text (no sign) with `decimals` decimals, grouped by threes if asked.
    fn fixed(&self, decimals: usize, group: bool) -> String {
        let mut int = String::new();
        if self.scale <= 0 {
            int.push('0');
        } else {
            for k in 0..self.scale {
                int.push(self.digit(k) as char);
            }
        }
        let mut out = if group { group_by_threes(&int) } else { int };
        if decimals > 0 {
            out.push('.');
            for k in 0..decimals as i32 {
                out.push(self.digit(self.scale + k) as char);
            }
        }
        out
    }

    /// `d.dddE+ddd` (no sign), `decimals` mantissa decimals, `min_exp` exponent digits.
    fn scientific(&self, decimals: usize, upper: bool, min_exp: usize, plus: bool) -> String {
        let mut out = String::new();
        out.push(self.digit(0) as char);
        if decimals > 0 {
            out.push('.');
            for k in 1..=decimals as i32 {
                out.push(self.digit(k) as char);
            }
        }
        let exp = if self.is_zero() { 0 } else { self.scale - 1 };
        out.push(if upper { 'E' } else { 'e' });
        if exp < 0 {
            out.push('-');
        } else if plus {
            out.push('+');
        }
        out.push_str(&format!("{:0w$}", exp.unsigned_abs(), w = min_exp));
        out
    }

    /// The `G` layout: fixed unless the exponent is at least `precision` or below -4.
    fn general(&self, precision: i32, upper: bool) -> String {
        let exp = self.scale - 1;
        if !self.is_zero() && (exp >= precision || exp < -4) {
            let decimals = self.digits.len().saturating_sub(1);
            return self.scientific(decimals, upper, 2, true);
        }
        let decimals = (self.digits.len() as i32 - self.scale).max(0) as usize;
        self.fixed(decimals, false)
    }
}

fn group_by_threes(int: &str) -> String {
    let mut out = String::new();
    let n = int.len();
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (n - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A standard numeric format: one letter and at most two digits (.NET Framework; anything longer
/// is a custom format).
fn standard(f: &str) -> Option<(char, Option<i32>)> {
    let mut cs = f.chars();
    let letter = cs.next()?;
    if !letter.is_ascii_alphabetic() {
        return None;
    }
    let rest = cs.as_str();
    if rest.is_empty() {
        return Some((letter, None));
    }
    if rest.len() <= 2 && rest.bytes().all(|b| b.is_ascii_digit()) {
        return Some((letter, rest.parse().ok()));
    }
    None
}

fn signed(neg: bool, body: String) -> String {
    if neg { format!("-{body}") } else { body }
}

/// The standard formats both integers and doubles share once they are digits.
fn standard_digits(mut d: Digits, letter: char, prec: Option<i32>) -> Result<String, FormatError> {
    match letter.to_ascii_uppercase() {
        'C' => {
            let p = prec.unwrap_or(2);
            d.round(d.scale + p);
            let body = format!("${}", d.fixed(p as usize, true));
            Ok(if d.neg { format!("({body})") } else { body })
        }
        'F' | 'N' => {
            let p = prec.unwrap_or(2);
            d.round(d.scale + p);
            Ok(signed(d.neg, d.fixed(p as usize, letter.eq_ignore_ascii_case(&'N'))))
        }
        'P' => {
            let p = prec.unwrap_or(2);
            if !d.is_zero() {
                d.scale += 2;
            }
            d.round(d.scale + p);
            Ok(signed(d.neg, format!("{} %", d.fixed(p as usize, true))))
        }
        'E' => {
            let p = prec.unwrap_or(6);
            d.round(p + 1);
            Ok(signed(d.neg, d.scientific(p as usize, letter == 'E', 3, true)))
        }
        _ => Err(FormatError::InvalidSpecifier),
    }
}

/// `Int32`/`Int64.ToString(format)`.
pub fn format_int(i: i64, f: &str) -> Result<String, FormatError> {
    let Some((letter, prec)) = standard(f) else { return custom_number(Digits::from_i64(i), f) };
    match letter.to_ascii_uppercase() {
        'D' => {
            let digits = (i as i128).unsigned_abs().to_string();
            let w = prec.unwrap_or(0) as usize;
            Ok(signed(i < 0, format!("{digits:0>w$}")))
        }
        'X' => {
            let w = prec.unwrap_or(0) as usize;
            let hex = match i32::try_from(i) {
                Ok(small) => format!("{:X}", small as u32),
                Err(_) => format!("{:X}", i as u64),
            };
            let hex = format!("{hex:0>w$}");
            Ok(if letter == 'x' { hex.to_ascii_lowercase() } else { hex })
        }
        'G' => {
            let mut d = Digits::from_i64(i);
            match prec {
                Some(p) if p > 0 => {
                    d.round(p);
                    Ok(signed(d.neg, d.general(p, letter == 'G')))
                }
                _ => Ok(i.to_string()),
            }
        }
        _ => standard_digits(Digits::from_i64(i), letter, prec),
    }
}

/// `Double.ToString(format)`.
pub fn format_double(x: f64, f: &str) -> Result<String, FormatError> {
    if x.is_nan() {
        return Ok("NaN".into());
    }
    if x.is_infinite() {
        return Ok(if x > 0.0 { "Infinity".into() } else { "-Infinity".into() });
    }
    let Some((letter, prec)) = standard(f) else { return custom_number(Digits::from_f64(x, 15), f) };
    match letter.to_ascii_uppercase() {
        'G' => {
            let p = match prec {
                Some(p) if p > 0 => p,
                _ => 15,
            };
            let mut d = Digits::from_f64(x, 15.max(p as usize));
            d.round(p);
            Ok(signed(d.neg, d.general(p, letter == 'G')))
        }
        'R' => {
            let mut d = Digits::from_f64(x, 15);
            let text = signed(d.neg, d.general(15, letter == 'R'));
            if text.parse::<f64>().ok() == Some(x) {
                return Ok(text);
            }
            d = Digits::from_f64(x, 17);
            Ok(signed(d.neg, d.general(17, letter == 'R')))
        }
        'D' | 'X' => Err(FormatError::InvalidSpecifier),
        _ => standard_digits(Digits::from_f64(x, 15), letter, prec),
    }
}

/// One piece of a custom numeric format section.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Zero,
    Hash,
    Point,
    Comma,
    Percent,
    PerMille,
    /// `E+0`-style exponent: upper case, always signed, minimum digits.
    Exponent(bool, bool, usize),
    Literal(String),
}

fn split_sections(f: &str) -> Vec<Vec<Piece>> {
    let chars: Vec<char> = f.chars().collect();
    let mut sections = vec![Vec::new()];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let piece = match c {
            '0' => Piece::Zero,
            '#' => Piece::Hash,
            '.' => Piece::Point,
            ',' => Piece::Comma,
            '%' => Piece::Percent,
            '\u{2030}' => Piece::PerMille,
            ';' => {
                sections.push(Vec::new());
                continue;
            }
            '\\' => match chars.get(i) {
                Some(&n) => {
                    i += 1;
                    Piece::Literal(n.to_string())
                }
                None => continue,
            },
            '\'' | '"' => {
                let mut s = String::new();
                while i < chars.len() && chars[i] != c {
                    s.push(chars[i]);
                    i += 1;
                }
                i += 1;
                Piece::Literal(s)
            }
            'E' | 'e' => {
                let mut j = i;
                let mut plus = false;
                if matches!(chars.get(j), Some('+') | Some('-')) {
                    plus = chars[j] == '+';
                    j += 1;
                }
                let zeros = chars[j.min(chars.len())..].iter().take_while(|&&z| z == '0').count();
                if zeros > 0 {
                    i = j + zeros;
                    Piece::Exponent(c == 'E', plus, zeros)
                } else {
                    Piece::Literal(c.to_string())
                }
            }
            other => Piece::Literal(other.to_string()),
        };
        if let Some(last) = sections.last_mut() {
            last.push(piece);
        }
    }
    sections
}

/// A custom numeric format (`0.00`, `#,##0`, `0.0%`, `0.00E+00`, `#;(#);zero`).
fn custom_number(d: Digits, f: &str) -> Result<String, FormatError> {
    let sections = split_sections(f);
    let pick = |k: usize| sections.get(k).filter(|s| !s.is_empty()).unwrap_or(&sections[0]);
    let (section, own_sign) = if d.is_zero() && sections.len() >= 3 {
        (pick(2), true)
    } else if d.neg && sections.len() >= 2 {
        (pick(1), !sections[1].is_empty())
    } else {
        (&sections[0], false)
    };
    Ok(render_custom(d, section, own_sign))
}

fn render_custom(mut d: Digits, section: &[Piece], own_sign: bool) -> String {
    // Analyse the placeholders.
    let point = section.iter().position(|p| *p == Piece::Point);
    let is_digit = |p: &Piece| matches!(p, Piece::Zero | Piece::Hash);
    let exp_at = section.iter().position(|p| matches!(p, Piece::Exponent(..)));
    let digit_end = exp_at.unwrap_or(section.len());
    let int_end = point.unwrap_or(digit_end).min(digit_end);
    let int_places: Vec<usize> = (0..int_end).filter(|&k| is_digit(&section[k])).collect();
    let frac_places: Vec<usize> = (int_end..digit_end).filter(|&k| is_digit(&section[k])).collect();
    let first_int_zero = int_places.iter().position(|&k| section[k] == Piece::Zero);
    let last_frac_zero = frac_places.iter().rposition(|&k| section[k] == Piece::Zero);
    // Grouping: a comma between integer placeholders; scaling: commas right before the point (or the
    // end of the placeholders) divide by 1000 each.
    let mut grouping = false;
    let mut scaling = 0;
    if let (Some(&first), Some(&last)) = (int_places.first(), int_places.last()) {
        grouping = (first..last).any(|k| section[k] == Piece::Comma);
        let mut k = last + 1;
        while k < int_end && section[k] == Piece::Comma {
            scaling += 1;
            k += 1;
        }
    }
    let percents = section.iter().filter(|p| **p == Piece::Percent).count() as i32;
    let permilles = section.iter().filter(|p| **p == Piece::PerMille).count() as i32;
    if !d.is_zero() {
        d.scale += 2 * percents + 3 * permilles - 3 * scaling;
    }
    let n_int = int_places.len() as i32;
    let n_frac = frac_places.len() as i32;
    let mut exponent = 0;
    if exp_at.is_some() {
        if !d.is_zero() {
            d.round(n_int.max(1) + n_frac);
            exponent = d.scale - n_int.max(1);
            d.scale = n_int.max(1);
            if n_int == 0 {
                exponent += 1;
                d.scale = 0;
            }
        }
    } else {
        d.round(d.scale + n_frac);
    }
    let neg = d.neg && !own_sign;
    // Integer digits, most significant first, with grouping separators after them.
    let int_len = d.scale.max(0);
    let zero_fill = first_int_zero.map(|z| n_int - z as i32).unwrap_or(0);
    let shown = int_len.max(zero_fill);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let mut next_int = 0; // index into int_places
    let mut frac_k = 0;
    let mut pending_point = false;
    let int_digit = |pos: i32| -> String {
        // pos counts from the right, 0 = units.
        let mut s = String::new();
        if pos < shown {
            s.push(if pos < int_len { d.digit(int_len - 1 - pos) as char } else { '0' });
            if grouping && pos > 0 && pos % 3 == 0 {
                s.push(',');
            }
        }
        s
    };
    for (k, piece) in section.iter().enumerate() {
        match piece {
            Piece::Zero | Piece::Hash if k < int_end => {
                let pos = n_int - 1 - next_int;
                if next_int == 0 {
                    for extra in (pos + 1..shown).rev() {
                        out.push_str(&int_digit(extra));
                    }
                }
                out.push_str(&int_digit(pos));
                next_int += 1;
            }
            Piece::Zero | Piece::Hash if k < digit_end => {
                let idx = d.scale + frac_k;
                let digit = if !d.is_zero() && idx < d.digits.len() as i32 {
                    Some(d.digit(idx) as char)
                } else if last_frac_zero.is_some_and(|z| frac_k <= z as i32) {
                    Some('0')
                } else {
                    None
                };
                if let Some(ch) = digit {
                    if pending_point {
                        out.push('.');
                        pending_point = false;
                    }
                    out.push(ch);
                }
                frac_k += 1;
            }
            Piece::Zero | Piece::Hash => {}
            Piece::Point => {
                if point == Some(k) {
                    if int_places.is_empty() {
                        // `.00` on 12.5: the integer digits still show.
                        for pos in (0..shown).rev() {
                            out.push_str(&int_digit(pos));
                        }
                    }
                    pending_point = true;
                }
            }
            Piece::Comma => {}
            Piece::Percent => out.push('%'),
            Piece::PerMille => out.push('\u{2030}'),
            Piece::Exponent(upper, plus, min) => {
                out.push(if *upper { 'E' } else { 'e' });
                if exponent < 0 {
                    out.push('-');
                } else if *plus {
                    out.push('+');
                }
                out.push_str(&format!("{:0w$}", exponent.unsigned_abs(), w = *min));
            }
            Piece::Literal(s) => out.push_str(s),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Dates

/// English day names, Sunday first.
pub const DAY_NAMES: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The calendar fields of a wall-clock time (seconds since 1970-01-01 00:00 on that clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateParts {
    /// Year.
    pub year: i64,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
    /// Hour, 0–23.
    pub hour: u32,
    /// Minute.
    pub minute: u32,
    /// Second.
    pub second: u32,
    /// Nanoseconds.
    pub nanos: u32,
    /// Day of the week, 0 = Sunday.
    pub weekday: u32,
    /// Day of the year, 1 = January 1.
    pub day_of_year: u32,
}

impl DateParts {
    /// The fields of a wall-clock time.
    pub fn of(secs: i64, nanos: u32) -> DateParts {
        let days = secs.div_euclid(86400);
        let rem = secs.rem_euclid(86400) as u32;
        let (year, month, day) = convert::civil_from_days(days);
        let day_of_year = (days - convert::days_from_civil(year, 1, 1) + 1) as u32;
        DateParts {
            year,
            month,
            day,
            hour: rem / 3600,
            minute: rem % 3600 / 60,
            second: rem % 60,
            nanos,
            weekday: (days + 4).rem_euclid(7) as u32,
            day_of_year,
        }
    }
}

/// The en-US pattern of a standard date format letter, and whether it shows UTC.
fn standard_date_pattern(c: char) -> Option<(&'static str, bool)> {
    Some(match c {
        'd' => ("M/d/yyyy", false),
        'D' => ("dddd, MMMM d, yyyy", false),
        'f' => ("dddd, MMMM d, yyyy h:mm tt", false),
        'F' => ("dddd, MMMM d, yyyy h:mm:ss tt", false),
        'g' => ("M/d/yyyy h:mm tt", false),
        'G' => ("M/d/yyyy h:mm:ss tt", false),
        'm' | 'M' => ("MMMM d", false),
        'o' | 'O' => ("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", false),
        'r' | 'R' => ("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", true),
        's' => ("yyyy'-'MM'-'dd'T'HH':'mm':'ss", false),
        't' => ("h:mm tt", false),
        'T' => ("h:mm:ss tt", false),
        'u' => ("yyyy'-'MM'-'dd HH':'mm':'ss'Z'", true),
        'U' => ("dddd, MMMM d, yyyy h:mm:ss tt", true),
        'y' | 'Y' => ("MMMM yyyy", false),
        _ => return None,
    })
}

/// `DateTime.ToString(format)` for a local wall-clock time (`local_offset` seconds east of UTC).
pub fn format_date(secs: i64, nanos: u32, f: &str, local_offset: i32) -> Result<String, FormatError> {
    let mut chars = f.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let Some((pattern, utc)) = standard_date_pattern(c) else { return Err(FormatError::InvalidInput) };
        let secs = if utc { secs - local_offset as i64 } else { secs };
        return custom_date(&DateParts::of(secs, nanos), pattern, local_offset);
    }
    custom_date(&DateParts::of(secs, nanos), f, local_offset)
}

fn offset_text(offset: i32, width: usize) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let a = offset.unsigned_abs();
    match width {
        1 => format!("{sign}{}", a / 3600),
        2 => format!("{sign}{:02}", a / 3600),
        _ => format!("{sign}{:02}:{:02}", a / 3600, a % 3600 / 60),
    }
}

/// A custom date format (`yyyy-MM-dd HH:mm:ss`, `dddd`, `'literal'`, `\x`, `%d`).
pub fn custom_date(p: &DateParts, f: &str, local_offset: i32) -> Result<String, FormatError> {
    let chars: Vec<char> = f.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&x| x == c).count();
        let mut step = run;
        match c {
            'd' => match run {
                1 => out.push_str(&p.day.to_string()),
                2 => out.push_str(&format!("{:02}", p.day)),
                3 => out.push_str(&DAY_NAMES[p.weekday as usize][..3]),
                _ => out.push_str(DAY_NAMES[p.weekday as usize]),
            },
            'M' => match run {
                1 => out.push_str(&p.month.to_string()),
                2 => out.push_str(&format!("{:02}", p.month)),
                3 => out.push_str(&MONTH_NAMES[p.month as usize - 1][..3]),
                _ => out.push_str(MONTH_NAMES[p.month as usize - 1]),
            },
            'y' => match run {
                1 => out.push_str(&(p.year % 100).to_string()),
                2 => out.push_str(&format!("{:02}", p.year % 100)),
                n => out.push_str(&format!("{:0w$}", p.year, w = n)),
            },
            'h' => {
                let h12 = if p.hour.is_multiple_of(12) { 12 } else { p.hour % 12 };
                out.push_str(&if run == 1 { h12.to_string() } else { format!("{h12:02}") });
            }
            'H' => {
                out.push_str(&if run == 1 { p.hour.to_string() } else { format!("{:02}", p.hour) });
            }
            'm' => {
                out.push_str(&if run == 1 { p.minute.to_string() } else { format!("{:02}", p.minute) });
            }
            's' => {
                out.push_str(&if run == 1 { p.second.to_string() } else { format!("{:02}", p.second) });
            }
            'f' | 'F' => {
                if run > 7 {
                    return Err(FormatError::InvalidInput);
                }
                let ticks = format!("{:07}", p.nanos / 100);
                let mut s = ticks[..run].to_string();
                if c == 'F' {
                    s = s.trim_end_matches('0').to_string();
                    if s.is_empty() && out.ends_with('.') {
                        out.pop();
                    }
                }
                out.push_str(&s);
            }
            't' => {
                let ampm = if p.hour < 12 { "AM" } else { "PM" };
                out.push_str(if run == 1 { &ampm[..1] } else { ampm });
            }
            'g' => out.push_str(if p.year > 0 { "A.D." } else { "B.C." }),
            'z' => out.push_str(&offset_text(local_offset, run)),
            'K' => {
                step = 1;
                out.push_str(&offset_text(local_offset, 3));
            }
            ':' => {
                step = 1;
                out.push(':');
            }
            '/' => {
                step = 1;
                out.push('/');
            }
            '\'' | '"' => {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != c {
                    if chars[j] == '\\' && j + 1 < chars.len() {
                        j += 1;
                    }
                    out.push(chars[j]);
                    j += 1;
                }
                step = j + 1 - i;
            }
            '\\' => {
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                }
                step = 2;
            }
            '%' => step = 1,
            other => {
                step = 1;
                out.push(other);
            }
        }
        i += step;
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// TimeSpans

/// `TimeSpan.ToString(format)`: `c`/`t`/`T` (`[-][d.]hh:mm:ss[.fffffff]`), `g`
/// (`[-][d:]h:mm:ss[.FFFFFFF]`), `G` (`[-]d:hh:mm:ss.fffffff`), or a custom format of `d`…`dddddddd`,
/// `h` `hh` `m` `mm` `s` `ss` `f`… `F`…, `\x` and quoted literals (no sign: custom formats show the
/// magnitude). Any other character is a format error, as in .NET 4.
pub fn format_timespan(ticks: i64, f: &str) -> Result<String, FormatError> {
    let neg = ticks < 0;
    let t = ticks.unsigned_abs();
    let (days, rest) = (t / 864_000_000_000, t % 864_000_000_000);
    let hours = rest / 36_000_000_000;
    let minutes = rest % 36_000_000_000 / 600_000_000;
    let seconds = rest % 600_000_000 / 10_000_000;
    let fraction = rest % 10_000_000;
    let sign = if neg { "-" } else { "" };
    match f {
        "c" | "t" | "T" => return Ok(super::dotnet::timespan_to_string(ticks)),
        "g" => {
            let mut out = sign.to_string();
            if days > 0 {
                out.push_str(&format!("{days}:"));
            }
            out.push_str(&format!("{hours}:{minutes:02}:{seconds:02}"));
            if fraction > 0 {
                out.push_str(&format!(".{}", format!("{fraction:07}").trim_end_matches('0')));
            }
            return Ok(out);
        }
        "G" => return Ok(format!("{sign}{days}:{hours:02}:{minutes:02}:{seconds:02}.{fraction:07}")),
        // Any other single character is an unknown standard format.
        one if one.chars().count() == 1 => return Err(FormatError::InvalidInput),
        _ => {}
    }
    let chars: Vec<char> = f.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&x| x == c).count();
        match c {
            'd' if run <= 8 => out.push_str(&format!("{days:0run$}")),
            'h' | 'm' | 's' if run <= 2 => {
                let v = match c {
                    'h' => hours,
                    'm' => minutes,
                    _ => seconds,
                };
                out.push_str(&if run == 1 { v.to_string() } else { format!("{v:02}") });
            }
            'f' | 'F' if run <= 7 => {
                let digits = format!("{fraction:07}");
                let part = &digits[..run];
                out.push_str(if c == 'F' { part.trim_end_matches('0') } else { part });
            }
            '\\' => {
                let Some(&n) = chars.get(i + 1) else { return Err(FormatError::InvalidInput) };
                out.push(n);
                i += 2;
                continue;
            }
            '\'' | '"' => {
                let end = chars[i + 1..].iter().position(|&x| x == c).ok_or(FormatError::InvalidInput)?;
                out.extend(&chars[i + 1..i + 1 + end]);
                i += end + 2;
                continue;
            }
            '%' => {
                i += 1;
                continue;
            }
            _ => return Err(FormatError::InvalidInput),
        }
        i += run;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, args: &[Value]) -> Result<String, FormatError> {
        composite(fmt, args, |v, spec| format_value(v, spec, 0))
    }

    #[test]
    fn composite_items_alignment_and_escapes() {
        assert_eq!(f("{0}|{0,5}|{0,-5}|", &[Value::Int(42)]).as_deref(), Ok("42|   42|42   |"));
        assert_eq!(f("{{{0}}}", &[Value::str("x")]).as_deref(), Ok("{x}"));
        assert_eq!(f("{1}", &[Value::Int(1)]), Err(FormatError::IndexOutOfRange));
        assert_eq!(f("{0", &[Value::Int(1)]), Err(FormatError::InvalidInput));
        assert_eq!(f("}", &[]), Err(FormatError::InvalidInput));
        assert_eq!(f("{a}", &[Value::Int(1)]), Err(FormatError::InvalidInput));
        assert_eq!(f("{0,100000000}", &[Value::Int(1)]), Err(FormatError::InvalidInput));
        assert_eq!(f("{ 0 }", &[Value::Int(1)]), Err(FormatError::InvalidInput));
        assert_eq!(f("{0 ,3}", &[Value::Int(1)]).as_deref(), Ok("  1"));
        assert_eq!(f("{0:N2}", &[Value::str("3.5")]).as_deref(), Ok("3.5"));
    }

    #[test]
    fn standard_numeric() {
        let d = |x: f64, s: &str| format_double(x, s);
        let i = |x: i64, s: &str| format_int(x, s);
        assert_eq!(d(1234.5, "C").as_deref(), Ok("$1,234.50"));
        assert_eq!(d(-1234.5, "C").as_deref(), Ok("($1,234.50)"));
        assert_eq!(i(42, "D5").as_deref(), Ok("00042"));
        assert_eq!(i(-42, "D5").as_deref(), Ok("-00042"));
        assert_eq!(d(1.5, "D"), Err(FormatError::InvalidSpecifier));
        assert_eq!(d(1234.5678, "E").as_deref(), Ok("1.234568E+003"));
        assert_eq!(d(1234.5678, "e2").as_deref(), Ok("1.23e+003"));
        assert_eq!(d(0.125, "F2").as_deref(), Ok("0.13"));
        assert_eq!(d(2.5, "F0").as_deref(), Ok("3"));
        assert_eq!(i(7, "F").as_deref(), Ok("7.00"));
        assert_eq!(d(1234567.891, "N").as_deref(), Ok("1,234,567.89"));
        assert_eq!(d(-0.001, "N2").as_deref(), Ok("0.00"));
        assert_eq!(d(0.256, "P1").as_deref(), Ok("25.6 %"));
        assert_eq!(i(255, "X").as_deref(), Ok("FF"));
        assert_eq!(i(255, "x4").as_deref(), Ok("00ff"));
        assert_eq!(i(-1, "X").as_deref(), Ok("FFFFFFFF"));
        assert_eq!(d(0.1, "R").as_deref(), Ok("0.1"));
        assert_eq!(d(1.0 / 3.0, "R").as_deref(), Ok("0.33333333333333331"));
        assert_eq!(d(1.0 / 3.0, "G").as_deref(), Ok("0.333333333333333"));
        assert_eq!(d(1e20, "G").as_deref(), Ok("1E+20"));
        assert_eq!(d(12345.678, "G3").as_deref(), Ok("1.23E+04"));
        assert_eq!(i(12345, "G").as_deref(), Ok("12345"));
        assert_eq!(i(5, "R"), Err(FormatError::InvalidSpecifier));
        assert_eq!(i(5, "Q"), Err(FormatError::InvalidSpecifier));
        // Precision past two digits is a custom format in .NET Framework: no allocation.
        assert_eq!(i(5, "D65536").as_deref(), Ok("D65536"));
    }

    #[test]
    fn custom_numeric() {
        let d = |x: f64, s: &str| format_double(x, s).unwrap_or_default();
        assert_eq!(d(45.678, "0.0"), "45.7");
        assert_eq!(d(1234567.8, "#,##0"), "1,234,568");
        assert_eq!(d(7.0, "00"), "07");
        assert_eq!(d(0.5, "0.00%"), "50.00%");
        assert_eq!(d(2.5, "0"), "3");
        assert_eq!(d(-1.25, "0.0"), "-1.3");
        assert_eq!(d(5.0, "0.#"), "5");
        assert_eq!(d(5.25, "0.#"), "5.3");
        assert_eq!(d(0.5, "#.##"), ".5");
        assert_eq!(d(0.0, "#.##"), "");
        assert_eq!(d(1234567.0, "#,##0,,"), "1");
        assert_eq!(d(1234567.0, "0,,.0"), "1.2");
        assert_eq!(d(1234567.0, "0.0,,"), "1234567.0");
        assert_eq!(d(-5.0, "0;(0)"), "(5)");
        assert_eq!(d(0.0, "0;(0);zero"), "zero");
        assert_eq!(d(5.0, "0;(0);zero"), "5");
        assert_eq!(d(12.0, "0' items'"), "12 items");
        assert_eq!(d(12.0, "\\#0"), "#12");
        assert_eq!(d(0.0123, "0.0\u{2030}"), "12.3\u{2030}");
        assert_eq!(d(1234.5, "0.00E+00"), "1.23E+03");
        assert_eq!(d(0.00012, "0.0e0"), "1.2e-4");
        assert_eq!(d(123.0, "0-0"), "12-3");
        assert_eq!(d(5.0, "#0#"), "05");
        assert_eq!(format_int(1234, "#,#").as_deref(), Ok("1,234"));
    }

    #[test]
    fn dates() {
        // Thursday, December 3, 2026 14:09:25.1234567
        let secs = convert::days_from_civil(2026, 12, 3) * 86400 + 14 * 3600 + 9 * 60 + 25;
        let ns = 123_456_700;
        let d = |f: &str| format_date(secs, ns, f, -5 * 3600).unwrap_or_default();
        assert_eq!(d("d"), "12/3/2026");
        assert_eq!(d("D"), "Thursday, December 3, 2026");
        assert_eq!(d("f"), "Thursday, December 3, 2026 2:09 PM");
        assert_eq!(d("F"), "Thursday, December 3, 2026 2:09:25 PM");
        assert_eq!(d("g"), "12/3/2026 2:09 PM");
        assert_eq!(d("G"), "12/3/2026 2:09:25 PM");
        assert_eq!(d("M"), "December 3");
        assert_eq!(d("o"), "2026-12-03T14:09:25.1234567-05:00");
        assert_eq!(d("R"), "Thu, 03 Dec 2026 19:09:25 GMT");
        assert_eq!(d("s"), "2026-12-03T14:09:25");
        assert_eq!(d("t"), "2:09 PM");
        assert_eq!(d("T"), "2:09:25 PM");
        assert_eq!(d("u"), "2026-12-03 19:09:25Z");
        assert_eq!(d("U"), "Thursday, December 3, 2026 7:09:25 PM");
        assert_eq!(d("Y"), "December 2026");
        assert_eq!(d("yyyy-MM-dd HH:mm:ss.fff"), "2026-12-03 14:09:25.123");
        assert_eq!(d("ddd dd MMM yy h:m:s tt zzz zz z"), "Thu 03 Dec 26 2:9:25 PM -05:00 -05 -5");
        assert_eq!(d("%d"), "3");
        assert_eq!(d("'Day' d 'of' MMMM"), "Day 3 of December");
        assert_eq!(d("\\h h"), "h 2");
        assert_eq!(d("HH:mm:ss.FFF"), "14:09:25.123");
        assert_eq!(format_date(secs, 0, "ss.FFF", 0).as_deref(), Ok("25"));
        assert_eq!(format_date(secs, 0, "Q", 0), Err(FormatError::InvalidInput));
    }

    #[test]
    fn timespans() {
        let t = ((86400 + 2 * 3600 + 5 * 60 + 3) * 10_000_000) + 5_000_000;
        let ts = |f: &str| format_timespan(t, f);
        assert_eq!(ts("c").as_deref(), Ok("1.02:05:03.5000000"));
        assert_eq!(ts("g").as_deref(), Ok("1:2:05:03.5"));
        assert_eq!(ts("G").as_deref(), Ok("1:02:05:03.5000000"));
        assert_eq!(ts("hh\\:mm").as_deref(), Ok("02:05"));
        assert_eq!(ts("dd\\.hh\\:mm\\:ss\\.ff").as_deref(), Ok("01.02:05:03.50"));
        assert_eq!(ts("d' days 'h' h'").as_deref(), Ok("1 days 2 h"));
        assert_eq!(format_timespan(-t, "hh\\:mm").as_deref(), Ok("02:05"));
        assert_eq!(ts("hh:mm"), Err(FormatError::InvalidInput));
        assert_eq!(ts("d"), Err(FormatError::InvalidInput));
        assert_eq!(ts("%d").as_deref(), Ok("1"));
    }
}
