//! ConvertTo-Json and ConvertFrom-Json, in both shells' dialects: Windows PowerShell 5.1
//! (JavaScriptSerializer: `\u0027`-style escapes, `"\/Date(ms)\/"` dates, its quirky pretty
//! printer with two spaces after each colon, a JSON array sent down the pipeline as one object)
//! and PowerShell 7 for Online orgs (Json.NET: two-space indentation, ISO dates, the depth
//! warning, `-AsArray`, arrays enumerated). See docs/reference/core-cmdlets.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{PsObject, Value, convert};

const INPUT_OBJECT: &str = "InputObject";
const DEPTH: &str = "Depth";
const COMPRESS: &str = "Compress";
const AS_ARRAY: &str = "AsArray";
const ENUMS_AS_STRINGS: &str = "EnumsAsStrings";
const AS_HASHTABLE: &str = "AsHashtable";
const NO_ENUMERATE: &str = "NoEnumerate";

/// A JSON tree, before it is written in one dialect.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true`/`false`
    Bool(bool),
    /// A number, already as text.
    Num(String),
    /// A string.
    Str(String),
    /// A date: seconds since the epoch (UTC) and nanoseconds; each dialect writes it its way.
    Date(i64, u32),
    /// An array.
    Arr(Vec<Json>),
    /// An object, in property order.
    Obj(Vec<(String, Json)>),
}

/// Which serializer's rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Windows PowerShell 5.1 (JavaScriptSerializer).
    WinPs,
    /// PowerShell 7 (Json.NET).
    Core,
}

/// Builds the tree PowerShell's `ProcessValue` builds: primitives as themselves at any depth,
/// anything else deeper than `max` as its string (`truncated` is then set).
pub fn to_tree(v: &Value, depth: usize, max: usize, enums_as_strings: bool, truncated: &mut bool) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) | Value::Switch(b) => Json::Bool(*b),
        Value::Int(i) | Value::Long(i) => Json::Num(i.to_string()),
        Value::Double(d) => Json::Num(double_text(*d)),
        Value::Str(s) => Json::Str(s.to_string()),
        Value::Enum(e) if enums_as_strings => Json::Str(e.name()),
        Value::Enum(e) => Json::Num(e.bits.to_string()),
        Value::DateTime(s, n) => Json::Date(*s, *n),
        Value::Guid(_) | Value::Char(_) => Json::Str(convert::to_string(v)),
        // Structs serialize as their public properties, at the next depth.
        Value::TimeSpan(_) | Value::Version(_) if depth <= max => {
            let names: &[&str] = if matches!(v, Value::TimeSpan(_)) {
                &[
                    "Ticks",
                    "Days",
                    "Hours",
                    "Milliseconds",
                    "Minutes",
                    "Seconds",
                    "TotalDays",
                    "TotalHours",
                    "TotalMilliseconds",
                    "TotalMinutes",
                    "TotalSeconds",
                ]
            } else {
                &["Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision"]
            };
            Json::Obj(
                names
                    .iter()
                    .map(|n| {
                        let x = v.property(n).unwrap_or(Value::Null);
                        (n.to_string(), to_tree(&x, depth + 1, max, enums_as_strings, truncated))
                    })
                    .collect(),
            )
        }
        _ if depth > max => {
            *truncated = true;
            Json::Str(convert::to_string(v))
        }
        Value::Array(a) => {
            let items = a.borrow().items.clone();
            Json::Arr(items.iter().map(|x| to_tree(x, depth + 1, max, enums_as_strings, truncated)).collect())
        }
        Value::Hashtable(h) => {
            let pairs: Vec<(Value, Value)> = h.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            Json::Obj(
                pairs
                    .iter()
                    .map(|(k, x)| (convert::to_string(k), to_tree(x, depth + 1, max, enums_as_strings, truncated)))
                    .collect(),
            )
        }
        Value::Object(o) => {
            let o = o.borrow();
            if o.is_empty() && o.display.is_some() {
                return Json::Str(convert::to_string(v));
            }
            let pairs: Vec<(String, Value)> = o.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
            drop(o);
            Json::Obj(
                pairs
                    .iter()
                    .map(|(k, x)| (k.clone(), to_tree(x, depth + 1, max, enums_as_strings, truncated)))
                    .collect(),
            )
        }
        Value::ScriptBlock(_) | Value::TimeSpan(_) | Value::Version(_) => Json::Str(convert::to_string(v)),
    }
}

