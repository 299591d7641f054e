//! Operators: arithmetic, comparison (with array filtering), `-like`/`-match`/`-replace`/`-split`/
//! `-join`/`-f`, type tests, casts and indexing.

use std::cmp::Ordering;

use super::errors;
use super::eval::EvalResult;
use super::{Engine, Flow};
use crate::syntax::{BinaryOp, CompareOp, Span, UnaryOp};
use crate::value::dotnet_format::{self, FormatError};
use crate::value::regex as dotnet_regex;
use crate::value::{Hashtable, KeyHash, Value, convert};

fn rt_error(engine: &Engine, msg: impl Into<String>, fqid: &str, span: Span) -> Flow {
    Flow::Error(Box::new(errors::runtime(msg, fqid, "InvalidOperation", ":", Some(engine.position(span)))))
}

/// `x / 0`, `x % 0`: a RuntimeException over .NET's DivideByZeroException, category NotSpecified
/// (`NotSpecified: (:) [], RuntimeException`; pwsh 7 prints `RuntimeException: Attempted to divide by
/// zero.`, the reason standing in for the category 0).
fn divide_by_zero(engine: &Engine, span: Span) -> Flow {
    let e = errors::runtime(
        "Attempted to divide by zero.",
        "RuntimeException",
        "NotSpecified",
        ":",
        Some(engine.position(span)),
    );
    Flow::Error(Box::new(e))
}

/// The result of `+`, `-`, `*` on two integers, as NumericOps computes it: two Int32 operands whose
/// result leaves the Int32 range give a Double (`[int]::MaxValue + 1`), as do Int64 operands that
/// overflow Int64. (An operand outside the Int32 range is an Int64.)
fn widen(x: i64, y: i64, exact: Option<i64>, approx: f64) -> Value {
    let int32 = |v: i64| i32::try_from(v).is_ok();
    match exact {
        Some(r) if !(int32(x) && int32(y)) || int32(r) => Value::Int(r),
        _ => Value::Double(approx),
    }
}

/// The most elements exsh builds a range array of (`$a = 1..N`): a bigger one is the
/// OutOfMemoryException .NET throws when it cannot allocate the `object[]` (exsh's limit, so that a
/// range too big for memory fails at once instead of exhausting it; a range that streams, in a
/// pipeline or `foreach`, has none).
pub(crate) const RANGE_ARRAY_LIMIT: i64 = 1 << 26;

/// The longest string exsh builds by `*` (in characters): a longer one is the OutOfMemoryException
/// .NET throws when it cannot allocate the string (its own limit is 0x3FFFFFDF characters; exsh's is
/// lower, so that `'x' * 2e9` fails at once instead of taking gigabytes).
pub(crate) const STRING_LIMIT: usize = 1 << 27;

/// The right operand of `'s' * n` and `@() * n`: an Int32 as the binder converts it (StringOps and
/// ArrayOps.Multiply take an `int`), so `'x' * 1e12` is `Cannot convert value "1E+12" to type
/// "System.Int32"…`; a negative count repeats nothing.
fn repeat_count(engine: &mut Engine, r: &Value, span: Span) -> EvalResult<usize> {
    let Some(int) = super::types::resolve(&engine.types.borrow(), "int") else { return Ok(0) };
    let n = engine.convert_value(r, &int, span)?;
    Ok(convert::to_int(&n).unwrap_or(0).max(0) as usize)
}

/// `Exception of type 'System.OutOfMemoryException' was thrown.`, as a script sees an allocation
/// .NET cannot make.
pub(crate) fn out_of_memory(engine: &Engine, span: Span) -> Flow {
    let ty = "System.OutOfMemoryException";
    errors::runtime(
        "Exception of type 'System.OutOfMemoryException' was thrown.",
        ty,
        "OperationStopped",
        ":",
        Some(engine.position(span)),
    )
    .with_exception(ty)
    .flow()
}

