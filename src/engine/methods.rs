//! .NET methods and static members that admin scripts call on strings, arrays, hashtables,
//! dates and a few types (`[math]`, `[string]`, `[datetime]`, `[guid]`).

use super::errors;
use super::eval::EvalResult;
use super::{Engine, Flow};
use crate::syntax::Span;
use crate::value::{PsObject, Value, convert};

fn no_method(engine: &Engine, target: &Value, name: &str, span: Span) -> Flow {
    if target.is_null() {
        return Flow::Error(Box::new(errors::runtime(
            "You cannot call a method on a null-valued expression.",
            "InvokeMethodOnNull",
            "InvalidOperation",
            ":",
            Some(engine.position(span)),
        )));
    }
    let tn = target.type_name();
    let short = tn.rsplit('.').next().unwrap_or(&tn).to_string();
    Flow::Error(Box::new(errors::runtime(
        format!("Method invocation failed because [{tn}] does not contain a method named '{name}'."),
        "MethodNotFound",
        "InvalidOperation",
        &format!("{short}:{}", "String"),
        Some(engine.position(span)),
    )))
}

/// A .NET method that threw: `Exception calling "M" with "N" argument(s): "…"` (MethodInvocationException).
fn method_exception(engine: &Engine, message: String, fqid: &str, span: Span) -> Flow {
    let mut e = errors::runtime(message, fqid, "NotSpecified", ":", Some(engine.position(span)));
    e.record.exception_type = "System.Management.Automation.MethodInvocationException".into();
    Flow::Error(Box::new(e))
}

fn arg_str(args: &[Value], i: usize) -> String {
    args.get(i).map(convert::to_string).unwrap_or_default()
}

fn arg_int(args: &[Value], i: usize) -> Option<i64> {
    args.get(i).and_then(convert::to_int)
}

/// `ToString()` / `ToString(format)` on a number or a date: .NET formatting in en-US.
fn to_string_with_format(engine: &Engine, target: &Value, args: &[Value], span: Span) -> EvalResult<Value> {
    let format = args.first().filter(|v| !v.is_null()).map(convert::to_string);
    super::ops::format_value(engine, target, format.as_deref()).map(Value::str).map_err(|e| {
        method_exception(
            engine,
            format!("Exception calling \"ToString\" with \"{}\" argument(s): \"{}\"", args.len(), e.message()),
            "FormatException",
            span,
        )
    })
}

