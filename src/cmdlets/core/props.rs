//! Property specifications shared by Select-Object, Sort-Object, Format-Table, Format-List and
//! Group-Object: names (with wildcards) and calculated properties `@{Name=…; Expression=…}`.

use std::rc::Rc;

use crate::cmdlet::{CmdletError, Context};
use crate::syntax::ScriptBlock;
use crate::value::{Value, convert};

/// One property specification.
#[derive(Clone)]
pub enum PropSpec {
    /// A property name, possibly with wildcards.
    Name(String),
    /// A calculated property: label and expression (a property name or a script block).
    Calculated { label: Option<String>, expr: CalcExpr, width: Option<usize>, align: Option<String> },
    /// A bare script block (Sort-Object, Group-Object keys).
    Block(Rc<ScriptBlock>),
}

/// The expression part of a calculated property.
#[derive(Clone)]
pub enum CalcExpr {
    /// `Expression = 'Name'`
    Name(String),
    /// `Expression = { $_.X }`
    Block(Rc<ScriptBlock>),
}

fn key_is(k: &str, names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| n.len() >= k.len() && !k.is_empty() && n.to_ascii_lowercase().starts_with(&k.to_ascii_lowercase()))
}

/// Parses a `-Property` value into specifications.
pub fn parse_specs(v: &Value) -> Result<Vec<PropSpec>, String> {
    let mut out = Vec::new();
    for item in v.enumerate() {
        match &item {
            Value::Hashtable(h) => {
                let h = h.borrow();
                let mut label = None;
                let mut expr = None;
                let mut width = None;
                let mut align = None;
                for (k, val) in h.iter() {
                    let k = convert::to_string(k);
                    if key_is(&k, &["name", "label"]) || k.eq_ignore_ascii_case("n") || k.eq_ignore_ascii_case("l") {
                        label = Some(convert::to_string(val));
                    } else if key_is(&k, &["expression"]) {
                        expr = Some(match val {
                            Value::ScriptBlock(sb) => CalcExpr::Block(sb.clone()),
                            other => CalcExpr::Name(convert::to_string(other)),
                        });
                    } else if key_is(&k, &["width"]) {
                        width = convert::to_int(val).map(|w| w.max(1) as usize);
                    } else if key_is(&k, &["alignment"]) {
                        align = Some(convert::to_string(val));
                    } else if key_is(&k, &["formatstring"]) {
                    } else {
                        return Err(format!("The \"{k}\" key is not valid."));
                    }
                }
                let Some(expr) = expr else {
                    return Err("The \"Expression\" key is missing.".into());
                };
                out.push(PropSpec::Calculated { label, expr, width, align });
            }
            Value::ScriptBlock(sb) => out.push(PropSpec::Block(sb.clone())),
            other => out.push(PropSpec::Name(convert::to_string(other))),
        }
    }
    Ok(out)
}

/// The specifications given as `-Property` (empty when absent), or PowerShell's error for a bad
/// calculated-property key.
pub fn property_arg(args: &crate::cmdlet::BoundArgs) -> Result<Vec<PropSpec>, CmdletError> {
    match args.get("Property") {
        Some(v) => parse_specs(v).map_err(invalid_key),
        None => Ok(Vec::new()),
    }
}

/// The error for a calculated property with an unknown or missing key.
pub fn invalid_key(m: String) -> CmdletError {
    CmdletError::core(m, "System.NotSupportedException", "InvalidArgument", "DictionaryKeyUnknownKey")
}

/// Property names of a value, in order (objects, hashtables are single objects with no properties).
pub fn property_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.borrow().names().iter().map(|n| n.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Evaluates specifications against one input object: `(label, value)` pairs.
pub fn evaluate(cx: &mut dyn Context, specs: &[PropSpec], input: &Value) -> Result<Vec<(String, Value)>, CmdletError> {
    let mut out = Vec::new();
    for s in specs {
        match s {
            PropSpec::Name(n) if n.contains(['*', '?']) => {
                for name in property_names(input) {
                    if convert::wildcard_match(n, &name, false)
                        && !out.iter().any(|(l, _): &(String, Value)| l.eq_ignore_ascii_case(&name))
                    {
                        let v = input.property(&name).unwrap_or(Value::Null);
                        out.push((name, v));
                    }
                }
            }
            PropSpec::Name(n) => {
                let label = match input {
                    Value::Object(o) => {
                        o.borrow().canonical_name(n).map(|c| c.to_string()).unwrap_or_else(|| n.clone())
                    }
                    _ => n.clone(),
                };
                out.push((label, input.property(n).unwrap_or(Value::Null)));
            }
            PropSpec::Calculated { label, expr, .. } => {
                let v = match expr {
                    CalcExpr::Name(n) => input.property(n).unwrap_or(Value::Null),
                    CalcExpr::Block(sb) => collapse(cx.invoke(sb, Some(input.clone()), Vec::new())?),
                };
                let l = label.clone().unwrap_or_else(|| match expr {
                    CalcExpr::Name(n) => n.clone(),
                    CalcExpr::Block(sb) => sb.text.trim().to_string(),
                });
                out.push((l, v));
            }
            PropSpec::Block(sb) => {
                let v = collapse(cx.invoke(sb, Some(input.clone()), Vec::new())?);
                out.push((sb.text.trim().to_string(), v));
            }
        }
    }
    Ok(out)
}

/// Many outputs as one value.
pub fn collapse(mut v: Vec<Value>) -> Value {
    match v.len() {
        0 => Value::Null,
        1 => v.pop().unwrap_or(Value::Null),
        _ => Value::array(v),
    }
}