/// .NET's largest `object[]` (0x7FFFFFC7 elements): past it `new object[n]` fails with "Array
/// dimensions exceeded supported range.".
const MAX_OBJECT_ARRAY: i64 = 0x7FFF_FFC7;

/// The bounds of `l..r`: both converted to Int32 as a cast does (Compiler.cs:
/// `lhs.Convert(typeof(int))`), so `1..1e10` is `Cannot convert value "10000000000" to type
/// "System.Int32"…`.
pub(crate) fn range_bounds(engine: &mut Engine, l: &Value, r: &Value, span: Span) -> EvalResult<(i64, i64)> {
    let Some(int) = super::types::resolve(&engine.types.borrow(), "int") else { return Ok((0, 0)) };
    let a = engine.convert_value(l, &int, span)?;
    let b = engine.convert_value(r, &int, span)?;
    Ok((convert::to_int(&a).unwrap_or(0), convert::to_int(&b).unwrap_or(0)))
}

/// The numbers from `a` to `b`, counting down when `b < a` (RangeEnumerator).
pub(crate) fn range_iter(a: i64, b: i64) -> Box<dyn Iterator<Item = Value>> {
    if a <= b { Box::new((a..=b).map(Value::Int)) } else { Box::new((b..=a).rev().map(Value::Int)) }
}

/// `l..r` as a value: an `object[]` (IntOps.Range). Its length is `checked(upper - lower) + 1`, so a
/// span wider than Int32 overflows; one too big to allocate is an OutOfMemoryException.
fn range_array(engine: &mut Engine, l: &Value, r: &Value, span: Span) -> EvalResult<Value> {
    let (a, b) = range_bounds(engine, l, r, span)?;
    let dotnet_error = |engine: &Engine, message: &str, ty: &str| {
        errors::runtime(message, ty, "OperationStopped", ":", Some(engine.position(span))).with_exception(ty).flow()
    };
    let width = (b - a).abs();
    // `absRange + 1` wraps for a span of exactly Int32.MaxValue: `new object[-2147483648]`.
    if width >= i32::MAX as i64 {
        return Err(dotnet_error(engine, "Arithmetic operation resulted in an overflow.", "System.OverflowException"));
    }
    if width + 1 > MAX_OBJECT_ARRAY {
        return Err(dotnet_error(engine, "Array dimensions exceeded supported range.", "System.OutOfMemoryException"));
    }
    if width + 1 > RANGE_ARRAY_LIMIT {
        return Err(dotnet_error(
            engine,
            "Exception of type 'System.OutOfMemoryException' was thrown.",
            "System.OutOfMemoryException",
        ));
    }
    engine.charge(width as u64 + 1)?;
    Ok(Value::array(range_iter(a, b).collect()))
}

