//! THE parameter binder: named (exact, alias, unique prefix), positional, remaining arguments,
//! splatting (done by the caller), pipeline input by property name and by value, parameter sets,
//! conversion to the declared types, and the common parameters. Every text is PowerShell's.

use crate::cmdlet::{BoundArgs, Origin, Param, ParamType, Signature};
use crate::directory::ExchangeVersion;
use crate::syntax::Span;
use crate::value::{EnumType, Value, convert};

/// An evaluated command argument.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    /// `-Name` or `-Name:value`.
    Named { name: String, value: Option<Value>, span: Span },
    /// A positional value.
    Positional { value: Value, span: Span },
}

/// `ActionPreference`.
pub(crate) static ACTION_PREFERENCE: EnumType = EnumType {
    name: "System.Management.Automation.ActionPreference",
    flags: false,
    members: &[("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2), ("Inquire", 3), ("Ignore", 4), ("Suspend", 5)],
};

/// The common parameters a command was given.
#[derive(Debug, Clone, Default)]
pub(crate) struct Common {
    pub error_action: Option<u64>,
    pub warning_action: Option<u64>,
    pub error_variable: Option<String>,
    pub warning_variable: Option<String>,
    pub out_variable: Option<String>,
    pub verbose: bool,
    pub whatif: Option<bool>,
    pub confirm: Option<bool>,
}

/// A binding failure, with PowerShell's message and error id.
#[derive(Debug, Clone)]
pub(crate) struct BindError {
    pub message: String,
    pub fqid: &'static str,
    pub category: &'static str,
    pub exception: &'static str,
    pub span: Option<Span>,
}

impl BindError {
    fn new(message: String, fqid: &'static str, category: &'static str, span: Option<Span>) -> Self {
        BindError { message, fqid, category, exception: "System.Management.Automation.ParameterBindingException", span }
    }
}

/// The result of binding the command line (before pipeline input).
#[derive(Debug, Clone)]
pub(crate) struct Binding {
    pub args: BoundArgs,
    pub common: Common,
    pub sets: Vec<String>,
}

struct CommonDef {
    name: &'static str,
    aliases: &'static [&'static str],
    switch: bool,
}

const COMMON: &[CommonDef] = &[
    CommonDef { name: "Verbose", aliases: &["vb"], switch: true },
    CommonDef { name: "Debug", aliases: &["db"], switch: true },
    CommonDef { name: "ErrorAction", aliases: &["ea"], switch: false },
    CommonDef { name: "WarningAction", aliases: &["wa"], switch: false },
    CommonDef { name: "InformationAction", aliases: &["infa"], switch: false },
    CommonDef { name: "ErrorVariable", aliases: &["ev"], switch: false },
    CommonDef { name: "WarningVariable", aliases: &["wv"], switch: false },
    CommonDef { name: "InformationVariable", aliases: &["iv"], switch: false },
    CommonDef { name: "OutVariable", aliases: &["ov"], switch: false },
    CommonDef { name: "OutBuffer", aliases: &["ob"], switch: false },
    CommonDef { name: "PipelineVariable", aliases: &["pv"], switch: false },
];

const SHOULD_PROCESS: &[CommonDef] = &[
    CommonDef { name: "WhatIf", aliases: &["wi"], switch: true },
    CommonDef { name: "Confirm", aliases: &["cf"], switch: true },
];

enum Target<'a> {
    Param(&'a Param),
    Common(&'static CommonDef),
}

fn params_of(sig: &Signature, version: ExchangeVersion) -> Vec<&Param> {
    sig.params.iter().filter(|p| p.available_in(version)).collect()
}

fn resolve_name<'a>(
    sig: &'a Signature,
    version: ExchangeVersion,
    name: &str,
    span: Span,
) -> Result<Target<'a>, BindError> {
    let params = params_of(sig, version);
    let commons: Vec<&'static CommonDef> =
        COMMON.iter().chain(if sig.should_process.is_some() { SHOULD_PROCESS.iter() } else { [].iter() }).collect();
    // Exact name or alias first.
    if let Some(p) = params
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name) || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
    {
        return Ok(Target::Param(p));
    }
    if let Some(c) = commons
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(name) || c.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
    {
        return Ok(Target::Common(c));
    }
    let lower = name.to_ascii_lowercase();
    let mut matches: Vec<(String, Target<'a>)> = Vec::new();
    for p in &params {
        if p.name.to_ascii_lowercase().starts_with(&lower) {
            matches.push((p.name.to_string(), Target::Param(p)));
        }
    }
    for c in &commons {
        if c.name.to_ascii_lowercase().starts_with(&lower) {
            matches.push((c.name.to_string(), Target::Common(c)));
        }
    }
    match matches.len() {
        1 => Ok(matches.pop().map(|m| m.1).ok_or_else(|| not_found(name, span))?),
        0 => Err(not_found(name, span)),
        _ => {
            let list: Vec<String> = matches.iter().map(|(n, _)| format!("-{n}")).collect();
            Err(BindError::new(
                format!(
                    "Parameter cannot be processed because the parameter name '{name}' is ambiguous. Possible matches include: {}.",
                    list.join(" ")
                ),
                "AmbiguousParameter",
                "InvalidArgument",
                Some(span),
            ))
        }
    }
}

