//! A script parameter's validation attributes (`[ValidateSet()]`, `[ValidateRange()]`, …, and
//! `[AllowNull()]`, `[AllowEmptyString()]`, `[AllowEmptyCollection()]`), read once into the
//! binder's parameter view, and the checks they make on a bound (already converted) value with
//! PowerShell 5.1's texts (Metadata.resx and ParameterBinderStrings.resx; the order of
//! ParameterBinderBase.BindParameter: the attributes in written order, then, for a parameter
//! mandatory in some set, the null / empty string / empty collection checks). Default values are
//! never validated. `[ValidateScript()]` needs the evaluator, so the caller runs its block.

use std::rc::Rc;

use crate::syntax::{Attribute, Expr, ExprKind, Literal, ParamDef, ScriptBlock, StringPart, UnaryOp};
use crate::value::{Value, convert};

use super::BindError;

/// Runs a `[ValidateScript()]` block with `$_` set to one element: `Ok(true)` when it returned a
/// true value, `Err(message)` when it failed.
pub type ScriptCheck<'c> = dyn FnMut(&Rc<ScriptBlock>, &Value) -> Result<bool, String> + 'c;

/// One validation attribute.
#[derive(Debug, Clone)]
pub enum Check<'a> {
    /// `[ValidateSet('a','b', IgnoreCase = $false)]`.
    Set { values: Vec<&'a str>, ignore_case: bool },
    /// `[ValidateNotNull()]`.
    NotNull,
    /// `[ValidateNotNullOrEmpty()]`.
    NotNullOrEmpty,
    /// `[ValidateRange(min, max)]` (numbers).
    Range(Value, Value),
    /// `[ValidateLength(min, max)]`.
    Length(i64, i64),
    /// `[ValidatePattern('re')]` (case-insensitive, as .NET's default RegexOptions.IgnoreCase here).
    Pattern(&'a str),
    /// `[ValidateCount(min, max)]`.
    Count(i64, i64),
    /// `[ValidateScript({ … })]`.
    Script(&'a Rc<ScriptBlock>),
}

/// A parameter's validation: its attributes and what its `Allow*` attributes permit.
#[derive(Debug, Clone, Default)]
pub struct Validation<'a> {
    /// The attributes in written order.
    pub checks: Vec<Check<'a>>,
    /// `[AllowNull()]`.
    pub allow_null: bool,
    /// `[AllowEmptyString()]`.
    pub allow_empty_string: bool,
    /// `[AllowEmptyCollection()]`.
    pub allow_empty_collection: bool,
}

impl<'a> Validation<'a> {
    /// The validation attributes of a script parameter.
    pub fn of_param(p: &'a ParamDef) -> Self {
        let mut v = Validation::default();
        for a in &p.attributes {
            let name = a.name.to_ascii_lowercase();
            let name = name.strip_suffix("attribute").unwrap_or(&name);
            match name {
                "allownull" => v.allow_null = true,
                "allowemptystring" => v.allow_empty_string = true,
                "allowemptycollection" => v.allow_empty_collection = true,
                "validatenotnull" => v.checks.push(Check::NotNull),
                "validatenotnullorempty" => v.checks.push(Check::NotNullOrEmpty),
                "validateset" => {
                    let values = a.positional.iter().flat_map(strings).collect();
                    let ignore_case = a
                        .named
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case("IgnoreCase"))
                        .is_none_or(|(_, e)| e.as_ref().is_none_or(is_true));
                    v.checks.push(Check::Set { values, ignore_case });
                }
                "validaterange" => {
                    if let [lo, hi] = a.positional.as_slice()
                        && let (Some(lo), Some(hi)) = (number(lo), number(hi))
                    {
                        v.checks.push(Check::Range(lo, hi));
                    }
                }
                "validatelength" | "validatecount" => {
                    if let Some((lo, hi)) = int_pair(a) {
                        v.checks.push(if name == "validatelength" {
                            Check::Length(lo, hi)
                        } else {
                            Check::Count(lo, hi)
                        });
                    }
                }
                "validatepattern" => {
                    if let Some(s) = a.positional.first().and_then(literal_str) {
                        v.checks.push(Check::Pattern(s));
                    }
                }
                "validatescript" => {
                    if let Some(Expr { kind: ExprKind::ScriptBlock(sb), .. }) = a.positional.first() {
                        v.checks.push(Check::Script(sb));
                    }
                }
                _ => {}
            }
        }
        v
    }

    /// True when there is nothing to check.
    pub fn is_empty(&self) -> bool {
        self.checks.is_empty()
    }

    /// Checks a bound value. `mandatory`: mandatory in some set; `ty`: the parameter's written
    /// type (`string`, `string[]`, …). `script` runs a `[ValidateScript()]` block with `$_` set
    /// to one element: `Ok(true)` when it returned a true value, `Err(message)` when it failed.
    pub fn check(
        &self,
        param: &str,
        mandatory: bool,
        ty: Option<&str>,
        v: &Value,
        span: Option<crate::syntax::Span>,
        script: &mut ScriptCheck<'_>,
    ) -> Result<(), BindError> {
        for c in &self.checks {
            if let Err(m) = check_one(c, v, script) {
                return Err(validation_error(param, &m, span));
            }
        }
        if mandatory {
            self.check_null_or_empty(param, ty, v, span)?;
        }
        Ok(())
    }

    /// ParameterBinderBase.ValidateNullOrEmptyArgument, for a mandatory parameter.
    fn check_null_or_empty(
        &self,
        param: &str,
        ty: Option<&str>,
        v: &Value,
        span: Option<crate::syntax::Span>,
    ) -> Result<(), BindError> {
        let err = |what: &str, fqid: &'static str| BindError {
            message: format!("Cannot bind argument to parameter '{param}' because it is {what}."),
            fqid,
            category: "InvalidData",
            exception: "System.Management.Automation.ParameterBindingValidationException",
            span,
        };
        let ty = ty.map(str::to_ascii_lowercase);
        let element_ty = ty.as_deref().and_then(|t| t.strip_suffix("[]"));
        let null_or_empty = |x: &Value, t: Option<&str>| -> Result<(), BindError> {
            if x.is_null() {
                if !self.allow_null {
                    return Err(err("null", "ParameterArgumentValidationErrorNullNotAllowed"));
                }
                return Ok(());
            }
            if t == Some("string") && convert::to_string(x).is_empty() && !self.allow_empty_string {
                return Err(err("an empty string", "ParameterArgumentValidationErrorEmptyStringNotAllowed"));
            }
            Ok(())
        };
        null_or_empty(v, ty.as_deref())?;
        if let (Some(et), Value::Array(a)) = (element_ty, v) {
            let items = a.borrow();
            for x in items.iter() {
                null_or_empty(x, Some(et))?;
            }
            if items.is_empty() && !self.allow_empty_collection {
                return Err(err("an empty array", "ParameterArgumentValidationErrorEmptyArrayNotAllowed"));
            }
        }
        Ok(())
    }
}