/// Binary operators other than the short-circuit `-and`/`-or`.
pub(crate) fn binary(engine: &mut Engine, op: BinaryOp, l: &Value, r: &Value, span: Span) -> EvalResult<Value> {
    match op {
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => arith(engine, op, l, r, span),
        BinaryOp::Range => range_array(engine, l, r, span),
        BinaryOp::Format => {
            let fmt = convert::to_string(l);
            format_op(engine, &fmt, &r.enumerate_or_self())
                .map(Value::str)
                .map_err(|e| format_error(engine, e, &fmt, span))
        }
        BinaryOp::And => Ok(Value::Bool(convert::to_bool(l) && convert::to_bool(r))),
        BinaryOp::Or => Ok(Value::Bool(convert::to_bool(l) || convert::to_bool(r))),
        BinaryOp::Xor => Ok(Value::Bool(convert::to_bool(l) ^ convert::to_bool(r))),
        BinaryOp::Coalesce => Ok(if l.is_null() { r.clone() } else { l.clone() }),
        BinaryOp::BAnd | BinaryOp::BOr | BinaryOp::BXor if matches!(l, Value::Enum(_)) => {
            // An enum on the left keeps its type: `[Perm]::Read -bor [Perm]::Write` is `Read, Write`.
            let Value::Enum(e) = l else { return Ok(Value::Null) };
            let b = match r {
                Value::Enum(x) => x.bits,
                other => match convert::to_int(other) {
                    Some(i) => i as u64,
                    None => e.ty.parse(&convert::to_string(other)).map(|x| x.bits).unwrap_or(0),
                },
            };
            let bits = match op {
                BinaryOp::BAnd => e.bits & b,
                BinaryOp::BOr => e.bits | b,
                _ => e.bits ^ b,
            };
            Ok(Value::Enum(crate::value::EnumValue { ty: e.ty, bits }))
        }
        BinaryOp::BAnd | BinaryOp::BOr | BinaryOp::BXor | BinaryOp::Shl | BinaryOp::Shr => {
            let (a, b) = (convert::to_int(l).unwrap_or(0), convert::to_int(r).unwrap_or(0));
            Ok(Value::Int(match op {
                BinaryOp::BAnd => a & b,
                BinaryOp::BOr => a | b,
                BinaryOp::BXor => a ^ b,
                BinaryOp::Shl => a.wrapping_shl(b as u32),
                _ => a.wrapping_shr(b as u32),
            }))
        }
        BinaryOp::Is | BinaryOp::IsNot => {
            let ty = type_operand(engine, r, span)?;
            let is = super::types::is_instance(&engine.types.borrow(), l, &ty);
            Ok(Value::Bool(if op == BinaryOp::Is { is } else { !is }))
        }
        BinaryOp::As => {
            let ty = type_operand(engine, r, span)?;
            engine.convert_value(l, &ty, span).or(Ok(Value::Null))
        }
        BinaryOp::Compare { op, case_sensitive } => compare_op(engine, op, case_sensitive, l, r, span),
    }
}

trait EnumerateOrSelf {
    fn enumerate_or_self(&self) -> Vec<Value>;
}

impl EnumerateOrSelf for Value {
    fn enumerate_or_self(&self) -> Vec<Value> {
        match self {
            Value::Array(a) => a.borrow().to_vec(),
            other => vec![other.clone()],
        }
    }
}

