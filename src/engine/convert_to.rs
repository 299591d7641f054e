//! `[T]$x` casts, `-as`, typed variables and typed parameters: PowerShell's conversion to a
//! resolved [`Ty`] (LanguagePrimitives.ConvertTo), with its error texts.
//!
//! Facts are in docs/reference/types.md.

use super::types::{Generic, Kind, Ty, UserTypes};
use crate::value::{ArrayKind, Hashtable, KeyHash, PsObject, Value, convert};

/// Why a conversion failed: PowerShell's message and error id.
#[derive(Debug, Clone)]
pub(crate) struct ConvError {
    pub message: String,
    pub fqid: &'static str,
}

fn shown(v: &Value) -> String {
    convert::to_string(v)
}

/// `Cannot convert value "v" to type "T". Error: "inner"`.
fn value_error(v: &Value, ty: &Ty, inner: &str, fqid: &'static str) -> ConvError {
    ConvError {
        message: format!("Cannot convert value \"{}\" to type \"{}\". Error: \"{inner}\"", shown(v), ty.full_name()),
        fqid,
    }
}

/// `Cannot convert the "v" value of type "VT" to type "T".`
fn cast_error(v: &Value, ty: &Ty) -> ConvError {
    ConvError {
        message: format!(
            "Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".",
            shown(v),
            v.type_name(),
            ty.full_name()
        ),
        fqid: "ConvertToFinalInvalidCastException",
    }
}

const BAD_FORMAT: &str = "Input string was not in a correct format.";

/// Converts `v` to `ty` as a cast does.
pub(crate) fn convert(user: &UserTypes, v: &Value, ty: &Ty) -> Result<Value, ConvError> {
    match ty {
        Ty::Builtin(b) => convert_builtin(user, v, ty, b.kind),
        Ty::Array(elem) => {
            let mut out = Vec::new();
            for x in v.enumerate() {
                out.push(convert(user, &x, elem)?);
            }
            Ok(Value::array(out))
        }
        Ty::Generic(g, args) => convert_generic(user, v, ty, *g, args),
        Ty::Enum(e) => {
            let (bits, id) = match v {
                Value::Enum(x) if std::ptr::eq(x.ty, *e) => return Ok(v.clone()),
                Value::Int(i) | Value::Long(i) => (*i as u64, "UndefinedIntegerToEnum"),
                Value::Double(d) => (d.round_ties_even() as i64 as u64, "UndefinedIntegerToEnum"),
                Value::Null => {
                    return Err(ConvError {
                        message: format!(
                            "Cannot convert null to type \"{}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
                            e.name,
                            enum_values(e)
                        ),
                        fqid: "nullToEnumInvalidCast",
                    });
                }
                other => {
                    let text = match other {
                        Value::Enum(x) => x.name(),
                        Value::Array(_) => other.enumerate().iter().map(shown).collect::<Vec<_>>().join(","),
                        _ => shown(other),
                    };
                    // Enum.Parse combines comma-separated names even for enums without [Flags].
                    let parsed = crate::value::EnumType { name: e.name, flags: true, members: e.members };
                    let mut bits = 0u64;
                    for part in text.split(',') {
                        match parsed.lookup(part) {
                            Some(b) => bits |= b,
                            None => {
                                return Err(value_error(
                                    other,
                                    ty,
                                    &format!(
                                        "Unable to match the identifier name {} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}",
                                        part.trim(),
                                        e.names_list()
                                    ),
                                    "SubstringDisambiguationEnumParseThrewAnException",
                                ));
                            }
                        }
                    }
                    (bits, "EnumParseUndefined")
                }
            };
            if !enum_defined(e, bits) {
                return Err(ConvError {
                    message: format!(
                        "Cannot convert value \"{}\" to type \"{}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
                        shown(v),
                        e.name,
                        enum_values(e)
                    ),
                    fqid: id,
                });
            }
            Ok(Value::Enum(crate::value::EnumValue { ty: e, bits }))
        }
        Ty::Class(name) => match v {
            Value::Object(_) if super::types::is_instance(user, v, ty) => Ok(v.clone()),
            Value::Null => Ok(Value::Null),
            _ => Err(ConvError {
                message: format!(
                    "Cannot convert the \"{}\" value of type \"{}\" to type \"{name}\".",
                    shown(v),
                    v.type_name()
                ),
                fqid: "ConvertToFinalInvalidCastException",
            }),
        },
    }
}

