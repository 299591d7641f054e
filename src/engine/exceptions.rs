//! The .NET exception types scripts name in `catch [T]` and `trap [T]`, their base classes, and
//! PowerShell's rule for picking the handler (ExceptionHandlingOps.FindMatchingHandler in
//! `engine/runtime/Operations/MiscOps.cs`): for the inner exception first, then the error's own,
//! an exact type match anywhere wins, then a base class, then an untyped handler.

/// Each type with its base class (System.Exception is the root).
const BASES: &[(&str, &str)] = &[
    ("System.SystemException", "System.Exception"),
    ("System.ApplicationException", "System.Exception"),
    ("System.ArgumentException", "System.SystemException"),
    ("System.ArgumentNullException", "System.ArgumentException"),
    ("System.ArgumentOutOfRangeException", "System.ArgumentException"),
    ("System.ArithmeticException", "System.SystemException"),
    ("System.DivideByZeroException", "System.ArithmeticException"),
    ("System.OverflowException", "System.ArithmeticException"),
    ("System.FormatException", "System.SystemException"),
    ("System.IndexOutOfRangeException", "System.SystemException"),
    ("System.InvalidCastException", "System.SystemException"),
    ("System.InvalidOperationException", "System.SystemException"),
    ("System.NotSupportedException", "System.SystemException"),
    ("System.NotImplementedException", "System.SystemException"),
    ("System.NullReferenceException", "System.SystemException"),
    ("System.TimeoutException", "System.SystemException"),
    ("System.UnauthorizedAccessException", "System.SystemException"),
    ("System.Collections.Generic.KeyNotFoundException", "System.SystemException"),
    ("System.IO.IOException", "System.SystemException"),
    ("System.IO.FileNotFoundException", "System.IO.IOException"),
    ("System.IO.DirectoryNotFoundException", "System.IO.IOException"),
    ("System.Management.Automation.RuntimeException", "System.SystemException"),
    ("System.Management.Automation.ActionPreferenceStopException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.CommandNotFoundException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.CmdletInvocationException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ParameterBindingException", "System.Management.Automation.RuntimeException"),
    (
        "System.Management.Automation.ParameterBindingValidationException",
        "System.Management.Automation.ParameterBindingException",
    ),
    (
        "System.Management.Automation.ParameterBindingArgumentTransformationException",
        "System.Management.Automation.ParameterBindingException",
    ),
    ("System.Management.Automation.MethodException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.MethodInvocationException", "System.Management.Automation.MethodException"),
    ("System.Management.Automation.ExtendedTypeSystemException", "System.Management.Automation.RuntimeException"),
    (
        "System.Management.Automation.PropertyNotFoundException",
        "System.Management.Automation.ExtendedTypeSystemException",
    ),
    ("System.Management.Automation.SetValueInvocationException", "System.Management.Automation.SetValueException"),
    ("System.Management.Automation.SetValueException", "System.Management.Automation.ExtendedTypeSystemException"),
    ("System.Management.Automation.SessionStateException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ItemNotFoundException", "System.Management.Automation.SessionStateException"),
    ("System.Management.Automation.DriveNotFoundException", "System.Management.Automation.SessionStateException"),
    ("System.Management.Automation.PipelineStoppedException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.MetadataException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ValidationMetadataException", "System.Management.Automation.MetadataException"),
    ("System.Management.Automation.WildcardPatternException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ParseException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.IncompleteParseException", "System.Management.Automation.ParseException"),
    ("System.Management.Automation.ParentContainsErrorRecordException", "System.SystemException"),
    ("System.Management.Automation.PSInvalidOperationException", "System.InvalidOperationException"),
    ("System.Management.Automation.PSArgumentException", "System.ArgumentException"),
    ("System.Management.Automation.PSArgumentNullException", "System.ArgumentNullException"),
    ("System.Management.Automation.PSNotSupportedException", "System.NotSupportedException"),
    ("System.Management.Automation.RemoteException", "System.Management.Automation.RuntimeException"),
    ("Microsoft.PowerShell.Commands.WriteErrorException", "System.SystemException"),
];