/// `+ - * / %` with PowerShell's left-operand-decides rules.
pub(crate) fn arith(engine: &mut Engine, op: BinaryOp, l: &Value, r: &Value, span: Span) -> EvalResult<Value> {
    match (op, l) {
        // Binders.cs BinaryAdd / BinaryMultiply: `$null + x` is x, `$null * x` is $null (`$null - x`,
        // `/` and `%` treat $null as 0, below).
        (BinaryOp::Add, Value::Null) => return Ok(r.clone()),
        (BinaryOp::Mul, Value::Null) => return Ok(Value::Null),
        (BinaryOp::Add, Value::Array(a)) => {
            let mut v = a.borrow().to_vec();
            v.extend(r.enumerate_or_self());
            return Ok(Value::array(v));
        }
        (BinaryOp::Add, Value::Str(s)) => {
            let tail = engine.expand_to_string(r);
            if s.len() + tail.len() > STRING_LIMIT {
                return Err(out_of_memory(engine, span));
            }
            engine.charge(((s.len() + tail.len()) / 64) as u64)?;
            return Ok(Value::str(format!("{s}{tail}")));
        }
        (BinaryOp::Add, Value::Hashtable(h)) => {
            // HashtableOps.Add: a new Hashtable(CurrentCultureIgnoreCase) (an OrderedDictionary when
            // the left one is) filled with the left's entries, then the right's.
            let mut n = if h.borrow().ordered {
                h.borrow().clone()
            } else {
                let mut n = Hashtable::dotnet(0, KeyHash::CultureIgnoreCase);
                for (k, v) in h.borrow().iter() {
                    n.insert(k.clone(), v.clone());
                }
                n
            };
            if let Value::Hashtable(o) = r {
                for (k, v) in o.borrow().iter() {
                    if n.contains_key(k) {
                        return Err(rt_error(
                            engine,
                            format!(
                                "Item has already been added. Key in dictionary: '{}'  Key being added: '{}'",
                                convert::to_string(k),
                                convert::to_string(k)
                            ),
                            "System.ArgumentException",
                            span,
                        ));
                    }
                    n.insert(k.clone(), v.clone());
                }
            }
            return Ok(Value::hashtable(n));
        }
        (BinaryOp::Mul, Value::Str(s)) => {
            let n = repeat_count(engine, r, span)?;
            if n > 0 && s.chars().count().saturating_mul(n) > STRING_LIMIT {
                return Err(out_of_memory(engine, span));
            }
            engine.charge((s.len().saturating_mul(n) / 64) as u64)?;
            return Ok(Value::str(s.repeat(n)));
        }
        (BinaryOp::Mul, Value::Array(a)) => {
            let n = repeat_count(engine, r, span)?;
            if n > 0 && a.borrow().len().saturating_mul(n) > RANGE_ARRAY_LIMIT as usize {
                return Err(out_of_memory(engine, span));
            }
            engine.charge(a.borrow().len().saturating_mul(n) as u64)?;
            // ArrayOps.Multiply: `times == 0 || array.Length == 0` is a new empty array at once.
            if n == 0 || a.borrow().is_empty() {
                return Ok(Value::array(Vec::new()));
            }
            let items = a.borrow();
            let mut v = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                v.extend(items.iter().cloned());
            }
            return Ok(Value::array(v));
        }
        (BinaryOp::Add | BinaryOp::Sub, Value::DateTime(..) | Value::TimeSpan(_)) => {
            if let Some(result) = super::dates::arith(op, l, r) {
                return result.ok_or_else(|| {
                    rt_error(
                        engine,
                        "The added or subtracted value results in an un-representable DateTime.\r\nParameter name: value",
                        "ArgumentOutOfRangeException",
                        span,
                    )
                });
            }
        }
        _ => {}
    }
    let a = convert::to_number(l);
    let b = convert::to_number(r);
    let (Some(a), Some(b)) = (a, b) else {
        let bad = if convert::to_number(l).is_none() { l } else { r };
        return Err(rt_error(
            engine,
            format!(
                "Cannot convert value \"{}\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"",
                convert::to_string(bad)
            ),
            "InvalidCastFromStringToInteger",
            span,
        ));
    };
    match (a, b) {
        (Value::Long(x), Value::Int(y) | Value::Long(y)) | (Value::Int(x), Value::Long(y)) => {
            long_arith(engine, op, x, y, span)
        }
        (Value::Int(x), Value::Int(y)) => match op {
            BinaryOp::Add => Ok(widen(x, y, x.checked_add(y), x as f64 + y as f64)),
            BinaryOp::Sub => Ok(widen(x, y, x.checked_sub(y), x as f64 - y as f64)),
            BinaryOp::Mul => Ok(widen(x, y, x.checked_mul(y), x as f64 * y as f64)),
            BinaryOp::Div => {
                if y == 0 {
                    return Err(divide_by_zero(engine, span));
                }
                if x % y == 0 { Ok(Value::Int(x / y)) } else { Ok(Value::Double(x as f64 / y as f64)) }
            }
            _ => {
                if y == 0 {
                    return Err(divide_by_zero(engine, span));
                }
                Ok(Value::Int(x % y))
            }
        },
        (x, y) => {
            let fx = num_f64(&x);
            let fy = num_f64(&y);
            Ok(Value::Double(match op {
                BinaryOp::Add => fx + fy,
                BinaryOp::Sub => fx - fy,
                BinaryOp::Mul => fx * fy,
                BinaryOp::Div => fx / fy,
                _ => fx % fy,
            }))
        }
    }
}