/// A double as both serializers write it: the shortest text that reads back the same.
fn double_text(d: f64) -> String {
    if d.is_finite() && d == d.trunc() && d.abs() < 1e15 {
        format!("{}", d as i64)
    } else if d.is_finite() {
        let s = format!("{d}");
        if s.len() > 17 { format!("{d:e}").replace('e', "E+").replace("E+-", "E-") } else { s }
    } else {
        // JavaScriptSerializer and Json.NET both write non-finite doubles as strings.
        format!("\"{}\"", convert::double_to_string(d))
    }
}

fn quote(s: &str, dialect: Dialect, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            // JavaScriptSerializer escapes the HTML-sensitive characters; Json.NET does not.
            '<' | '>' | '\'' | '&' if dialect == Dialect::WinPs => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            '\u{85}' | '\u{2028}' | '\u{2029}' if dialect == Dialect::Core => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn date_text(secs: i64, nanos: u32, dialect: Dialect) -> String {
    match dialect {
        Dialect::WinPs => format!("\"\\/Date({})\\/\"", secs * 1000 + i64::from(nanos / 1_000_000)),
        Dialect::Core => {
            let (y, m, d) = convert::civil_from_days(secs.div_euclid(86400));
            let r = secs.rem_euclid(86400);
            let mut s = format!("\"{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}", r / 3600, r % 3600 / 60, r % 60);
            if nanos > 0 {
                let frac = format!("{:07}", nanos / 100);
                s.push('.');
                s.push_str(frac.trim_end_matches('0'));
            }
            s.push('"');
            s
        }
    }
}

/// The compact text (`-Compress`; JavaScriptSerializer's only output).
pub fn compact(j: &Json, dialect: Dialect, out: &mut String) {
    match j {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => out.push_str(n),
        Json::Str(s) => quote(s, dialect, out),
        Json::Date(s, n) => out.push_str(&date_text(*s, *n, dialect)),
        Json::Arr(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                compact(x, dialect, out);
            }
            out.push(']');
        }
        Json::Obj(pairs) => {
            out.push('{');
            for (i, (k, x)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                quote(k, dialect, out);
                out.push(':');
                compact(x, dialect, out);
            }
            out.push('}');
        }
    }
}

/// Json.NET's `Formatting.Indented`: two spaces a level, `"key": value`, `[]` and `{}` when empty.
fn indented(j: &Json, level: usize, out: &mut String) {
    let pad = |n: usize| "  ".repeat(n);
    match j {
        Json::Arr(items) if !items.is_empty() => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                out.push_str(if i > 0 { ",\n" } else { "\n" });
                out.push_str(&pad(level + 1));
                indented(x, level + 1, out);
            }
            out.push('\n');
            out.push_str(&pad(level));
            out.push(']');
        }
        Json::Obj(pairs) if !pairs.is_empty() => {
            out.push('{');
            for (i, (k, x)) in pairs.iter().enumerate() {
                out.push_str(if i > 0 { ",\n" } else { "\n" });
                out.push_str(&pad(level + 1));
                quote(k, Dialect::Core, out);
                out.push_str(": ");
                indented(x, level + 1, out);
            }
            out.push('\n');
            out.push_str(&pad(level));
            out.push('}');
        }
        other => compact(other, Dialect::Core, out),
    }
}

/// Windows PowerShell 5.1's pretty printer, which re-reads the compact text character by
/// character: four spaces a level, two spaces after each colon, and a nested value indented
/// from where it starts on its key's line (an empty array spans two lines).
fn winps_pretty(json: &str) -> String {
    let chars: Vec<char> = json.chars().collect();
    let mut out = String::new();
    match chars.first() {
        Some('{') => {
            out.push('{');
            pretty_dict(&chars, 1, &mut out, "", 0);
        }
        Some('[') => {
            out.push('[');
            pretty_list(&chars, 1, &mut out, "", 0);
        }
        _ => return json.to_string(),
    }
    out
}