/// `target.Name(args)`.
pub(crate) fn call_method(
    engine: &mut Engine,
    target: &Value,
    name: &str,
    args: Vec<Value>,
    span: Span,
) -> EvalResult<Value> {
    let lname = name.to_ascii_lowercase();
    // Methods every object has.
    match lname.as_str() {
        "tostring" if args.is_empty() => return Ok(Value::str(convert::to_string(target))),
        "gettype" if !target.is_null() => {
            let tn = target.type_name();
            return Ok(super::ops::type_value(&tn));
        }
        "equals" if !target.is_null() => {
            return Ok(Value::Bool(convert::equals(target, args.first().unwrap_or(&Value::Null), false)));
        }
        "gethashcode" if !target.is_null() => return Ok(Value::Int(convert::to_string(target).len() as i64)),
        _ => {}
    }
    match target {
        Value::Str(s) => string_method(engine, s, &lname, &args).ok_or_else(|| no_method(engine, target, name, span)),
        Value::Array(a) => {
            // object[] has a fixed size: its IList methods that change the length fail.
            if a.borrow().kind == crate::value::ArrayKind::Fixed
                && matches!(lname.as_str(), "add" | "addrange" | "remove" | "removeat" | "insert")
            {
                return Err(method_exception(
                    engine,
                    format!(
                        "Exception calling \"{name}\" with \"{}\" argument(s): \"Collection was of a fixed size.\"",
                        args.len()
                    ),
                    "NotSupportedException",
                    span,
                ));
            }
            match lname.as_str() {
                "add" => {
                    let idx = a.borrow().len();
                    a.borrow_mut().push(args.first().cloned().unwrap_or(Value::Null));
                    if target.is_generic_list() {
                        return Ok(Value::Null);
                    }
                    return Ok(Value::Int(idx as i64));
                }
                "addrange" => {
                    if let Some(v) = args.first() {
                        a.borrow_mut().extend(v.enumerate());
                    }
                    return Ok(Value::Null);
                }
                "contains" => {
                    let x = args.first().cloned().unwrap_or(Value::Null);
                    return Ok(Value::Bool(a.borrow().iter().any(|i| convert::equals(i, &x, true))));
                }
                "indexof" => {
                    let x = args.first().cloned().unwrap_or(Value::Null);
                    let pos = a.borrow().iter().position(|i| convert::equals(i, &x, true));
                    return Ok(Value::Int(pos.map(|p| p as i64).unwrap_or(-1)));
                }
                "remove" => {
                    let x = args.first().cloned().unwrap_or(Value::Null);
                    let pos = a.borrow().iter().position(|i| convert::equals(i, &x, true));
                    if let Some(p) = pos {
                        a.borrow_mut().remove(p);
                    }
                    return Ok(Value::Null);
                }
                "removeat" => {
                    let i = arg_int(&args, 0).unwrap_or(-1);
                    if i >= 0 && (i as usize) < a.borrow().len() {
                        a.borrow_mut().remove(i as usize);
                    }
                    return Ok(Value::Null);
                }
                "clear" => {
                    a.borrow_mut().clear();
                    return Ok(Value::Null);
                }
                "toarray" => return Ok(Value::array(a.borrow().to_vec())),
                "where" | "foreach" => {
                    if let Some(Value::ScriptBlock(sb)) = args.first() {
                        let items = a.borrow().clone();
                        let mut out = Vec::new();
                        for i in items {
                            let r = engine.invoke_block_with_underscore(sb, Some(i.clone()))?;
                            if lname == "where" {
                                if convert::to_bool(&Engine::collapse(r)) {
                                    out.push(i);
                                }
                            } else {
                                out.extend(r);
                            }
                        }
                        return Ok(Value::array(out));
                    }
                }
                _ => {}
            }
            // Method enumeration: call on each element.
            let items = a.borrow().clone();
            if items.is_empty() {
                return Err(no_method(engine, target, name, span));
            }
            let mut out = Vec::new();
            for i in items {
                out.push(call_method(engine, &i, name, args.clone(), span)?);
            }
            Ok(Value::array(out))
        }
        Value::Hashtable(h) => {
            let r = match lname.as_str() {
                "containskey" | "contains" => {
                    Value::Bool(h.borrow().contains_key(args.first().unwrap_or(&Value::Null)))
                }
                "containsvalue" => {
                    let x = args.first().cloned().unwrap_or(Value::Null);
                    Value::Bool(h.borrow().values().iter().any(|v| convert::equals(v, &x, false)))
                }
                "add" => {
                    let k = args.first().cloned().unwrap_or(Value::Null);
                    if h.borrow().contains_key(&k) {
                        return Err(method_exception(
                            engine,
                            format!(
                                "Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: '{0}'  Key being added: '{0}'\"",
                                convert::to_string(&k)
                            ),
                            "ArgumentException",
                            span,
                        ));
                    }
                    h.borrow_mut().insert(k, args.get(1).cloned().unwrap_or(Value::Null));
                    Value::Null
                }
                "remove" => {
                    h.borrow_mut().remove(args.first().unwrap_or(&Value::Null));
                    Value::Null
                }
                "clear" => {
                    *h.borrow_mut() = crate::value::Hashtable::new();
                    Value::Null
                }
                "getenumerator" => {
                    let entries: Vec<Value> = h
                        .borrow()
                        .iter()
                        .map(|(k, v)| {
                            let mut o = PsObject::new(&["System.Collections.DictionaryEntry", "System.Object"]);
                            o.set("Name", k.clone());
                            o.set("Key", k.clone());
                            o.set("Value", v.clone());
                            Value::object(o)
                        })
                        .collect();
                    Value::array(entries)
                }
                _ => return Err(no_method(engine, target, name, span)),
            };
            Ok(r)
        }
        Value::DateTime(secs, ns) => {
            if lname == "tostring" {
                return to_string_with_format(engine, target, &args, span);
            }
            match super::dates::datetime_method(engine, *secs, *ns, name, &args, span) {
                Some(r) => r,
                None => Err(no_method(engine, target, name, span)),
            }
        }
        Value::TimeSpan(_) if lname == "tostring" => to_string_with_format(engine, target, &args, span),
        Value::TimeSpan(t) => match super::dates::timespan_method(engine, *t, name, &args, span) {
            Some(r) => r,
            None => Err(no_method(engine, target, name, span)),
        },
        Value::Object(o) => {
            let regex_call = super::regex_methods::object_call(engine, &o.borrow(), name, &args, span);
            if let Some(r) = regex_call {
                return r;
            }
            // Script methods stored as script block properties.
            let m = o.borrow().get(name);
            if let Some(Value::ScriptBlock(sb)) = m {
                let prev = engine.scopes.get(None, "this");
                engine.scopes.set_local("this", target.clone());
                let r = engine.invoke_block_with_underscore(&sb, None);
                match prev {
                    Some(p) => engine.scopes.set_local("this", p),
                    None => engine.scopes.remove("this"),
                }
                return Ok(Engine::collapse(r?));
            }
            Err(no_method(engine, target, name, span))
        }
        Value::ScriptBlock(sb) if lname == "invoke" || lname == "invokereturnasis" => {
            let r = engine.invoke_block_with_underscore(sb, None)?;
            Ok(Engine::collapse(r))
        }
        Value::Int(_) | Value::Double(_) if lname == "tostring" => to_string_with_format(engine, target, &args, span),
        _ => Err(no_method(engine, target, name, span)),
    }
}

