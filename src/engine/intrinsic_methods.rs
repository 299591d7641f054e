//! The `.Where()` and `.ForEach()` operators every value has (about_Arrays, about_Intrinsic_Members),
//! after PowerShell's `EnumerableOps.Where` / `EnumerableOps.ForEach` (MiscOps.cs) and the binder's
//! argument checks (Binders.cs): a scalar is a one-element collection, both return a
//! `Collection<PSObject>` (the `Split` mode an `object[]` of two of them).

use std::rc::Rc;

use super::errors;
use super::eval::EvalResult;
use super::types::Ty;
use super::{Engine, Flow};
use crate::syntax::{ScriptBlock, Span};
use crate::value::{ArrayKind, EnumType, Value, convert};

/// `System.Management.Automation.WhereOperatorSelectionMode`.
pub(crate) static WHERE_MODE: EnumType = EnumType {
    name: "System.Management.Automation.WhereOperatorSelectionMode",
    flags: false,
    members: &[("Default", 0), ("First", 1), ("Last", 2), ("SkipUntil", 3), ("Until", 4), ("Split", 5)],
};

const PSOBJECT: &str = "System.Management.Automation.PSObject";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Default,
    First,
    Last,
    SkipUntil,
    Until,
    Split,
}

/// A `Collection<PSObject>`.
fn collection(items: Vec<Value>) -> Value {
    Value::typed_collection(items, ArrayKind::Collection, Some(PSOBJECT))
}

/// A MethodException (`Cannot find an overload…`, `Cannot convert argument…`).
fn method_error(engine: &Engine, message: String, fqid: &str, span: Span) -> Flow {
    errors::runtime(message, fqid, "NotSpecified", ":", Some(engine.position(span)))
        .with_exception("System.Management.Automation.MethodException")
        .flow()
}

fn arg_count_error(engine: &Engine, shape: &str, n: usize, span: Span) -> Flow {
    method_error(
        engine,
        format!("Cannot find an overload for \"{shape}\" and the argument count: \"{n}\"."),
        "MethodCountCouldNotFindBest",
        span,
    )
}

/// The collection the operators walk: an array's items, anything else (a hashtable too) alone.
fn items_of(target: &Value) -> Vec<Value> {
    match target {
        Value::Array(a) => a.borrow().to_vec(),
        other => vec![other.clone()],
    }
}