/// PowerShell's `IsDefinedEnum`: a flags enum accepts any combination of its members' bits, any
/// other enum only a member's value (negative values are not defined).
fn enum_defined(e: &crate::value::EnumType, bits: u64) -> bool {
    if (bits as i64) < 0 && e.members.iter().all(|(_, v)| (*v as i64) >= 0) {
        return false;
    }
    if e.flags {
        let all = e.members.iter().fold(0u64, |a, (_, v)| a | v);
        (bits | all) ^ all == 0
    } else {
        e.members.iter().any(|(_, v)| *v == bits)
    }
}

/// The member names joined with the en-US list separator (`EnumSingleTypeConverter.EnumValues`).
fn enum_values(e: &crate::value::EnumType) -> String {
    e.members.iter().map(|(m, _)| *m).collect::<Vec<_>>().join(",")
}

fn convert_generic(user: &UserTypes, v: &Value, ty: &Ty, g: Generic, args: &[Ty]) -> Result<Value, ConvError> {
    match g {
        Generic::List | Generic::HashSet => {
            let mut items = Vec::new();
            for x in v.enumerate() {
                let c = convert(user, &x, &args[0])?;
                if g == Generic::HashSet && items.iter().any(|i| convert::equals(i, &c, true)) {
                    continue;
                }
                items.push(c);
            }
            let kind = if g == Generic::List { ArrayKind::GenericList } else { ArrayKind::HashSet };
            Ok(Value::typed_collection(items, kind, Some(&args[0].full_name())))
        }
        Generic::Dictionary => match v {
            Value::Hashtable(h) => {
                let mut n = Hashtable::new();
                n.ordered = true;
                for (k, val) in h.borrow().iter() {
                    n.insert(convert(user, k, &args[0])?, convert(user, val, &args[1])?);
                }
                Ok(Value::hashtable(n))
            }
            _ => Err(cast_error(v, ty)),
        },
    }
}

/// Parses an integer string as PowerShell's conversions do (`" 12 "`, `"0x1F"`, `"1e3"`, `"2.5"` rounds).
fn parse_integer(s: &str) -> Option<f64> {
    match convert::parse_number(s)? {
        Value::Int(i) | Value::Long(i) => Some(i as f64),
        Value::Double(d) => Some(d),
        _ => None,
    }
}

fn convert_builtin(user: &UserTypes, v: &Value, ty: &Ty, kind: Kind) -> Result<Value, ConvError> {
    // A one-element array converts as its element, for scalar targets.
    if let Value::Array(_) = v
        && !matches!(
            kind,
            Kind::Array
                | Kind::Object
                | Kind::PsObject
                | Kind::String
                | Kind::Bool
                | Kind::ArrayList
                | Kind::PsCustomObject
                | Kind::Switch
                | Kind::Void
                | Kind::Ref
        )
    {
        // Unwrapped in a loop: an array that holds itself is the cast error, not a stack overflow.
        let mut inner = v.clone();
        for _ in 0..crate::value::convert::UNWRAP_LIMIT {
            let next = match &inner {
                Value::Array(a) if a.borrow().len() == 1 => a.borrow()[0].clone(),
                Value::Array(_) => return Err(cast_error(v, ty)),
                _ => return convert_builtin(user, &inner, ty, kind),
            };
            inner = next;
        }
        return Err(cast_error(v, ty));
    }
    if let (Kind::Integer(..), Ty::Builtin(b)) = (kind, ty)
        && b.full == "System.Int64"
    {
        return convert_integer(user, v, ty, kind).map(|n| Value::Long(n.as_int().unwrap_or(0)));
    }
    convert_integer(user, v, ty, kind)
}