/// Int64 arithmetic (either operand an Int64): an Int64 result, a Double when it overflows
/// (PowerShell's LongOps), division exact or Double.
fn long_arith(engine: &mut Engine, op: BinaryOp, x: i64, y: i64, span: Span) -> EvalResult<Value> {
    let or_double = |r: Option<i64>, approx: f64| r.map(Value::Long).unwrap_or(Value::Double(approx));
    match op {
        BinaryOp::Add => Ok(or_double(x.checked_add(y), x as f64 + y as f64)),
        BinaryOp::Sub => Ok(or_double(x.checked_sub(y), x as f64 - y as f64)),
        BinaryOp::Mul => Ok(or_double(x.checked_mul(y), x as f64 * y as f64)),
        BinaryOp::Div => {
            if y == 0 {
                return Err(divide_by_zero(engine, span));
            }
            match x.checked_rem(y) {
                Some(0) => Ok(or_double(x.checked_div(y), x as f64 / y as f64)),
                _ => Ok(Value::Double(x as f64 / y as f64)),
            }
        }
        _ => {
            if y == 0 {
                return Err(divide_by_zero(engine, span));
            }
            Ok(Value::Long(x.checked_rem(y).unwrap_or(0)))
        }
    }
}

fn num_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) | Value::Long(i) => *i as f64,
        Value::Double(d) => *d,
        _ => 0.0,
    }
}

/// Unary operators.
pub(crate) fn unary(engine: &mut Engine, op: UnaryOp, v: &Value, span: Span) -> EvalResult<Value> {
    match op {
        UnaryOp::Not => Ok(Value::Bool(!convert::to_bool(v))),
        UnaryOp::Negate => arith(engine, BinaryOp::Sub, &Value::Int(0), v, span),
        UnaryOp::Plus => Ok(convert::to_number(v).unwrap_or(Value::Int(0))),
        UnaryOp::BNot => Ok(Value::Int(!convert::to_int(v).unwrap_or(0))),
        UnaryOp::Comma => Ok(Value::array(vec![v.clone()])),
        UnaryOp::Split => Ok(Value::array(convert::to_string(v).split_whitespace().map(Value::str).collect())),
        UnaryOp::Join => Ok(Value::str(v.enumerate_or_self().iter().map(convert::to_string).collect::<String>())),
        _ => Ok(v.clone()),
    }
}