const NOT_NULL: &str =
    "The argument is null. Provide a valid value for the argument, and then try running the command again.";
const NOT_NULL_COLLECTION: &str = "The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again.";
const NOT_NULL_OR_EMPTY: &str =
    "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.";
const NOT_NULL_OR_EMPTY_COLLECTION: &str = "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.";

/// One attribute's check; `Err` is the attribute's message.
fn check_one(c: &Check<'_>, v: &Value, script: &mut ScriptCheck<'_>) -> Result<(), String> {
    match c {
        Check::NotNull => match v {
            Value::Null => Err(NOT_NULL.into()),
            Value::Array(a) if a.borrow().iter().any(Value::is_null) => Err(NOT_NULL_COLLECTION.into()),
            _ => Ok(()),
        },
        Check::NotNullOrEmpty => match v {
            Value::Null => Err(NOT_NULL_OR_EMPTY.into()),
            Value::Str(s) if s.is_empty() => Err(NOT_NULL_OR_EMPTY.into()),
            Value::Array(a) => {
                let items = a.borrow();
                if items.is_empty() || items.iter().any(Value::is_null) {
                    return Err(NOT_NULL_OR_EMPTY_COLLECTION.into());
                }
                if items.iter().any(|x| matches!(x, Value::Str(s) if s.is_empty())) {
                    return Err(NOT_NULL_OR_EMPTY.into());
                }
                Ok(())
            }
            _ => Ok(()),
        },
        Check::Count(lo, hi) => {
            let n = match v {
                Value::Null => 0,
                Value::Array(a) => a.borrow().len() as i64,
                _ => return Err("The ValidateCount attribute cannot be applied to a non-array parameter. Either remove the attribute from the parameter or make the parameter an array parameter.".into()),
            };
            if n < *lo {
                return Err(format!(
                    "The number of provided arguments ({n}) is fewer than the minimum number of allowed arguments ({lo}). Provide more than {lo} arguments, and then try the command again."
                ));
            }
            if n > *hi {
                return Err(format!(
                    "The number of provided arguments, ({n}), exceeds the maximum number of allowed arguments ({hi}). Provide fewer than {hi} arguments, and then try the command again."
                ));
            }
            Ok(())
        }
        // ValidateEnumeratedArgumentsAttribute: null is refused, a collection is checked element by element.
        _ => match v {
            Value::Null => Err(NOT_NULL_OR_EMPTY_COLLECTION.into()),
            Value::Array(a) => {
                let items = a.borrow().clone();
                items.iter().try_for_each(|x| check_element(c, x, script))
            }
            other => check_element(c, other, script),
        },
    }
}

