//! Casts to and constructors of `[char]`, `[timespan]`, `[version]` and `[guid]` (the value types
//! `value::dotnet` models), with .NET's error texts.

use super::convert_to::ConvError;
use super::eval::EvalResult;
use super::types::{Kind, Ty, UserTypes};
use super::{Engine, Flow};
use crate::syntax::Span;
use crate::value::{Value, convert, dotnet};

fn error(v: &Value, ty: &Ty, inner: &str, fqid: &'static str) -> ConvError {
    ConvError {
        message: format!(
            "Cannot convert value \"{}\" to type \"{}\". Error: \"{inner}\"",
            convert::to_string(v),
            ty.full_name()
        ),
        fqid,
    }
}

fn cast_error(v: &Value, ty: &Ty) -> ConvError {
    ConvError {
        message: format!(
            "Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".",
            convert::to_string(v),
            v.type_name(),
            ty.full_name()
        ),
        fqid: "ConvertToFinalInvalidCastException",
    }
}

/// Converts to one of the four types.
pub(crate) fn convert_more(_user: &UserTypes, v: &Value, ty: &Ty, kind: Kind) -> Result<Value, ConvError> {
    if v.is_null() {
        return Err(ConvError {
            message: format!("Cannot convert null to type \"{}\".", ty.full_name()),
            fqid: "nullToObjectInvalidCast",
        });
    }
    match kind {
        Kind::Char => match v {
            Value::Str(_) | Value::Char(_) => convert::to_char(v).map(Value::Char).ok_or_else(|| {
                error(v, ty, "String must be exactly one character long.", "InvalidCastParseTargetInvocation")
            }),
            Value::Int(i) | Value::Long(i) => {
                u16::try_from(*i).ok().and_then(|n| char::from_u32(n as u32)).map(Value::Char).ok_or_else(|| {
                    error(v, ty, "Value was either too large or too small for a character.", "InvalidCastIConvertible")
                })
            }
            Value::Double(d) => u16::try_from(d.round_ties_even() as i64)
                .ok()
                .and_then(|n| char::from_u32(n as u32))
                .map(Value::Char)
                .ok_or_else(|| {
                    error(v, ty, "Value was either too large or too small for a character.", "InvalidCastIConvertible")
                }),
            _ => Err(cast_error(v, ty)),
        },
        Kind::TimeSpan => match v {
            Value::TimeSpan(_) | Value::Int(_) | Value::Long(_) | Value::Str(_) => {
                convert::to_timespan(v).map(Value::TimeSpan).ok_or_else(|| {
                    error(
                        v,
                        ty,
                        "String was not recognized as a valid TimeSpan.",
                        "InvalidCastParseTargetInvocationWithFormatProvider",
                    )
                })
            }
            _ => Err(cast_error(v, ty)),
        },
        Kind::Version => match v {
            Value::Version(_) | Value::Str(_) | Value::Double(_) => {
                convert::to_version(v).map(Value::Version).ok_or_else(|| {
                    let parts = convert::to_string(v).split('.').count();
                    let inner = if (2..=4).contains(&parts) {
                        "Input string was not in a correct format."
                    } else {
                        "Version string portion was too short or too long."
                    };
                    error(v, ty, inner, "InvalidCastParseTargetInvocation")
                })
            }
            _ => Err(cast_error(v, ty)),
        },
        Kind::Guid => match v {
            Value::Guid(_) | Value::Str(_) => convert::to_guid(v).map(Value::Guid).ok_or_else(|| {
                error(
                    v,
                    ty,
                    "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
                    "InvalidCastParseTargetInvocation",
                )
            }),
            _ => Err(cast_error(v, ty)),
        },
        _ => Err(cast_error(v, ty)),
    }
}

impl Engine {
    /// A `[guid]` from its text.
    pub(crate) fn guid_value(&self, text: &str) -> Value {
        dotnet::parse_guid(text).map(Value::Guid).unwrap_or_else(|| Value::str(text))
    }

    /// A `[char]`.
    pub(crate) fn char_value(&self, c: char) -> Value {
        Value::Char(c)
    }

    /// `[timespan]::new(…)`, `[version]::new(…)`, `[guid]::new(s)`, `[char]::new()`.
    pub(crate) fn construct_more(&mut self, ty: &Ty, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        let ints: Vec<i64> = args.iter().map(|a| convert::to_int(a).unwrap_or(0)).collect();
        let kind = ty.kind();
        Ok(match (kind, ints.len()) {
            (Some(Kind::TimeSpan), 0) => Value::TimeSpan(0),
            (Some(Kind::TimeSpan), 1) => Value::TimeSpan(ints[0]),
            (Some(Kind::TimeSpan), 3..=5) => {
                let (d, rest) = if ints.len() == 3 { (0, &ints[..]) } else { (ints[0], &ints[1..]) };
                let ms = rest.get(3).copied().unwrap_or(0);
                let total_ms = (((d * 24 + rest[0]) * 60 + rest[1]) * 60 + rest[2]) * 1000 + ms;
                Value::TimeSpan(total_ms.saturating_mul(10_000))
            }
            (Some(Kind::Version), 0) => Value::Version(dotnet::Version::new(0, 0, -1, -1)),
            (Some(Kind::Version), 1) => {
                let user = self.types.borrow();
                let r = convert_more(&user, &args[0], ty, Kind::Version);
                drop(user);
                r.map_err(|e| self.conv_flow(e, span))?
            }
            (Some(Kind::Version), 2..=4) => {
                if ints.iter().any(|n| *n < 0 || *n > i32::MAX as i64) {
                    return Err(super::statics::invocation_error(
                        self,
                        ".ctor",
                        args.len(),
                        "Version's parameters must be greater than or equal to zero.\r\nParameter name: major",
                        "ArgumentOutOfRangeException",
                        span,
                    ));
                }
                let g = |i: usize| ints.get(i).map(|n| *n as i32).unwrap_or(-1);
                Value::Version(dotnet::Version::new(g(0), g(1), g(2), g(3)))
            }
            (Some(Kind::Guid), 0) => Value::Guid(0),
            (Some(Kind::Guid), 1) => match dotnet::parse_guid(&convert::to_string(&args[0])) {
                Some(g) => Value::Guid(g),
                None => {
                    return Err(super::statics::invocation_error(
                        self,
                        ".ctor",
                        1,
                        "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
                        "FormatException",
                        span,
                    ));
                }
            },
            (Some(Kind::Char), 0) => Value::Char('\0'),
            _ => {
                return Err(Flow::Error(Box::new(super::errors::runtime(
                    format!("Cannot find an overload for \"new\" and the argument count: \"{}\".", args.len()),
                    "MethodCountCouldNotFindBest",
                    "NotSpecified",
                    ":",
                    Some(self.position(span)),
                ))));
            }
        })
    }
}