fn convert_integer(user: &UserTypes, v: &Value, ty: &Ty, kind: Kind) -> Result<Value, ConvError> {
    Ok(match kind {
        Kind::String => match v {
            Value::Null => Value::str(""),
            other => Value::str(convert::to_string(other)),
        },
        Kind::Integer(min, max, what) => {
            let n: f64 = match v {
                Value::Null => 0.0,
                Value::Bool(b) | Value::Switch(b) => *b as i64 as f64,
                Value::Int(i) | Value::Long(i) => {
                    let i = *i as i128;
                    if i < min || i > max {
                        return Err(value_error(
                            v,
                            ty,
                            &format!("Value was either too large or too small for {what}."),
                            "InvalidCastIConvertible",
                        ));
                    }
                    return Ok(Value::Int(i as i64));
                }
                Value::Double(d) => *d,
                Value::Enum(e) => e.bits as i64 as f64,
                Value::Char(c) => *c as u32 as f64,
                Value::Str(s) => match parse_integer(s) {
                    Some(n) => {
                        let r = n.round_ties_even();
                        if !r.is_finite() || r < min as f64 || r > max as f64 {
                            // ConvertStringToInteger reports every failure under one id.
                            return Err(value_error(
                                v,
                                ty,
                                &format!("Value was either too large or too small for {what}."),
                                "InvalidCastFromStringToInteger",
                            ));
                        }
                        n
                    }
                    None => return Err(value_error(v, ty, BAD_FORMAT, "InvalidCastFromStringToInteger")),
                },
                _ => return Err(cast_error(v, ty)),
            };
            let r = n.round_ties_even();
            if !r.is_finite() || r < min as f64 || r > max as f64 {
                return Err(value_error(
                    v,
                    ty,
                    &format!("Value was either too large or too small for {what}."),
                    "InvalidCastIConvertible",
                ));
            }
            Value::Int(r as i64)
        }
        Kind::Double | Kind::Decimal => match v {
            Value::Null => Value::Double(0.0),
            Value::Str(s) => match convert::parse_number(s) {
                Some(Value::Int(i) | Value::Long(i)) => Value::Double(i as f64),
                Some(Value::Double(d)) => Value::Double(d),
                _ => {
                    let fqid = if kind == Kind::Decimal {
                        "InvalidCastFromStringToDecimal"
                    } else {
                        "InvalidCastFromStringToDoubleOrSingle"
                    };
                    return Err(value_error(v, ty, BAD_FORMAT, fqid));
                }
            },
            Value::Int(i) | Value::Long(i) => Value::Double(*i as f64),
            Value::Double(d) => Value::Double(*d),
            Value::Bool(b) | Value::Switch(b) => Value::Double(*b as i64 as f64),
            Value::Enum(e) => Value::Double(e.bits as i64 as f64),
            Value::Char(c) => Value::Double(*c as u32 as f64),
            _ => return Err(cast_error(v, ty)),
        },
        Kind::Bool => Value::Bool(convert::to_bool(v)),
        Kind::Switch => Value::Switch(convert::to_bool(v)),
        Kind::DateTime => match v {
            Value::DateTime(..) => v.clone(),
            Value::Null => {
                return Err(ConvError {
                    message: "Cannot convert null to type \"System.DateTime\".".into(),
                    fqid: "nullToObjectInvalidCast",
                });
            }
            Value::Str(s) => convert::parse_datetime(s).ok_or_else(|| {
                value_error(
                    v,
                    ty,
                    "String was not recognized as a valid DateTime.",
                    "InvalidCastParseTargetInvocationWithFormatProvider",
                )
            })?,
            // A number is ticks (100 ns since 0001-01-01).
            Value::Int(t) | Value::Long(t) => ticks_to_datetime(*t),
            _ => return Err(cast_error(v, ty)),
        },
        Kind::Array => match v {
            Value::Array(_) => v.clone(),
            Value::Null => Value::Null,
            other => Value::array(vec![other.clone()]),
        },
        Kind::ArrayList => Value::array_list(v.enumerate()),
        Kind::Hashtable => match v {
            Value::Hashtable(h) => {
                if h.borrow().ordered {
                    // LanguagePrimitives.ConvertIDictionaryToHashtable: new Hashtable(IDictionary).
                    Value::hashtable(h.borrow().to_dotnet(KeyHash::Default))
                } else {
                    v.clone()
                }
            }
            _ => return Err(cast_error(v, ty)),
        },
        Kind::Ordered => match v {
            Value::Hashtable(h) if h.borrow().ordered => v.clone(),
            _ => return Err(cast_error(v, ty)),
        },
        Kind::PsCustomObject => match v {
            Value::Hashtable(h) => {
                let mut o = PsObject::custom();
                for (k, val) in h.borrow().iter() {
                    o.set(&convert::to_string(k), val.clone());
                }
                Value::object(o)
            }
            other => other.clone(),
        },
        Kind::PsObject | Kind::Object => v.clone(),
        Kind::Void => Value::Null,
        Kind::ScriptBlock => match v {
            Value::ScriptBlock(_) => v.clone(),
            _ => return Err(cast_error(v, ty)),
        },
        Kind::Regex => match v {
            Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == REGEX) => v.clone(),
            other => {
                let pat = shown(other);
                match super::regex_methods::new_regex(&pat, Default::default()) {
                    Ok(re) => re,
                    Err(e) => return Err(value_error(v, ty, &e.message(), "InvalidCastParseTargetInvocation")),
                }
            }
        },
        Kind::Uri => match v {
            Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == "System.Uri") => v.clone(),
            other => uri_object(&shown(other)).ok_or_else(|| {
                value_error(
                    v,
                    ty,
                    "Invalid URI: The format of the URI could not be determined.",
                    "InvalidCastFromStringToUri",
                )
            })?,
        },
        Kind::ChoiceDescription => match v {
            Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == CHOICE_DESCRIPTION) => v.clone(),
            // PowerShell converts through the ChoiceDescription(string label) constructor.
            other => choice_description(&shown(other), ""),
        },
        Kind::Principal => super::principal::principal_of(v).ok_or_else(|| cast_error(v, ty))?,
        Kind::Stopwatch if super::stopwatch::is_stopwatch(v) => v.clone(),
        Kind::Stopwatch => return Err(cast_error(v, ty)),
        Kind::MailAddress => match v {
            Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == MAIL) => v.clone(),
            other => mail_address(&shown(other), None)
                .ok_or_else(|| value_error(v, ty, MAIL_INVALID, "InvalidCastConstructorException"))?,
        },
        Kind::Type => match v {
            Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == "System.RuntimeType") => {
                v.clone()
            }
            Value::Str(s) => match super::types::resolve(user, s) {
                Some(t) => super::types::runtime_type(user, &t),
                None => {
                    return Err(value_error(
                        v,
                        ty,
                        &format!("Unable to find type [{s}]."),
                        "InvalidCastFromStringToType",
                    ));
                }
            },
            _ => return Err(cast_error(v, ty)),
        },
        Kind::Char | Kind::TimeSpan | Kind::Version | Kind::Guid => {
            super::convert_more::convert_more(user, v, ty, kind)?
        }
        Kind::Ref => super::refs::reference(v),
        Kind::Static => return Err(cast_error(v, ty)),
    })
}