fn compare_op(engine: &mut Engine, op: CompareOp, case: bool, l: &Value, r: &Value, span: Span) -> EvalResult<Value> {
    match op {
        CompareOp::Contains | CompareOp::NotContains => {
            let found = l.enumerate_or_self().iter().any(|x| convert::equals(x, r, case));
            Ok(Value::Bool(found == (op == CompareOp::Contains)))
        }
        CompareOp::In | CompareOp::NotIn => {
            let found = r.enumerate_or_self().iter().any(|x| convert::equals(x, l, case));
            Ok(Value::Bool(found == (op == CompareOp::In)))
        }
        CompareOp::Join => {
            let sep = convert::to_string(r);
            Ok(Value::str(
                l.enumerate_or_self().iter().map(|x| engine.expand_to_string(x)).collect::<Vec<_>>().join(&sep),
            ))
        }
        CompareOp::Split => {
            let parts = r.enumerate_or_self();
            let pat = parts.first().map(convert::to_string).unwrap_or_default();
            let limit = parts.get(1).and_then(convert::to_int).unwrap_or(0).max(0) as usize;
            let opts = parts.get(2).map(convert::to_string).unwrap_or_default();
            let (simple, mut ro) = split_options(engine, &opts, span)?;
            ro.ignore_case = ro.ignore_case || !case;
            let pattern = if simple { dotnet_regex::escape(&pat) } else { pat };
            let re = build_regex_with(engine, &pattern, ro, span)?;
            let mut out = Vec::new();
            for s in l.enumerate_or_self() {
                let s = engine.expand_to_string(&s);
                let pieces = re.split(&s, limit).map_err(|e| regex_failure(engine, e, span))?;
                out.extend(pieces.into_iter().map(Value::str));
            }
            Ok(Value::array(out))
        }
        CompareOp::Replace => {
            let parts = r.enumerate_or_self();
            let pat = parts.first().map(convert::to_string).unwrap_or_default();
            let rep = parts.get(1).map(convert::to_string).unwrap_or_default();
            let re = build_regex(engine, &pat, case, span)?;
            let f = |s: &Value| -> EvalResult<Value> {
                let text = engine.expand_to_string(s);
                re.replace(&text, &rep, None).map(Value::str).map_err(|e| regex_failure(engine, e, span))
            };
            Ok(match l {
                Value::Array(a) => {
                    let items = a.borrow().clone();
                    let mut out = Vec::with_capacity(items.len());
                    for i in items.iter() {
                        out.push(f(i)?);
                    }
                    Value::array(out)
                }
                other => f(other)?,
            })
        }
        CompareOp::Match | CompareOp::NotMatch => {
            let want = op == CompareOp::Match;
            if let Value::Array(a) = l {
                let items = a.borrow().clone();
                let mut out = Vec::new();
                for i in items {
                    if regex_test(engine, &i, r, case, span, false)? == want {
                        out.push(i);
                    }
                }
                return Ok(Value::array(out));
            }
            Ok(Value::Bool(regex_test(engine, l, r, case, span, true)? == want))
        }
        _ => {
            if let Value::Array(a) = l {
                let items = a.borrow().clone();
                let out: Vec<Value> = items.into_iter().filter(|i| scalar_compare(op, case, i, r)).collect();
                return Ok(Value::array(out));
            }
            Ok(Value::Bool(scalar_compare(op, case, l, r)))
        }
    }
}

fn scalar_compare(op: CompareOp, case: bool, l: &Value, r: &Value) -> bool {
    match op {
        CompareOp::Eq => convert::equals(l, r, case),
        CompareOp::Ne => !convert::equals(l, r, case),
        CompareOp::Like => convert::wildcard_match(&convert::to_string(r), &convert::to_string(l), case),
        CompareOp::NotLike => !convert::wildcard_match(&convert::to_string(r), &convert::to_string(l), case),
        CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le => {
            let Some(o) = convert::compare(l, r, case) else { return false };
            match op {
                CompareOp::Gt => o == Ordering::Greater,
                CompareOp::Ge => o != Ordering::Less,
                CompareOp::Lt => o == Ordering::Less,
                _ => o != Ordering::Greater,
            }
        }
        _ => false,
    }
}

fn build_regex(engine: &Engine, pat: &str, case: bool, span: Span) -> EvalResult<dotnet_regex::Regex> {
    build_regex_with(engine, pat, dotnet_regex::Options { ignore_case: !case, ..Default::default() }, span)
}

/// Compiles a pattern for an operator; an invalid one is PowerShell's InvalidRegularExpression.
fn build_regex_with(
    engine: &Engine,
    pat: &str,
    opts: dotnet_regex::Options,
    span: Span,
) -> EvalResult<dotnet_regex::Regex> {
    dotnet_regex::Regex::new(pat, opts).map_err(|_| {
        errors::runtime(
            format!("The regular expression pattern {pat} is not valid."),
            "InvalidRegularExpression",
            "InvalidOperation",
            &format!("{pat}:String"),
            Some(engine.position(span)),
        )
        .with_exception("System.Management.Automation.RuntimeException")
        .flow()
    })
}

/// A match that hit the backtracking limit (or another runtime failure).
fn regex_failure(engine: &Engine, e: dotnet_regex::RegexError, span: Span) -> Flow {
    let mut err = errors::runtime(
        e.message(),
        "RegexMatchTimeoutException",
        "OperationStopped",
        ":",
        Some(engine.position(span)),
    );
    err.record.exception_type = "System.Text.RegularExpressions.RegexMatchTimeoutException".into();
    Flow::Error(Box::new(err))
}