/// Copies a quoted string from after its opening quote; returns the index of the closing quote.
fn copy_quoted(chars: &[char], mut i: usize, out: &mut String) -> usize {
    while i < chars.len() {
        out.push(chars[i]);
        if chars[i] == '\\' && i + 1 < chars.len() {
            i += 1;
            out.push(chars[i]);
        } else if chars[i] == '"' {
            return i;
        }
        i += 1;
    }
    i
}

fn pretty_list(chars: &[char], index: usize, out: &mut String, pad: &str, spaces: usize) -> usize {
    out.push('\n');
    let inner = format!("{pad}{}    ", " ".repeat(spaces));
    let mut head = true;
    let mut i = index;
    while i < chars.len() {
        match chars[i] {
            '{' => {
                out.push_str(&inner);
                out.push('{');
                i = pretty_dict(chars, i + 1, out, &inner, 0);
                head = false;
            }
            '[' => {
                out.push_str(&inner);
                out.push('[');
                i = pretty_list(chars, i + 1, out, &inner, 0);
                head = false;
            }
            ']' => {
                out.push('\n');
                out.push_str(pad);
                out.push_str(&" ".repeat(spaces));
                out.push(']');
                return i;
            }
            '"' => {
                if head {
                    out.push_str(&inner);
                }
                out.push('"');
                i = copy_quoted(chars, i + 1, out);
                head = false;
            }
            ',' => {
                out.push_str(",\n");
                head = true;
            }
            c => {
                if head {
                    out.push_str(&inner);
                }
                out.push(c);
                head = false;
            }
        }
        i += 1;
    }
    i
}

fn pretty_dict(chars: &[char], index: usize, out: &mut String, pad: &str, spaces: usize) -> usize {
    out.push('\n');
    let inner = format!("{pad}{}    ", " ".repeat(spaces));
    let mut before_key = true;
    let mut last = 0;
    let mut i = index;
    while i < chars.len() {
        match chars[i] {
            '{' => {
                out.push('{');
                i = pretty_dict(chars, i + 1, out, &inner, last);
            }
            '[' => {
                out.push('[');
                i = pretty_list(chars, i + 1, out, &inner, last);
            }
            '}' => {
                out.push('\n');
                out.push_str(pad);
                out.push_str(&" ".repeat(spaces));
                out.push('}');
                return i;
            }
            '"' => {
                if before_key {
                    out.push_str(&inner);
                }
                out.push('"');
                let end = copy_quoted(chars, i + 1, out);
                if before_key {
                    // The key with its quotes, the colon and the two spaces after it.
                    last = end - i + 1 + 3;
                }
                i = end;
                before_key = false;
            }
            ':' => out.push_str(":  "),
            ',' => {
                out.push_str(",\n");
                before_key = true;
            }
            c => out.push(c),
        }
        i += 1;
    }
    i
}

/// The text ConvertTo-Json writes for a tree.
pub fn write(j: &Json, dialect: Dialect, compress: bool) -> String {
    let mut out = String::new();
    match (dialect, compress) {
        (_, true) => compact(j, dialect, &mut out),
        (Dialect::Core, false) => indented(j, 0, &mut out),
        (Dialect::WinPs, false) => {
            compact(j, dialect, &mut out);
            out = winps_pretty(&out);
        }
    }
    out
}

fn dialect(cx: &dyn Context) -> Dialect {
    if cx.directory().org.version.is_on_premises() { Dialect::WinPs } else { Dialect::Core }
}

/// `ConvertTo-Json`.
pub struct ConvertToJson;