fn not_found(name: &str, span: Span) -> BindError {
    BindError::new(
        format!("A parameter cannot be found that matches parameter name '{name}'."),
        "NamedParameterNotFound",
        "InvalidArgument",
        Some(span),
    )
}

fn all_sets(sig: &Signature) -> Vec<String> {
    if sig.set_names.is_empty() {
        vec!["__AllParameterSets".to_string()]
    } else {
        sig.set_names.iter().map(|s| s.to_string()).collect()
    }
}

fn type_label(p: &Param) -> String {
    p.display_type()
}

/// Binds the command line.
pub(crate) fn bind_static(sig: &Signature, version: ExchangeVersion, args: &[Arg]) -> Result<Binding, BindError> {
    let mut bound = BoundArgs::default();
    let mut common = Common::default();
    let mut positionals: Vec<(Value, Span)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match &args[i] {
            Arg::Positional { value, span } => positionals.push((value.clone(), *span)),
            Arg::Named { name, value, span } => match resolve_name(sig, version, name, *span)? {
                Target::Common(c) => {
                    let v = named_value(args, &mut i, value, c.switch, c.name, common_type(c.name), *span)?;
                    set_common(&mut common, c.name, v)?;
                }
                Target::Param(p) => {
                    if bound.has(p.name) {
                        return Err(BindError::new(
                            format!(
                                "Cannot bind parameter because parameter '{}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
                                p.name
                            ),
                            "ParameterAlreadyBound",
                            "InvalidArgument",
                            Some(*span),
                        ));
                    }
                    let v = named_value(args, &mut i, value, p.ty == ParamType::Switch, p.name, &type_label(p), *span)?;
                    let v = convert_arg(sig, p, v, Some(*span))?;
                    bound.insert(p.name, v);
                }
            },
        }
        i += 1;
    }
    // Sets compatible with the named parameters.
    let mut sets: Vec<String> = all_sets(sig)
        .into_iter()
        .filter(|s| bound.iter().all(|(n, _)| sig.find(n).map(|p| p.in_set(s)).unwrap_or(true)))
        .collect();
    if sets.is_empty() {
        return Err(BindError::new(
            "Parameter set cannot be resolved using the specified named parameters.".into(),
            "AmbiguousParameterSet",
            "InvalidArgument",
            None,
        ));
    }
    // Positional arguments.
    if !positionals.is_empty() {
        let set = if sets.iter().any(|s| s.eq_ignore_ascii_case(sig.default_set)) {
            sig.default_set.to_string()
        } else {
            sets[0].clone()
        };
        let mut slots: Vec<&Param> = params_of(sig, version)
            .into_iter()
            .filter(|p| p.position.is_some() && p.in_set(&set) && !bound.has(p.name))
            .collect();
        slots.sort_by_key(|p| p.position);
        let remaining = params_of(sig, version).into_iter().find(|p| p.remaining && !bound.has(p.name));
        let mut pos_iter = positionals.into_iter();
        let mut slot_iter = slots.into_iter();
        let mut leftovers: Vec<Value> = Vec::new();
        for (v, span) in pos_iter.by_ref() {
            match slot_iter.next() {
                Some(p) if !p.remaining => {
                    let v = convert_arg(sig, p, v, Some(span))?;
                    bound.insert(p.name, v);
                }
                Some(_) => {
                    // The remaining-arguments parameter takes this and everything after.
                    leftovers.push(v);
                    break;
                }
                None => {
                    if remaining.is_some() {
                        leftovers.push(v);
                        break;
                    }
                    return Err(BindError::new(
                        format!(
                            "A positional parameter cannot be found that accepts argument '{}'.",
                            convert::to_string(&v)
                        ),
                        "PositionalParameterNotFound",
                        "InvalidArgument",
                        Some(span),
                    ));
                }
            }
        }
        if let Some(p) = remaining {
            leftovers.extend(pos_iter.map(|(v, _)| v));
            if !leftovers.is_empty() {
                let v =
                    if leftovers.len() == 1 { leftovers.pop().unwrap_or(Value::Null) } else { Value::array(leftovers) };
                bound.insert(p.name, v);
            }
        }
        sets.retain(|s| bound.iter().all(|(n, _)| sig.find(n).map(|p| p.in_set(s)).unwrap_or(true)));
        if sets.is_empty() {
            return Err(BindError::new(
                "Parameter set cannot be resolved using the specified named parameters.".into(),
                "AmbiguousParameterSet",
                "InvalidArgument",
                None,
            ));
        }
    }
    Ok(Binding { args: bound, common, sets })
}

