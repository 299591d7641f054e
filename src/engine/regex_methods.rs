//! `[regex]` in scripts: the statics (`[regex]::Match/Matches/IsMatch/Replace/Split/Escape/
//! Unescape`), `[regex]'pattern'` objects with their methods, and the Match, Group and Capture
//! objects they return (Success, Value, Index, Length, Groups[1], Groups['name'], Captures).
//! The matching itself is `value::regex`.

use super::Engine;
use super::errors;
use super::eval::EvalResult;
use crate::engine::Flow;
use crate::syntax::Span;
use crate::value::regex::{self as dotnet_regex, Options, Regex, RegexError};
use crate::value::{PsObject, Value, convert};

/// The type name of a regex object.
pub(crate) const REGEX_TYPE: &str = "System.Text.RegularExpressions.Regex";
const MATCH_TYPE: &str = "System.Text.RegularExpressions.Match";
/// The type name of a group object (`Groups['name']` looks groups up by name).
pub(crate) const GROUP_TYPE: &str = "System.Text.RegularExpressions.Group";
const CAPTURE_TYPE: &str = "System.Text.RegularExpressions.Capture";

fn method_error(engine: &Engine, name: &str, argc: usize, e: &RegexError, span: Span) -> Flow {
    let fqid = match e {
        RegexError::Parse(_) => "ArgumentException",
        RegexError::Timeout => "RegexMatchTimeoutException",
    };
    let mut err = errors::runtime(
        format!("Exception calling \"{name}\" with \"{argc}\" argument(s): \"{}\"", e.message()),
        fqid,
        "NotSpecified",
        ":",
        Some(engine.position(span)),
    );
    err.record.exception_type = "System.Management.Automation.MethodInvocationException".into();
    Flow::Error(Box::new(err))
}

/// `RegexOptions` from a value: names (`'IgnoreCase, Multiline'`), an enum, or its number.
pub(crate) fn parse_options(v: Option<&Value>) -> Options {
    let mut o = Options::default();
    let Some(v) = v else { return o };
    if let Some(n) = convert::to_int(v).filter(|_| !matches!(v, Value::Str(_))) {
        o.ignore_case = n & 1 != 0;
        o.multiline = n & 2 != 0;
        o.explicit_capture = n & 4 != 0;
        o.singleline = n & 16 != 0;
        o.ignore_whitespace = n & 32 != 0;
        return o;
    }
    for word in convert::to_string(v).split(',').map(|w| w.trim().to_ascii_lowercase()) {
        match word.as_str() {
            "ignorecase" => o.ignore_case = true,
            "multiline" => o.multiline = true,
            "singleline" => o.singleline = true,
            "ignorepatternwhitespace" => o.ignore_whitespace = true,
            "explicitcapture" => o.explicit_capture = true,
            _ => {}
        }
    }
    o
}

fn options_text(o: Options) -> String {
    let mut names = Vec::new();
    if o.ignore_case {
        names.push("IgnoreCase");
    }
    if o.multiline {
        names.push("Multiline");
    }
    if o.explicit_capture {
        names.push("ExplicitCapture");
    }
    if o.singleline {
        names.push("Singleline");
    }
    if o.ignore_whitespace {
        names.push("IgnorePatternWhitespace");
    }
    if names.is_empty() { "None".into() } else { names.join(", ") }
}

/// A `[regex]` object (its ToString is the pattern).
pub(crate) fn regex_object(re: &Regex) -> Value {
    let mut o = PsObject::new(&[REGEX_TYPE, "System.Object"]);
    o.set("Options", Value::str(options_text(re.options)));
    o.set("MatchTimeout", Value::TimeSpan(-10_000));
    o.set("RightToLeft", Value::Bool(false));
    o.display = Some(re.pattern.as_str().into());
    Value::object(o)
}

/// `[regex]'pattern'` / `[regex]::new(pattern[, options])`.
pub(crate) fn new_regex(pattern: &str, options: Options) -> Result<Value, RegexError> {
    Regex::new(pattern, options).map(|r| regex_object(&r))
}

fn capture_object(index: usize, length: usize, value: &str) -> Value {
    let mut o = PsObject::new(&[CAPTURE_TYPE, "System.Object"]);
    o.set("Index", Value::Int(index as i64));
    o.set("Length", Value::Int(length as i64));
    o.set("Value", Value::str(value));
    o.display = Some(value.into());
    Value::object(o)
}

fn group_object(g: &dotnet_regex::Group, types: &[&str]) -> PsObject {
    let mut o = PsObject::new(types);
    let (index, length, value) = g.capture.clone().unwrap_or((0, 0, String::new()));
    let captures = match &g.capture {
        Some(_) => vec![capture_object(index, length, &value)],
        None => Vec::new(),
    };
    o.set("Success", Value::Bool(g.capture.is_some()));
    o.set("Name", Value::str(&g.name));
    o.set("Captures", Value::array(captures));
    o.set("Index", Value::Int(index as i64));
    o.set("Length", Value::Int(length as i64));
    o.set("Value", Value::str(&value));
    o.display = Some(value.as_str().into());
    o
}