impl Cmdlet for ConvertToJson {
    fn signature(&self) -> Signature {
        Signature::new("ConvertTo-Json", "Microsoft.PowerShell.Commands.ConvertToJsonCommand", Origin::Core)
            .synopsis("Converts an object to a JSON-formatted string.")
            .param(
                Param::new(INPUT_OBJECT, ParamType::Object)
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .help("The objects to convert (several piped objects become one JSON array)."),
            )
            .param(Param::new(DEPTH, ParamType::Int).help("Levels of contained objects included (default 2)."))
            .param(Param::new(COMPRESS, ParamType::Switch).help("Omits white space and indentation."))
            .param(Param::new(AS_ARRAY, ParamType::Switch).help("Always outputs a JSON array (PowerShell 7, Online)."))
            .param(Param::new(ENUMS_AS_STRINGS, ParamType::Switch).help("Enums as their names (PowerShell 7, Online)."))
            .example("Get-Mailbox | Select-Object Name, Alias | ConvertTo-Json", "Mailboxes as a JSON array.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        state.push(args.get(INPUT_OBJECT).cloned().unwrap_or(Value::Null));
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let d = dialect(cx);
        let core_only = |name: &str| {
            CmdletError::core(
                format!("A parameter cannot be found that matches parameter name '{name}'."),
                "System.Management.Automation.ParameterBindingException",
                "InvalidArgument",
                "NamedParameterNotFound",
            )
        };
        if d == Dialect::WinPs {
            for p in [AS_ARRAY, ENUMS_AS_STRINGS] {
                if args.has(p) {
                    return Err(core_only(p));
                }
            }
        }
        let depth = args.opt::<i64>(DEPTH).unwrap_or(2);
        let (min, max) = if d == Dialect::WinPs { (1, i64::from(i32::MAX)) } else { (0, 100) };
        if depth < min || depth > max {
            let (msg, which) =
                if depth < min { ("less than the minimum", min) } else { ("greater than the maximum", max) };
            let verb = if depth < min { "greater than or equal to" } else { "less than or equal to" };
            return Err(CmdletError::core(
                format!(
                    "Cannot validate argument on parameter 'Depth'. The {depth} argument is {msg} allowed range of {which}. Supply an argument that is {verb} {which} and then try the command again."
                ),
                "System.Management.Automation.ParameterBindingValidationException",
                "InvalidData",
                "ParameterArgumentValidationError",
            ));
        }
        // Windows PowerShell 5.1 validates 1..Int32.MaxValue, then refuses more than 100 levels in
        // BeginProcessing (ConvertToJsonCommand maxDepthAllowed, WebCmdletStrings
        // ReachedMaximumDepthAllowed), so a self-containing object is at most 100 levels of text.
        if d == Dialect::WinPs && depth > 100 {
            return Err(CmdletError::core(
                "The maximum depth allowed for serialization is 100.",
                "System.InvalidOperationException",
                "InvalidOperation",
                "ReachedMaximumDepthAllowed",
            ));
        }
        let input = match state.len() {
            0 => return Ok(()),
            1 if !(d == Dialect::Core && args.flag(AS_ARRAY)) => state[0].clone(),
            _ => Value::array(std::mem::take(state)),
        };
        let input = match (&input, d == Dialect::Core && args.flag(AS_ARRAY)) {
            (Value::Array(_), _) | (_, false) => input,
            (_, true) => Value::array(vec![input]),
        };
        let mut truncated = false;
        let tree = to_tree(&input, 0, depth as usize, args.flag(ENUMS_AS_STRINGS), &mut truncated);
        if truncated && d == Dialect::Core {
            cx.warning(&format!("Resulting JSON is truncated as serialization has exceeded the set depth of {depth}."));
        }
        cx.output(Value::str(write(&tree, d, args.flag(COMPRESS))));
        Ok(())
    }
}

/// A JSON syntax error: the message and the character index JavaScriptSerializer reports.
#[derive(Debug, PartialEq)]
pub struct ParseError {
    /// The message without position.
    pub message: String,
    /// 0-based character index where reading stopped.
    pub index: usize,
}

struct Reader<'a> {
    chars: Vec<char>,
    i: usize,
    dialect: Dialect,
    depth: usize,
    _src: &'a str,
}

const MAX_NESTING: usize = 100;