/// The value of `-Name` at `args[*i]`: `$true` for a switch, the `:value`, or the next positional
/// argument (which is then consumed); otherwise PowerShell's MissingArgument error.
fn named_value(
    args: &[Arg],
    i: &mut usize,
    colon: &Option<Value>,
    switch: bool,
    name: &str,
    type_name: &str,
    span: Span,
) -> Result<Value, BindError> {
    if switch {
        return Ok(colon.clone().unwrap_or(Value::Bool(true)));
    }
    if let Some(v) = colon {
        return Ok(v.clone());
    }
    if let Some(Arg::Positional { value, .. }) = args.get(*i + 1) {
        *i += 1;
        return Ok(value.clone());
    }
    Err(BindError::new(
        format!("Missing an argument for parameter '{name}'. Specify a parameter of type '{type_name}' and try again."),
        "MissingArgument",
        "InvalidArgument",
        Some(span),
    ))
}

fn common_type(name: &str) -> &'static str {
    match name {
        "ErrorAction" | "WarningAction" | "InformationAction" => "System.Management.Automation.ActionPreference",
        "OutBuffer" => "System.Int32",
        _ => "System.String",
    }
}

fn set_common(c: &mut Common, name: &str, v: Value) -> Result<(), BindError> {
    let action = |v: &Value| -> Result<u64, BindError> {
        if let Value::Enum(e) = v {
            return Ok(e.bits);
        }
        let s = convert::to_string(v);
        ACTION_PREFERENCE.parse(&s).map(|e| e.bits).map_err(|_| {
            BindError::new(
                format!(
                    "Cannot bind parameter '{name}'. Cannot convert value \"{s}\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name {s} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"",
                    ACTION_PREFERENCE.names_list()
                ),
                "CannotConvertArgumentNoMessage",
                "InvalidArgument",
                None,
            )
        })
    };
    let var = |v: &Value| convert::to_string(v).trim_start_matches('+').to_string();
    match name {
        "ErrorAction" => c.error_action = Some(action(&v)?),
        "WarningAction" => c.warning_action = Some(action(&v)?),
        "ErrorVariable" => c.error_variable = Some(var(&v)),
        "WarningVariable" => c.warning_variable = Some(var(&v)),
        "OutVariable" => c.out_variable = Some(var(&v)),
        "Verbose" => c.verbose = convert::to_bool(&v),
        "WhatIf" => c.whatif = Some(convert::to_bool(&v)),
        "Confirm" => c.confirm = Some(convert::to_bool(&v)),
        _ => {}
    }
    Ok(())
}

