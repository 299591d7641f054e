//! Which .NET methods are declared `void`: PowerShell's method binder turns a call to one into
//! `AutomationNull.Value` (Binders.cs `PSInvokeMemberBinder`: `if (expr.Type == typeof(void))
//! expr = Expression.Block(expr, ExpressionCache.AutomationNullConstant)`), so `$list.Add('x')` as
//! a statement writes nothing and `@(& { $list.Add('x') }).Count` is 0, while a method that
//! returns a value writes it (`ArrayList.Add` its index, `HashSet.Add` and `List.Remove` a bool,
//! `StringBuilder.Append` the builder).
//!
//! One table per .NET type exsh models, by the name its `GetType().FullName` starts with (generic
//! arguments left off), listing the methods declared void that exsh implements on that type. The
//! return types are the .NET reference's (docs.microsoft.com API pages of each type).

use crate::value::Value;

/// `(type name, void methods in lower case)`.
const INSTANCE: &[(&str, &[&str])] = &[
    ("System.Collections.Generic.List`1", &["add", "addrange", "clear", "insert", "removeat", "reverse", "sort"]),
    ("System.Collections.ArrayList", &["addrange", "clear", "insert", "remove", "removeat", "reverse", "sort"]),
    (
        "System.Collections.Generic.HashSet`1",
        &["clear", "unionwith", "intersectwith", "exceptwith", "symmetricexceptwith"],
    ),
    ("System.Collections.ObjectModel.Collection`1", &["add", "clear", "insert", "removeat"]),
    ("System.Collections.Hashtable", &["add", "clear", "remove"]),
    ("System.Collections.Specialized.OrderedDictionary", &["add", "clear", "insert", "remove", "removeat"]),
    (
        super::automatic::UI_TYPE,
        &["write", "writeline", "writewarningline", "writeverboseline", "writedebugline", "writeerrorline"],
    ),
    (
        super::pscmdlet::TYPE,
        &["writeobject", "writeerror", "writewarning", "writeverbose", "writedebug", "throwterminatingerror"],
    ),
];

/// `(type name without "System.", in lower case; void static methods in lower case)`.
const STATIC: &[(&str, &[&str])] = &[
    ("console", &["write", "writeline"]),
    ("io.file", &["writealltext", "appendalltext", "writealllines", "appendalllines", "delete", "copy"]),
    ("runtime.interopservices.marshal", &["zerofreebstr", "zerofreeglobalallocunicode"]),
];

/// Whether `target.name(…)` calls a method declared `void` (`lname` in lower case).
pub(crate) fn instance(target: &Value, lname: &str) -> bool {
    let full = target.type_name();
    let ty = full.split_once('[').map_or(full.as_str(), |(t, _)| t);
    INSTANCE.iter().any(|(t, ms)| *t == ty && ms.contains(&lname))
}

/// Whether `[t]::name(…)` calls a static method declared `void` (`t` as written, `lname` in lower
/// case).
pub(crate) fn static_method(t: &str, lname: &str) -> bool {
    let t = t.to_ascii_lowercase();
    let t = t.strip_prefix("system.").unwrap_or(&t);
    STATIC.iter().any(|(ty, ms)| *ty == t && ms.contains(&lname))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_add_is_void_and_arraylist_add_is_not() {
        let list = Value::generic_list(Vec::new());
        let al = Value::array_list(Vec::new());
        assert!(instance(&list, "add"));
        assert!(!instance(&list, "remove"));
        assert!(!instance(&al, "add"));
        assert!(instance(&al, "remove"));
        assert!(!instance(&Value::array(Vec::new()), "add"));
    }

    #[test]
    fn statics_by_any_spelling_of_the_type() {
        assert!(static_method("Console", "writeline"));
        assert!(static_method("System.Console", "write"));
        assert!(static_method("IO.File", "writealltext"));
        assert!(!static_method("IO.File", "readalltext"));
    }
}