fn check_element(c: &Check<'_>, x: &Value, script: &mut ScriptCheck<'_>) -> Result<(), String> {
    if x.is_null() {
        return Err(NOT_NULL.into());
    }
    let text = convert::to_string(x);
    match c {
        Check::Set { values, ignore_case } => {
            let hit =
                values.iter().any(|s| if *ignore_case { s.to_lowercase() == text.to_lowercase() } else { *s == text });
            if hit {
                Ok(())
            } else {
                Err(format!(
                    "The argument \"{text}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                    values.join(",")
                ))
            }
        }
        Check::Range(lo, hi) => {
            let (lo_s, hi_s) = (convert::to_string(lo), convert::to_string(hi));
            let (el, lo, hi) = match (lo, hi) {
                (Value::Int(l), Value::Int(h)) => match x {
                    Value::Int(i) | Value::Long(i) => (*i as f64, *l as f64, *h as f64),
                    _ => match convert::to_int(x) {
                        Some(i) => (i as f64, *l as f64, *h as f64),
                        None => return Err(range_type(x, "Int32")),
                    },
                },
                _ => match convert::to_number(x) {
                    Some(Value::Int(i) | Value::Long(i)) => (i as f64, number_f64(lo), number_f64(hi)),
                    Some(Value::Double(d)) => (d, number_f64(lo), number_f64(hi)),
                    _ => return Err(range_type(x, "Double")),
                },
            };
            if el < lo {
                return Err(format!(
                    "The {text} argument is less than the minimum allowed range of {lo_s}. Supply an argument that is greater than or equal to {lo_s} and then try the command again."
                ));
            }
            if el > hi {
                return Err(format!(
                    "The {text} argument is greater than the maximum allowed range of {hi_s}. Supply an argument that is less than or equal to {hi_s} and then try the command again."
                ));
            }
            Ok(())
        }
        Check::Length(lo, hi) => {
            let Value::Str(s) = x else {
                return Err("The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] parameter. Make the parameter a string or string[] parameter.".into());
            };
            // .NET's String.Length counts UTF-16 code units.
            let len = s.encode_utf16().count() as i64;
            if len < *lo {
                return Err(format!(
                    "The character length ({len}) of the argument is too short. Specify an argument with a length that is greater than or equal to \"{lo}\", and then try the command again."
                ));
            }
            if len > *hi {
                return Err(format!(
                    "The character length of the {len} argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"{hi}\" characters, and then try the command again."
                ));
            }
            Ok(())
        }
        Check::Pattern(p) => {
            let opts = crate::value::regex::Options { ignore_case: true, ..Default::default() };
            let matched = crate::value::regex::Regex::new(p, opts).and_then(|re| re.is_match(&text));
            match matched {
                Ok(true) => Ok(()),
                Ok(false) => Err(format!(
                    "The argument \"{text}\" does not match the \"{p}\" pattern. Supply an argument that matches \"{p}\" and try the command again."
                )),
                Err(e) => Err(e.message()),
            }
        }
        Check::Script(sb) => match script(sb, x)? {
            true => Ok(()),
            false => Err(script_failure(sb, x)),
        },
        Check::NotNull | Check::NotNullOrEmpty | Check::Count(..) => Ok(()),
    }
}