impl Engine {
    /// `target.Where(…)` / `target.ForEach(…)`; `None` when `name` is neither.
    pub(crate) fn intrinsic_method(
        &mut self,
        target: &Value,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> Option<EvalResult<Value>> {
        if target.is_null() {
            return None;
        }
        if name.eq_ignore_ascii_case("where") {
            Some(self.where_operator(target, args, span))
        } else if name.eq_ignore_ascii_case("foreach") {
            Some(self.foreach_operator(target, args, span))
        } else {
            None
        }
    }

    fn where_operator(&mut self, target: &Value, args: &[Value], span: Span) -> EvalResult<Value> {
        if args.is_empty() || args.len() > 3 {
            return Err(arg_count_error(self, ".Where({ expression } [, mode [, numberToReturn]])", args.len(), span));
        }
        let block = match &args[0] {
            Value::ScriptBlock(sb) => Some(sb.clone()),
            Value::Null => None,
            other => {
                return Err(self.conv_flow(
                    super::convert_to::ConvError {
                        message: format!(
                            "Cannot convert the \"{}\" value of type \"{}\" to type \"System.Management.Automation.ScriptBlock\".",
                            convert::to_string(other),
                            other.type_name()
                        ),
                        fqid: "ConvertToFinalInvalidCastException",
                    },
                    span,
                ));
            }
        };
        let mode = match args.get(1) {
            None => Mode::Default,
            Some(m) => {
                let v = self.convert_value(m, &Ty::Enum(&WHERE_MODE), span)?;
                match v {
                    Value::Enum(e) => match e.bits {
                        1 => Mode::First,
                        2 => Mode::Last,
                        3 => Mode::SkipUntil,
                        4 => Mode::Until,
                        5 => Mode::Split,
                        _ => Mode::Default,
                    },
                    _ => Mode::Default,
                }
            }
        };
        let count = match args.get(2) {
            None => 0,
            Some(n) => {
                let int = super::types::resolve(&self.types.borrow(), "int");
                let v = match int {
                    Some(ty) => self.convert_value(n, &ty, span)?,
                    None => n.clone(),
                };
                convert::to_int(&v).unwrap_or(0)
            }
        };
        if count < 0 {
            let mut e = errors::runtime(
                format!(
                    "The 'numberToReturn' value provided to the third argument of the Where() operator must be greater than zero. Please correct the argument's value and try running your script again.\nParameter name: numberToReturn\nActual value was {count}."
                ),
                "System.ArgumentOutOfRangeException",
                "OperationStopped",
                ":",
                Some(self.position(span)),
            );
            e.record.exception_type = "System.ArgumentOutOfRangeException".into();
            return Err(Flow::Error(Box::new(e)));
        }
        let items = items_of(target);
        match block {
            Some(sb) => self.where_matching(&sb, items, mode, count as usize),
            None => self.where_slice(items, mode, count as usize, span),
        }
    }

    /// `.Where({…}, mode, n)`: the elements the block is true for, as the mode selects them.
    fn where_matching(&mut self, sb: &Rc<ScriptBlock>, items: Vec<Value>, mode: Mode, n: usize) -> EvalResult<Value> {
        let mut matches: Vec<Value> = Vec::new();
        let mut not_matched: Vec<Value> = Vec::new();
        let mut rest_taken = false;
        let mut iter = items.into_iter();
        for ie in iter.by_ref() {
            if rest_taken {
                matches.push(ie);
                if n > 0 && matches.len() >= n {
                    break;
                }
                continue;
            }
            let out = self.invoke_block_with_underscore(sb, Some(ie.clone()))?;
            let matched = convert::to_bool(&Engine::collapse(out));
            if matched {
                match mode {
                    Mode::Until => break,
                    Mode::Last => {
                        let keep = n.max(1);
                        matches.push(ie);
                        if matches.len() > keep {
                            matches.remove(0);
                        }
                    }
                    Mode::SkipUntil => {
                        matches.push(ie);
                        rest_taken = true;
                    }
                    _ => matches.push(ie),
                }
                if mode != Mode::Last {
                    if n == 0 && mode == Mode::First {
                        break;
                    }
                    if n != 0 && n == matches.len() {
                        break;
                    }
                }
            } else if mode == Mode::Until {
                matches.push(ie);
                if n > 0 && matches.len() >= n {
                    break;
                }
            } else if mode == Mode::Split {
                not_matched.push(ie);
            }
        }
        if mode == Mode::Split {
            not_matched.extend(iter);
            return Ok(Value::array(vec![collection(matches), collection(not_matched)]));
        }
        Ok(collection(matches))
    }

    /// `.Where($null, mode, n)`: list slicing without a condition (object arrays, not collections).
    fn where_slice(&mut self, items: Vec<Value>, mode: Mode, n: usize, span: Span) -> EvalResult<Value> {
        if mode == Mode::Default {
            let mut e = errors::runtime(
                "If the expression passed to the Where() operator is null then you must specify a non-Default value for the selection mode argument. Please change the value of the mode argument to a value other than Default and try running your script again.",
                "System.InvalidOperationException",
                "OperationStopped",
                ":",
                Some(self.position(span)),
            );
            e.record.exception_type = "System.InvalidOperationException".into();
            return Err(Flow::Error(Box::new(e)));
        }
        let n = n.max(1);
        match mode {
            Mode::SkipUntil => Ok(Value::array(items.into_iter().skip(n).collect())),
            Mode::Last => {
                let skip = items.len().saturating_sub(n);
                let mut last: Vec<Value> = items.into_iter().skip(skip).collect();
                if last.is_empty() && n == 1 {
                    last.push(Value::Null);
                }
                Ok(Value::array(last))
            }
            _ => {
                // A fixed array of n elements, padded with $null when the input is shorter.
                let mut first: Vec<Value> = Vec::with_capacity(n);
                let mut iter = items.into_iter();
                for v in iter.by_ref() {
                    first.push(v);
                    if first.len() >= n {
                        break;
                    }
                }
                let full = first.len() >= n;
                first.resize(n, Value::Null);
                if mode == Mode::Split {
                    let rest: Vec<Value> = if full { iter.collect() } else { Vec::new() };
                    return Ok(Value::array(vec![Value::array(first), Value::array(rest)]));
                }
                Ok(Value::array(first))
            }
        }
    }

    fn foreach_operator(&mut self, target: &Value, args: &[Value], span: Span) -> EvalResult<Value> {
        let Some(expression) = args.first() else {
            return Err(arg_count_error(self, ".ForEach(expression [, arguments...])", 0, span));
        };
        let rest = args[1..].to_vec();
        let items = items_of(target);
        match expression {
            Value::ScriptBlock(sb) => self.foreach_block(sb, items, rest),
            Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == "System.RuntimeType") => {
                let full = o.borrow().get("FullName").map(|v| convert::to_string(&v)).unwrap_or_default();
                let ty = self.resolve_type(&full, span)?;
                self.foreach_convert(&ty, items, span)
            }
            Value::Null => Err(self.argument_null(span)),
            other => {
                let name = convert::to_string(other);
                self.foreach_member(&name, items, &rest, span)
            }
        }
    }