/// `-split`'s options: SimpleMatch or RegexMatch, IgnoreCase, CultureInvariant,
/// IgnorePatternWhitespace, Multiline, Singleline, ExplicitCapture (comma-separated).
fn split_options(engine: &Engine, text: &str, span: Span) -> EvalResult<(bool, dotnet_regex::Options)> {
    let mut simple = false;
    let mut o = dotnet_regex::Options::default();
    for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        match word.to_ascii_lowercase().as_str() {
            "simplematch" => simple = true,
            "regexmatch" | "cultureinvariant" | "none" => {}
            "ignorecase" => o.ignore_case = true,
            "ignorepatternwhitespace" => o.ignore_whitespace = true,
            "multiline" => o.multiline = true,
            "singleline" => o.singleline = true,
            "explicitcapture" => o.explicit_capture = true,
            _ => {
                return Err(rt_error(
                    engine,
                    format!(
                        "Cannot convert value \"{text}\" to type \"System.Management.Automation.SplitOptions\". Error: \"Unable to match the identifier name {word} to a valid enumerator name. Specify one of the following enumerator names and try again:\r\nSimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, Multiline, Singleline, IgnoreCase, ExplicitCapture\"",
                    ),
                    "InvalidCastFromStringToEnum",
                    span,
                ));
            }
        }
    }
    if simple && (o.multiline || o.singleline || o.ignore_whitespace || o.explicit_capture) {
        return Err(rt_error(
            engine,
            "Cannot use SimpleMatch with the RegexMatch-only options IgnorePatternWhitespace, ExplicitCapture, Multiline or Singleline.",
            "InvalidSplitOptionCombination",
            span,
        ));
    }
    Ok((simple, o))
}

/// `$Matches` from a match: every group that took part, named groups by name, the others by
/// number, the highest first (as 5.1's table lists them).
pub(crate) fn matches_table(m: &dotnet_regex::Match) -> Hashtable {
    let mut h = Hashtable::new();
    for g in m.groups.iter().rev() {
        let Some((_, _, text)) = &g.capture else { continue };
        let key = match g.name.parse::<i64>() {
            Ok(n) => Value::Int(n),
            Err(_) => Value::str(&g.name),
        };
        h.insert(key, Value::str(text));
    }
    h
}

fn regex_test(
    engine: &mut Engine,
    l: &Value,
    r: &Value,
    case: bool,
    span: Span,
    set_matches: bool,
) -> EvalResult<bool> {
    let re = build_regex(engine, &convert::to_string(r), case, span)?;
    let text = engine.expand_to_string(l);
    match re.first(&text).map_err(|e| regex_failure(engine, e, span))? {
        Some(m) => {
            if set_matches {
                engine.scopes.set_local("Matches", Value::hashtable(matches_table(&m)));
            }
            Ok(true)
        }
        None => Ok(false),
    }
}

/// `switch -regex` clause test.
pub(crate) fn regex_match(engine: &mut Engine, item: &Value, pat: &Value, case: bool) -> EvalResult<bool> {
    regex_test(engine, item, pat, case, Span::default(), true)
}