/// `[datetime]` of a tick count.
pub(crate) fn ticks_to_datetime(ticks: i64) -> Value {
    // 0001-01-01 is 62135596800 seconds before 1970-01-01.
    let secs = ticks.div_euclid(10_000_000) - 62_135_596_800;
    let ns = (ticks.rem_euclid(10_000_000) * 100) as u32;
    Value::DateTime(secs, ns)
}

pub(crate) const REGEX: &str = super::regex_methods::REGEX_TYPE;
pub(crate) const MAIL: &str = "System.Net.Mail.MailAddress";
/// .NET's FormatException text for a bad address.
pub(crate) const MAIL_INVALID: &str = "The specified string is not in the form required for an e-mail address.";

/// A `[System.Net.Mail.MailAddress]`, or `None` when the text is not an address.
pub(crate) fn mail_address(text: &str, display: Option<&str>) -> Option<Value> {
    let t = text.trim();
    let (name, addr) = match (t.rfind('<'), t.ends_with('>')) {
        (Some(lt), true) => (t[..lt].trim().trim_matches('"').trim().to_string(), t[lt + 1..t.len() - 1].trim()),
        _ => (String::new(), t),
    };
    let (user, host) = addr.rsplit_once('@')?;
    let bad = |s: &str| s.is_empty() || s.chars().any(|c| c.is_whitespace() || "<>()[],;:\\\"@".contains(c));
    if bad(host) || host.starts_with('.') || host.ends_with('.') || host.contains("..") {
        return None;
    }
    let quoted_user = user.len() >= 2 && user.starts_with('"') && user.ends_with('"');
    if !quoted_user && (bad(user) || user.starts_with('.') || user.ends_with('.') || user.contains("..")) {
        return None;
    }
    let name = display.map(str::to_string).unwrap_or(name);
    let address = format!("{user}@{host}");
    let mut o = PsObject::new(&[MAIL, "System.Object"]);
    o.set("DisplayName", Value::str(&name));
    o.set("User", Value::str(user));
    o.set("Host", Value::str(host));
    o.set("Address", Value::str(&address));
    o.display = Some(if name.is_empty() { address.into() } else { format!("\"{name}\" <{address}>").into() });
    Some(Value::object(o))
}