impl Reader<'_> {
    fn err<T>(&self, m: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError { message: m.into(), index: self.i })
    }

    fn skip_ws(&mut self) {
        loop {
            while self.i < self.chars.len() && self.chars[self.i].is_whitespace() {
                self.i += 1;
            }
            // PowerShell 7 accepts `//` and `/* */` comments; 5.1 does not.
            if self.dialect == Dialect::Core && self.peek() == Some('/') {
                match self.chars.get(self.i + 1) {
                    Some('/') => {
                        while self.i < self.chars.len() && self.chars[self.i] != '\n' {
                            self.i += 1;
                        }
                        continue;
                    }
                    Some('*') => {
                        self.i += 2;
                        while self.i + 1 < self.chars.len()
                            && !(self.chars[self.i] == '*' && self.chars[self.i + 1] == '/')
                        {
                            self.i += 1;
                        }
                        self.i = (self.i + 2).min(self.chars.len());
                        continue;
                    }
                    _ => {}
                }
            }
            return;
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        self.skip_ws();
        match self.peek() {
            Some('{') => self.object(),
            Some('[') => self.array(),
            Some(q @ ('"' | '\'')) => {
                let s = self.string(q)?;
                Ok(self.string_value(s))
            }
            _ => self.primitive(),
        }
    }

    fn string_value(&self, s: String) -> Value {
        let date = match self.dialect {
            Dialect::WinPs => s
                .strip_prefix("/Date(")
                .and_then(|r| r.strip_suffix(")/"))
                .and_then(|ms| ms.parse::<i64>().ok())
                .map(|ms| Value::DateTime(ms.div_euclid(1000), (ms.rem_euclid(1000) * 1_000_000) as u32)),
            Dialect::Core if looks_iso(&s) => convert::parse_datetime(&s),
            Dialect::Core => None,
        };
        date.unwrap_or_else(|| Value::str(s))
    }

    fn nest(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return self.err("RecursionLimit exceeded.");
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Value, ParseError> {
        self.nest()?;
        self.i += 1;
        let mut o = PsObject::custom();
        self.skip_ws();
        if self.peek() == Some('}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Value::object(o));
        }
        loop {
            self.skip_ws();
            let key = match self.peek() {
                Some(q @ ('"' | '\'')) => self.string(q)?,
                Some(c) if c.is_alphanumeric() || c == '_' || c == '$' => {
                    let start = self.i;
                    while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                        self.i += 1;
                    }
                    self.chars[start..self.i].iter().collect()
                }
                _ => return self.err("Invalid object passed in, member name expected."),
            };
            self.skip_ws();
            if self.peek() != Some(':') {
                return self.err("Invalid object passed in, ':' or '}' expected.");
            }
            self.i += 1;
            let v = self.value()?;
            o.set(&key, v);
            self.skip_ws();
            match self.peek() {
                Some(',') => self.i += 1,
                Some('}') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Value::object(o));
                }
                _ => return self.err("Invalid object passed in, ':' or '}' expected."),
            }
        }
    }

    fn array(&mut self) -> Result<Value, ParseError> {
        self.nest()?;
        self.i += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Value::array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(',') => self.i += 1,
                Some(']') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Value::array(items));
                }
                _ => return self.err("Invalid array passed in, ',' expected."),
            }
        }
    }

    fn string(&mut self, q: char) -> Result<String, ParseError> {
        self.i += 1;
        let mut s = String::new();
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                c if c == q => return Ok(s),
                '\\' => {
                    let Some(e) = self.peek() else { break };
                    self.i += 1;
                    match e {
                        'n' => s.push('\n'),
                        'r' => s.push('\r'),
                        't' => s.push('\t'),
                        'b' => s.push('\u{8}'),
                        'f' => s.push('\u{c}'),
                        'u' => {
                            let hex: String = self.chars.iter().skip(self.i).take(4).collect();
                            match u32::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == 4) {
                                Some(code) => {
                                    self.i += 4;
                                    s.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                                }
                                None => return self.err("Unrecognized escape sequence."),
                            }
                        }
                        other => s.push(other),
                    }
                }
                c => s.push(c),
            }
        }
        self.err("Unterminated string passed in.")
    }

    fn primitive(&mut self) -> Result<Value, ParseError> {
        let start = self.i;
        while self.peek().is_some_and(|c| !matches!(c, ',' | '}' | ']' | ':') && !c.is_whitespace()) {
            self.i += 1;
        }
        let word: String = self.chars[start..self.i].iter().collect();
        match word.as_str() {
            "null" => return Ok(Value::Null),
            "true" => return Ok(Value::Bool(true)),
            "false" => return Ok(Value::Bool(false)),
            _ => {}
        }
        let numeric = !word.is_empty()
            && word.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
            && word.chars().any(|c| c.is_ascii_digit());
        if numeric {
            if let Ok(i) = word.parse::<i64>() {
                return Ok(Value::Int(i));
            }
            if let Ok(d) = word.parse::<f64>() {
                return Ok(Value::Double(d));
            }
        }
        self.i = start;
        self.err(format!("Invalid JSON primitive: {word}."))
    }
}