    /// `ArgumentNullException` for `.ForEach($null)`.
    fn argument_null(&self, span: Span) -> Flow {
        errors::runtime(
            "Value cannot be null.\nParameter name: expression",
            "System.ArgumentNullException",
            "OperationStopped",
            ":",
            Some(self.position(span)),
        )
        .with_exception("System.ArgumentNullException")
        .flow()
    }

    /// `.ForEach({…}, args…)`: the block runs in the current scope, its begin block once, its
    /// process (or plain) block for each element with `$_`, its end block once; `$args` are the
    /// extra arguments.
    fn foreach_block(&mut self, sb: &Rc<ScriptBlock>, items: Vec<Value>, rest: Vec<Value>) -> EvalResult<Value> {
        let prev_under = self.scopes.get(None, "_");
        let prev_args = self.scopes.get(None, "args");
        self.scopes.set_local("args", Value::array(rest));
        let r = self.capture(|en| {
            let run = |en: &mut Engine, stmts: &[crate::syntax::Statement]| match en.exec_block(stmts) {
                Err(Flow::Return) => Ok(()),
                other => other,
            };
            if let Some(b) = &sb.begin {
                run(en, b)?;
            }
            let per_item: &[crate::syntax::Statement] = sb.process.as_deref().unwrap_or(&sb.end);
            for ie in items {
                en.scopes.set_local("_", ie);
                run(en, per_item)?;
            }
            if sb.process.is_some() {
                run(en, &sb.end)?;
            }
            Ok(())
        });
        match prev_under {
            Some(p) => self.scopes.set_local("_", p),
            None => self.scopes.remove("_"),
        }
        match prev_args {
            Some(p) => self.scopes.set_local("args", p),
            None => self.scopes.remove("args"),
        }
        Ok(collection(r?))
    }

    /// `.ForEach([type])`: each element converted; a `Collection<T>` unless the type is itself an
    /// array (`T[]`) or a generic collection (`List[T]`, `HashSet[T]`), which is then built.
    fn foreach_convert(&mut self, ty: &Ty, items: Vec<Value>, span: Span) -> EvalResult<Value> {
        match ty {
            Ty::Array(_) | Ty::Generic(..) => self.convert_value(&Value::array(items), ty, span),
            _ => {
                let mut out = Vec::with_capacity(items.len());
                for v in items {
                    match super::convert_to::convert(&self.types.borrow(), &v, ty) {
                        Ok(c) => out.push(c),
                        Err(e) => {
                            return Err(method_error(
                                self,
                                format!(
                                    "Cannot convert argument \"item\", with value: \"{}\", for \"Add\" to type \"{}\": \"{}\"",
                                    convert::to_string(&v),
                                    ty.full_name(),
                                    e.message
                                ),
                                "MethodArgumentConversionInvalidCastArgument",
                                span,
                            ));
                        }
                    }
                }
                Ok(Value::typed_collection(out, ArrayKind::Collection, Some(&ty.full_name())))
            }
        }
    }

