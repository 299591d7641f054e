//! `System.Collections.Generic.HashSet[T]`'s methods: `Add` and `Remove` return whether the set
//! changed (so `$set.Add('a')` prints True/False unless discarded), `Contains`, and the set
//! operations `UnionWith`, `IntersectWith`, `ExceptWith`, `SymmetricExceptWith`, `IsSubsetOf`,
//! `IsSupersetOf`, `Overlaps`, `SetEquals`. Elements compare as .NET's default comparer does:
//! strings ordinally, so case-sensitively.

use std::cell::RefCell;

use crate::value::{Array, Value, convert};

/// Two elements are the same set member (EqualityComparer<T>.Default).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        _ => convert::equals(a, b, true),
    }
}

fn contains(items: &[Value], v: &Value) -> bool {
    items.iter().any(|i| same(i, v))
}

/// A HashSet method call; `None` when `name` (lower case) is not one of these.
pub(crate) fn hashset_method(set: &RefCell<Array>, name: &str, args: &[Value]) -> Option<Value> {
    let arg = args.first().cloned().unwrap_or(Value::Null);
    let other = || arg.enumerate();
    Some(match name {
        "add" => {
            let new = !contains(&set.borrow(), &arg);
            if new {
                set.borrow_mut().push(arg.clone());
            }
            Value::Bool(new)
        }
        "remove" => {
            let pos = set.borrow().iter().position(|i| same(i, &arg));
            if let Some(p) = pos {
                set.borrow_mut().remove(p);
            }
            Value::Bool(pos.is_some())
        }
        "contains" => Value::Bool(contains(&set.borrow(), &arg)),
        "unionwith" => {
            for v in other() {
                if !contains(&set.borrow(), &v) {
                    set.borrow_mut().push(v);
                }
            }
            Value::Null
        }
        "intersectwith" => {
            let o = other();
            set.borrow_mut().retain(|i| contains(&o, i));
            Value::Null
        }
        "exceptwith" => {
            let o = other();
            set.borrow_mut().retain(|i| !contains(&o, i));
            Value::Null
        }
        "symmetricexceptwith" => {
            let o = other();
            let mine = set.borrow().to_vec();
            set.borrow_mut().retain(|i| !contains(&o, i));
            for v in o {
                if !contains(&mine, &v) && !contains(&set.borrow(), &v) {
                    set.borrow_mut().push(v);
                }
            }
            Value::Null
        }
        "issubsetof" => Value::Bool(set.borrow().iter().all(|i| contains(&other(), i))),
        "issupersetof" => Value::Bool(other().iter().all(|v| contains(&set.borrow(), v))),
        "overlaps" => Value::Bool(other().iter().any(|v| contains(&set.borrow(), v))),
        "setequals" => {
            let o = other();
            Value::Bool(o.iter().all(|v| contains(&set.borrow(), v)) && set.borrow().iter().all(|i| contains(&o, i)))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::strings;

    fn run(src: &str) -> String {
        strings(src).map(|v| v.join(",")).unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn add_remove_report_changes_and_strings_are_ordinal() {
        let new = "$s = [System.Collections.Generic.HashSet[string]]::new();";
        assert_eq!(run(&format!("{new} $s.Add('a'); $s.Add('A'); $s.Add('a'); $s.Count")), "True,True,False,2");
        assert_eq!(run(&format!("{new} [void]$s.Add('a'); $s.Contains('a'); $s.Contains('A')")), "True,False");
        assert_eq!(run(&format!("{new} [void]$s.Add('a'); $s.Remove('a'); $s.Remove('a'); $s.Count")), "True,False,0");
    }

    #[test]
    fn set_operations() {
        let new = "$s = [System.Collections.Generic.HashSet[string]]::new(); [void]$s.Add('a'); [void]$s.Add('b');";
        assert_eq!(run(&format!("{new} $null = $s.UnionWith([string[]]('b','c')); $s -join ''")), "abc");
        assert_eq!(run(&format!("{new} $null = $s.IntersectWith([string[]]('b','c')); $s -join ''")), "b");
        assert_eq!(run(&format!("{new} $null = $s.ExceptWith([string[]]('a')); $s -join ''")), "b");
        assert_eq!(run(&format!("{new} $null = $s.SymmetricExceptWith([string[]]('b','c')); $s -join ''")), "ac");
        assert_eq!(
            run(&format!("{new} $s.IsSubsetOf([string[]]('a','b','c')); $s.Overlaps([string[]]('z'))")),
            "True,False"
        );
    }
}