fn looks_iso(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 19
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[..4].iter().all(u8::is_ascii_digit)
}

/// Parses JSON text as the shell's serializer does.
pub fn parse(text: &str, dialect: Dialect) -> Result<Value, ParseError> {
    let mut r = Reader { chars: text.chars().collect(), i: 0, dialect, depth: 0, _src: text };
    let v = r.value()?;
    r.skip_ws();
    if r.i < r.chars.len() {
        return match dialect {
            Dialect::WinPs => r.err("Invalid JSON primitive: ."),
            Dialect::Core => r.err("Additional text encountered after finished reading JSON content."),
        };
    }
    Ok(v)
}

fn hashtable_of(v: Value) -> Value {
    match v {
        Value::Object(o) => {
            let mut h = crate::value::Hashtable::new();
            for (k, x) in o.borrow().iter() {
                h.insert(Value::str(k), hashtable_of(x.clone()));
            }
            Value::hashtable(h)
        }
        Value::Array(a) => {
            let items = a.borrow().items.clone();
            Value::array(items.into_iter().map(hashtable_of).collect())
        }
        other => other,
    }
}

/// `ConvertFrom-Json`.
pub struct ConvertFromJson;

impl ConvertFromJson {
    fn convert(&self, cx: &mut dyn Context, args: &BoundArgs, text: &str) -> Result<bool, CmdletError> {
        let d = dialect(cx);
        if text.trim().is_empty() {
            return Ok(true);
        }
        match parse(text, d) {
            Ok(v) => {
                let v = if args.flag(AS_HASHTABLE) { hashtable_of(v) } else { v };
                match (&v, d) {
                    // PowerShell 7 enumerates a top-level array unless -NoEnumerate.
                    (Value::Array(a), Dialect::Core) if !args.flag(NO_ENUMERATE) => {
                        let items = a.borrow().items.clone();
                        for x in items {
                            cx.output(x);
                        }
                    }
                    _ => cx.output(v),
                }
                Ok(true)
            }
            Err(e) => {
                let message = match d {
                    // JavaScriptSerializer names a bad primitive without position; its other
                    // errors end with `(index): input`.
                    Dialect::WinPs if e.message.starts_with("Invalid JSON primitive") => e.message,
                    Dialect::WinPs => format!("{} ({}): {text}", e.message, e.index),
                    Dialect::Core if e.message.starts_with("Invalid JSON primitive") => {
                        let c = text.chars().nth(e.index).map(String::from).unwrap_or_default();
                        let (line, pos) = if e.index == 0 { (0, 0) } else { line_position(text, e.index) };
                        format!(
                            "Conversion from JSON failed with error: Unexpected character encountered while parsing value: {c}. Path '', line {line}, position {pos}."
                        )
                    }
                    Dialect::Core => format!("Conversion from JSON failed with error: {}", e.message),
                };
                Err(CmdletError::core(message, "System.ArgumentException", "NotSpecified", "System.ArgumentException"))
            }
        }
    }
}

