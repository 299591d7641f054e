//! A small OPATH evaluator for `-Filter` on Get-Mailbox, Get-Recipient and Get-User:
//! `Property -op 'value'` comparisons (`-eq -ne -like -notlike -gt -ge -lt -le`) combined with
//! `-and`, `-or`, `-not` and parentheses, evaluated against the object the cmdlet would write.
//! [`parse_for`] also checks each property against the cmdlet's filter schema
//! ([`super::opath_schema`]) and converts literals to the property's type, with Exchange's errors.

use super::opath_schema::{self, Kind, Target};
use crate::cmdlet::CmdletError;
use crate::value::Value;
use crate::value::convert::{compare, equals, to_string, wildcard_match};

/// A parsed filter.
#[derive(Debug, Clone)]
pub enum Filter {
    /// `a -and b`
    And(Box<Filter>, Box<Filter>),
    /// `a -or b`
    Or(Box<Filter>, Box<Filter>),
    /// `-not a`
    Not(Box<Filter>),
    /// `Property -op value`
    Cmp {
        /// Property name.
        property: String,
        /// Operator, lower case without the dash (`eq`, `like`…).
        op: String,
        /// The literal.
        value: Value,
        /// Where the property starts in the filter text (0-based, in characters).
        at: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open,
    Close,
    Op(String),
    Word(String),
    Quoted(String),
}

/// `Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "<inner>"`.
fn filter_error(inner: String) -> CmdletError {
    CmdletError::core(
        format!("Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"{inner}\""),
        "System.Management.Automation.ParameterBindingException",
        "WriteError",
        "ParameterBindingFailed",
    )
}

fn syntax_error(filter: &str, pos: usize) -> CmdletError {
    filter_error(format!(
        "Invalid filter syntax. For a description of the filter parameter syntax see the command help.\n\"{filter}\" at position {}.",
        pos + 1
    ))
}

/// The comparison operators OPATH knows.
const COMPARISONS: &[&str] = &["eq", "ne", "like", "notlike", "gt", "ge", "lt", "le"];

fn tokenize(text: &str) -> Result<Vec<(Tok, usize)>, usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            out.push((Tok::Open, i));
            i += 1;
        } else if c == ')' {
            out.push((Tok::Close, i));
            i += 1;
        } else if c == '\'' || c == '"' {
            let start = i;
            let mut s = String::new();
            i += 1;
            loop {
                if i >= chars.len() {
                    return Err(start);
                }
                if chars[i] == c {
                    if i + 1 < chars.len() && chars[i + 1] == c {
                        s.push(c);
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                s.push(chars[i]);
                i += 1;
            }
            out.push((Tok::Quoted(s), start));
        } else {
            let start = i;
            let mut s = String::new();
            while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '(' && chars[i] != ')' {
                s.push(chars[i]);
                i += 1;
            }
            if let Some(op) =
                s.strip_prefix('-').filter(|o| o.chars().all(|c| c.is_ascii_alphabetic()) && !o.is_empty())
            {
                out.push((Tok::Op(op.to_ascii_lowercase()), start));
            } else {
                out.push((Tok::Word(s), start));
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    text: &'a str,
    /// How many `(`, `-not`, `-and` and `-or` the filter has used so far (`MAX_FILTER_NODES`).
    nodes: usize,
}

/// The most parentheses, `-not`, `-and` and `-or` one filter may hold: past it the filter is a
/// syntax error at that token, so a filter nested or chained thousands deep never exhausts the
/// stack when it is parsed, checked or matched (exsh's bound; Exchange's own is not documented,
/// docs/reference/unbreakable.md).
const MAX_FILTER_NODES: usize = 1000;

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn here(&self) -> usize {
        self.toks.get(self.pos).map(|(_, p)| *p).unwrap_or(self.text.chars().count())
    }

    fn err(&self) -> CmdletError {
        syntax_error(self.text, self.here())
    }

    /// Counts one nesting or combining token, failing past `MAX_FILTER_NODES`.
    fn node(&mut self) -> Result<(), CmdletError> {
        self.nodes += 1;
        if self.nodes > MAX_FILTER_NODES {
            return Err(self.err());
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Filter, CmdletError> {
        let mut left = self.and()?;
        while self.peek() == Some(&Tok::Op("or".into())) {
            self.node()?;
            self.pos += 1;
            let right = self.and()?;
            left = Filter::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, CmdletError> {
        let mut left = self.unary()?;
        while self.peek() == Some(&Tok::Op("and".into())) {
            self.node()?;
            self.pos += 1;
            let right = self.unary()?;
            left = Filter::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Filter, CmdletError> {
        match self.peek() {
            Some(Tok::Op(o)) if o == "not" => {
                self.node()?;
                self.pos += 1;
                Ok(Filter::Not(Box::new(self.unary()?)))
            }
            Some(Tok::Open) => {
                self.node()?;
                self.pos += 1;
                let inner = self.or()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err(self.err());
                }
                self.pos += 1;
                Ok(inner)
            }
            Some(Tok::Word(w)) => {
                let property = w.clone();
                let at = self.here();
                self.pos += 1;
                let op = match self.peek() {
                    Some(Tok::Op(o)) if COMPARISONS.contains(&o.as_str()) => o.clone(),
                    Some(Tok::Op(o)) if !matches!(o.as_str(), "and" | "or" | "not") => {
                        return Err(filter_error(format!(
                            "\"-{o}\" is not a valid operator. For a list of supported operators see the command help.\n\"{}\" at position {}.",
                            self.text,
                            self.here() + 1
                        )));
                    }
                    _ => return Err(self.err()),
                };
                self.pos += 1;
                let value = match self.peek() {
                    Some(Tok::Quoted(s)) => Value::str(s),
                    Some(Tok::Word(w)) => literal(w),
                    _ => return Err(self.err()),
                };
                self.pos += 1;
                Ok(Filter::Cmp { property, op, value, at })
            }
            _ => Err(self.err()),
        }
    }
}

fn literal(w: &str) -> Value {
    match w.to_ascii_lowercase().as_str() {
        "$true" => Value::Bool(true),
        "$false" => Value::Bool(false),
        "$null" => Value::Null,
        _ => crate::value::convert::parse_number(w).filter(|_| !w.is_empty()).unwrap_or_else(|| Value::str(w)),
    }
}

fn inner_text(text: &str) -> &str {
    let trimmed = text.trim();
    trimmed.strip_prefix('{').and_then(|t| t.strip_suffix('}')).unwrap_or(trimmed)
}

/// Parses an OPATH filter (braces around the whole filter are allowed).
pub fn parse(text: &str) -> Result<Filter, CmdletError> {
    let inner = inner_text(text);
    let toks = tokenize(inner).map_err(|p| syntax_error(inner, p))?;
    let mut p = Parser { toks, pos: 0, text: inner, nodes: 0 };
    let f = p.or()?;
    if p.pos != p.toks.len() {
        return Err(p.err());
    }
    Ok(f)
}

/// Parses a filter for `target`'s cmdlet: every property must be one its schema recognizes, and
/// each literal must convert to the property's type (strict-rules.md §3).
pub fn parse_for(text: &str, target: Target) -> Result<Filter, CmdletError> {
    let mut f = parse(text)?;
    check(&mut f, inner_text(text), target)?;
    Ok(f)
}

fn check(f: &mut Filter, text: &str, target: Target) -> Result<(), CmdletError> {
    match f {
        Filter::And(a, b) | Filter::Or(a, b) => {
            check(a, text, target)?;
            check(b, text, target)
        }
        Filter::Not(a) => check(a, text, target),
        Filter::Cmp { property, op, value, at } => {
            let Some((name, kind)) = opath_schema::lookup(target, property) else {
                return Err(filter_error(format!(
                    "\"{property}\" is not a recognized filterable property. Valid property names are: {}.\n\"{text}\" at position {}.",
                    opath_schema::names(target).join(", "),
                    *at + 1
                )));
            };
            *property = name.to_string();
            *value = typed_literal(value, kind, op)?;
            Ok(())
        }
    }
}

/// The literal converted to the property's type; `$null` stays null (blank or non-blank tests).
fn typed_literal(value: &Value, kind: Kind, op: &str) -> Result<Value, CmdletError> {
    if value.is_null() {
        return Ok(Value::Null);
    }
    let text = to_string(value);
    let bad = |ty: &str| filter_error(format!("The value \"{text}\" could not be converted to type {ty}."));
    match kind {
        Kind::Text => Ok(value.clone()),
        Kind::Bool => match value {
            Value::Bool(_) => Ok(value.clone()),
            _ if text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("$true") => Ok(Value::Bool(true)),
            _ if text.eq_ignore_ascii_case("false") || text.eq_ignore_ascii_case("$false") => Ok(Value::Bool(false)),
            _ => Err(bad("System.Boolean")),
        },
        Kind::Int => match value {
            Value::Int(_) | Value::Long(_) => Ok(value.clone()),
            _ => text.trim().parse::<i64>().map(Value::Int).map_err(|_| bad("System.Int32")),
        },
        Kind::Enum(ty) => {
            let known = [&super::types::RECIPIENT_TYPE_DETAILS, &super::types::RECIPIENT_TYPE]
                .into_iter()
                .find(|e| e.name == ty)
                .is_none_or(|e| e.members.iter().any(|(n, _)| n.eq_ignore_ascii_case(&text)));
            if known || (op.contains("like") && text.contains('*')) { Ok(value.clone()) } else { Err(bad(ty)) }
        }
    }
}

fn cmp_one(lhs: &Value, op: &str, rhs: &Value) -> bool {
    match op {
        "eq" => match rhs {
            Value::Null => lhs.is_null() || to_string(lhs).is_empty(),
            Value::Bool(b) => crate::value::convert::to_bool(lhs) == *b,
            _ => equals(lhs, rhs, false),
        },
        "like" => wildcard_match(&to_string(rhs), &to_string(lhs), false),
        "gt" => compare(lhs, rhs, false) == Some(std::cmp::Ordering::Greater),
        "ge" => matches!(compare(lhs, rhs, false), Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)),
        "lt" => compare(lhs, rhs, false) == Some(std::cmp::Ordering::Less),
        "le" => matches!(compare(lhs, rhs, false), Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)),
        _ => false,
    }
}

impl Filter {
    /// True when the object passes the filter. A multi-valued property matches when any value does.
    pub fn matches(&self, obj: &Value) -> bool {
        self.matches_with(&|p| obj.property(p))
    }

    /// True when the properties `lookup` returns pass the filter (`None` = no such property). OPATH
    /// filters are evaluated against the directory object, so a filter may name attributes the
    /// output object does not show (Get-Mailbox -Filter "Department -eq 'IT'").
    pub fn matches_with(&self, lookup: &dyn Fn(&str) -> Option<Value>) -> bool {
        match self {
            Filter::And(a, b) => a.matches_with(lookup) && b.matches_with(lookup),
            Filter::Or(a, b) => a.matches_with(lookup) || b.matches_with(lookup),
            Filter::Not(a) => !a.matches_with(lookup),
            Filter::Cmp { property, op, value, .. } => {
                let lhs = lookup(property).unwrap_or(Value::Null);
                let (positive, negate) = match op.as_str() {
                    "ne" => ("eq", true),
                    "notlike" => ("like", true),
                    other => (other, false),
                };
                let hit = match &lhs {
                    Value::Array(a) => {
                        let a = a.borrow();
                        if a.is_empty() {
                            cmp_one(&Value::Null, positive, value)
                        } else {
                            a.iter().any(|x| cmp_one(x, positive, value))
                        }
                    }
                    other => cmp_one(other, positive, value),
                };
                hit != negate
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::PsObject;

    fn obj() -> Value {
        let mut o = PsObject::new(&["X"]);
        o.set("RecipientTypeDetails", Value::str("UserMailbox"));
        o.set("Alias", Value::str("karen"));
        o.set("Title", Value::str("Sales Manager"));
        o.set("HiddenFromAddressListsEnabled", Value::Bool(false));
        o.set(
            "EmailAddresses",
            Value::array(vec![Value::str("SMTP:karen@contoso.com"), Value::str("smtp:kb@contoso.com")]),
        );
        Value::object(o)
    }

    #[test]
    fn documented_filters() -> Result<(), String> {
        let o = obj();
        let f =
            parse("(RecipientTypeDetails -eq 'UserMailbox') -and (Alias -ne 'Admin')").map_err(|e| format!("{e:?}"))?;
        assert!(f.matches(&o));
        assert!(!parse("Title -like 'Manager*'").map_err(|e| format!("{e:?}"))?.matches(&o));
        assert!(parse("Title -like '*Manager'").map_err(|e| format!("{e:?}"))?.matches(&o));
        assert!(parse("{Alias -eq 'KAREN'}").map_err(|e| format!("{e:?}"))?.matches(&o));
        assert!(parse("HiddenFromAddressListsEnabled -eq $false").map_err(|e| format!("{e:?}"))?.matches(&o));
        assert!(parse("EmailAddresses -like 'smtp:kb@*'").map_err(|e| format!("{e:?}"))?.matches(&o));
        assert!(parse("-not (Alias -eq 'amy') -or Alias -eq 'x'").map_err(|e| format!("{e:?}"))?.matches(&o));
        assert!(!parse("Department -eq 'Sales'").map_err(|e| format!("{e:?}"))?.matches(&o));
        Ok(())
    }

    #[test]
    fn syntax_errors() {
        assert!(parse("Alias -eq").is_err());
        assert!(parse("(Alias -eq 'x'").is_err());
        assert!(parse("Alias 'x'").is_err());
        assert!(parse("Alias -eq 'x").is_err());
    }
}
