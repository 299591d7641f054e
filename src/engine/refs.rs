//! `[ref]` (PSReference) and the .NET methods with out parameters that scripts call with it:
//! `[int]::TryParse($s, [ref]$n)`, `[datetime]::TryParse`, `[guid]::TryParse`, `[version]::TryParse`…
//!
//! A `[ref]` value is an object whose `Value` property holds the value. A method call copies the
//! `Value` of each `[ref]$variable` argument back into the variable when it returns, which is what
//! an out parameter written through the reference does in PowerShell (about_Ref).

use super::Engine;
use super::eval::EvalResult;
use crate::syntax::ast::ExprKind;
use crate::syntax::{Expr, VarRef};
use crate::value::{PsObject, Value, convert};

/// PSReference's type name.
pub(crate) const PSREFERENCE: &str = "System.Management.Automation.PSReference";

/// `[ref]v`: a PSReference holding `v` (a reference stays itself).
pub(crate) fn reference(v: &Value) -> Value {
    if is_reference(v) {
        return v.clone();
    }
    let mut o = PsObject::new(&[PSREFERENCE, "System.Object"]);
    o.set("Value", v.clone());
    Value::object(o)
}

/// True for a `[ref]` value.
pub(crate) fn is_reference(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == PSREFERENCE))
}

/// Sets the value a `[ref]` holds.
fn set_reference(r: &Value, v: Value) {
    if let Value::Object(o) = r {
        o.borrow_mut().set("Value", v);
    }
}

/// The variables of `[ref]$x` method arguments: argument index and variable.
pub(crate) fn ref_variables(args: &[Expr]) -> Vec<(usize, VarRef)> {
    args.iter()
        .enumerate()
        .filter_map(|(i, a)| match &a.kind {
            ExprKind::Cast { type_name, expr } if type_name.eq_ignore_ascii_case("ref") => match &expr.kind {
                ExprKind::Variable(v) => Some((i, v.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// What `[T]::TryParse(text, [ref]$out)` writes when the text does not parse: the type's default.
fn failed_value(kind: &str) -> Value {
    match kind {
        "datetime" => super::convert_to::ticks_to_datetime(0),
        "guid" => Value::Guid(0),
        "double" | "single" | "decimal" => Value::Double(0.0),
        "bool" => Value::Bool(false),
        "timespan" => Value::TimeSpan(0),
        "version" | "ipaddress" => Value::Null,
        _ => Value::Int(0),
    }
}

/// .NET's `Int32.TryParse` (NumberStyles.Integer): optional white space and sign around decimal
/// digits, nothing else (no hex, no fraction, no thousands separators).
fn integer_text(s: &str) -> Option<i128> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 30 {
        return None;
    }
    let n: i128 = digits.parse().ok()?;
    Some(if neg { -n } else { n })
}

impl Engine {
    /// `[T]::TryParse(text, [ref]$x)` for the types PowerShell scripts parse with it; `None` for
    /// other types or argument counts.
    pub(crate) fn try_parse(&mut self, t: &str, args: &[Value]) -> Option<EvalResult<Value>> {
        let [text, out] = args else { return None };
        let ty = super::types::resolve(&self.types.borrow(), t)?;
        let key = match ty.full_name().as_str() {
            "System.Int32" => "int",
            "System.Int64" => "long",
            "System.Int16" => "short",
            "System.Byte" => "byte",
            "System.SByte" => "sbyte",
            "System.UInt16" => "ushort",
            "System.UInt32" => "uint",
            "System.UInt64" => "ulong",
            "System.Double" => "double",
            "System.Single" => "single",
            "System.Decimal" => "decimal",
            "System.Boolean" => "bool",
            "System.DateTime" => "datetime",
            "System.Guid" => "guid",
            "System.Version" => "version",
            "System.TimeSpan" => "timespan",
            _ => return None,
        };
        if !is_reference(out) {
            return None;
        }
        let s = match text {
            Value::Null => None,
            other => Some(convert::to_string(other)),
        };
        let parsed = s.and_then(|s| self.parse_for_try(key, &ty, &s));
        let ok = parsed.is_some();
        set_reference(out, parsed.unwrap_or_else(|| failed_value(key)));
        Some(Ok(Value::Bool(ok)))
    }

    fn parse_for_try(&self, key: &str, ty: &super::types::Ty, s: &str) -> Option<Value> {
        match key {
            "int" | "long" | "short" | "byte" | "sbyte" | "ushort" | "uint" | "ulong" => {
                let n = integer_text(s)?;
                let Some(super::types::Kind::Integer(min, max, _)) = ty.kind() else { return None };
                (n >= min && n <= max).then(|| Value::Int(n as i64))
            }
            "bool" => match s.trim().to_ascii_lowercase().as_str() {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            "double" | "single" | "decimal" => {
                let t = s.trim().replace(',', "");
                if t.is_empty()
                    || t.starts_with("0x")
                    || t.chars().any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
                {
                    return None;
                }
                t.parse::<f64>().ok().map(Value::Double)
            }
            _ => {
                // DateTime, Guid, Version and TimeSpan parse as their casts from a string do.
                if s.trim().is_empty() {
                    return None;
                }
                super::convert_to::convert(&self.types.borrow(), &Value::str(s), ty).ok()
            }
        }
    }

    /// After a method call: each `[ref]$x` argument's value goes back into `$x`.
    pub(crate) fn copy_out_refs(&mut self, refs: &[(usize, VarRef)], args: &[Value]) {
        for (i, var) in refs {
            if let Some(Value::Object(o)) = args.get(*i).filter(|a| is_reference(a)) {
                let v = o.borrow().get("Value").unwrap_or(Value::Null);
                self.set_variable(var, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::strings;
    use super::integer_text;

    #[test]
    fn int32_tryparse_text_rules() {
        assert_eq!(integer_text(" -7 "), Some(-7));
        assert_eq!(integer_text("+3"), Some(3));
        assert_eq!(integer_text("0x10"), None);
        assert_eq!(integer_text("1,000"), None);
        assert_eq!(integer_text(""), None);
        assert_eq!(integer_text("-"), None);
    }

    #[test]
    fn tryparse_writes_through_ref_variables() {
        assert_eq!(strings("$i = 1; [int]::TryParse('42', [ref]$i); $i"), Ok(vec!["True".into(), "42".into()]));
        assert_eq!(strings("$i = 1; [int]::TryParse('x', [ref]$i); $i"), Ok(vec!["False".into(), "0".into()]));
        assert_eq!(strings("[int]::TryParse('99999999999', [ref]$n); $n"), Ok(vec!["False".into(), "0".into()]));
        assert_eq!(strings("([ref]5).Value"), Ok(vec!["5".into()]));
    }
}