/// A Match object: Groups, Success, Name, Captures, Index, Length, Value.
pub(crate) fn match_object(m: Option<&dotnet_regex::Match>, group_names: &[String]) -> Value {
    let empty: Vec<dotnet_regex::Group>;
    let groups: &[dotnet_regex::Group] = match m {
        Some(m) => &m.groups,
        None => {
            empty = group_names.iter().map(|n| dotnet_regex::Group { name: n.clone(), capture: None }).collect();
            &empty
        }
    };
    let whole = groups.first().cloned().unwrap_or(dotnet_regex::Group { name: "0".into(), capture: None });
    let inner = group_object(&whole, &[MATCH_TYPE, GROUP_TYPE, CAPTURE_TYPE, "System.Object"]);
    let mut o = PsObject::new(&[MATCH_TYPE, GROUP_TYPE, CAPTURE_TYPE, "System.Object"]);
    let group_values: Vec<Value> =
        groups.iter().map(|g| Value::object(group_object(g, &[GROUP_TYPE, CAPTURE_TYPE, "System.Object"]))).collect();
    o.set("Groups", Value::array(group_values));
    for (k, v) in inner.iter() {
        o.set(k, v.clone());
    }
    o.display = inner.display.clone();
    Value::object(o)
}

fn arg_str(args: &[Value], i: usize) -> String {
    args.get(i).map(convert::to_string).unwrap_or_default()
}

/// Runs one regex method with the regex and the method's remaining arguments.
fn run(
    engine: &Engine,
    re: &Regex,
    lname: &str,
    name: &str,
    argc: usize,
    rest: &[Value],
    span: Span,
) -> Option<EvalResult<Value>> {
    let text = arg_str(rest, 0);
    let fail = |e: RegexError| method_error(engine, name, argc, &e, span);
    let r = match lname {
        "ismatch" => re.is_match(&text).map(Value::Bool).map_err(fail),
        "match" => re.first(&text).map(|m| match_object(m.as_ref(), &re.group_names())).map_err(fail),
        "matches" => re
            .all(&text)
            .map(|ms| Value::array(ms.iter().map(|m| match_object(Some(m), &re.group_names())).collect()))
            .map_err(fail),
        "replace" => {
            let count = rest.get(2).and_then(convert::to_int).filter(|&c| c >= 0).map(|c| c as usize);
            re.replace(&text, &arg_str(rest, 1), count).map(Value::str).map_err(fail)
        }
        "split" => {
            let count = rest.get(1).and_then(convert::to_int).unwrap_or(0).max(0) as usize;
            re.split(&text, count).map(|v| Value::array(v.into_iter().map(Value::str).collect())).map_err(fail)
        }
        "getgroupnames" => Ok(Value::array(re.group_names().into_iter().map(Value::str).collect())),
        "tostring" => Ok(Value::str(&re.pattern)),
        _ => return None,
    };
    Some(r)
}

/// `[regex]::Name(args)`; `None` for a name `[regex]` does not have.
pub(crate) fn static_call(engine: &Engine, name: &str, args: &[Value], span: Span) -> Option<EvalResult<Value>> {
    let lname = name.to_ascii_lowercase();
    let argc = args.len();
    match lname.as_str() {
        "escape" => return Some(Ok(Value::str(dotnet_regex::escape(&arg_str(args, 0))))),
        "unescape" => return Some(Ok(Value::str(unescape(&arg_str(args, 0))))),
        "new" => {
            return Some(
                new_regex(&arg_str(args, 0), parse_options(args.get(1)))
                    .map_err(|e| method_error(engine, name, argc, &e, span)),
            );
        }
        _ => {}
    }
    // (input, pattern[, replacement], options) — the options follow the fixed arguments.
    let fixed = if lname == "replace" { 3 } else { 2 };
    if !matches!(lname.as_str(), "ismatch" | "match" | "matches" | "replace" | "split") {
        return None;
    }
    let options = parse_options(args.get(fixed));
    let re = match Regex::new(&arg_str(args, 1), options) {
        Ok(r) => r,
        Err(e) => return Some(Err(method_error(engine, name, argc, &e, span))),
    };
    let mut rest = vec![args.first().cloned().unwrap_or(Value::Null)];
    if lname == "replace" {
        rest.push(args.get(2).cloned().unwrap_or(Value::Null));
    }
    run(engine, &re, &lname, name, argc, &rest, span)
}

/// A method on a `[regex]` object; `None` when the object is not a regex or has no such method.
pub(crate) fn object_call(
    engine: &Engine,
    obj: &PsObject,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<EvalResult<Value>> {
    if obj.type_names.first().map(|t| &**t) != Some(REGEX_TYPE) {
        return None;
    }
    let pattern = obj.display.as_deref().unwrap_or("").to_string();
    let options = parse_options(obj.get("Options").as_ref());
    let re = Regex::new(&pattern, options).ok()?;
    run(engine, &re, &name.to_ascii_lowercase(), name, args.len(), args, span)
}

/// `[regex]::Unescape`: `\t`, `\n`, `\r`, `\f`, `\e`, `\xHH`, `\uHHHH`, `\<char>`.
fn unescape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\\' || i + 1 >= chars.len() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let n = chars[i + 1];
        i += 2;
        match n {
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'f' => out.push('\u{c}'),
            'e' => out.push('\u{1b}'),
            'a' => out.push('\u{7}'),
            'x' | 'u' => {
                let want = if n == 'x' { 2 } else { 4 };
                let hex: String = chars[i..].iter().take(want).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).filter(|_| hex.len() == want) {
                    Some(c) => {
                        out.push(c);
                        i += want;
                    }
                    None => out.push(n),
                }
            }
            other => out.push(other),
        }
    }
    out
}