/// ValidateScriptFailure: the block returned something false for this element.
pub fn script_failure(sb: &ScriptBlock, x: &Value) -> String {
    format!(
        "The \"{}\" validation script for the argument with value \"{}\" did not return a result of True. Determine why the validation script failed, and then try the command again.",
        sb.text,
        convert::to_string(x)
    )
}

/// The whole validation error for one failed attribute of `param`.
pub fn validation_error(param: &str, message: &str, span: Option<crate::syntax::Span>) -> BindError {
    BindError {
        message: format!("Cannot validate argument on parameter '{param}'. {message}"),
        fqid: "ParameterArgumentValidationError",
        category: "InvalidData",
        exception: "System.Management.Automation.ParameterBindingValidationException",
        span,
    }
}

/// ValidateRangeElementType, with the .NET short type names.
fn range_type(x: &Value, limit: &str) -> String {
    let ty = match x {
        Value::Str(_) => "String",
        Value::Int(i) if i32::try_from(*i).is_ok() => "Int32",
        Value::Int(_) | Value::Long(_) => "Int64",
        Value::Double(_) => "Double",
        Value::Bool(_) => "Boolean",
        Value::Array(_) => "Object[]",
        Value::Hashtable(_) => "Hashtable",
        _ => "PSObject",
    };
    format!(
        "The argument cannot be validated because its type \"{ty}\" is not the same type ({limit}) as the maximum and minimum limits of the parameter. Make sure the argument is of type {limit} and then try the command again."
    )
}

fn number_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) | Value::Long(i) => *i as f64,
        Value::Double(d) => *d,
        _ => 0.0,
    }
}

/// A number written in an attribute (`5`, `-1`, `2.5`).
fn number(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Literal(Literal::Int(i)) => Some(Value::Int(*i)),
        ExprKind::Literal(Literal::Long(i)) => Some(Value::Long(*i)),
        ExprKind::Literal(Literal::Double(d)) => Some(Value::Double(*d)),
        ExprKind::Unary { op: UnaryOp::Negate, operand } => match number(operand)? {
            Value::Int(i) | Value::Long(i) => Some(Value::Int(-i)),
            Value::Double(d) => Some(Value::Double(-d)),
            _ => None,
        },
        _ => None,
    }
}

fn int_pair(a: &Attribute) -> Option<(i64, i64)> {
    match a.positional.as_slice() {
        [lo, hi] => match (number(lo)?, number(hi)?) {
            (Value::Int(l), Value::Int(h)) => Some((l, h)),
            _ => None,
        },
        _ => None,
    }
}

fn is_true(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Variable(v) => !v.name.eq_ignore_ascii_case("false"),
        ExprKind::Literal(Literal::Int(i)) => *i != 0,
        _ => true,
    }
}

/// The strings of `'a','b'` (one positional array) or `'a'`.
fn strings(e: &Expr) -> Vec<&str> {
    match &e.kind {
        ExprKind::ArrayLiteral(items) => items.iter().filter_map(literal_str).collect(),
        _ => literal_str(e).into_iter().collect(),
    }
}

fn literal_str(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Literal(Literal::String(s)) | ExprKind::BareWord(s) => Some(s),
        ExprKind::Expandable(parts) => match parts.as_slice() {
            [StringPart::Literal(s)] => Some(s),
            [] => Some(""),
            _ => None,
        },
        _ => None,
    }
}