/// Binds one pipeline record onto a copy of the static binding: by property name first, then by value.
/// Returns `Ok(None)` when the record binds to nothing.
pub(crate) fn bind_pipeline(
    sig: &Signature,
    version: ExchangeVersion,
    b: &Binding,
    input: &Value,
) -> Result<Option<BoundArgs>, BindError> {
    let mut args = b.args.clone();
    let mut any = false;
    let candidates: Vec<&Param> = params_of(sig, version)
        .into_iter()
        .filter(|p| !args.has(p.name) && b.sets.iter().any(|s| p.in_set(s)))
        .collect();
    // By value: exact shape first (a piped object goes to the parameter that takes objects).
    if let Some(p) = candidates.iter().find(|p| p.pipeline.by_value && !p.pipeline.by_property_name)
        && (matches!(input, Value::Object(_)) || !candidates.iter().any(|q| q.pipeline.by_property_name))
    {
        {
            let v = convert_arg(sig, p, input.clone(), None)?;
            args.insert(p.name, v);
            return Ok(Some(args));
        }
    }
    if matches!(input, Value::Object(_) | Value::Hashtable(_)) {
        for p in &candidates {
            if !p.pipeline.by_property_name {
                continue;
            }
            let names = std::iter::once(p.name).chain(p.aliases.iter().copied());
            let found = names.filter_map(|n| input.property(n)).next();
            if let Some(v) = found {
                let v = convert_arg(sig, p, v, None)?;
                args.insert(p.name, v);
                any = true;
            }
        }
    }
    if !any {
        if let Some(p) = candidates.iter().find(|p| p.pipeline.by_value) {
            let v = convert_arg(sig, p, input.clone(), None)?;
            args.insert(p.name, v);
            any = true;
        }
    }
    Ok(if any { Some(args) } else { None })
}

/// The error for a record that binds to nothing.
pub(crate) fn input_not_bound() -> BindError {
    BindError::new(
        "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.".into(),
        "InputObjectNotBound",
        "InvalidArgument",
        None,
    )
}

/// Chooses the parameter set and lists missing mandatory parameters (empty when complete).
pub(crate) fn finish(
    sig: &Signature,
    version: ExchangeVersion,
    args: &mut BoundArgs,
    sets: &[String],
    pipeline_pending: bool,
) -> Vec<&'static str> {
    let params = params_of(sig, version);
    let missing_in = |set: &str| -> Vec<&'static str> {
        params
            .iter()
            .filter(|p| p.is_mandatory_in(set) && !args.has(p.name))
            .filter(|p| !(pipeline_pending && (p.pipeline.by_value || p.pipeline.by_property_name)))
            .map(|p| p.name)
            .collect()
    };
    let complete: Vec<&String> = sets.iter().filter(|s| missing_in(s).is_empty()).collect();
    let chosen = complete
        .iter()
        .find(|s| s.eq_ignore_ascii_case(sig.default_set))
        .or_else(|| complete.first())
        .map(|s| s.to_string());
    match chosen {
        Some(s) => {
            args.set = s;
            Vec::new()
        }
        None => {
            let s = sets
                .iter()
                .find(|s| s.eq_ignore_ascii_case(sig.default_set))
                .or_else(|| sets.first())
                .cloned()
                .unwrap_or_default();
            let m = missing_in(&s);
            args.set = s;
            m
        }
    }
}