/// The full name of a type as written in `catch [T]` (`Exception`, `System.Exception`, or a short
/// name PowerShell would not resolve but is unambiguous here), or the text itself.
pub(crate) fn full_name(written: &str) -> String {
    let w = written.trim();
    let known = |n: &str| BASES.iter().any(|(t, b)| t.eq_ignore_ascii_case(n) || b.eq_ignore_ascii_case(n));
    if known(w) {
        return canonical(w).to_string();
    }
    let sys = format!("System.{w}");
    if known(&sys) {
        return canonical(&sys).to_string();
    }
    let dotted = format!(".{}", w.to_ascii_lowercase());
    for (t, _) in BASES {
        if t.to_ascii_lowercase().ends_with(&dotted) {
            return t.to_string();
        }
    }
    w.to_string()
}

/// The table's spelling of a type name.
fn canonical(n: &str) -> &str {
    for (t, b) in BASES {
        if t.eq_ignore_ascii_case(n) {
            return t;
        }
        if b.eq_ignore_ascii_case(n) {
            return b;
        }
    }
    n
}

/// The base class of a type; an unknown type derives from System.Exception.
fn base_of(t: &str) -> Option<&'static str> {
    if t.eq_ignore_ascii_case("System.Exception") {
        return None;
    }
    Some(BASES.iter().find(|(n, _)| n.eq_ignore_ascii_case(t)).map(|(_, b)| *b).unwrap_or("System.Exception"))
}

/// True when `exception` is a proper subclass of `handler`.
fn is_subclass(exception: &str, handler: &str) -> bool {
    let mut cur = base_of(exception);
    let mut guard = 0;
    while let Some(b) = cur {
        if b.eq_ignore_ascii_case(handler) {
            return true;
        }
        guard += 1;
        if guard > 32 {
            break;
        }
        cur = base_of(b);
    }
    false
}

/// True for System.Management.Automation.RuntimeException and its subclasses: the exceptions a
/// `throw` marks `WasThrownFromThrowStatement` (RuntimeException's setter passes the mark on to its
/// record's exception only when that is a RuntimeException too; MiscOps.cs ConvertToException).
pub(crate) fn is_runtime_exception(exception_type: &str) -> bool {
    const RTE: &str = "System.Management.Automation.RuntimeException";
    exception_type.eq_ignore_ascii_case(RTE) || is_subclass(exception_type, RTE)
}

/// The .NET exception PowerShell wraps in the RuntimeException of some engine errors (an
/// arithmetic error's `InnerException`), found by the record's message.
pub(crate) fn inner_of(message: &str, exception_type: &str) -> Option<&'static str> {
    if !exception_type.eq_ignore_ascii_case("System.Management.Automation.RuntimeException") {
        return None;
    }
    match message {
        "Attempted to divide by zero." => Some("System.DivideByZeroException"),
        "Index was outside the bounds of the array." => Some("System.IndexOutOfRangeException"),
        _ => None,
    }
}

/// Which handler takes an error: `handlers[i]` is the list of type names of handler `i` (empty for
/// an untyped one). Returns the handler's index and the exception type `$_.Exception` is then.
pub(crate) fn find_handler(handlers: &[Vec<String>], exception_type: &str, message: &str) -> Option<(usize, String)> {
    let candidates: Vec<&str> = inner_of(message, exception_type).into_iter().chain([exception_type]).collect();
    let by_type = |ex: &str| -> Option<usize> {
        let written: Vec<Vec<String>> = handlers.iter().map(|h| h.iter().map(|t| full_name(t)).collect()).collect();
        written
            .iter()
            .position(|ts| ts.iter().any(|t| t.eq_ignore_ascii_case(ex)))
            .or_else(|| written.iter().position(|ts| ts.iter().any(|t| is_subclass(ex, t))))
    };
    for ex in &candidates {
        if let Some(i) = by_type(ex) {
            return Some((i, ex.to_string()));
        }
    }
    handlers.iter().position(|h| h.is_empty()).map(|i| (i, exception_type.to_string()))
}

/// The full name of an exception type written as `[T]` (`[ArgumentException]`,
/// `[System.IO.IOException]`), `None` when `T` is not an exception type.
pub(crate) fn exception_type(written: &str) -> Option<String> {
    let full = full_name(written);
    let known =
        full.eq_ignore_ascii_case("System.Exception") || BASES.iter().any(|(t, _)| t.eq_ignore_ascii_case(&full));
    (known || full.ends_with("Exception")).then_some(full)
}