fn num(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Double(d) => *d,
        _ => 0.0,
    }
}

fn string_method(_engine: &mut Engine, s: &str, name: &str, args: &[Value]) -> Option<Value> {
    let chars: Vec<char> = s.chars().collect();
    let trim_set = |args: &[Value]| -> Vec<char> {
        args.iter().flat_map(|a| convert::to_string(a).chars().collect::<Vec<_>>()).collect()
    };
    Some(match name {
        "toupper" | "toupperinvariant" => Value::str(s.to_uppercase()),
        "tolower" | "tolowerinvariant" => Value::str(s.to_lowercase()),
        "trim" if args.is_empty() => Value::str(s.trim()),
        "trim" => {
            let set = trim_set(args);
            Value::str(s.trim_matches(|c| set.contains(&c)))
        }
        "trimstart" if args.is_empty() => Value::str(s.trim_start()),
        "trimstart" => {
            let set = trim_set(args);
            Value::str(s.trim_start_matches(|c| set.contains(&c)))
        }
        "trimend" if args.is_empty() => Value::str(s.trim_end()),
        "trimend" => {
            let set = trim_set(args);
            Value::str(s.trim_end_matches(|c| set.contains(&c)))
        }
        "split" => {
            let seps: Vec<char> = trim_set(args);
            let parts: Vec<Value> = if seps.is_empty() {
                s.split(char::is_whitespace).map(Value::str).collect()
            } else {
                s.split(|c| seps.contains(&c)).map(Value::str).collect()
            };
            Value::array(parts)
        }
        "replace" => Value::str(s.replace(&arg_str(args, 0), &arg_str(args, 1))),
        "contains" => Value::Bool(s.contains(&arg_str(args, 0))),
        "startswith" => {
            let p = arg_str(args, 0);
            let ci =
                args.get(1).map(|v| convert::to_string(v).to_ascii_lowercase().contains("ignorecase")).unwrap_or(false);
            Value::Bool(if ci { s.to_lowercase().starts_with(&p.to_lowercase()) } else { s.starts_with(&p) })
        }
        "endswith" => {
            let p = arg_str(args, 0);
            let ci =
                args.get(1).map(|v| convert::to_string(v).to_ascii_lowercase().contains("ignorecase")).unwrap_or(false);
            Value::Bool(if ci { s.to_lowercase().ends_with(&p.to_lowercase()) } else { s.ends_with(&p) })
        }
        "indexof" => {
            let p = arg_str(args, 0);
            Value::Int(s.find(&p).map(|b| s[..b].chars().count() as i64).unwrap_or(-1))
        }
        "lastindexof" => {
            let p = arg_str(args, 0);
            Value::Int(s.rfind(&p).map(|b| s[..b].chars().count() as i64).unwrap_or(-1))
        }
        "substring" => {
            let start = arg_int(args, 0).unwrap_or(0).max(0) as usize;
            let len = arg_int(args, 1).map(|l| l.max(0) as usize).unwrap_or(chars.len().saturating_sub(start));
            if start > chars.len() || start + len > chars.len() {
                return None;
            }
            Value::str(chars[start..start + len].iter().collect::<String>())
        }
        "padleft" => {
            let w = arg_int(args, 0).unwrap_or(0).max(0) as usize;
            let c = arg_str(args, 1).chars().next().unwrap_or(' ');
            let pad = w.saturating_sub(chars.len());
            Value::str(format!("{}{s}", c.to_string().repeat(pad)))
        }
        "padright" => {
            let w = arg_int(args, 0).unwrap_or(0).max(0) as usize;
            let c = arg_str(args, 1).chars().next().unwrap_or(' ');
            let pad = w.saturating_sub(chars.len());
            Value::str(format!("{s}{}", c.to_string().repeat(pad)))
        }
        "insert" => {
            let at = arg_int(args, 0).unwrap_or(0).max(0) as usize;
            let at = at.min(chars.len());
            let mut out: String = chars[..at].iter().collect();
            out.push_str(&arg_str(args, 1));
            out.extend(chars[at..].iter());
            Value::str(out)
        }
        "remove" => {
            let at = (arg_int(args, 0).unwrap_or(0).max(0) as usize).min(chars.len());
            let n = arg_int(args, 1).map(|n| n.max(0) as usize).unwrap_or(chars.len() - at);
            let end = (at + n).min(chars.len());
            let out: String = chars[..at].iter().chain(chars[end..].iter()).collect();
            Value::str(out)
        }
        "equals" => Value::Bool(s == arg_str(args, 0)),
        "compareto" => Value::Int(match convert::compare_strings(s, &arg_str(args, 0), true) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        "tochararray" => Value::array(chars.iter().map(|c| Value::str(c.to_string())).collect()),
        "normalize" => Value::str(s),
        _ => return None,
    })
}

/// `[Type]::Member`.
pub(crate) fn static_member(engine: &mut Engine, t: &str, name: &str, span: Span) -> EvalResult<Value> {
    let tl = t.to_ascii_lowercase();
    let tl = tl.strip_prefix("system.").unwrap_or(&tl);
    let n = name.to_ascii_lowercase();
    let now = engine.host.now();
    Ok(match (tl, n.as_str()) {
        ("datetime", "utcnow") => Value::DateTime(now, 0),
        ("datetime", "now") => Value::DateTime(engine.local_now(), 0),
        ("datetime", "today") => Value::DateTime(engine.local_now().div_euclid(86400) * 86400, 0),
        ("string", "empty") => Value::str(""),
        ("environment", "newline") => Value::str("\r\n"),
        ("environment", "username") => Value::str("Administrator"),
        ("environment", "machinename") => Value::str("EX01"),
        ("math", "pi") => Value::Double(std::f64::consts::PI),
        ("int32", "maxvalue") | ("int", "maxvalue") => Value::Int(i32::MAX as i64),
        ("int32", "minvalue") | ("int", "minvalue") => Value::Int(i32::MIN as i64),
        ("management.automation.language.nullstring", "value") => Value::Null,
        ("guid", "empty") => Value::Guid(0),
        _ => {
            return Err(Flow::Error(Box::new(errors::runtime(
                format!("Unable to find type [{t}]."),
                "TypeNotFound",
                "InvalidOperation",
                &format!("{t}:TypeName"),
                Some(engine.position(span)),
            ))));
        }
    })
}

/// `[Type]::Method(args)`.
pub(crate) fn static_method(
    engine: &mut Engine,
    t: &str,
    name: &str,
    args: Vec<Value>,
    span: Span,
) -> EvalResult<Value> {
    let tl = t.to_ascii_lowercase();
    let tl = tl.strip_prefix("system.").unwrap_or(&tl).to_string();
    let n = name.to_ascii_lowercase();
    let f = |i: usize| args.get(i).and_then(convert::to_number).map(|v| num(&v)).unwrap_or(0.0);
    let r = match (tl.as_str(), n.as_str()) {
        ("math", "round") => {
            let digits = arg_int(&args, 1).unwrap_or(0).clamp(0, 15) as i32;
            let m = 10f64.powi(digits);
            let x = (f(0) * m).round_ties_even() / m;
            if digits == 0 { Value::Int(x as i64) } else { Value::Double(x) }
        }
        ("math", "floor") => Value::Double(f(0).floor()),
        ("math", "ceiling") => Value::Double(f(0).ceil()),
        ("math", "abs") => match args.first().and_then(convert::to_number) {
            Some(Value::Int(i)) => Value::Int(i.abs()),
            _ => Value::Double(f(0).abs()),
        },
        ("math", "max") => Value::Double(f(0).max(f(1))),
        ("math", "min") => Value::Double(f(0).min(f(1))),
        ("math", "pow") => Value::Double(f(0).powf(f(1))),
        ("math", "sqrt") => Value::Double(f(0).sqrt()),
        ("string", "isnullorempty") => {
            Value::Bool(args.first().map(|v| convert::to_string(v).is_empty()).unwrap_or(true))
        }
        ("string", "isnullorwhitespace") => {
            Value::Bool(args.first().map(|v| convert::to_string(v).trim().is_empty()).unwrap_or(true))
        }
        ("string", "join") => {
            let sep = arg_str(&args, 0);
            let items: Vec<Value> = if args.len() == 2 { args[1].enumerate() } else { args[1..].to_vec() };
            Value::str(items.iter().map(convert::to_string).collect::<Vec<_>>().join(&sep))
        }
        ("string", "concat") => Value::str(args.iter().map(convert::to_string).collect::<String>()),
        ("string", "format") => {
            // `Format(fmt, object[])` spreads the array; `Format(fmt, a, b, …)` takes the rest.
            let rest: Vec<Value> = match args.get(1) {
                Some(Value::Array(a)) if args.len() == 2 => a.borrow().items.clone(),
                _ => args.iter().skip(1).cloned().collect(),
            };
            super::ops::format_op(engine, &arg_str(&args, 0), &rest).map(Value::str).map_err(|e| {
                method_exception(
                    engine,
                    format!("Exception calling \"Format\" with \"{}\" argument(s): \"{}\"", args.len(), e.message()),
                    "FormatException",
                    span,
                )
            })?
        }
        ("int32", "parse") | ("int", "parse") => {
            super::ops::convert_to_type(args.first().unwrap_or(&Value::Null), "int").map_err(|m| {
                Flow::Error(Box::new(errors::runtime(
                    m,
                    "FormatException",
                    "NotSpecified",
                    ":",
                    Some(engine.position(span)),
                )))
            })?
        }
        ("guid", "newguid") => {
            engine.request_counter += 1;
            let id = super::errors::request_id(engine.request_counter, engine.host.now());
            crate::value::dotnet::parse_guid(&id).map(Value::Guid).unwrap_or_else(|| Value::str(id))
        }
        ("io.path", "combine") => Value::str(args.iter().map(convert::to_string).collect::<Vec<_>>().join("\\")),
        ("io.path", "getfilename") => {
            let p = arg_str(&args, 0);
            Value::str(p.rsplit(['\\', '/']).next().unwrap_or(""))
        }
        ("io.path", "getextension") => {
            let p = arg_str(&args, 0);
            Value::str(p.rfind('.').map(|i| &p[i..]).unwrap_or(""))
        }
        ("datetime", "parseexact" | "parse" | "daysinmonth" | "isleapyear") => {
            match super::dates::static_call(engine, name, &args, span) {
                Some(r) => r?,
                None => Value::Null,
            }
        }
        ("regex" | "text.regularexpressions.regex", _) => {
            match super::regex_methods::static_call(engine, name, &args, span) {
                Some(r) => r?,
                None => {
                    return Err(Flow::Error(Box::new(errors::runtime(
                        format!("Method invocation failed because [{t}] does not contain a method named '{name}'."),
                        "MethodNotFound",
                        "InvalidOperation",
                        ":",
                        Some(engine.position(span)),
                    ))));
                }
            }
        }
        // Constructors of the collections scripts build results in (lists are arrays here).
        (t, "new") if t.starts_with("collections.arraylist") => {
            Value::array_list(args.first().map(|v| v.enumerate()).filter(|_| args.len() == 1).unwrap_or_default())
        }
        (t, "new") if t.starts_with("collections.generic.list") => {
            Value::generic_list(args.first().filter(|v| v.is_array()).map(|v| v.enumerate()).unwrap_or_default())
        }
        ("collections.hashtable" | "hashtable", "new") => Value::hashtable(crate::value::Hashtable::new()),
        ("console", "writeline") | ("console", "write") => {
            let text = arg_str(&args, 0);
            engine.host_line(&text);
            Value::Null
        }
        _ => {
            return Err(Flow::Error(Box::new(errors::runtime(
                format!("Method invocation failed because [{t}] does not contain a method named '{name}'."),
                "MethodNotFound",
                "InvalidOperation",
                ":",
                Some(engine.position(span)),
            ))));
        }
    };
    Ok(r)
}