/// `$a[i]`: arrays (negative from the end, slices), hashtables, strings.
pub(crate) fn index(coll: &Value, idx: &Value) -> Value {
    match coll {
        Value::Hashtable(h) => {
            if let Value::Array(keys) = idx {
                let h = h.borrow();
                return Value::array(keys.borrow().iter().map(|k| h.get(k).unwrap_or(Value::Null)).collect());
            }
            h.borrow().get(idx).unwrap_or(Value::Null)
        }
        Value::Array(a) => {
            let a = a.borrow();
            // A Match's Groups by name: `$m.Groups['user']`.
            if let Value::Str(name) = idx {
                if name.parse::<i64>().is_err() {
                    let group = a.iter().find(|g| match g {
                        // `.PSObject.Properties['Name']`, case-insensitive as member names are.
                        Value::Object(o) if super::psobject_view::is_property_info(g) => {
                            o.borrow().get("Name").is_some_and(|n| convert::to_string(&n).eq_ignore_ascii_case(name))
                        }
                        Value::Object(o) => {
                            let o = o.borrow();
                            o.type_names.first().map(|t| &**t) == Some(super::regex_methods::GROUP_TYPE)
                                && o.get("Name").map(|n| convert::to_string(&n) == **name).unwrap_or(false)
                        }
                        _ => false,
                    });
                    if let Some(g) = group {
                        return g.clone();
                    }
                }
            }
            let one = |i: &Value| -> Value {
                let len = a.len() as i64;
                let Some(i) = convert::to_int(i) else { return Value::Null };
                let i = if i < 0 { len + i } else { i };
                if i < 0 || i >= len { Value::Null } else { a[i as usize].clone() }
            };
            match idx {
                Value::Array(ix) => Value::array(ix.borrow().iter().map(one).collect()),
                other => one(other),
            }
        }
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let len = chars.len() as i64;
            let Some(i) = convert::to_int(idx) else { return Value::Null };
            let i = if i < 0 { len + i } else { i };
            if i < 0 || i >= len { Value::Null } else { Value::str(chars[i as usize].to_string()) }
        }
        Value::Object(o) => o.borrow().get(&convert::to_string(idx)).unwrap_or(Value::Null),
        Value::Null => Value::Null,
        other => {
            if convert::to_int(idx) == Some(0) {
                other.clone()
            } else {
                Value::Null
            }
        }
    }
}

/// The type an `-is`/`-as` right operand names: a type object (`[int]`) or a type name string.
fn type_operand(engine: &Engine, r: &Value, span: Span) -> EvalResult<super::types::Ty> {
    let name = match r {
        Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == "System.RuntimeType") => {
            o.borrow().get("FullName").map(|v| convert::to_string(&v)).unwrap_or_default()
        }
        other => convert::to_string(other),
    };
    super::types::resolve(&engine.types.borrow(), &name).ok_or_else(|| engine.type_not_found(&name, span))
}

/// `[type] value` conversions by type name (script parameters, `[int]::Parse`).
pub(crate) fn convert_to_type(
    user: &super::types::UserTypes,
    v: &Value,
    t: &str,
) -> Result<Value, super::convert_to::ConvError> {
    match super::types::resolve(user, t) {
        Some(ty) => super::convert_to::convert(user, v, &ty),
        None => {
            Err(super::convert_to::ConvError { message: format!("Unable to find type [{t}]."), fqid: "TypeNotFound" })
        }
    }
}

/// .NET composite formatting for `-f` and `[string]::Format` (`value::dotnet_format`).
pub(crate) fn format_op(engine: &Engine, fmt: &str, args: &[Value]) -> Result<String, FormatError> {
    dotnet_format::composite(fmt, args, |v, f| match f {
        None => Ok(engine.expand_to_string(v)),
        Some(_) => format_value(engine, v, f),
    })
}

/// `-f`'s error: `Error formatting a string: <.NET message>.` (FormatError), on the format string.
pub(crate) fn format_error(engine: &Engine, e: FormatError, fmt: &str, span: Span) -> Flow {
    Flow::Error(Box::new(errors::runtime(
        format!("Error formatting a string: {}.", e.message()),
        "FormatError",
        "InvalidOperation",
        &format!("{fmt}:String"),
        Some(engine.position(span)),
    )))
}

/// A value under a .NET format string (`N2`, `D3`, `P1`, `yyyy-MM-dd`, …), as `.ToString(format)`.
pub(crate) fn format_value(engine: &Engine, v: &Value, format: Option<&str>) -> Result<String, FormatError> {
    let offset = match v {
        Value::DateTime(secs, _) => engine.local_offset(*secs),
        _ => 0,
    };
    dotnet_format::format_value(v, format, offset)
}