/// An exception object, as `[T]::new(message)` makes it: its type names are the class chain (so
/// `-is` and `GetType()` see it), with `Message` and `InnerException`; it prints as .NET's
/// `Exception.ToString()` first line, `Type: message`.
pub(crate) fn exception_value(full: &str, args: &[crate::value::Value]) -> crate::value::Value {
    use crate::value::{PsObject, Value, convert};
    let mut chain = vec![full.to_string()];
    while let Some(b) = base_of(chain.last().map(String::as_str).unwrap_or("System.Exception")) {
        chain.push(b.to_string());
    }
    chain.push("System.Object".into());
    let names: Vec<&str> = chain.iter().map(String::as_str).collect();
    let is_argument = chain.iter().any(|t| t == "System.ArgumentException");
    let mut message = match args.first() {
        Some(m) if !m.is_null() => convert::to_string(m),
        _ if is_argument => "Value does not fall within the expected range.".into(),
        _ => format!("Exception of type '{full}' was thrown."),
    };
    let mut inner = Value::Null;
    match args.get(1) {
        // (message, paramName): .NET Framework appends the parameter name on its own line.
        Some(Value::Str(p)) if is_argument => message = format!("{message}\r\nParameter name: {p}"),
        Some(v) if !v.is_null() => inner = v.clone(),
        _ => {}
    }
    let mut o = PsObject::new(&names).with("Message", message.as_str()).with("InnerException", inner);
    o.display = Some(format!("{full}: {message}").into());
    Value::object(o)
}

/// The type and message of an exception object (`throw $exception`), `None` for other values.
pub(crate) fn as_exception(v: &crate::value::Value) -> Option<(String, String)> {
    let crate::value::Value::Object(o) = v else { return None };
    let o = o.borrow();
    if !o.type_names.iter().any(|t| t.as_ref() == "System.Exception") {
        return None;
    }
    let ty = o.type_names.first().map(|t| t.to_string())?;
    let msg = o.get("Message").map(|m| crate::value::convert::to_string(&m)).unwrap_or_default();
    Some((ty, msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(types: &[&[&str]]) -> Vec<Vec<String>> {
        types.iter().map(|t| t.iter().map(|s| s.to_string()).collect()).collect()
    }

    #[test]
    fn exact_then_base_then_untyped() {
        let cnf = "System.Management.Automation.CommandNotFoundException";
        let hs = h(&[&["System.Management.Automation.RuntimeException"], &[cnf], &[]]);
        assert_eq!(find_handler(&hs, cnf, "x").map(|r| r.0), Some(1));
        let hs = h(&[&["System.ArgumentException"], &["System.Management.Automation.RuntimeException"], &[]]);
        assert_eq!(find_handler(&hs, cnf, "x").map(|r| r.0), Some(1));
        assert_eq!(find_handler(&hs, "System.ArgumentNullException", "x").map(|r| r.0), Some(0));
        assert_eq!(find_handler(&hs, "Microsoft.Exchange.Foo", "x").map(|r| r.0), Some(2));
        let typed = h(&[&["System.IO.IOException"]]);
        assert_eq!(find_handler(&typed, cnf, "x"), None);
        assert_eq!(find_handler(&h(&[&["Exception"]]), cnf, "x").map(|r| r.0), Some(0));
    }

    #[test]
    fn the_inner_exception_of_a_division_by_zero_is_matched_first() {
        let rte = "System.Management.Automation.RuntimeException";
        let hs = h(&[&["System.DivideByZeroException"], &[]]);
        assert_eq!(
            find_handler(&hs, rte, "Attempted to divide by zero."),
            Some((0, "System.DivideByZeroException".into()))
        );
        assert_eq!(
            find_handler(&h(&[&["ArithmeticException"]]), rte, "Attempted to divide by zero.").map(|r| r.0),
            Some(0)
        );
        assert_eq!(find_handler(&h(&[&[]]), rte, "Attempted to divide by zero."), Some((0, rte.into())));
    }
}