fn default_port(scheme: &str) -> i64 {
    match scheme {
        "http" | "ws" => 80,
        "https" | "wss" => 443,
        "ftp" => 21,
        "ldap" => 389,
        "mailto" => 25,
        "net.tcp" => 808,
        "gopher" => 70,
        "nntp" | "news" => 119,
        "telnet" => 23,
        _ => -1,
    }
}

/// A `[uri]`: absolute (`https://host/path?q#f`) or, as PowerShell's conversion allows, relative.
/// `None` when the text is neither.
pub(crate) fn uri_object(text: &str) -> Option<Value> {
    let t = text.trim();
    let mut o = PsObject::new(&["System.Uri", "System.Object"]);
    let absolute = t.split_once("://").filter(|(s, _)| {
        !s.is_empty()
            && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    let Some((scheme, rest)) = absolute else {
        if t.is_empty() || t.contains(['<', '>']) {
            return None;
        }
        o.set("OriginalString", Value::str(t));
        o.set("IsAbsoluteUri", Value::Bool(false));
        o.set("UserEscaped", Value::Bool(false));
        o.display = Some(t.into());
        return Some(Value::object(o));
    };
    let scheme = scheme.to_ascii_lowercase();
    let (authority, tail) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) => (u, h),
        None => ("", authority),
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) if !h.contains(']') || h.ends_with(']') => (h, Some(p)),
        _ => (hostport, None),
    };
    if host.is_empty() && scheme != "file" {
        return None;
    }
    let port: i64 = match port {
        Some(p) => p.parse().ok().filter(|p: &i64| (0..=65535).contains(p))?,
        None => default_port(&scheme),
    };
    let host = host.to_ascii_lowercase();
    let (before_frag, fragment) = match tail.split_once('#') {
        Some((a, f)) => (a, format!("#{f}")),
        None => (tail, String::new()),
    };
    let (path, query) = match before_frag.split_once('?') {
        Some((p, q)) => (p, format!("?{q}")),
        None => (before_frag, String::new()),
    };
    let path = if path.is_empty() { "/".to_string() } else { path.replace(' ', "%20") };
    let is_default = port == default_port(&scheme);
    let authority_out = if is_default || port < 0 { host.clone() } else { format!("{host}:{port}") };
    let absolute_uri = format!("{scheme}://{authority_out}{path}{query}{fragment}");
    let mut segments = Vec::new();
    let mut start = 0;
    for (i, c) in path.char_indices() {
        if c == '/' {
            segments.push(Value::str(&path[start..=i]));
            start = i + 1;
        }
    }
    if start < path.len() {
        segments.push(Value::str(&path[start..]));
    }
    let host_type = if is_ipv4(&host) {
        "IPv4"
    } else if host.starts_with('[') {
        "IPv6"
    } else if host.is_empty() {
        "Basic"
    } else {
        "Dns"
    };
    o.set("AbsolutePath", Value::str(&path));
    o.set("AbsoluteUri", Value::str(&absolute_uri));
    o.set("LocalPath", Value::str(&path));
    o.set("Authority", Value::str(&authority_out));
    o.set("HostNameType", Value::str(host_type));
    o.set("IsDefaultPort", Value::Bool(is_default));
    o.set("IsFile", Value::Bool(scheme == "file"));
    o.set("IsLoopback", Value::Bool(host == "localhost" || host == "127.0.0.1"));
    o.set("PathAndQuery", Value::str(format!("{path}{query}")));
    o.set("Segments", Value::array(segments));
    o.set("IsUnc", Value::Bool(false));
    o.set("Host", Value::str(&host));
    o.set("Port", Value::Int(port));
    o.set("Query", Value::str(&query));
    o.set("Fragment", Value::str(&fragment));
    o.set("Scheme", Value::str(&scheme));
    o.set("OriginalString", Value::str(t));
    o.set("DnsSafeHost", Value::str(&host));
    o.set("IdnHost", Value::str(&host));
    o.set("IsAbsoluteUri", Value::Bool(true));
    o.set("UserEscaped", Value::Bool(false));
    o.set("UserInfo", Value::str(userinfo));
    o.display = Some(absolute_uri.into());
    Some(Value::object(o))
}