impl Cmdlet for ConvertFromJson {
    fn signature(&self) -> Signature {
        Signature::new("ConvertFrom-Json", "Microsoft.PowerShell.Commands.ConvertFromJsonCommand", Origin::Core)
            .synopsis("Converts a JSON-formatted string to a custom object.")
            .param(
                Param::new(INPUT_OBJECT, ParamType::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .help("The JSON text (piped lines are joined when they are not JSON one by one)."),
            )
            .param(
                Param::new(AS_HASHTABLE, ParamType::Switch)
                    .help("Hashtables instead of objects (PowerShell 7, Online)."),
            )
            .param(
                Param::new(NO_ENUMERATE, ParamType::Switch).help("A JSON array as one object (PowerShell 7, Online)."),
            )
            .param(Param::new(DEPTH, ParamType::Int).help("Maximum nesting (PowerShell 7, Online; default 1024)."))
            .example("Get-Content .\\settings.json -Raw | ConvertFrom-Json", "Reads a settings file.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        state.push(Value::str(args.string(INPUT_OBJECT).unwrap_or_default()));
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if dialect(cx) == Dialect::WinPs {
            for p in [AS_HASHTABLE, NO_ENUMERATE, DEPTH] {
                if args.has(p) {
                    return Err(CmdletError::core(
                        format!("A parameter cannot be found that matches parameter name '{p}'."),
                        "System.Management.Automation.ParameterBindingException",
                        "InvalidArgument",
                        "NamedParameterNotFound",
                    ));
                }
            }
        }
        let texts: Vec<String> = state.iter().map(convert::to_string).collect();
        match texts.len() {
            0 => Ok(()),
            1 => self.convert(cx, args, &texts[0]).map(|_| ()),
            _ => {
                // Each piece on its own when the first is JSON by itself (one JSON text per
                // string), else all the lines joined (Get-Content without -Raw).
                if d_first_ok(&texts[0], dialect(cx)) {
                    for t in &texts {
                        self.convert(cx, args, t)?;
                    }
                    Ok(())
                } else {
                    self.convert(cx, args, &texts.join("\n")).map(|_| ())
                }
            }
        }
    }
}

/// Json.NET's 1-based line and position of a character index.
fn line_position(text: &str, index: usize) -> (usize, usize) {
    let before: Vec<char> = text.chars().take(index + 1).collect();
    let line = before.iter().filter(|c| **c == '\n').count() + 1;
    let pos = before.iter().rev().take_while(|c| **c != '\n').count();
    (line, pos)
}

fn d_first_ok(text: &str, d: Dialect) -> bool {
    text.trim().is_empty() || parse(text, d).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Json {
        let v = parse(text, Dialect::Core).expect("valid JSON");
        let mut t = false;
        to_tree(&v, 0, 10, false, &mut t)
    }

    #[test]
    fn winps_pretty_printer_keeps_its_quirks() {
        let j = tree(r#"{"a":1,"b":[1,2],"c":{"d":"x"},"e":[]}"#);
        assert_eq!(
            write(&j, Dialect::WinPs, false),
            "{\n    \"a\":  1,\n    \"b\":  [\n              1,\n              2\n          ],\n    \"c\":  {\n              \"d\":  \"x\"\n          },\n    \"e\":  [\n\n          ]\n}"
        );
    }

    #[test]
    fn core_indents_two_spaces() {
        let j = tree(r#"{"a":1,"b":[1,2],"e":[]}"#);
        assert_eq!(write(&j, Dialect::Core, false), "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"e\": []\n}");
    }

    #[test]
    fn escapes_differ_by_dialect() {
        let j = Json::Str("it's <b>&".into());
        assert_eq!(write(&j, Dialect::WinPs, true), r#""it\u0027s \u003cb\u003e\u0026""#);
        assert_eq!(write(&j, Dialect::Core, true), r#""it's <b>&""#);
    }

    #[test]
    fn parse_errors_carry_the_index() {
        assert_eq!(
            parse("{a", Dialect::WinPs).err(),
            Some(ParseError { message: "Invalid object passed in, ':' or '}' expected.".into(), index: 2 })
        );
        assert!(parse("abc", Dialect::WinPs).expect_err("not JSON").message.starts_with("Invalid JSON primitive: abc"));
        assert!(parse("[1,2", Dialect::WinPs).is_err());
        assert!(parse(&"[".repeat(5000), Dialect::WinPs).is_err());
    }

    #[test]
    fn dates_round_trip_in_winps() {
        let v = parse(r#""\/Date(1577836800000)\/""#, Dialect::WinPs).expect("a date");
        assert!(matches!(v, Value::DateTime(1577836800, 0)));
    }
}
