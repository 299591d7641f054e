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
    Flow::Error(Box::new(errors::runtime(
        format!("Method invocation failed because [{tn}] does not contain a method named '{name}'."),
        "MethodNotFound",
        "InvalidOperation",
        &format!("{name}:String"),
        Some(engine.position(span)),
    )))
}

/// A .NET method that threw: `Exception calling "M" with "N" argument(s): "…"` (MethodInvocationException).
fn method_exception(engine: &Engine, message: String, fqid: &str, span: Span) -> Flow {
    errors::runtime(message, fqid, "NotSpecified", ":", Some(engine.position(span)))
        .with_exception("System.Management.Automation.MethodInvocationException")
        .flow()
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

/// How many collections deep member enumeration goes (`$nested.Name`, `$nested.Method()`) before
/// it fails as PowerShell's stack guard does. PowerShell's depth is its stack's; exsh fixes one
/// (docs/reference/unbreakable.md).
pub(crate) const MAX_MEMBER_DEPTH: usize = 1000;

/// `Insufficient stack to continue executing the program safely.…` (.NET's
/// InsufficientExecutionStackException, from `RuntimeHelpers.EnsureSufficientExecutionStack` in
/// EnumerableOps' PropertyGetterWorker and MethodInvokerWorker), an exception the script sees as a
/// runtime error.
pub(crate) fn insufficient_stack() -> Flow {
    let ty = "System.InsufficientExecutionStackException";
    super::errors::runtime(
        "Insufficient stack to continue executing the program safely. This can happen from having too many functions on the call stack or function on the stack using too much stack space.",
        ty,
        "OperationStopped",
        ":",
        None,
    ).with_exception(ty).flow()
}

/// `target.Name(args)`.
pub(crate) fn call_method(
    engine: &mut Engine,
    target: &Value,
    name: &str,
    args: Vec<Value>,
    span: Span,
) -> EvalResult<Value> {
    call_method_an(engine, target, name, args, span).map(|(v, _)| v)
}

/// `target.Name(args)`, and whether its value is `AutomationNull.Value`, so that as a statement it
/// writes nothing: a .NET method declared `void` (void_methods.rs), a script class's `[void]`
/// method, a script method that wrote nothing (ScriptBlock.GetRawResult of an empty result).
pub(crate) fn call_method_an(
    engine: &mut Engine,
    target: &Value,
    name: &str,
    args: Vec<Value>,
    span: Span,
) -> EvalResult<(Value, bool)> {
    let mut empty = false;
    let v = dispatch(engine, target, name, args, span, &mut empty)?;
    Ok((v, empty || super::void_methods::instance(target, &name.to_ascii_lowercase())))
}

/// The method call; `empty` is set when a script method or class method wrote nothing.
fn dispatch(
    engine: &mut Engine,
    target: &Value,
    name: &str,
    args: Vec<Value>,
    span: Span,
    empty: &mut bool,
) -> EvalResult<Value> {
    let lname = name.to_ascii_lowercase();
    // A script class's own methods (and overrides of ToString, Equals, …) come first.
    if let Some(r) = engine.call_instance_method(target, name, &args, span) {
        let (v, void) = r?;
        *empty = void;
        return Ok(v);
    }
    if let Some(r) = engine.intrinsic_method(target, name, &args, span) {
        return r;
    }
    if let Some(r) = engine.stopwatch_method(target, name, &args, span) {
        return r;
    }
    if let Some(r) = engine.principal_method(target, name, &args, span) {
        return r;
    }
    if let Some(r) = crate::value::size::size_method(target, &lname) {
        if !args.is_empty() {
            return Err(super::statics::no_overload(engine, name, args.len(), span));
        }
        return Ok(r);
    }
    if let Some(r) = super::statics::encoding_method(target, &lname, &args) {
        return Ok(r);
    }
    if lname == "getnetworkcredential"
        && args.is_empty()
        && let Some(n) = crate::value::secure::network_credential(target)
    {
        return Ok(n);
    }
    if let Value::Object(o) = target
        && o.borrow().type_names.first().is_some_and(|t| &**t == super::convert_to::REGEX)
        && matches!(lname.as_str(), "ismatch" | "matches" | "replace" | "split")
    {
        // `$re.Method(input, …)` is `[regex]::Method(input, pattern, …)`.
        let mut call = args.clone();
        call.insert(call.len().min(1), Value::str(convert::to_string(target)));
        return regex_static(engine, &lname, call, span);
    }
    // Methods every object has.
    match lname.as_str() {
        // Object.ToString(): a collection is its type name, never its elements.
        "tostring" if args.is_empty() => return Ok(Value::str(convert::element_to_string(target))),
        "gettype" if !target.is_null() => {
            let user = engine.types.borrow();
            return Ok(match super::types::type_of(&user, target) {
                Some(ty) => super::types::runtime_type(&user, &ty),
                None => super::types::named_runtime_type(&target.type_name()),
            });
        }
        "hasflag" if matches!(target, Value::Enum(_)) => {
            let Value::Enum(e) = target else { return Err(no_method(engine, target, name, span)) };
            let other = match args.first() {
                Some(Value::Enum(o)) => o.bits,
                Some(v) => convert::to_int(v).unwrap_or(0) as u64,
                None => return Err(no_method(engine, target, name, span)),
            };
            return Ok(Value::Bool(e.has(other)));
        }
        "equals" if !target.is_null() => {
            return Ok(Value::Bool(convert::equals(target, args.first().unwrap_or(&Value::Null), false)));
        }
        "gethashcode" if !target.is_null() => return Ok(Value::Int(convert::to_string(target).len() as i64)),
        _ => {}
    }
    match target {
        Value::Str(s) => {
            // PadLeft/PadRight build a string as wide as asked: past exsh's string limit that is
            // .NET's OutOfMemoryException, wrapped as a method's exception (docs/reference/unbreakable.md).
            if matches!(lname.as_str(), "padleft" | "padright") {
                let w = arg_int(&args, 0).unwrap_or(0).max(0) as usize;
                if w > super::ops::STRING_LIMIT {
                    let n = args.len();
                    return Err(super::statics::invocation_error(
                        engine,
                        name,
                        n,
                        super::statics::OUT_OF_MEMORY,
                        "OutOfMemoryException",
                        span,
                    ));
                }
                engine.charge((w / 64) as u64)?;
            }
            string_method(engine, s, &lname, &args).ok_or_else(|| no_method(engine, target, name, span))
        }
        Value::Array(a) if a.borrow().kind == crate::value::ArrayKind::HashSet => {
            match super::hashset_methods::hashset_method(a, &lname, &args) {
                Some(r) => Ok(r),
                None if lname == "clear" => {
                    a.borrow_mut().clear();
                    Ok(Value::Null)
                }
                None => Err(no_method(engine, target, name, span)),
            }
        }
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
                    // List<T>.Remove and Collection<T>.Remove return whether an item went;
                    // ArrayList.Remove is void.
                    return Ok(match a.borrow().kind {
                        crate::value::ArrayKind::ArrayList => Value::Null,
                        _ => Value::Bool(pos.is_some()),
                    });
                }
                "insert" => {
                    let len = a.borrow().len() as i64;
                    let i = arg_int(&args, 0).unwrap_or(-1);
                    if !(0..=len).contains(&i) {
                        let text = match a.borrow().kind {
                            crate::value::ArrayKind::ArrayList => {
                                "Insertion index was out of range. Must be non-negative and less than or equal to size."
                            }
                            _ => "Index must be within the bounds of the List.",
                        };
                        return Err(method_exception(
                            engine,
                            format!(
                                "Exception calling \"{name}\" with \"{}\" argument(s): \"{text}\r\nParameter name: index\"",
                                args.len()
                            ),
                            "ArgumentOutOfRangeException",
                            span,
                        ));
                    }
                    a.borrow_mut().items.insert(i as usize, args.get(1).cloned().unwrap_or(Value::Null));
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
                // Array.Clone and ArrayList.Clone: a shallow copy of the same collection type.
                "clone" if args.is_empty() && a.borrow().kind != crate::value::ArrayKind::GenericList => {
                    return Ok(Value::Array(std::rc::Rc::new(std::cell::RefCell::new(a.borrow().clone()))));
                }
                _ => {}
            }
            // Method enumeration: call on each element (MethodInvokerWorker, recursively into
            // elements that are collections, after EnsureSufficientExecutionStack).
            let items = a.borrow().clone();
            if items.is_empty() {
                return Err(no_method(engine, target, name, span));
            }
            if engine.member_depth >= MAX_MEMBER_DEPTH {
                return Err(insufficient_stack());
            }
            engine.member_depth += 1;
            let mut out = Vec::new();
            let mut failed = None;
            for i in items {
                match call_method(engine, &i, name, args.clone(), span) {
                    Ok(v) => out.push(v),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            engine.member_depth -= 1;
            match failed {
                Some(e) => Err(e),
                None => Ok(Value::array(out)),
            }
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
                // Hashtable.Clone: new Hashtable(Count, comparer) filled in enumeration order (an
                // OrderedDictionary has no Clone).
                "clone" if !h.borrow().ordered => {
                    let src = h.borrow();
                    Value::hashtable(match src.key_hash() {
                        Some(kh) => src.to_dotnet(kh),
                        None => src.clone(),
                    })
                }
                "clear" => {
                    h.borrow_mut().clear();
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
        Value::Object(_) if super::pscmdlet::is_pscmdlet(target) => engine
            .pscmdlet_method(target, name, &args, span)
            .unwrap_or_else(|| Err(no_method(engine, target, name, span))),
        Value::Object(o) => {
            let ob = o.borrow().clone();
            let first = ob.type_names.first().map(|t| t.as_ref()).unwrap_or_default();
            if lname == "promptforchoice" && first == super::automatic::UI_TYPE {
                return engine.prompt_for_choice(&args, span);
            }
            if lname == "readkey" && first == super::automatic::RAW_UI_TYPE {
                return engine.read_key(&args, span);
            }
            if let Some(r) = engine.host_ui_method(&ob, &lname, &args)? {
                return Ok(r);
            }
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
                let out = r?;
                *empty = out.is_empty();
                return Ok(Engine::collapse(out));
            }
            Err(no_method(engine, target, name, span))
        }
        Value::ScriptBlock(sb) if lname == "invoke" || lname == "invokereturnasis" => {
            // Invoke's empty Collection<PSObject> enumerates to nothing; InvokeReturnAsIs gives
            // AutomationNull.Value.
            let out = engine.invoke_block_with_underscore(sb, None)?;
            *empty = out.is_empty();
            Ok(Engine::collapse(out))
        }
        Value::Int(_) | Value::Long(_) | Value::Double(_) if lname == "tostring" => {
            to_string_with_format(engine, target, &args, span)
        }
        _ => Err(no_method(engine, target, name, span)),
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

/// `[Type]::Member`: a class's static property, an enum member, or a built-in type's.
pub(crate) fn static_member(engine: &mut Engine, t: &str, name: &str, span: Span) -> EvalResult<Value> {
    if let Some(v) = engine.static_property(t, name) {
        return Ok(v);
    }
    let ty = engine.resolve_type(t, span)?;
    engine.builtin_static_member(&ty, t, name, span)
}

/// The type a RuntimeType object stands for (`$t = [int]; $t::MaxValue`).
fn type_object_name(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == "System.RuntimeType") => {
            o.borrow().get("FullName").map(|v| convert::to_string(&v))
        }
        _ => None,
    }
}

/// `$value::Member`: static members through a type object; other values' instance members.
pub(crate) fn static_member_of_value(engine: &mut Engine, v: &Value, name: &str, span: Span) -> EvalResult<Value> {
    match type_object_name(v) {
        Some(t) => static_member(engine, &t, name, span),
        None => engine.get_member(v, name),
    }
}

/// `$value::Method(args)` through a type object, and whether its value is `AutomationNull.Value`.
pub(crate) fn static_method_of_value_an(
    engine: &mut Engine,
    v: &Value,
    name: &str,
    args: Vec<Value>,
    span: Span,
) -> EvalResult<(Value, bool)> {
    match type_object_name(v) {
        Some(t) => static_method_an(engine, &t, name, args, span),
        None => call_method_an(engine, v, name, args, span),
    }
}

/// `[Type]::Method(args)`: a class's static method or constructor, or a built-in type's.
/// `[System.IO.File]`, `[System.IO.Directory]` and the `[System.IO.Path]` methods that touch the
/// file system, through the host's file edge. .NET resolves a relative path against the process's
/// directory, which Set-Location does not move: the start location. `None` for other methods.
fn file_static(
    engine: &mut Engine,
    t: &str,
    n: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<EvalResult<Value>> {
    use crate::cmdlet::encoding::{self, Encoding};
    if !matches!(t, "io.file" | "io.directory" | "io.path") {
        return None;
    }
    let start =
        if engine.directory.org.version.is_on_premises() { "C:\\Windows\\system32" } else { crate::cmdlet::path::HOME };
    let base = crate::cmdlet::WinPath::absolute(start).unwrap_or_else(|| crate::cmdlet::WinPath::drive('C'));
    let text0 = arg_str(args, 0);
    let fail = |engine: &Engine, message: String, fqid: &str| {
        Err(method_exception(
            engine,
            format!("Exception calling \"{name}\" with \"{}\" argument(s): \"{message}\"", args.len()),
            fqid,
            span,
        ))
    };
    let resolved = crate::cmdlet::path::resolve(&base, &text0);
    let p = match (&resolved, t, n) {
        (_, "io.path", "combine" | "getfilename" | "getextension") => return None,
        (Ok(p), _, _) => p.clone(),
        (Err(e), _, _) => return Some(fail(engine, e.message().to_string(), "NotSupportedException")),
    };
    let full = p.to_string();
    let files = engine.host.files();
    let lines_text = |v: Option<&Value>| -> String {
        v.map(|v| v.enumerate().iter().map(|x| convert::to_string(x) + "\r\n").collect()).unwrap_or_default()
    };
    let r = match (t, n) {
        ("io.file", "exists") => Value::Bool(files.stat(&p).is_some_and(|i| !i.is_dir)),
        ("io.directory", "exists") => Value::Bool(files.stat(&p).is_some_and(|i| i.is_dir)),
        ("io.file", "readalltext") | ("io.file", "readalllines") => match files.read_bytes(&p) {
            Ok(b) => {
                let text = encoding::decode(&b);
                if n == "readalltext" {
                    Value::str(text)
                } else {
                    let mut lines: Vec<Value> =
                        text.split('\n').map(|l| Value::str(l.trim_end_matches('\r'))).collect();
                    if text.ends_with('\n') {
                        lines.pop();
                    }
                    Value::array(lines)
                }
            }
            Err(e) => return Some(fail(engine, e.message(&full), "FileNotFoundException")),
        },
        ("io.file", "writealltext" | "appendalltext" | "writealllines" | "appendalllines") => {
            let text = if n.ends_with("lines") { lines_text(args.get(1)) } else { arg_str(args, 1) };
            let append = n.starts_with("append");
            // .NET's File methods write UTF-8 without a BOM.
            match files.write_bytes(&p, &Encoding::Utf8.encode(&text), append) {
                Ok(()) => Value::Null,
                Err(e) => return Some(fail(engine, e.message(&full), "DirectoryNotFoundException")),
            }
        }
        ("io.file", "delete") => {
            // Deleting a missing file is not an error in .NET.
            let _ = files.remove_item(&p, false);
            Value::Null
        }
        ("io.file", "copy") => {
            let to = match crate::cmdlet::path::resolve(&base, &arg_str(args, 1)) {
                Ok(t) => t,
                Err(e) => return Some(fail(engine, e.message().to_string(), "NotSupportedException")),
            };
            match files.copy_file(&p, &to) {
                Ok(()) => Value::Null,
                Err(e) => return Some(fail(engine, e.message(&full), "IOException")),
            }
        }
        ("io.directory", "createdirectory") => match files.create_dir(&p) {
            Ok(()) => Value::str(full),
            Err(e) => return Some(fail(engine, e.message(&full), "IOException")),
        },
        ("io.path", "getfullpath") => Value::str(full),
        ("io.path", "getdirectoryname") => {
            // The text before the last separator, as given (a root has none).
            let t = text0.replace('/', "\\");
            match t.rfind('\\') {
                Some(i) if !(i == 2 && t.as_bytes().get(1) == Some(&b':') && t.len() == 3) => {
                    let d = &t[..i];
                    Value::str(if d.len() == 2 && d.ends_with(':') { format!("{d}\\") } else { d.to_string() })
                }
                Some(_) => Value::Null,
                None => Value::str(""),
            }
        }
        ("io.path", "getfilenamewithoutextension") => {
            let leaf = text0.rsplit(['\\', '/']).next().unwrap_or("").to_string();
            Value::str(match leaf.rfind('.') {
                Some(i) => leaf[..i].to_string(),
                None => leaf,
            })
        }
        ("io.path", "gettemppath") => Value::str("C:\\Users\\Administrator\\AppData\\Local\\Temp\\"),
        _ => return None,
    };
    Some(Ok(r))
}

/// `[Type]::Method(args)`, and whether its value is `AutomationNull.Value`: a static method
/// declared `void` (void_methods.rs) or a script class's `static [void]` method.
pub(crate) fn static_method_an(
    engine: &mut Engine,
    t: &str,
    name: &str,
    args: Vec<Value>,
    span: Span,
) -> EvalResult<(Value, bool)> {
    let mut empty = false;
    let v = static_dispatch(engine, t, name, args, span, &mut empty)?;
    Ok((v, empty || super::void_methods::static_method(t, &name.to_ascii_lowercase())))
}

/// The static call; `empty` is set when a script class's method is `[void]`.
fn static_dispatch(
    engine: &mut Engine,
    t: &str,
    name: &str,
    args: Vec<Value>,
    span: Span,
    empty: &mut bool,
) -> EvalResult<Value> {
    let n = name.to_ascii_lowercase();
    if n == "tryparse"
        && let Some(r) = engine.try_parse(t, &args)
    {
        return r;
    }
    // [System.Management.Automation.ErrorRecord]::new(exception, errorId, category, targetObject).
    if n == "new" && t.trim_start_matches("System.Management.Automation.").eq_ignore_ascii_case("ErrorRecord") {
        let (ty, msg) = args
            .first()
            .and_then(super::exceptions::as_exception)
            .unwrap_or_else(|| ("System.Exception".into(), arg_str(&args, 0)));
        let target = args.get(3).cloned().unwrap_or(Value::Null);
        let target_text = if target.is_null() {
            ":".to_string()
        } else {
            let tn = target.type_name();
            format!("{}:{}", convert::to_string(&target), tn.rsplit('.').next().unwrap_or(&tn))
        };
        let category = match arg_str(&args, 2) {
            c if c.is_empty() => "NotSpecified".to_string(),
            c => c,
        };
        let rec = errors::local_record(msg, &ty, &category, &target_text, "", &arg_str(&args, 1), None, None);
        let v = errors::record_value(&rec);
        if let Value::Object(o) = &v {
            o.borrow_mut().set("TargetObject", target);
        }
        return Ok(v);
    }
    if n == "new"
        && matches!(t.to_ascii_lowercase().trim_start_matches("system.management.automation."), "pscredential")
        && let Some(c) = crate::value::secure::credential(&args)
    {
        return Ok(c);
    }
    if n == "new"
        && let Some(full) = super::exceptions::exception_type(t)
    {
        return Ok(super::exceptions::exception_value(&full, &args));
    }
    let tl = t.to_ascii_lowercase();
    let tl = tl.strip_prefix("system.").unwrap_or(&tl).to_string();
    if let Some(r) = file_static(engine, &tl, &n, name, &args, span) {
        return r;
    }
    if let Some(v) = marshal_static(&tl, &n, &args) {
        return Ok(v);
    }
    // .NET date parsing and regular expressions (dates.rs, regex_methods.rs).
    match (tl.as_str(), n.as_str()) {
        ("datetime", "parseexact" | "parse" | "daysinmonth" | "isleapyear") => {
            if let Some(r) = super::dates::static_call(engine, name, &args, span) {
                return r;
            }
        }
        ("regex" | "text.regularexpressions.regex", _) => {
            if let Some(r) = super::regex_methods::static_call(engine, name, &args, span) {
                return r;
            }
        }
        _ => {}
    }
    if let Some(r) = engine.call_static_method(t, name, args.clone(), span) {
        let (v, void) = r?;
        *empty = void;
        return Ok(v);
    }
    let ty = engine.resolve_type(t, span)?;
    engine.builtin_static_method(&ty, t, name, args, span)
}

/// `[regex]::IsMatch/Matches/Match/Replace/Split(input, pattern[, …])`: .NET regular expressions
/// (regex_methods.rs over value::regex).
pub(crate) fn regex_static(engine: &mut Engine, n: &str, args: Vec<Value>, span: Span) -> EvalResult<Value> {
    super::regex_methods::static_call(engine, n, &args, span).unwrap_or(Ok(Value::Null))
}

/// `[Runtime.InteropServices.Marshal]`'s SecureString round trip, as scripts use it to read a
/// password back: `SecureStringToBSTR` / `SecureStringToGlobalAllocUnicode` give a pointer (an
/// IntPtr that keeps the text out of sight), `PtrToStringAuto` / `PtrToStringBSTR` /
/// `PtrToStringUni` read it, `ZeroFreeBSTR` / `ZeroFreeGlobalAllocUnicode` free it. The pointer's
/// number is fixed (inferred; a real one is an address).
fn marshal_static(t: &str, n: &str, args: &[Value]) -> Option<Value> {
    if t != "runtime.interopservices.marshal" {
        return None;
    }
    const POINTER: &str = "System.IntPtr";
    const TEXT: &str = "__ExshPointerText";
    match n {
        "securestringtobstr" | "securestringtoglobalallocunicode" => {
            let text = crate::value::secure::secure_text(args.first()?)?;
            let mut p = crate::value::PsObject::new(&[POINTER, "System.ValueType", "System.Object"]);
            p.set_hidden(TEXT, Value::str(text));
            p.display = Some("2199023255552".into());
            Some(Value::object(p))
        }
        "ptrtostringauto" | "ptrtostringbstr" | "ptrtostringuni" => match args.first() {
            Some(Value::Object(o)) if o.borrow().type_names.first().map(|t| t.as_ref()) == Some(POINTER) => {
                Some(o.borrow().get(TEXT).unwrap_or(Value::Null))
            }
            _ => None,
        },
        "zerofreebstr" | "zerofreeglobalallocunicode" => Some(Value::Null),
        _ => None,
    }
}