/// Converts a value to a parameter's declared type.
pub(crate) fn convert_arg(sig: &Signature, p: &Param, v: Value, span: Option<Span>) -> Result<Value, BindError> {
    let remote = sig.origin == Origin::Exchange;
    let transform_err = |target: &str, inner: String| {
        let msg = if remote {
            format!(
                "Cannot process argument transformation on parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                p.name,
                convert::to_string(&v),
                target,
                inner
            )
        } else {
            format!(
                "Cannot bind parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                p.name,
                convert::to_string(&v),
                target,
                inner
            )
        };
        let (fqid, cat) = if remote {
            ("ParameterArgumentTransformationError", "InvalidData")
        } else {
            ("CannotConvertArgumentNoMessage", "InvalidArgument")
        };
        BindError::new(msg, fqid, cat, span)
    };
    if v.is_null() {
        if p.mandatory && !matches!(p.ty, ParamType::Object | ParamType::Identity(_) | ParamType::MultiValued(_)) {
            return Err(BindError::new(
                format!("Cannot bind argument to parameter '{}' because it is null.", p.name),
                "ParameterArgumentValidationErrorNullNotAllowed",
                "InvalidData",
                span,
            ));
        }
        return Ok(Value::Null);
    }
    let items = |v: &Value| -> Vec<Value> {
        match v {
            Value::Array(a) => a.borrow().to_vec(),
            other => vec![other.clone()],
        }
    };
    Ok(match p.ty {
        ParamType::Identity(_) if !p.array => match &v {
            // An identity parameter takes one object; through implicit remoting a list arrives as an
            // ArrayList and fails the server-side conversion.
            Value::Array(a) if a.borrow().len() == 1 => a.borrow()[0].clone(),
            Value::Array(_) => {
                let t = p.display_type();
                let full =
                    if t.contains('.') { t.to_string() } else { format!("Microsoft.Exchange.Configuration.Tasks.{t}") };
                return Err(BindError::new(
                    format!(
                        "Cannot process argument transformation on parameter '{}'. Cannot convert the \"System.Collections.ArrayList\" value of type \"System.Collections.ArrayList\" to type \"{full}\".",
                        p.name
                    ),
                    "ParameterArgumentTransformationError",
                    "InvalidData",
                    span,
                ));
            }
            _ => v,
        },
        ParamType::Object | ParamType::Identity(_) | ParamType::MultiValued(_) => v,
        ParamType::String => {
            if p.array {
                Value::array(items(&v).iter().map(|x| Value::str(convert::to_string(x))).collect())
            } else if let Value::Array(a) = &v {
                if a.borrow().len() == 1 {
                    Value::str(convert::to_string(&a.borrow()[0]))
                } else {
                    return Err(BindError::new(
                        format!(
                            "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter '{}'. Specified method is not supported.",
                            p.name
                        ),
                        "CannotConvertArgument",
                        "InvalidArgument",
                        span,
                    ));
                }
            } else {
                Value::str(convert::to_string(&v))
            }
        }
        ParamType::Int => {
            let conv = |x: &Value| {
                convert::to_int(x)
                    .map(Value::Int)
                    .ok_or_else(|| transform_err("System.Int32", "Input string was not in a correct format.".into()))
            };
            if p.array {
                let mut out = Vec::new();
                for x in items(&v) {
                    out.push(conv(&x)?);
                }
                Value::array(out)
            } else {
                conv(&v)?
            }
        }
        ParamType::Unlimited => {
            let s = convert::to_string(&v);
            if s.eq_ignore_ascii_case("unlimited") {
                Value::str("Unlimited")
            } else {
                convert::to_int(&v).map(Value::Int).ok_or_else(|| {
                    transform_err(
                        "Microsoft.Exchange.Data.Unlimited`1[System.UInt32]",
                        format!("The value \"{s}\" isn't valid. Valid values are a number or \"Unlimited\"."),
                    )
                })?
            }
        }
        ParamType::Bool => match &v {
            Value::Bool(_) | Value::Switch(_) | Value::Int(_) | Value::Double(_) => Value::Bool(convert::to_bool(&v)),
            _ => {
                return Err(BindError::new(
                    format!(
                        "Cannot process argument transformation on parameter '{}'. Cannot convert value \"{}\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
                        p.name,
                        v.type_name()
                    ),
                    "ParameterArgumentTransformationError",
                    "InvalidData",
                    span,
                ));
            }
        },
        ParamType::Switch => Value::Bool(convert::to_bool(&v)),
        ParamType::ScriptBlock => match &v {
            Value::ScriptBlock(_) => v,
            _ => {
                return Err(BindError::new(
                    format!(
                        "Cannot bind parameter '{}'. Cannot convert the \"{}\" value of type \"{}\" to type \"System.Management.Automation.ScriptBlock\".",
                        p.name,
                        convert::to_string(&v),
                        v.type_name()
                    ),
                    "CannotConvertArgument",
                    "InvalidArgument",
                    span,
                ));
            }
        },
        ParamType::Hashtable => match &v {
            Value::Hashtable(_) => v,
            _ => return Err(transform_err("System.Collections.Hashtable", "Invalid cast.".into())),
        },
        ParamType::Set(values) => {
            let conv = |x: &Value| -> Result<Value, BindError> {
                let s = convert::to_string(x);
                values.iter().find(|c| c.eq_ignore_ascii_case(&s)).map(|c| Value::str(*c)).ok_or_else(|| {
                    BindError::new(
                        format!(
                            "Cannot validate argument on parameter '{}'. The argument \"{}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                            p.name,
                            s,
                            values.join(",")
                        ),
                        "ParameterArgumentValidationError",
                        "InvalidData",
                        span,
                    )
                })
            };
            if p.array {
                let mut out = Vec::new();
                for x in items(&v) {
                    out.push(conv(&x)?);
                }
                Value::array(out)
            } else {
                conv(&v)?
            }
        }
        ParamType::Enum(ty) => {
            let target = if p.array { format!("{}[]", ty.name) } else { ty.name.to_string() };
            let mut out = Vec::new();
            let mut combined = 0u64;
            for x in items(&v) {
                let parsed = match &x {
                    Value::Enum(e) if std::ptr::eq(e.ty, ty) => Ok(*e),
                    Value::Enum(e) => ty.parse(&e.name()),
                    other => ty.parse(&convert::to_string(other)),
                };
                match parsed {
                    Ok(e) => {
                        combined |= e.bits;
                        out.push(Value::Enum(e));
                    }
                    Err(err) => {
                        let inner = format!(
                            "Unable to match the identifier name {} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}",
                            err.identifier,
                            ty.names_list()
                        );
                        let shown = if p.array { convert::to_string(&x) } else { convert::to_string(&v) };
                        let msg = if remote {
                            format!(
                                "Cannot process argument transformation on parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                                p.name, shown, target, inner
                            )
                        } else {
                            format!(
                                "Cannot bind parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                                p.name, shown, target, inner
                            )
                        };
                        let (fqid, cat) = if remote {
                            ("ParameterArgumentTransformationError", "InvalidData")
                        } else {
                            ("CannotConvertArgumentNoMessage", "InvalidArgument")
                        };
                        return Err(BindError::new(msg, fqid, cat, span));
                    }
                }
            }
            if p.array { Value::array(out) } else { Value::Enum(crate::value::EnumValue { ty, bits: combined }) }
        }
    })
}