/// A failed conversion for a typed variable (`[int]$x = 'a'`, or `$x = 'a'` later): PowerShell
/// reports it as MetadataError / ArgumentTransformationMetadataException with the id RuntimeException.
pub(crate) fn metadata_error(f: super::Flow) -> super::Flow {
    match f {
        super::Flow::Error(mut e) if e.record.fqid != "TypeNotFound" => {
            e.record.category = "MetadataError".into();
            e.record.exception_type = "System.Management.Automation.ArgumentTransformationMetadataException".into();
            e.record.fqid = "RuntimeException".into();
            super::Flow::Error(e)
        }
        other => other,
    }
}

/// Four dot-separated decimal octets (`Uri.HostNameType` IPv4), read without `std::net`, which the
/// engine does not use (tests/layering.rs).
fn is_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// The type name of PromptForChoice's choices.
pub(crate) const CHOICE_DESCRIPTION: &str = "System.Management.Automation.Host.ChoiceDescription";

/// A `ChoiceDescription` with its label (`&` before the hotkey) and help message.
pub(crate) fn choice_description(label: &str, help: &str) -> Value {
    let mut o = PsObject::new(&[CHOICE_DESCRIPTION, "System.Object"]);
    o.set("Label", Value::str(label));
    o.set("HelpMessage", Value::str(help));
    o.display = Some(CHOICE_DESCRIPTION.into());
    Value::object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(v: Value, t: &str) -> Result<Value, ConvError> {
        let u = UserTypes::default();
        convert(&u, &v, &super::super::types::resolve(&u, t).expect("present"))
    }

    #[test]
    fn integers_round_and_range_check() {
        assert_eq!(convert::to_string(&conv(Value::str("2.5"), "int").expect("present")), "2");
        assert_eq!(convert::to_string(&conv(Value::str(" 0x1F "), "int").expect("present")), "31");
        let e = conv(Value::Int(300), "byte").expect_err("conversion fails");
        assert_eq!(
            e.message,
            "Cannot convert value \"300\" to type \"System.Byte\". Error: \"Value was either too large or too small for an unsigned byte.\""
        );
        let e = conv(Value::str("abc"), "int").expect_err("conversion fails");
        assert_eq!(e.fqid, "InvalidCastFromStringToInteger");
        assert!(conv(Value::Double(3e10), "int").is_err());
        assert!(conv(Value::Double(3e10), "long").is_ok());
    }

    #[test]
    fn mail_addresses() {
        let m = mail_address("Karen Berg <karen@contoso.com>", None).expect("present");
        assert_eq!(convert::to_string(&m.property("User").expect("present")), "karen");
        assert_eq!(convert::to_string(&m), "\"Karen Berg\" <karen@contoso.com>");
        assert!(mail_address("not-an-address", None).is_none());
        assert!(mail_address("a@", None).is_none());
    }

    #[test]
    fn uris() {
        let u = uri_object("HTTPS://Mail.Contoso.com:443/owa?x=1#top").expect("present");
        assert_eq!(
            convert::to_string(&u.property("AbsoluteUri").expect("present")),
            "https://mail.contoso.com/owa?x=1#top"
        );
        assert_eq!(convert::to_string(&u.property("Port").expect("present")), "443");
        let r = uri_object("relative/path").expect("present");
        assert_eq!(convert::to_string(&r.property("IsAbsoluteUri").expect("present")), "False");
    }
}
