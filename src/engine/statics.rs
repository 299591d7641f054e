//! Static members of the built-in types scripts call: `[Math]`, `[Environment]`, `[IO.Path]`,
//! `[string]`, `[char]`, the integer types' `MaxValue`/`Parse`, `[enum]`, `[Text.Encoding]`,
//! `[datetime]`, enum members (`[ConsoleColor]::Red`) and constructors (`::new`).
//! Environment reads go through the Host. Facts are in docs/reference/types.md.

use super::convert_to::{ConvError, MAIL_INVALID};
use super::errors;
use super::eval::EvalResult;
use super::types::{Kind, Ty};
use super::{Engine, Flow};
use crate::syntax::Span;
use crate::value::{EnumValue, PsObject, Value, convert};

fn num(v: &Value) -> f64 {
    match convert::to_number(v) {
        Some(Value::Int(i) | Value::Long(i)) => i as f64,
        Some(Value::Double(d)) => d,
        _ => 0.0,
    }
}

fn arg_str(args: &[Value], i: usize) -> String {
    args.get(i).map(convert::to_string).unwrap_or_default()
}

/// `Exception calling "M" with "N" argument(s): "inner"` (MethodInvocationException).
/// .NET's OutOfMemoryException message, as a method that cannot allocate its result throws it.
pub(crate) const OUT_OF_MEMORY: &str = "Exception of type 'System.OutOfMemoryException' was thrown.";

pub(crate) fn invocation_error(engine: &Engine, method: &str, n: usize, inner: &str, fqid: &str, span: Span) -> Flow {
    errors::runtime(
        format!("Exception calling \"{method}\" with \"{n}\" argument(s): \"{inner}\""),
        fqid,
        "NotSpecified",
        ":",
        Some(engine.position(span)),
    )
    .with_exception("System.Management.Automation.MethodInvocationException")
    .flow()
}

pub(crate) fn no_overload(engine: &Engine, name: &str, n: usize, span: Span) -> Flow {
    errors::runtime(
        format!("Cannot find an overload for \"{name}\" and the argument count: \"{n}\"."),
        "MethodCountCouldNotFindBest",
        "NotSpecified",
        ":",
        Some(engine.position(span)),
    )
    .with_exception("System.Management.Automation.MethodException")
    .flow()
}

/// The Windows the engine presents itself as (Exchange 2019's Windows Server 2019).
const OS_VERSION: &str = "10.0.17763.0";

fn os_version() -> Value {
    let mut o = PsObject::new(&["System.OperatingSystem", "System.Object"]);
    o.set("Platform", Value::str("Win32NT"));
    o.set("ServicePack", Value::str(""));
    o.set("Version", Value::str(OS_VERSION));
    o.set("VersionString", Value::str(format!("Microsoft Windows NT {OS_VERSION}")));
    o.display = Some(format!("Microsoft Windows NT {OS_VERSION}").into());
    Value::object(o)
}

/// An encoding object (`[Text.Encoding]::UTF8`).
fn encoding(name: &str) -> Value {
    let (body, web, page) = match name {
        "utf8" => ("utf-8", "utf-8", 65001),
        "unicode" => ("utf-16", "utf-16", 1200),
        "bigendianunicode" => ("utf-16BE", "utf-16BE", 1201),
        "utf32" => ("utf-32", "utf-32", 12000),
        "ascii" => ("us-ascii", "us-ascii", 20127),
        "utf7" => ("utf-7", "utf-7", 65000),
        _ => ("Windows-1252", "Windows-1252", 1252),
    };
    let class = match name {
        "utf8" => "System.Text.UTF8Encoding",
        "unicode" | "bigendianunicode" => "System.Text.UnicodeEncoding",
        "utf32" => "System.Text.UTF32Encoding",
        "ascii" => "System.Text.ASCIIEncoding",
        "utf7" => "System.Text.UTF7Encoding",
        _ => "System.Text.SBCSCodePageEncoding",
    };
    let mut o = PsObject::new(&[class, "System.Text.Encoding", "System.Object"]);
    o.set("BodyName", Value::str(body));
    o.set(
        "EncodingName",
        Value::str(match name {
            "utf8" => "Unicode (UTF-8)",
            "unicode" => "Unicode",
            "bigendianunicode" => "Unicode (Big-Endian)",
            "utf32" => "Unicode (UTF-32)",
            "ascii" => "US-ASCII",
            "utf7" => "Unicode (UTF-7)",
            _ => "Western European (Windows)",
        }),
    );
    o.set("WebName", Value::str(web));
    o.set("CodePage", Value::Int(page));
    o.display = Some(class.into());
    Value::object(o)
}

/// The encoding an encoding object is (by its code page).
fn encoding_of(v: &Value) -> Option<i64> {
    match v {
        Value::Object(o) if o.borrow().type_names.iter().any(|t| &**t == "System.Text.Encoding") => {
            o.borrow().get("CodePage").and_then(|c| convert::to_int(&c))
        }
        _ => None,
    }
}

fn encode(page: i64, s: &str) -> Vec<Value> {
    let bytes: Vec<u8> = match page {
        1200 => s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect(),
        1201 => s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect(),
        12000 => s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect(),
        20127 => s.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' }).collect(),
        1252 => s.chars().map(|c| if (c as u32) < 256 { c as u8 } else { b'?' }).collect(),
        _ => s.as_bytes().to_vec(),
    };
    bytes.into_iter().map(|b| Value::Int(b as i64)).collect()
}

