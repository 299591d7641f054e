//! `[DateTime]` and `[TimeSpan]` arithmetic and methods scripts call: `$d2 - $d1` is a TimeSpan,
//! `$d + $ts`, `.AddDays()` … `.AddMonths()`, `.Subtract()`, `.ToString(format)`,
//! `.ToShortDateString()`, `.ToUniversalTime()`, `.ToFileTime()`, `.CompareTo()`, and the
//! TimeSpan methods (`Add`, `Subtract`, `Negate`, `Duration`, `ToString(format)`).
//!
//! A DateTime is a wall-clock value (`Value::DateTime(secs, nanos)`, see `value::datetime`); local
//! and universal time differ by the host zone's offset.

use super::Engine;
use super::errors;
use super::eval::EvalResult;
use crate::engine::Flow;
use crate::syntax::{BinaryOp, Span};
use crate::value::{Value, convert, datetime, dotnet_format};

const TICKS_PER_SECOND: i64 = 10_000_000;
/// Ticks from 0001-01-01 to 1970-01-01.
const EPOCH_TICKS: i64 = 621_355_968_000_000_000;
/// Ticks from 0001-01-01 to 1601-01-01 (the FILETIME epoch).
const FILETIME_EPOCH_TICKS: i64 = 504_911_232_000_000_000;

/// A DateTime's ticks since 0001-01-01.
pub(crate) fn ticks(secs: i64, ns: u32) -> i64 {
    secs.saturating_mul(TICKS_PER_SECOND).saturating_add(EPOCH_TICKS).saturating_add(ns as i64 / 100)
}

/// A DateTime from ticks since 0001-01-01; `None` outside .NET's range.
pub(crate) fn from_ticks(t: i64) -> Option<Value> {
    let rel = t.checked_sub(EPOCH_TICKS)?;
    let secs = rel.div_euclid(TICKS_PER_SECOND);
    if !(datetime::MIN_SECS..=datetime::MAX_SECS).contains(&secs) {
        return None;
    }
    Some(Value::DateTime(secs, (rel.rem_euclid(TICKS_PER_SECOND) * 100) as u32))
}

fn unrepresentable(engine: &Engine, name: &str, argc: usize, span: Span) -> Flow {
    method_error(
        engine,
        name,
        argc,
        "The added or subtracted value results in an un-representable DateTime.\r\nParameter name: value",
        "ArgumentOutOfRangeException",
        span,
    )
}

fn method_error(engine: &Engine, name: &str, argc: usize, message: &str, fqid: &str, span: Span) -> Flow {
    errors::runtime(
        format!("Exception calling \"{name}\" with \"{argc}\" argument(s): \"{message}\""),
        fqid,
        "NotSpecified",
        ":",
        Some(engine.position(span)),
    )
    .with_exception("System.Management.Automation.MethodInvocationException")
    .flow()
}

/// `+`/`-` with a DateTime or TimeSpan on the left; `None` leaves the operator to the number rules.
pub(crate) fn arith(op: BinaryOp, l: &Value, r: &Value) -> Option<Option<Value>> {
    match (op, l, r) {
        (BinaryOp::Sub, Value::DateTime(a, an), Value::DateTime(b, bn)) => {
            Some(Some(Value::TimeSpan(ticks(*a, *an).checked_sub(ticks(*b, *bn))?)))
        }
        (BinaryOp::Add | BinaryOp::Sub, Value::DateTime(s, n), other) => {
            let delta = match other {
                Value::TimeSpan(t) => *t,
                _ => convert::to_timespan(other)?,
            };
            let delta = if op == BinaryOp::Sub { delta.checked_neg()? } else { delta };
            Some(ticks(*s, *n).checked_add(delta).and_then(from_ticks))
        }
        (BinaryOp::Add | BinaryOp::Sub, Value::TimeSpan(a), other) => {
            let b = convert::to_timespan(other)?;
            Some(if op == BinaryOp::Add { a.checked_add(b) } else { a.checked_sub(b) }.map(Value::TimeSpan))
        }
        _ => None,
    }
}

fn arg_f64(args: &[Value], i: usize) -> f64 {
    match args.get(i).and_then(convert::to_number) {
        Some(Value::Int(n) | Value::Long(n)) => n as f64,
        Some(Value::Double(d)) => d,
        _ => 0.0,
    }
}