    /// `.ForEach('Name')` gets a property (or calls a method) of each element; with one argument
    /// it sets the property, with more it sets the arguments as an array.
    fn foreach_member(&mut self, name: &str, items: Vec<Value>, rest: &[Value], span: Span) -> EvalResult<Value> {
        let mut out = Vec::new();
        for current in items {
            if let Value::Hashtable(h) = &current {
                match rest.len() {
                    0 => out.push(h.borrow().get(&Value::str(name)).unwrap_or(Value::Null)),
                    1 => h.borrow_mut().insert(Value::str(name), rest[0].clone()),
                    _ => h.borrow_mut().insert(Value::str(name), Value::array(rest.to_vec())),
                }
                continue;
            }
            if current.is_null() {
                if rest.is_empty() {
                    out.push(Value::Null);
                    continue;
                }
                let mut e = errors::runtime(
                    format!(
                        "Exception calling \"{name}\" with \"{}\" argument(s): \"Object reference not set to an instance of an object.\"",
                        rest.len()
                    ),
                    "NullReferenceException",
                    "NotSpecified",
                    ":",
                    Some(self.position(span)),
                );
                e.record.exception_type = "System.Management.Automation.MethodInvocationException".into();
                return Err(Flow::Error(Box::new(e)));
            }
            let is_script_method = matches!(current.property(name), Some(Value::ScriptBlock(_)));
            if let Some(p) = current.property(name).filter(|_| !is_script_method) {
                match (rest.len(), &current) {
                    (0, _) => out.push(p),
                    (1, Value::Object(o)) => o.borrow_mut().set(name, rest[0].clone()),
                    (_, Value::Object(o)) => o.borrow_mut().set(name, Value::array(rest.to_vec())),
                    _ => {}
                }
                continue;
            }
            match super::methods::call_method(self, &current, name, rest.to_vec(), span) {
                Ok(v) => out.push(v),
                Err(Flow::Error(e)) if e.record.fqid == "MethodNotFound" => {
                    if rest.is_empty() {
                        out.push(Value::Null);
                        continue;
                    }
                    return Err(Flow::Error(Box::new(errors::runtime(
                        format!(
                            "The ForEach() operator could not find a member '{name}' on the target object. Please verify that the named member exists and then try running your script again."
                        ),
                        "ForEachNonexistentMemberReference",
                        "InvalidOperation",
                        ":",
                        Some(self.position(span)),
                    ))));
                }
                Err(f) => return Err(f),
            }
        }
        Ok(collection(out))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::strings;

    /// The output joined with commas, or `error: <message>` of the error that stopped it.
    fn one(src: &str) -> String {
        let wrapped = format!("try {{ {src} }} catch {{ 'error: ' + $_.Exception.Message }}");
        strings(&wrapped).map(|v| v.join(",")).unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn where_modes_follow_enumerable_ops() {
        assert_eq!(one("(1..10).Where({ $_ -gt 5 }, 'First', 2)"), "6,7");
        assert_eq!(one("(1..10).Where({ $_ -gt 5 }, 'Last', 2)"), "9,10");
        assert_eq!(one("(1..10).Where({ $_ -gt 5 }, 'SkipUntil', 2)"), "6,7");
        assert_eq!(one("(1..10).Where({ $_ -gt 3 }, 'Until')"), "1,2,3");
        assert_eq!(one("$a, $b = (1..4).Where({ $_ % 2 }, 'Split'); \"$a|$b\""), "1 3|2 4");
        assert_eq!(one("(1..3).Where($null, 'Last')"), "3");
        assert_eq!(one("(5).Where({ $true })"), "5");
    }

    #[test]
    fn where_errors() {
        let bogus = one("(1..3).Where({ $_ }, 'Bogus')");
        assert!(bogus.contains("WhereOperatorSelectionMode"), "{bogus}");
        assert!(one("(1..3).Where({ $_ }, 'First', -1)").contains("must be greater than zero"));
        assert!(one("(1..3).Where()").contains("argument count: \"0\""));
        assert!(one("(1..3).Where($null)").contains("non-Default value"));
    }

    #[test]
    fn foreach_forms() {
        assert_eq!(one("(1, 2).ForEach({ $_ + $args[0] }, 10)"), "11,12");
        assert_eq!(one("('1', '2').ForEach([int]).GetType().Name"), "Collection`1");
        assert_eq!(one("('a', 'b').ForEach('ToUpper')"), "A,B");
        assert_eq!(one("('x', 'yy').ForEach('Length')"), "1,2");
        assert_eq!(one("@{ k = 'v' }.ForEach('k')"), "v");
        let nope = one("('a').ForEach('Nope', 1)");
        assert!(nope.contains("could not find a member 'Nope'"), "{nope}");
        assert!(one("('a').ForEach([int])").contains("for \"Add\" to type \"System.Int32\""));
        assert!(one("$null.ForEach({ 1 })").contains("null-valued expression"));
    }
}