fn decode(page: i64, bytes: &[u8]) -> String {
    match page {
        1200 | 1201 => {
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| {
                    let pair = [c[0], *c.get(1).unwrap_or(&0)];
                    if page == 1200 { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
                })
                .collect();
            String::from_utf16_lossy(&units)
        }
        12000 => bytes
            .chunks(4)
            .map(|c| {
                let mut b = [0u8; 4];
                b[..c.len()].copy_from_slice(c);
                char::from_u32(u32::from_le_bytes(b)).unwrap_or('\u{FFFD}')
            })
            .collect(),
        20127 => bytes.iter().map(|&b| if b < 128 { b as char } else { '?' }).collect(),
        1252 => bytes.iter().map(|&b| b as char).collect(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Windows path helpers (`[IO.Path]`): both separators, drive-qualified roots.
mod path {
    pub fn is_sep(c: char) -> bool {
        c == '\\' || c == '/'
    }
    pub fn file_name(p: &str) -> &str {
        let p = p.rsplit(is_sep).next().unwrap_or(p);
        match p.find(':') {
            Some(1) => &p[2..],
            _ => p,
        }
    }
    pub fn extension(p: &str) -> &str {
        let f = file_name(p);
        match f.rfind('.') {
            Some(i) if i + 1 < f.len() => &f[i..],
            _ => "",
        }
    }
    pub fn without_extension(p: &str) -> &str {
        let f = file_name(p);
        match f.rfind('.') {
            Some(i) => &f[..i],
            None => f,
        }
    }
    /// `GetDirectoryName`: everything before the last separator; `None` for a root or `""`.
    pub fn directory(p: &str) -> Option<String> {
        if p.is_empty() {
            return None;
        }
        let root_len = if p.len() >= 2 && p.as_bytes()[1] == b':' {
            if p.len() >= 3 && is_sep(p.as_bytes()[2] as char) { 3 } else { 2 }
        } else if p.starts_with(is_sep) {
            1
        } else {
            0
        };
        let Some(i) = p.rfind(is_sep) else { return Some(String::new()) };
        if i < root_len || p.len() <= root_len {
            if p.len() <= root_len {
                return None;
            }
            return Some(p[..root_len].replace('/', "\\"));
        }
        let d = p[..i].trim_end_matches(is_sep);
        let d = if d.len() < root_len { &p[..root_len] } else { d };
        Some(d.replace('/', "\\"))
    }
    pub fn is_rooted(p: &str) -> bool {
        p.starts_with(is_sep) || (p.len() >= 2 && p.as_bytes()[1] == b':')
    }
    pub fn combine(parts: &[String]) -> String {
        let mut out = String::new();
        for p in parts {
            if p.is_empty() {
                continue;
            }
            if is_rooted(p) {
                out = p.clone();
            } else if out.is_empty() || out.ends_with(is_sep) || out.ends_with(':') {
                out.push_str(p);
            } else {
                out.push('\\');
                out.push_str(p);
            }
        }
        out
    }
}

impl Engine {
    /// `[Type]::Member` for a resolved type.
    /// `[Net.ServicePointManager]::SecurityProtocol`: what a script set, else the default of the
    /// profile's runtime (.NET Framework 4.x under Windows PowerShell 5.1: `Ssl3, Tls`; .NET under
    /// pwsh 7: `SystemDefault`).
    fn security_protocol(&self) -> Value {
        let bits =
            self.security_protocol.unwrap_or(if self.directory.org.version.is_on_premises() { 48 | 192 } else { 0 });
        Value::Enum(EnumValue { ty: &super::types::SECURITY_PROTOCOL_TYPE, bits })
    }

    /// `[Net.ServicePointManager]::SecurityProtocol = v`: `None` when the type is not one whose
    /// static property can be set here; a value that is no SecurityProtocolType fails to convert.
    pub(crate) fn set_builtin_static(&mut self, t: &str, name: &str, v: &Value, span: Span) -> Option<EvalResult<()>> {
        let full = self.resolve_type(t, span).ok()?.full_name();
        if full != "System.Net.ServicePointManager" {
            return None;
        }
        if !name.eq_ignore_ascii_case("SecurityProtocol") {
            let msg = format!(
                "The property '{name}' cannot be found on this object. Verify that the property exists and can be set."
            );
            let e =
                errors::runtime(msg, "PropertyAssignmentException", "InvalidOperation", ":", Some(self.position(span)));
            return Some(Err(Flow::Error(Box::new(e))));
        }
        let ty = Ty::Enum(&super::types::SECURITY_PROTOCOL_TYPE);
        Some(match self.convert_value(v, &ty, span) {
            Ok(Value::Enum(e)) => {
                self.security_protocol = Some(e.bits);
                Ok(())
            }
            Ok(_) => Ok(()),
            // ExtendedTypeSystem.resx ExceptionWhenSetting: the conversion's message inside.
            Err(Flow::Error(inner)) => {
                let msg = format!("Exception setting \"{name}\": \"{}\"", inner.record.message);
                let mut e =
                    errors::runtime(msg, "ExceptionWhenSetting", "NotSpecified", ":", Some(self.position(span)));
                e.record.exception_type = "System.Management.Automation.SetValueInvocationException".into();
                Err(Flow::Error(Box::new(e)))
            }
            Err(other) => Err(other),
        })
    }

    pub(crate) fn builtin_static_member(&mut self, ty: &Ty, t: &str, name: &str, span: Span) -> EvalResult<Value> {
        let n = name.to_ascii_lowercase();
        if let Ty::Enum(e) = ty {
            return match e.members.iter().find(|(m, _)| m.eq_ignore_ascii_case(name)) {
                Some((_, bits)) => Ok(Value::Enum(EnumValue { ty: e, bits: *bits })),
                None => Ok(Value::Null),
            };
        }
        let full = ty.full_name();
        let now = self.host.now();
        let env = |e: &Engine, k: &str| e.host.env(k).map(Value::str).unwrap_or(Value::Null);
        Ok(match (full.as_str(), n.as_str()) {
            ("System.DateTime", "now") => Value::DateTime(self.local_now(), 0),
            ("System.DateTime", "utcnow") => Value::DateTime(now, 0),
            ("System.DateTime", "today") => Value::DateTime(self.local_now().div_euclid(86400) * 86400, 0),
            ("System.DateTime", "minvalue") => super::convert_to::ticks_to_datetime(0),
            ("System.DateTime", "maxvalue") => super::convert_to::ticks_to_datetime(3_155_378_975_999_999_999),
            ("System.String", "empty") => Value::str(""),
            ("System.Net.ServicePointManager", "securityprotocol") => self.security_protocol(),
            ("System.Diagnostics.Stopwatch", "frequency") => Value::Long(super::stopwatch::FREQUENCY),
            ("System.Diagnostics.Stopwatch", "ishighresolution") => Value::Bool(true),
            ("System.Environment", "newline") => Value::str("\r\n"),
            ("System.Environment", "username") => env(self, "USERNAME"),
            ("System.Environment", "userdomainname") => env(self, "USERDOMAIN"),
            ("System.Environment", "machinename") => env(self, "COMPUTERNAME"),
            ("System.Environment", "osversion") => os_version(),
            ("System.Environment", "is64bitprocess") | ("System.Environment", "is64bitoperatingsystem") => {
                Value::Bool(true)
            }
            ("System.Environment", "processorcount") => self
                .host
                .env("NUMBER_OF_PROCESSORS")
                .and_then(|p| p.parse().ok())
                .map(Value::Int)
                .unwrap_or(Value::Int(4)),
            ("System.Environment", "systemdirectory") => Value::str("C:\\Windows\\system32"),
            ("System.Environment", "userinteractive") => Value::Bool(true),
            ("System.Environment", "currentdirectory") => {
                self.host.env("PWD").map(Value::str).unwrap_or_else(|| Value::str("C:\\Users\\Administrator"))
            }
            ("System.Math", "pi") => Value::Double(std::f64::consts::PI),
            ("System.Math", "e") => Value::Double(std::f64::consts::E),
            ("System.IO.Path", "directoryseparatorchar") => Value::str("\\"),
            ("System.IO.Path", "altdirectoryseparatorchar") => Value::str("/"),
            ("System.IO.Path", "pathseparator") => Value::str(";"),
            (
                "System.Text.Encoding",
                enc @ ("utf8" | "unicode" | "ascii" | "utf32" | "bigendianunicode" | "utf7" | "default"),
            ) => encoding(enc),
            ("System.Management.Automation.Language.NullString", "value") => Value::Null,
            ("System.Guid", "empty") => self.guid_value("00000000-0000-0000-0000-000000000000"),
            (_, "maxvalue" | "minvalue") => match ty.kind() {
                Some(Kind::Integer(min, max, _)) => {
                    let v = if n == "maxvalue" { max } else { min } as i64;
                    if full == "System.Int64" { Value::Long(v) } else { Value::Int(v) }
                }
                Some(Kind::Double) if full == "System.Single" => {
                    Value::Double(if n == "maxvalue" { f32::MAX as f64 } else { f32::MIN as f64 })
                }
                Some(Kind::Double) => Value::Double(if n == "maxvalue" { f64::MAX } else { f64::MIN }),
                Some(Kind::Decimal) => Value::Double(if n == "maxvalue" {
                    79228162514264337593543950335.0
                } else {
                    -79228162514264337593543950335.0
                }),
                _ => Value::Null,
            },
            _ => {
                let _ = (t, span);
                // PowerShell returns $null for a static member a type does not have.
                Value::Null
            }
        })
    }

    /// `[Type]::Method(args)` for a resolved built-in type.
    pub(crate) fn builtin_static_method(
        &mut self,
        ty: &Ty,
        t: &str,
        name: &str,
        args: Vec<Value>,
        span: Span,
    ) -> EvalResult<Value> {
        let n = name.to_ascii_lowercase();
        let full = ty.full_name();
        let f = |i: usize| args.get(i).map(num).unwrap_or(0.0);
        let all_int = |k: usize| args.len() == k && args.iter().all(|a| matches!(a, Value::Int(_) | Value::Long(_)));
        if n == "new" {
            return self.construct(ty, args, span);
        }
        if let Ty::Enum(e) = ty {
            return match n.as_str() {
                "parse" => {
                    let text = arg_str(&args, usize::from(args.len() > 1 && matches!(args[0], Value::Object(_))));
                    e.parse(&text).map(Value::Enum).map_err(|err| {
                        invocation_error(
                            self,
                            "Parse",
                            args.len(),
                            &format!("Requested value '{}' was not found.", err.identifier),
                            "ArgumentException",
                            span,
                        )
                    })
                }
                "getnames" => Ok(Value::array(e.members.iter().map(|(m, _)| Value::str(*m)).collect())),
                "getvalues" => Ok(Value::array(
                    e.members.iter().map(|(_, b)| Value::Enum(EnumValue { ty: e, bits: *b })).collect(),
                )),
                _ => Err(self.static_method_not_found(t, name, span)),
            };
        }
        let r = match (full.as_str(), n.as_str()) {
            ("System.Math", "round") => {
                let x = f(0);
                let (digits, away) = match (args.get(1), args.get(2)) {
                    (Some(Value::Enum(m)), None) => (0, m.bits == 1),
                    (Some(d), Some(m)) => (convert::to_int(d).unwrap_or(0), convert::to_string(m).eq_ignore_ascii_case("AwayFromZero") || convert::to_int(m) == Some(1)),
                    (Some(d), None) if convert::to_string(d).eq_ignore_ascii_case("AwayFromZero") => (0, true),
                    (Some(d), None) if convert::to_string(d).eq_ignore_ascii_case("ToEven") => (0, false),
                    (Some(d), None) => (convert::to_int(d).unwrap_or(0), false),
                    _ => (0, false),
                };
                if !(0..=15).contains(&digits) {
                    return Err(invocation_error(
                        self,
                        "Round",
                        args.len(),
                        "Rounding digits must be between 0 and 15, inclusive.\r\nParameter name: digits",
                        "ArgumentOutOfRangeException",
                        span,
                    ));
                }
                Value::Double(round(x, digits as i32, away))
            }
            ("System.Math", "floor") => Value::Double(f(0).floor()),
            ("System.Math", "ceiling") => Value::Double(f(0).ceil()),
            ("System.Math", "truncate") => Value::Double(f(0).trunc()),
            ("System.Math", "abs") => match args.first() {
                Some(Value::Int(i) | Value::Long(i)) => Value::Int(i.checked_abs().unwrap_or(i64::MAX)),
                _ => Value::Double(f(0).abs()),
            },
            ("System.Math", "sign") => Value::Int(if f(0) > 0.0 { 1 } else if f(0) < 0.0 { -1 } else { 0 }),
            ("System.Math", "max") if all_int(2) => Value::Int(convert::to_int(&args[0]).unwrap_or(0).max(convert::to_int(&args[1]).unwrap_or(0))),
            ("System.Math", "min") if all_int(2) => Value::Int(convert::to_int(&args[0]).unwrap_or(0).min(convert::to_int(&args[1]).unwrap_or(0))),
            ("System.Math", "max") if args.len() == 2 => Value::Double(f(0).max(f(1))),
            ("System.Math", "min") if args.len() == 2 => Value::Double(f(0).min(f(1))),
            ("System.Math", "pow") => Value::Double(f(0).powf(f(1))),
            ("System.Math", "sqrt") => Value::Double(f(0).sqrt()),
            ("System.Math", "exp") => Value::Double(f(0).exp()),
            ("System.Math", "log") if args.len() == 2 => Value::Double(f(0).ln() / f(1).ln()),
            ("System.Math", "log") => Value::Double(f(0).ln()),
            ("System.Math", "log10") => Value::Double(f(0).log10()),
            ("System.String", "isnullorempty") => Value::Bool(args.first().map(|v| convert::to_string(v).is_empty()).unwrap_or(true)),
            ("System.String", "isnullorwhitespace") => {
                Value::Bool(args.first().map(|v| convert::to_string(v).trim().is_empty()).unwrap_or(true))
            }
            ("System.String", "join") => {
                let sep = arg_str(&args, 0);
                let items: Vec<Value> = if args.len() == 2 { args[1].enumerate() } else { args[1..].to_vec() };
                Value::str(items.iter().map(convert::to_string).collect::<Vec<_>>().join(&sep))
            }
            ("System.String", "concat") => {
                let items: Vec<Value> = if args.len() == 1 { args[0].enumerate() } else { args.clone() };
                Value::str(items.iter().map(convert::to_string).collect::<String>())
            }
            ("System.String", "format") => {
                let rest: Vec<Value> =
                    if args.len() == 2 && args[1].is_array() { args[1].enumerate() } else { args.iter().skip(1).cloned().collect() };
                let formatted = super::ops::format_op(self, &arg_str(&args, 0), &rest);
                Value::str(formatted.map_err(|e| invocation_error(self, name, args.len(), e.message(), "FormatException", span))?)
            }
            ("System.String", "compare") => {
                let ci = args.get(2).map(convert::to_bool).unwrap_or(false);
                Value::Int(match convert::compare_strings(&arg_str(&args, 0), &arg_str(&args, 1), !ci) {
                    std::cmp::Ordering::Less => -1,
                    std::cmp::Ordering::Equal => 0,
                    std::cmp::Ordering::Greater => 1,
                })
            }
            ("System.String", "equals") => Value::Bool(arg_str(&args, 0) == arg_str(&args, 1)),
            (_, "parse" | "tryparse") if matches!(ty.kind(), Some(Kind::Integer(..) | Kind::Double | Kind::Decimal | Kind::Bool | Kind::DateTime | Kind::Version | Kind::Guid | Kind::TimeSpan)) => {
                return self.parse_method(ty, &n, args, span);
            }
            ("System.DateTime", "daysinmonth") => {
                let (y, m) = (convert::to_int(args.first().unwrap_or(&Value::Null)).unwrap_or(1), convert::to_int(args.get(1).unwrap_or(&Value::Null)).unwrap_or(1) as u32);
                let next = if m == 12 { convert::days_from_civil(y + 1, 1, 1) } else { convert::days_from_civil(y, m + 1, 1) };
                Value::Int(next - convert::days_from_civil(y, m, 1))
            }
            ("System.DateTime", "isleapyear") => {
                let y = convert::to_int(args.first().unwrap_or(&Value::Null)).unwrap_or(1);
                Value::Bool((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)
            }
            ("System.DateTime", "parseexact") => return self.datetime_parse_exact(args, span),
            ("System.Security.Principal.WindowsIdentity", "getcurrent") if args.len() <= 1 => self.current_identity(),
            ("System.Diagnostics.Stopwatch", "startnew") if args.is_empty() => {
                super::stopwatch::new_stopwatch(Some(self.host.ticks()))
            }
            ("System.Diagnostics.Stopwatch", "gettimestamp") if args.is_empty() => Value::Long(self.host.ticks()),
            ("System.Environment", "getenvironmentvariable") => {
                self.host.env(&arg_str(&args, 0)).map(Value::str).unwrap_or(Value::Null)
            }
            ("System.Environment", "expandenvironmentvariables") => {
                let s = arg_str(&args, 0);
                let mut out = String::new();
                let mut rest = s.as_str();
                while let Some(i) = rest.find('%') {
                    out.push_str(&rest[..i]);
                    let after = &rest[i + 1..];
                    match after.find('%') {
                        Some(j) => match self.host.env(&after[..j]) {
                            Some(v) => {
                                out.push_str(&v);
                                rest = &after[j + 1..];
                            }
                            None => {
                                out.push('%');
                                out.push_str(&after[..j]);
                                rest = &after[j..];
                            }
                        },
                        None => {
                            out.push('%');
                            rest = after;
                        }
                    }
                }
                out.push_str(rest);
                Value::str(out)
            }
            ("System.Environment", "getfolderpath") => {
                let which = arg_str(&args, 0).to_ascii_lowercase();
                Value::str(match which.as_str() {
                    "desktop" | "desktopdirectory" => "C:\\Users\\Administrator\\Desktop",
                    "mydocuments" | "personal" => "C:\\Users\\Administrator\\Documents",
                    "applicationdata" => "C:\\Users\\Administrator\\AppData\\Roaming",
                    "localapplicationdata" => "C:\\Users\\Administrator\\AppData\\Local",
                    "programfiles" => "C:\\Program Files",
                    "system" => "C:\\Windows\\system32",
                    "windows" => "C:\\Windows",
                    "userprofile" => "C:\\Users\\Administrator",
                    "temp" => "C:\\Users\\Administrator\\AppData\\Local\\Temp",
                    _ => "",
                })
            }
            ("System.IO.Path", "combine") => {
                if args.is_empty() {
                    return Err(no_overload(self, name, 0, span));
                }
                let parts: Vec<String> = if args.len() == 1 { args[0].enumerate().iter().map(convert::to_string).collect() } else { args.iter().map(convert::to_string).collect() };
                Value::str(path::combine(&parts))
            }
            ("System.IO.Path", "getfilename") => Value::str(path::file_name(&arg_str(&args, 0))),
            ("System.IO.Path", "getextension") => Value::str(path::extension(&arg_str(&args, 0))),
            ("System.IO.Path", "getfilenamewithoutextension") => Value::str(path::without_extension(&arg_str(&args, 0))),
            ("System.IO.Path", "getdirectoryname") => path::directory(&arg_str(&args, 0)).map(Value::str).unwrap_or(Value::Null),
            ("System.IO.Path", "haseextension") | ("System.IO.Path", "hasextension") => Value::Bool(!path::extension(&arg_str(&args, 0)).is_empty()),
            ("System.IO.Path", "ispathrooted") => Value::Bool(path::is_rooted(&arg_str(&args, 0))),
            ("System.IO.Path", "changeextension") => {
                let p = arg_str(&args, 0);
                let base = match p.rfind('.') {
                    Some(i) if !p[i..].contains(path::is_sep) => p[..i].to_string(),
                    _ => p.clone(),
                };
                match args.get(1) {
                    None | Some(Value::Null) => Value::str(base),
                    Some(e) => {
                        let e = convert::to_string(e);
                        Value::str(if e.starts_with('.') { format!("{base}{e}") } else { format!("{base}.{e}") })
                    }
                }
            }
            ("System.IO.Path", "gettemppath") => Value::str(
                self.host.env("TEMP").map(|t| format!("{}\\", t.trim_end_matches('\\'))).unwrap_or_else(|| "C:\\Users\\Administrator\\AppData\\Local\\Temp\\".into()),
            ),
            ("System.IO.Path", "getpathroot") => {
                let p = arg_str(&args, 0);
                Value::str(if p.len() >= 2 && p.as_bytes()[1] == b':' {
                    if p.len() >= 3 && path::is_sep(p.as_bytes()[2] as char) { p[..3].replace('/', "\\") } else { p[..2].to_string() }
                } else if p.starts_with(path::is_sep) {
                    "\\".into()
                } else {
                    String::new()
                })
            }
            ("System.IO.Path", "getinvalidfilenamechars") => Value::array(
                "\"<>|\0\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\t\n\u{b}\u{c}\r\u{e}\u{f}\u{10}\u{11}\u{12}\u{13}\u{14}\u{15}\u{16}\u{17}\u{18}\u{19}\u{1a}\u{1b}\u{1c}\u{1d}\u{1e}\u{1f}:*?\\/"
                    .chars()
                    .map(|c| self.char_value(c))
                    .collect(),
            ),
            ("System.Text.Encoding", "getencoding") => {
                let which = arg_str(&args, 0).to_ascii_lowercase();
                encoding(match which.as_str() {
                    "utf-8" | "65001" => "utf8",
                    "utf-16" | "unicode" | "1200" => "unicode",
                    "us-ascii" | "ascii" | "20127" => "ascii",
                    "utf-32" | "12000" => "utf32",
                    _ => "default",
                })
            }
            ("System.Convert", "tobase64string") => {
                let bytes: Vec<u8> = args.first().map(|v| v.enumerate()).unwrap_or_default().iter().map(|b| convert::to_int(b).unwrap_or(0) as u8).collect();
                Value::str(base64_encode(&bytes))
            }
            ("System.Convert", "frombase64string") => match base64_decode(&arg_str(&args, 0)) {
                Some(b) => Value::array(b.into_iter().map(|x| Value::Int(x as i64)).collect()),
                None => {
                    return Err(invocation_error(self, "FromBase64String", 1, "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters. ", "FormatException", span));
                }
            },
            ("System.Convert", "toint32" | "toint64" | "todouble" | "tostring" | "toboolean") => {
                let target = match n.as_str() {
                    "toint32" => "int",
                    "toint64" => "long",
                    "todouble" => "double",
                    "tostring" => "string",
                    _ => "bool",
                };
                if target == "bool" && matches!(args.first(), Some(Value::Str(_))) {
                    let s = arg_str(&args, 0);
                    match s.trim().to_ascii_lowercase().as_str() {
                        "true" => Value::Bool(true),
                        "false" => Value::Bool(false),
                        _ => return Err(invocation_error(self, name, 1, "String was not recognized as a valid Boolean.", "FormatException", span)),
                    }
                } else if args.len() == 2 && target != "string" {
                    // Convert.ToInt32("ff", 16)
                    let radix = convert::to_int(&args[1]).unwrap_or(10) as u32;
                    match i64::from_str_radix(arg_str(&args, 0).trim(), radix) {
                        Ok(v) => Value::Int(v),
                        Err(_) => return Err(invocation_error(self, name, 2, "Could not find any recognizable digits.", "FormatException", span)),
                    }
                } else {
                    let user = self.types.borrow();
                    let tty = super::types::resolve(&user, target).ok_or_else(|| self.type_not_found(target, span))?;
                    let r = super::convert_to::convert(&user, args.first().unwrap_or(&Value::Null), &tty);
                    drop(user);
                    r.map_err(|e| invocation_error(self, name, args.len(), inner_of(&e), "FormatException", span))?
                }
            }
            ("System.Console", "writeline" | "write") => {
                let text = if args.len() > 1 {
                    super::ops::format_op(self, &arg_str(&args, 0), &args[1..])
                        .map_err(|e| invocation_error(self, name, args.len(), e.message(), "FormatException", span))?
                } else {
                    arg_str(&args, 0)
                };
                self.host_line(&text);
                Value::Null
            }
            ("System.Char", "isdigit") => Value::Bool(first_char(&args).is_some_and(|c| c.is_ascii_digit())),
            ("System.Char", "isletter") => Value::Bool(first_char(&args).is_some_and(char::is_alphabetic)),
            ("System.Char", "isletterordigit") => Value::Bool(first_char(&args).is_some_and(char::is_alphanumeric)),
            ("System.Char", "iswhitespace") => Value::Bool(first_char(&args).is_some_and(char::is_whitespace)),
            ("System.Char", "isupper") => Value::Bool(first_char(&args).is_some_and(char::is_uppercase)),
            ("System.Char", "islower") => Value::Bool(first_char(&args).is_some_and(char::is_lowercase)),
            ("System.Char", "toupper") => first_char(&args).map(|c| self.char_value(c.to_uppercase().next().unwrap_or(c))).unwrap_or(Value::Null),
            ("System.Char", "tolower") => first_char(&args).map(|c| self.char_value(c.to_lowercase().next().unwrap_or(c))).unwrap_or(Value::Null),
            ("System.Enum", "getnames" | "getvalues" | "parse" | "isdefined" | "tryparse") => {
                let ety = match args.first() {
                    Some(Value::Object(o)) => o.borrow().get("FullName").map(|v| convert::to_string(&v)),
                    Some(other) => Some(convert::to_string(other)),
                    None => None,
                };
                let ety = ety.and_then(|t| super::types::resolve(&self.types.borrow(), &t));
                let Some(Ty::Enum(e)) = ety else {
                    return Err(invocation_error(self, name, args.len(), "Type provided must be an Enum.\r\nParameter name: enumType", "ArgumentException", span));
                };
                match n.as_str() {
                    "getnames" => Value::array(e.members.iter().map(|(m, _)| Value::str(*m)).collect()),
                    "getvalues" => Value::array(e.members.iter().map(|(_, b)| Value::Enum(EnumValue { ty: e, bits: *b })).collect()),
                    "isdefined" => {
                        let v = args.get(1).cloned().unwrap_or(Value::Null);
                        Value::Bool(match &v {
                            Value::Int(i) | Value::Long(i) => e.members.iter().any(|(_, b)| *b == *i as u64),
                            Value::Enum(x) => e.members.iter().any(|(_, b)| *b == x.bits),
                            other => e.members.iter().any(|(m, _)| *m == convert::to_string(other)),
                        })
                    }
                    _ => {
                        let text = arg_str(&args, 1);
                        let ci = args.get(2).map(convert::to_bool).unwrap_or(false);
                        let found = e.parse(&text).ok().filter(|_| ci || text.split(',').all(|p| e.members.iter().any(|(m, _)| *m == p.trim()) || p.trim().parse::<i64>().is_ok()));
                        match found {
                            Some(v) => Value::Enum(v),
                            None => {
                                return Err(invocation_error(self, "Parse", args.len(), &format!("Requested value '{text}' was not found."), "ArgumentException", span));
                            }
                        }
                    }
                }
            }
            ("System.Guid", "newguid") => {
                self.request_counter += 1;
                let g = super::errors::request_id(self.request_counter, self.host.now());
                self.guid_value(&g)
            }
            ("System.Text.RegularExpressions.Regex", "escape") => Value::str(crate::value::regex::escape(&arg_str(&args, 0))),
            ("System.Text.RegularExpressions.Regex", "ismatch" | "matches" | "replace" | "split" | "match") => {
                return super::methods::regex_static(self, &n, args, span);
            }
            _ => return Err(self.static_method_not_found(t, name, span)),
        };
        Ok(r)
    }

    pub(crate) fn static_method_not_found(&self, t: &str, name: &str, span: Span) -> Flow {
        let _ = t;
        Flow::Error(Box::new(errors::runtime(
            format!("Method invocation failed because [{}] does not contain a method named '{name}'.", t),
            "MethodNotFound",
            "InvalidOperation",
            ":",
            Some(self.position(span)),
        )))
    }

    /// `[int]::Parse(s)`, `[datetime]::Parse(s)`, `TryParse(s, [ref]$x)` (the result only).
    fn parse_method(&mut self, ty: &Ty, n: &str, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        let s = args.first().cloned().unwrap_or(Value::Null);
        let r = {
            let user = self.types.borrow();
            match &s {
                Value::Str(_) => super::convert_to::convert(&user, &s, ty),
                Value::Null => Err(ConvError {
                    message: "Value cannot be null.\r\nParameter name: s".into(),
                    fqid: "ArgumentNullException",
                }),
                other => super::convert_to::convert(&user, &Value::str(convert::to_string(other)), ty),
            }
        };
        if n == "tryparse" {
            return Ok(Value::Bool(r.is_ok()));
        }
        let method = "Parse";
        r.map_err(|e| {
            let fqid = if e.fqid == "ArgumentNullException" { "ArgumentNullException" } else { "FormatException" };
            invocation_error(self, method, args.len(), inner_of(&e), fqid, span)
        })
    }

    /// `[datetime]::ParseExact(s, format, culture)`: the `text` helper owns .NET date format
    /// strings; until then the formats `Get-Date -Format` writes are read back by
    /// [`parse_exact`].
    fn datetime_parse_exact(&mut self, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        let s = arg_str(&args, 0);
        let formats: Vec<String> =
            args.get(1).map(|f| f.enumerate().iter().map(convert::to_string).collect()).unwrap_or_default();
        for f in &formats {
            if let Some(v) = parse_exact(&s, f) {
                return Ok(v);
            }
        }
        Err(invocation_error(
            self,
            "ParseExact",
            args.len(),
            "String was not recognized as a valid DateTime.",
            "FormatException",
            span,
        ))
    }

    /// `[Type]::new(args)` and `New-Object Type -ArgumentList args` for built-in types.
    pub(crate) fn construct(&mut self, ty: &Ty, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        if let Ty::Class(c) = ty {
            let class = self.types.borrow().class(c);
            if let Some(class) = class {
                return self.new_instance(&class, args, span);
            }
        }
        let ctor_error =
            |e: &Engine, inner: &str, fqid: &str| invocation_error(e, ".ctor", args.len(), inner, fqid, span);
        let one = args.first().cloned().unwrap_or(Value::Null);
        Ok(match ty {
            Ty::Generic(g, params) => {
                use super::types::Generic;
                // `List[T]::new(capacity)` or `::new(collection)`.
                let items = match args.first() {
                    Some(Value::Array(_)) | Some(Value::Hashtable(_)) => one.clone(),
                    _ => Value::Null,
                };
                match g {
                    Generic::Dictionary => {
                        let mut h = crate::value::Hashtable::new();
                        h.ordered = true;
                        let v = Value::hashtable(h);
                        if let Value::Hashtable(src) = &items {
                            let entries: Vec<(Value, Value)> =
                                src.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                            if let Value::Hashtable(dst) = &v {
                                for (k, val) in entries {
                                    dst.borrow_mut().insert(k, val);
                                }
                            }
                        }
                        let _ = params;
                        v
                    }
                    _ => self.convert_value(&items, ty, span)?,
                }
            }
            Ty::Builtin(b) => match b.kind {
                Kind::ArrayList => Value::array_list(match &one {
                    Value::Array(_) => one.enumerate(),
                    _ => Vec::new(),
                }),
                Kind::Hashtable => Value::hashtable(crate::value::Hashtable::dotnet(0, crate::value::KeyHash::Default)),
                Kind::Ordered => {
                    let mut h = crate::value::Hashtable::new();
                    h.ordered = true;
                    Value::hashtable(h)
                }
                Kind::PsObject | Kind::PsCustomObject | Kind::Object => Value::object(PsObject::custom()),
                Kind::String if args.len() == 2 => {
                    let c = arg_str(&args, 0);
                    let n = convert::to_int(&args[1]).unwrap_or(0).max(0) as usize;
                    if n > super::ops::STRING_LIMIT {
                        return Err(ctor_error(self, OUT_OF_MEMORY, "OutOfMemoryException"));
                    }
                    self.charge((n / 64) as u64)?;
                    Value::str(c.chars().next().map(|c| c.to_string().repeat(n)).unwrap_or_default())
                }
                Kind::String if matches!(one, Value::Array(_)) => {
                    Value::str(one.enumerate().iter().map(convert::to_string).collect::<String>())
                }
                Kind::ChoiceDescription => {
                    if args.is_empty() || args.len() > 2 {
                        return Err(no_overload(self, "new", args.len(), span));
                    }
                    super::convert_to::choice_description(&arg_str(&args, 0), &arg_str(&args, 1))
                }
                Kind::Principal => self.construct_principal(&args, span)?,
                Kind::Stopwatch if args.is_empty() => super::stopwatch::new_stopwatch(None),
                Kind::MailAddress => {
                    if args.is_empty() || args.len() > 3 {
                        return Err(no_overload(self, "new", args.len(), span));
                    }
                    let text = arg_str(&args, 0);
                    if text.is_empty() {
                        return Err(ctor_error(
                            self,
                            "The parameter 'address' cannot be an empty string.\r\nParameter name: address",
                            "ArgumentException",
                        ));
                    }
                    let display = args.get(1).map(convert::to_string);
                    super::convert_to::mail_address(&text, display.as_deref())
                        .ok_or_else(|| ctor_error(self, MAIL_INVALID, "FormatException"))?
                }
                Kind::Uri => {
                    let text = arg_str(&args, 0);
                    match super::convert_to::uri_object(&text) {
                        Some(Value::Object(o))
                            if o.borrow().get("IsAbsoluteUri").is_some_and(|v| convert::to_bool(&v)) =>
                        {
                            Value::Object(o)
                        }
                        _ => {
                            return Err(ctor_error(
                                self,
                                "Invalid URI: The format of the URI could not be determined.",
                                "UriFormatException",
                            ));
                        }
                    }
                }
                Kind::Regex => {
                    let user = self.types.borrow();
                    let r = super::convert_to::convert(&user, &one, ty);
                    drop(user);
                    r.map_err(|e| ctor_error(self, inner_of(&e), "ArgumentException"))?
                }
                Kind::DateTime if !args.is_empty() => {
                    let p: Vec<i64> = args.iter().map(|a| convert::to_int(a).unwrap_or(0)).collect();
                    if args.len() == 1 {
                        super::convert_to::ticks_to_datetime(p[0])
                    } else {
                        let (y, m, d) = (p[0], p.get(1).copied().unwrap_or(1), p.get(2).copied().unwrap_or(1));
                        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                            return Err(ctor_error(
                                self,
                                "Year, Month, and Day parameters describe an un-representable DateTime.",
                                "ArgumentOutOfRangeException",
                            ));
                        }
                        let secs = convert::days_from_civil(y, m as u32, d as u32) * 86400
                            + p.get(3).copied().unwrap_or(0) * 3600
                            + p.get(4).copied().unwrap_or(0) * 60
                            + p.get(5).copied().unwrap_or(0);
                        Value::DateTime(secs, 0)
                    }
                }
                Kind::Char | Kind::TimeSpan | Kind::Version | Kind::Guid => return self.construct_more(ty, args, span),
                _ if args.is_empty() => match b.kind {
                    Kind::Integer(..) => Value::Int(0),
                    Kind::Double | Kind::Decimal => Value::Double(0.0),
                    Kind::Bool => Value::Bool(false),
                    Kind::DateTime => super::convert_to::ticks_to_datetime(0),
                    _ => return Err(no_overload(self, "new", 0, span)),
                },
                _ => return Err(no_overload(self, "new", args.len(), span)),
            },
            Ty::Array(_) => {
                // `[string[]]::new(3)`: an array of that many `$null`s.
                let n = convert::to_int(&one).unwrap_or(0).max(0) as usize;
                Value::array(vec![Value::Null; n.min(1 << 24)])
            }
            _ => return Err(no_overload(self, "new", args.len(), span)),
        })
    }
}

/// The inner message of a conversion error (`Cannot convert … Error: "inner"` → `inner`).
fn inner_of(e: &ConvError) -> &str {
    match e.message.split_once("Error: \"") {
        Some((_, rest)) => rest.strip_suffix('"').unwrap_or(rest),
        None => &e.message,
    }
}

fn first_char(args: &[Value]) -> Option<char> {
    match args.first()? {
        Value::Int(i) | Value::Long(i) => char::from_u32(*i as u32),
        other => convert::to_string(other).chars().next(),
    }
}

/// .NET rounding: scale by 10^digits, round to even (or away from zero), scale back.
fn round(x: f64, digits: i32, away: bool) -> f64 {
    if x.abs() >= 1e16 {
        return x;
    }
    let p = 10f64.powi(digits);
    let v = x * p;
    let r = if away {
        let t = v.trunc();
        if (v - t).abs() >= 0.5 { t + v.signum() } else { t }
    } else {
        v.round_ties_even()
    };
    r / p
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(b: &[u8]) -> String {
    let mut out = String::new();
    for chunk in b.chunks(3) {
        let n =
            (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    if !s.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::new();
    for chunk in s.chunks(4) {
        let mut n = 0u32;
        let mut pad = 0;
        for &c in chunk {
            let v = match c {
                b'=' => {
                    pad += 1;
                    0
                }
                _ if pad > 0 => return None,
                _ => B64.iter().position(|&x| x == c)? as u32,
            };
            n = n << 6 | v;
        }
        if pad > 2 {
            return None;
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

/// `$encoding.GetBytes(s)` / `.GetString(bytes)`.
pub(crate) fn encoding_method(target: &Value, name: &str, args: &[Value]) -> Option<Value> {
    let page = encoding_of(target)?;
    Some(match name {
        "getbytes" => Value::array(encode(page, &arg_str(args, 0))),
        "getstring" => {
            let bytes: Vec<u8> = args
                .first()
                .map(|v| v.enumerate())
                .unwrap_or_default()
                .iter()
                .map(|b| convert::to_int(b).unwrap_or(0) as u8)
                .collect();
            Value::str(decode(page, &bytes))
        }
        "getbytecount" => Value::Int(encode(page, &arg_str(args, 0)).len() as i64),
        "getpreamble" => Value::array(
            match page {
                65001 => vec![0xEF, 0xBB, 0xBF],
                1200 => vec![0xFF, 0xFE],
                1201 => vec![0xFE, 0xFF],
                12000 => vec![0xFF, 0xFE, 0, 0],
                _ => vec![],
            }
            .into_iter()
            .map(Value::Int)
            .collect(),
        ),
        _ => return None,
    })
}

/// Reads `s` in the custom date format `f` (`yyyy`, `yy`, `MM`, `M`, `dd`, `d`, `HH`, `H`, `hh`,
/// `h`, `mm`, `m`, `ss`, `s`, `fff`, `tt`, quoted and other literal text), invariant culture.
/// The hook the `text` helper's .NET date formats replace.
pub(crate) fn parse_exact(s: &str, f: &str) -> Option<Value> {
    let fc: Vec<char> = f.chars().collect();
    let sc: Vec<char> = s.trim().chars().collect();
    let (mut i, mut j) = (0usize, 0usize);
    let (mut y, mut mo, mut d, mut h, mut mi, mut se, mut frac) = (1i64, 1u32, 1u32, 0i64, 0i64, 0i64, 0i64);
    let mut pm: Option<bool> = None;
    let take = |j: &mut usize, min: usize, max: usize| -> Option<i64> {
        let start = *j;
        while *j < sc.len() && *j - start < max && sc[*j].is_ascii_digit() {
            *j += 1;
        }
        if *j - start < min {
            return None;
        }
        sc[start..*j].iter().collect::<String>().parse().ok()
    };
    while i < fc.len() {
        let c = fc[i];
        let mut run = 1;
        while i + run < fc.len() && fc[i + run] == c {
            run += 1;
        }
        match c {
            'y' => {
                let v = take(&mut j, run.min(4), if run <= 2 { 2 } else { 4 })?;
                y = if run <= 2 { if v < 30 { 2000 + v } else { 1900 + v } } else { v };
            }
            'M' if run <= 2 => mo = take(&mut j, run, 2)? as u32,
            'd' if run <= 2 => d = take(&mut j, run, 2)? as u32,
            'H' | 'h' => h = take(&mut j, run.min(2), 2)?,
            'm' => mi = take(&mut j, run.min(2), 2)?,
            's' => se = take(&mut j, run.min(2), 2)?,
            'f' => {
                let v = take(&mut j, run, run)?;
                frac = v * 10i64.pow(7 - run.min(7) as u32);
            }
            't' => {
                let word: String = sc.get(j..j + 2)?.iter().collect::<String>().to_ascii_uppercase();
                pm = Some(match word.as_str() {
                    "AM" => false,
                    "PM" => true,
                    _ => return None,
                });
                j += 2;
            }
            '\'' | '"' => {
                let end = fc[i + 1..].iter().position(|&x| x == c)? + i + 1;
                for &lc in &fc[i + 1..end] {
                    if sc.get(j) != Some(&lc) {
                        return None;
                    }
                    j += 1;
                }
                i = end + 1;
                continue;
            }
            'M' | 'd' => return None,
            other => {
                for _ in 0..run {
                    if sc.get(j) != Some(&other) {
                        return None;
                    }
                    j += 1;
                }
            }
        }
        i += run;
    }
    if j != sc.len() || !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 59 {
        return None;
    }
    if let Some(p) = pm {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = h % 12 + if p { 12 } else { 0 };
    }
    let secs = convert::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
    Some(Value::DateTime(secs, (frac * 100) as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotnet_rounding() {
        assert_eq!(round(2.5, 0, false), 2.0);
        assert_eq!(round(3.5, 0, false), 4.0);
        assert_eq!(round(2.5, 0, true), 3.0);
        // 2.675 * 100 is 267.5 in doubles, so .NET Framework's Math.Round(2.675, 2) is 2.68.
        assert_eq!(round(2.675, 2, false), 2.68);
        assert_eq!(round(1.005, 2, true), 1.0);
        assert_eq!(round(-2.5, 0, true), -3.0);
    }

    #[test]
    fn windows_paths() {
        assert_eq!(path::file_name("C:\\Logs\\app.log"), "app.log");
        assert_eq!(path::extension("C:\\Logs\\app.tar.gz"), ".gz");
        assert_eq!(path::extension("C:\\Logs.d\\app"), "");
        assert_eq!(path::without_extension("C:\\Logs\\app.log"), "app");
        assert_eq!(path::directory("C:\\Logs\\app.log").as_deref(), Some("C:\\Logs"));
        assert_eq!(path::directory("C:\\app.log").as_deref(), Some("C:\\"));
        assert_eq!(path::directory("C:\\"), None);
        assert_eq!(path::directory("app.log").as_deref(), Some(""));
        assert_eq!(path::combine(&["C:\\Logs".into(), "x.txt".into()]), "C:\\Logs\\x.txt");
        assert_eq!(path::combine(&["C:\\Logs\\".into(), "x.txt".into()]), "C:\\Logs\\x.txt");
        assert_eq!(path::combine(&["C:\\Logs".into(), "D:\\y".into()]), "D:\\y");
    }

    #[test]
    fn exact_dates() {
        let d = parse_exact("2024-03-15 14:05", "yyyy-MM-dd HH:mm").expect("parses");
        assert_eq!(convert::to_string(&d), "03/15/2024 14:05:00");
        assert!(parse_exact("15/03/2024", "MM/dd/yyyy").is_none());
        assert!(parse_exact("2024-03-15", "yyyy-MM-dd HH").is_none());
        let pm = parse_exact("3/5/2024 2:07 PM", "M/d/yyyy h:mm tt").expect("parses");
        assert_eq!(convert::to_string(&pm), "03/05/2024 14:07:00");
    }

    #[test]
    fn base64_round_trips() {
        assert_eq!(base64_encode(b"Hello"), "SGVsbG8=");
        assert_eq!(base64_decode("SGVsbG8=").expect("present"), b"Hello");
        assert!(base64_decode("SGVsbG8").is_none());
    }
}
