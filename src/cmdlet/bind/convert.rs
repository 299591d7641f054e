//! Conversion of an argument to a cmdlet parameter's declared [`ParamType`], with PowerShell's
//! (local cmdlet) or implicit remoting's (Exchange cmdlet) error texts. Script parameters are
//! converted by the engine, which owns `[type]` conversion.

use super::BindError;
use crate::cmdlet::{Origin, Param, ParamType};
use crate::syntax::Span;
use crate::value::{Value, convert};

/// Converts a value to a parameter's declared type.
pub fn convert_arg(origin: Origin, p: &Param, v: Value, span: Option<Span>) -> Result<Value, BindError> {
    let remote = origin == Origin::Exchange;
    let transform_err = |target: &str, inner: String| {
        let msg = if remote {
            format!(
                "Cannot process argument transformation on parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                p.name,
                convert::to_string(&v),
                target,
                inner
            )
        } else {
            format!(
                "Cannot bind parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                p.name,
                convert::to_string(&v),
                target,
                inner
            )
        };
        let (fqid, cat) = if remote {
            ("ParameterArgumentTransformationError", "InvalidData")
        } else {
            ("CannotConvertArgumentNoMessage", "InvalidArgument")
        };
        BindError::new(msg, fqid, cat, span)
    };
    if v.is_null() {
        if p.mandatory && !matches!(p.ty, ParamType::Object | ParamType::Identity(_) | ParamType::MultiValued(_)) {
            return Err(BindError::new(
                format!("Cannot bind argument to parameter '{}' because it is null.", p.name),
                "ParameterArgumentValidationErrorNullNotAllowed",
                "InvalidData",
                span,
            ));
        }
        return Ok(Value::Null);
    }
    let items = |v: &Value| -> Vec<Value> {
        match v {
            Value::Array(a) => a.borrow().to_vec(),
            other => vec![other.clone()],
        }
    };
    Ok(match p.ty {
        ParamType::Identity(_) if !p.array => match &v {
            // An identity parameter takes one object; through implicit remoting a list arrives as an
            // ArrayList and fails the server-side conversion.
            Value::Array(a) if a.borrow().len() == 1 => a.borrow()[0].clone(),
            Value::Array(_) => {
                let t = p.display_type();
                let full =
                    if t.contains('.') { t.to_string() } else { format!("Microsoft.Exchange.Configuration.Tasks.{t}") };
                return Err(BindError::new(
                    format!(
                        "Cannot process argument transformation on parameter '{}'. Cannot convert the \"System.Collections.ArrayList\" value of type \"System.Collections.ArrayList\" to type \"{full}\".",
                        p.name
                    ),
                    "ParameterArgumentTransformationError",
                    "InvalidData",
                    span,
                ));
            }
            _ => v,
        },
        // An identity array (`RecipientIdParameter[]`) takes a list, not MultiValuedProperty's
        // `@{Add=…}` hashtable: the server-side conversion fails (seen, mandie.net, for
        // Set-CalendarProcessing -ResourceDelegates).
        ParamType::Identity(_) if p.array && matches!(v, Value::Hashtable(_)) => {
            let t = p.display_type();
            let t = t.trim_end_matches("[]");
            let full =
                if t.contains('.') { t.to_string() } else { format!("Microsoft.Exchange.Configuration.Tasks.{t}") };
            return Err(BindError::new(
                format!(
                    "Cannot process argument transformation on parameter '{}'. Cannot convert the \"System.Collections.Hashtable\" value of type \"System.Collections.Hashtable\" to type \"{full}[]\".",
                    p.name
                ),
                "ParameterArgumentTransformationError",
                "InvalidData",
                span,
            ));
        }
        ParamType::Object | ParamType::Identity(_) | ParamType::MultiValued(_) => v,
        ParamType::String => {
            if p.array {
                Value::array(items(&v).iter().map(|x| Value::str(convert::to_string(x))).collect())
            } else if let Value::Array(a) = &v {
                if a.borrow().len() == 1 {
                    Value::str(convert::to_string(&a.borrow()[0]))
                } else {
                    return Err(BindError::new(
                        format!(
                            "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter '{}'. Specified method is not supported.",
                            p.name
                        ),
                        "CannotConvertArgument",
                        "InvalidArgument",
                        span,
                    ));
                }
            } else {
                let text = convert::to_string(&v);
                // A mandatory [string] parameter refuses "" (no [AllowEmptyString()]).
                if p.mandatory && text.is_empty() {
                    return Err(BindError::new(
                        format!("Cannot bind argument to parameter '{}' because it is an empty string.", p.name),
                        "ParameterArgumentValidationErrorEmptyStringNotAllowed",
                        "InvalidData",
                        span,
                    ));
                }
                Value::str(text)
            }
        }
        ParamType::Int => {
            let conv = |x: &Value| {
                convert::to_int(x)
                    .map(Value::Int)
                    .ok_or_else(|| transform_err("System.Int32", "Input string was not in a correct format.".into()))
            };
            if p.array {
                let mut out = Vec::new();
                for x in items(&v) {
                    out.push(conv(&x)?);
                }
                Value::array(out)
            } else {
                conv(&v)?
            }
        }
        ParamType::Unlimited => {
            let s = convert::to_string(&v);
            if s.eq_ignore_ascii_case("unlimited") {
                Value::str("Unlimited")
            } else {
                let n = convert::to_int(&v).ok_or_else(|| {
                    transform_err(
                        "Microsoft.Exchange.Data.Unlimited`1[System.UInt32]",
                        format!("The value \"{s}\" isn't valid. Valid values are a number or \"Unlimited\"."),
                    )
                })?;
                // Unlimited<uint>: a negative number fails uint.Parse (strict-rules.md §2).
                if n < 0 || n > i64::from(u32::MAX) {
                    return Err(transform_err(
                        "Microsoft.Exchange.Data.Unlimited`1[System.UInt32]",
                        "Value was either too large or too small for a UInt32.".into(),
                    ));
                }
                Value::Int(n)
            }
        }
        ParamType::Guid => {
            let text = convert::to_string(&v);
            guid_d_form(&text).map(Value::str).ok_or_else(|| {
                transform_err(
                    "System.Guid",
                    "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).".into(),
                )
            })?
        }
        ParamType::Bool => match &v {
            Value::Bool(_) | Value::Switch(_) | Value::Int(_) | Value::Long(_) | Value::Double(_) => {
                Value::Bool(convert::to_bool(&v))
            }
            _ => {
                return Err(BindError::new(
                    format!(
                        "Cannot process argument transformation on parameter '{}'. Cannot convert value \"{}\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
                        p.name,
                        v.type_name()
                    ),
                    "ParameterArgumentTransformationError",
                    "InvalidData",
                    span,
                ));
            }
        },
        ParamType::Switch => Value::Bool(convert::to_bool(&v)),
        ParamType::ScriptBlock => match &v {
            Value::ScriptBlock(_) => v,
            Value::Array(a) if p.array && a.borrow().iter().all(|x| matches!(x, Value::ScriptBlock(_))) => v,
            _ => {
                return Err(BindError::new(
                    format!(
                        "Cannot bind parameter '{}'. Cannot convert the \"{}\" value of type \"{}\" to type \"System.Management.Automation.ScriptBlock\".",
                        p.name,
                        convert::to_string(&v),
                        v.type_name()
                    ),
                    "CannotConvertArgument",
                    "InvalidArgument",
                    span,
                ));
            }
        },
        ParamType::Hashtable => match &v {
            Value::Hashtable(_) => v,
            _ => return Err(transform_err("System.Collections.Hashtable", "Invalid cast.".into())),
        },
        ParamType::Set(values) => {
            let conv = |x: &Value| -> Result<Value, BindError> {
                let s = convert::to_string(x);
                values.iter().find(|c| c.eq_ignore_ascii_case(&s)).map(|c| Value::str(*c)).ok_or_else(|| {
                    BindError::new(
                        format!(
                            "Cannot validate argument on parameter '{}'. The argument \"{}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                            p.name,
                            s,
                            values.join(",")
                        ),
                        "ParameterArgumentValidationError",
                        "InvalidData",
                        span,
                    )
                })
            };
            if p.array {
                let mut out = Vec::new();
                for x in items(&v) {
                    out.push(conv(&x)?);
                }
                Value::array(out)
            } else {
                conv(&v)?
            }
        }
        ParamType::Enum(ty) => {
            // Implicit remoting names the array type; a local cmdlet's binder, the element's.
            let target = if p.array && remote { format!("{}[]", ty.name) } else { ty.name.to_string() };
            let mut out = Vec::new();
            let mut combined = 0u64;
            for x in items(&v) {
                let parsed = match &x {
                    Value::Enum(e) if std::ptr::eq(e.ty, ty) => Ok(*e),
                    Value::Enum(e) => ty.parse(&e.name()),
                    other => ty.parse(&convert::to_string(other)),
                };
                match parsed {
                    Ok(e) => {
                        combined |= e.bits;
                        out.push(Value::Enum(e));
                    }
                    Err(err) => {
                        let inner = format!(
                            "Unable to match the identifier name {} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}",
                            err.identifier,
                            ty.names_list()
                        );
                        let shown = if p.array { convert::to_string(&x) } else { convert::to_string(&v) };
                        let msg = if remote {
                            format!(
                                "Cannot process argument transformation on parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                                p.name, shown, target, inner
                            )
                        } else {
                            format!(
                                "Cannot bind parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                                p.name, shown, target, inner
                            )
                        };
                        let (fqid, cat) = if remote {
                            ("ParameterArgumentTransformationError", "InvalidData")
                        } else {
                            ("CannotConvertArgumentNoMessage", "InvalidArgument")
                        };
                        return Err(BindError::new(msg, fqid, cat, span));
                    }
                }
            }
            if p.array { Value::array(out) } else { Value::Enum(crate::value::EnumValue { ty, bits: combined }) }
        }
    })
}

/// The `D` form (lower case, dashes) of a GUID written in one of .NET's forms: `D`, `N` (32
/// digits), `B` (`{…}`) or `P` (`(…)`); `None` when the text is none of them.
pub fn guid_d_form(text: &str) -> Option<String> {
    let t = text.trim();
    let inner = match (t.chars().next(), t.chars().last()) {
        (Some('{'), Some('}')) | (Some('('), Some(')')) if t.len() > 2 => &t[1..t.len() - 1],
        _ => t,
    };
    let digits: String = if inner.len() == 36 {
        let parts: Vec<&str> = inner.split('-').collect();
        let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        if lens != [8, 4, 4, 4, 12] {
            return None;
        }
        parts.concat()
    } else if inner.len() == 32 && inner == t {
        inner.to_string()
    } else {
        return None;
    };
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let d = digits.to_ascii_lowercase();
    Some(format!("{}-{}-{}-{}-{}", &d[..8], &d[8..12], &d[12..16], &d[16..20], &d[20..]))
}