/// A DateTime method; `None` when the DateTime has no such method.
pub(crate) fn datetime_method(
    engine: &Engine,
    secs: i64,
    ns: u32,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<EvalResult<Value>> {
    let lname = name.to_ascii_lowercase();
    let argc = args.len();
    let add = |scale: f64| -> EvalResult<Value> {
        datetime::add_seconds(secs, ns, arg_f64(args, 0) * scale)
            .map(|(s, n)| Value::DateTime(s, n))
            .ok_or_else(|| unrepresentable(engine, name, argc, span))
    };
    let offset = engine.local_offset(secs);
    let fmt = |f: &str| dotnet_format::format_date(secs, ns, f, offset).unwrap_or_default();
    let r = match lname.as_str() {
        "adddays" => add(86400.0),
        "addhours" => add(3600.0),
        "addminutes" => add(60.0),
        "addseconds" => add(1.0),
        "addmilliseconds" => add(0.001),
        "addticks" => {
            let t = args.first().and_then(convert::to_int).unwrap_or(0);
            ticks(secs, ns).checked_add(t).and_then(from_ticks).ok_or_else(|| unrepresentable(engine, name, argc, span))
        }
        "addmonths" | "addyears" => {
            let n = args.first().and_then(convert::to_int).unwrap_or(0);
            let months = if lname == "addyears" { n.checked_mul(12) } else { Some(n) };
            months
                .and_then(|m| datetime::add_months(secs, m))
                .map(|s| Value::DateTime(s, ns))
                .ok_or_else(|| unrepresentable(engine, name, argc, span))
        }
        "add" | "subtract" => {
            let arg = args.first().cloned().unwrap_or(Value::Null);
            let op = if lname == "add" { BinaryOp::Add } else { BinaryOp::Sub };
            match arith(op, &Value::DateTime(secs, ns), &arg) {
                Some(Some(v)) => Ok(v),
                Some(None) => Err(unrepresentable(engine, name, argc, span)),
                None => Err(method_error(
                    engine,
                    name,
                    argc,
                    &format!(
                        "Cannot convert argument \"value\", with value: \"{}\", for \"{name}\" to type \"System.TimeSpan\"",
                        convert::to_string(&arg)
                    ),
                    "MethodArgumentConversionInvalidCastArgument",
                    span,
                )),
            }
        }
        "toshortdatestring" => Ok(Value::str(fmt("d"))),
        "tolongdatestring" => Ok(Value::str(fmt("D"))),
        "toshorttimestring" => Ok(Value::str(fmt("t"))),
        "tolongtimestring" => Ok(Value::str(fmt("T"))),
        "touniversaltime" => Ok(Value::DateTime(secs - offset as i64, ns)),
        "tolocaltime" => {
            let to_local = engine.local_offset(secs + engine.local_offset(secs) as i64);
            Ok(Value::DateTime(secs + to_local as i64, ns))
        }
        "tofiletime" | "tofiletimeutc" => {
            let utc = if lname == "tofiletime" { secs - offset as i64 } else { secs };
            Ok(Value::Int(ticks(utc, ns) - FILETIME_EPOCH_TICKS))
        }
        "compareto" => {
            let other = args.first().cloned().unwrap_or(Value::Null);
            let o = convert::compare(&Value::DateTime(secs, ns), &other, false).map(|o| o as i64).unwrap_or(1);
            Ok(Value::Int(o))
        }
        "equals" => {
            Ok(Value::Bool(convert::equals(&Value::DateTime(secs, ns), args.first().unwrap_or(&Value::Null), false)))
        }
        "gethashcode" => Ok(Value::Int((ticks(secs, ns) ^ (ticks(secs, ns) >> 32)) as i32 as i64)),
        "isdaylightsavingtime" => Ok(Value::Bool(false)),
        _ => return None,
    };
    Some(r)
}

/// A TimeSpan method; `None` when TimeSpan has no such method.
pub(crate) fn timespan_method(
    engine: &Engine,
    t: i64,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<EvalResult<Value>> {
    let lname = name.to_ascii_lowercase();
    let overflow = || {
        method_error(
            engine,
            name,
            args.len(),
            "TimeSpan overflowed because the duration is too long.",
            "OverflowException",
            span,
        )
    };
    let r = match lname.as_str() {
        "add" | "subtract" => {
            let b = args.first().and_then(convert::to_timespan).unwrap_or(0);
            if lname == "add" { t.checked_add(b) } else { t.checked_sub(b) }.map(Value::TimeSpan).ok_or_else(overflow)
        }
        "negate" => t.checked_neg().map(Value::TimeSpan).ok_or_else(overflow),
        "duration" => t.checked_abs().map(Value::TimeSpan).ok_or_else(overflow),
        "compareto" => {
            let b = args.first().and_then(convert::to_timespan).unwrap_or(0);
            Ok(Value::Int(t.cmp(&b) as i64))
        }
        _ => return None,
    };
    Some(r)
}

/// `[datetime]::ParseExact/Parse/DaysInMonth/IsLeapYear`; `None` for other names.
pub(crate) fn static_call(engine: &Engine, name: &str, args: &[Value], span: Span) -> Option<EvalResult<Value>> {
    let lname = name.to_ascii_lowercase();
    let argc = args.len();
    let text = args.first().map(convert::to_string).unwrap_or_default();
    let invalid =
        || method_error(engine, name, argc, "String was not recognized as a valid DateTime.", "FormatException", span);
    // A parsed offset converts the time to the local clock, as .NET's ParseExact does.
    let local = |(secs, ns, offset): (i64, u32, Option<i32>)| match offset {
        Some(o) => {
            let utc = secs - o as i64;
            Value::DateTime(utc + engine.host_offset(utc) as i64, ns)
        }
        None => Value::DateTime(secs, ns),
    };
    let r = match lname.as_str() {
        "parseexact" => {
            let formats = match args.get(1) {
                Some(Value::Array(a)) => a.borrow().items.clone(),
                Some(other) => vec![other.clone()],
                None => Vec::new(),
            };
            formats
                .iter()
                .find_map(|f| datetime::parse_exact(text.trim(), &convert::to_string(f)))
                .map(local)
                .ok_or_else(invalid)
        }
        "parse" => convert::parse_datetime(&text)
            .or_else(|| {
                [
                    "G",
                    "g",
                    "D",
                    "F",
                    "f",
                    "M/d/yyyy h:mm:ss tt",
                    "MMMM d, yyyy",
                    "d MMMM yyyy",
                    "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
                    "R",
                ]
                .iter()
                .find_map(|f| datetime::parse_exact(text.trim(), f))
                .map(local)
            })
            .ok_or_else(invalid),
        "daysinmonth" => {
            let y = args.first().and_then(convert::to_int).unwrap_or(1);
            let m = args.get(1).and_then(convert::to_int).unwrap_or(1);
            if !(1..=12).contains(&m) || !(1..=9999).contains(&y) {
                Err(method_error(
                    engine,
                    name,
                    argc,
                    "Month must be between one and twelve.\r\nParameter name: month",
                    "ArgumentOutOfRangeException",
                    span,
                ))
            } else {
                Ok(Value::Int(datetime::days_in_month(y, m as u32) as i64))
            }
        }
        "isleapyear" => {
            let y = args.first().and_then(convert::to_int).unwrap_or(1);
            Ok(Value::Bool(datetime::days_in_month(y, 2) == 29))
        }
        _ => return None,
    };
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_differences_are_timespans() {
        let a = Value::DateTime(86400 + 3600, 0);
        let b = Value::DateTime(0, 0);
        assert!(
            matches!(arith(BinaryOp::Sub, &a, &b), Some(Some(Value::TimeSpan(t))) if t == 90_000 * TICKS_PER_SECOND)
        );
        assert!(matches!(
            arith(BinaryOp::Add, &b, &Value::TimeSpan(TICKS_PER_SECOND)),
            Some(Some(Value::DateTime(1, 0)))
        ));
        assert!(matches!(
            arith(BinaryOp::Add, &Value::DateTime(datetime::MAX_SECS, 0), &Value::TimeSpan(100 * TICKS_PER_SECOND)),
            Some(None)
        ));
        assert_eq!(ticks(0, 0), EPOCH_TICKS);
    }
}
