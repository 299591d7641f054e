//! THE parameter binder, for cmdlets, functions, filters, scripts' `param()` blocks and script
//! blocks alike: named arguments (exact, alias, unique prefix, ambiguity), switches, positions,
//! remaining arguments, pipeline input by value and by property name, parameter sets, the
//! mandatory check and the common parameters. It works from one borrowed view of a parameter list
//! ([`ParamList`]), built from a cmdlet's [`Signature`](crate::cmdlet::Signature) or a script's
//! `param()` block. Every text is PowerShell's.
//!
//! What stays with the caller: evaluating arguments and splatting, conversion to a script's
//! `[type]` (passed in as a [`Converter`]), default values, scope variables, and prompting for
//! missing mandatory parameters. The binder lives in the cmdlet contract rather than the engine
//! so that cmdlet unit tests bind their arguments through it too.

mod common;
mod convert;
mod validate;
mod view;

pub use common::{ACTION_PREFERENCE, Common};
pub use convert::convert_arg;
pub use validate::{Check, Validation, script_failure, validation_error};
pub use view::{ALL_SETS, CommandKind, Decl, ParamList, ParamSpec, dotnet_type_name};

use common::{COMMON, CommonDef, SHOULD_PROCESS, common_type, set_common};

use crate::cmdlet::{BoundArgs, Origin};
use crate::syntax::Span;
use crate::value::{Value, convert as vconvert};

/// An evaluated command argument.
#[derive(Debug, Clone)]
pub enum Arg {
    /// `-Name` or `-Name:value`.
    Named {
        /// The name as written, without the dash.
        name: String,
        /// The `:value`, if written.
        value: Option<Value>,
        /// Where the parameter name is.
        span: Span,
    },
    /// A positional value.
    Positional {
        /// The value.
        value: Value,
        /// Where it is.
        span: Span,
    },
}

/// A binding failure, with PowerShell's message and error id.
#[derive(Debug, Clone)]
pub struct BindError {
    /// The message.
    pub message: String,
    /// The error id (before the `,command` suffix).
    pub fqid: &'static str,
    /// The error category.
    pub category: &'static str,
    /// The .NET exception type.
    pub exception: &'static str,
    /// The argument it is about, if any.
    pub span: Option<Span>,
}

impl BindError {
    /// A `ParameterBindingException`.
    pub fn new(message: String, fqid: &'static str, category: &'static str, span: Option<Span>) -> Self {
        BindError { message, fqid, category, exception: "System.Management.Automation.ParameterBindingException", span }
    }

    /// The error for mandatory parameters that got no value.
    pub fn missing_mandatory(names: &[&str]) -> Self {
        BindError::new(
            format!("Cannot process command because of one or more missing mandatory parameters: {}.", names.join(" ")),
            "MissingMandatoryParameter",
            "InvalidArgument",
            None,
        )
    }

    /// The error for a pipeline record that binds to no parameter.
    pub fn input_not_bound() -> Self {
        BindError::new(
            "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.".into(),
            "InputObjectNotBound",
            "InvalidArgument",
            None,
        )
    }

    fn ambiguous_set() -> Self {
        BindError::new(
            "Parameter set cannot be resolved using the specified named parameters.".into(),
            "AmbiguousParameterSet",
            "InvalidArgument",
            None,
        )
    }
}

/// Converts an argument to a parameter's type: [`convert_arg`] for cmdlet parameters, the
/// engine's `[type]` conversion for script parameters.
pub type Converter<'c> = dyn FnMut(&ParamSpec<'_>, Value, Option<Span>) -> Result<Value, BindError> + 'c;

/// The converter for cmdlet parameters ([`convert_arg`] with the cmdlet's origin); a script
/// parameter passes through unchanged.
pub fn cmdlet_converter(origin: Origin) -> impl FnMut(&ParamSpec<'_>, Value, Option<Span>) -> Result<Value, BindError> {
    move |p, v, span| match p.decl {
        Decl::Cmdlet(param) => convert_arg(origin, param, v, span),
        Decl::Script(_) => Ok(v),
    }
}

/// The result of binding the command line (before pipeline input).
#[derive(Debug, Clone)]
pub struct Binding {
    /// Bound parameters, converted.
    pub args: BoundArgs,
    /// The common parameters given.
    pub common: Common,
    /// The parameter sets still possible.
    pub sets: Vec<String>,
    /// What a simple function gets in `$args`: arguments that matched no parameter.
    pub rest: Vec<Value>,
    /// Every parameter bound, common ones included, by canonical name in the order they were
    /// bound (named, then positional, then remaining arguments), which `$PSBoundParameters`
    /// keeps. A common parameter carries its value (a switch as a `SwitchParameter`, an action as
    /// an `ActionPreference`); the others' values are in `args`.
    pub order: Vec<(String, Option<Value>)>,
}

/// An argument no parameter took, at its index on the command line.
enum Unbound {
    Named { at: usize, name: String, value: Option<Value>, span: Span },
    Positional { at: usize, value: Value, span: Span },
}

impl Unbound {
    fn at(&self) -> usize {
        match self {
            Unbound::Named { at, .. } | Unbound::Positional { at, .. } => *at,
        }
    }

    /// What `$args` or a remaining-arguments parameter gets: a name as written (`-Name`, or
    /// `-Name:` before its value, ScriptParameterBinderController.HandleRemainingArguments).
    fn into_values(self) -> Vec<Value> {
        match self {
            Unbound::Named { name, value: Some(v), .. } => vec![Value::str(format!("-{name}:")), v],
            Unbound::Named { name, value: None, .. } => vec![Value::str(format!("-{name}"))],
            Unbound::Positional { value, .. } => vec![value],
        }
    }
}

enum Target<'l, 'a> {
    Param(&'l ParamSpec<'a>),
    Common(&'static CommonDef),
}

impl<'a> ParamList<'a> {
    fn commons(&self) -> impl Iterator<Item = &'static CommonDef> {
        let common: &'static [CommonDef] = if self.has_common() { COMMON } else { &[] };
        let sp: &'static [CommonDef] = if self.should_process { SHOULD_PROCESS } else { &[] };
        common.iter().chain(sp.iter())
    }

    /// Resolves `-name`: exact name or alias, then a common parameter, then a unique prefix.
    /// `Ok(None)`: nothing matches.
    fn resolve(&self, name: &str, span: Span) -> Result<Option<Target<'_, 'a>>, BindError> {
        if let Some(p) = self.params.iter().find(|p| p.answers_to(name)) {
            return Ok(Some(Target::Param(p)));
        }
        if let Some(c) = self
            .commons()
            .find(|c| c.name.eq_ignore_ascii_case(name) || c.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
        {
            return Ok(Some(Target::Common(c)));
        }
        let lower = name.to_ascii_lowercase();
        let prefix = |n: &str| n.to_ascii_lowercase().starts_with(&lower);
        let mut matches: Vec<(&str, Target<'_, 'a>)> = Vec::new();
        for p in self.params.iter().filter(|p| prefix(p.name)) {
            matches.push((p.name, Target::Param(p)));
        }
        for c in self.commons().filter(|c| prefix(c.name)) {
            matches.push((c.name, Target::Common(c)));
        }
        if matches.len() > 1 {
            let list: Vec<String> = matches.iter().map(|(n, _)| format!("-{n}")).collect();
            return Err(BindError::new(
                format!(
                    "Parameter cannot be processed because the parameter name '{name}' is ambiguous. Possible matches include: {}.",
                    list.join(" ")
                ),
                "AmbiguousParameter",
                "InvalidArgument",
                Some(span),
            ));
        }
        Ok(matches.pop().map(|m| m.1))
    }

    fn sets_compatible_with(&self, bound: &BoundArgs, sets: Vec<String>) -> Vec<String> {
        sets.into_iter()
            .filter(|s| bound.iter().all(|(n, _)| self.get(n).map(|p| p.in_set(s)).unwrap_or(true)))
            .collect()
    }

    /// Binds the command line: named arguments first, then positional ones in the default set
    /// (or the first set still possible).
    pub fn bind_command_line(&self, args: &[Arg], conv: &mut Converter<'_>) -> Result<Binding, BindError> {
        let mut bound = BoundArgs::default();
        let mut common = Common::default();
        // Arguments no parameter took, with each one's index: they keep the order they were
        // written in.
        let mut unbound: Vec<Unbound> = Vec::new();
        let mut order: Vec<(String, Option<Value>)> = Vec::new();
        let mut positionals: Vec<(usize, Value, Span)> = Vec::new();
        let mut i = 0;
        while i < args.len() {
            match &args[i] {
                Arg::Positional { value, span } => positionals.push((i, value.clone(), *span)),
                Arg::Named { name, value, span } => match self.resolve(name, *span)? {
                    Some(Target::Common(c)) => {
                        let v = named_value(args, &mut i, value, c.switch, c.name, common_type(c.name), *span)?;
                        let given = set_common(&mut common, c.name, v, c.switch)?;
                        order.push((c.name.to_string(), Some(given)));
                    }
                    Some(Target::Param(p)) => {
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
                        let before = i;
                        let v = named_value(args, &mut i, value, p.switch, p.name, p, *span)?;
                        // A script parameter's conversion error points at the value when it was
                        // a separate argument; implicit remoting reports an Exchange cmdlet's at
                        // the parameter name (behavior.md), and exsh's core cmdlets do the same.
                        let vspan = match &args[i] {
                            Arg::Positional { span: value_span, .. }
                                if i != before && !matches!(self.kind, CommandKind::Cmdlet(_)) =>
                            {
                                *value_span
                            }
                            _ => *span,
                        };
                        let v = conv(p, v, Some(vspan))?;
                        bound.insert(p.name, v);
                        order.push((p.name.to_string(), None));
                    }
                    // A name that matches nothing stays an unbound argument: `$args` of a simple
                    // function, the remaining-arguments parameter's values, or else
                    // NamedParameterNotFound once positions are bound. The positional argument
                    // right after it goes with it and is never bound by position
                    // (ParameterBinderController.GetNextPositionalArgument).
                    None => {
                        unbound.push(Unbound::Named { at: i, name: name.clone(), value: value.clone(), span: *span });
                        if let Some(Arg::Positional { value, span }) = args.get(i + 1) {
                            i += 1;
                            unbound.push(Unbound::Positional { at: i, value: value.clone(), span: *span });
                        }
                    }
                },
            }
            i += 1;
        }
        let mut sets = self.sets_compatible_with(&bound, self.set_names.iter().map(|s| s.to_string()).collect());
        if sets.is_empty() {
            return Err(BindError::ambiguous_set());
        }
        if !positionals.is_empty() {
            // Positions across every set still possible (EvaluateUnboundPositionalParameters):
            // at each position the default set's parameter first, else the first one declared,
            // and each binding narrows the sets for the positions after it.
            let mut positions: Vec<usize> = self
                .params
                .iter()
                .filter(|p| !bound.has(p.name) && sets.iter().any(|s| p.in_set(s)))
                .filter_map(|p| p.position)
                .collect();
            positions.sort_unstable();
            positions.dedup();
            let mut positions = positions.into_iter();
            for (at, v, span) in positionals {
                let slot = loop {
                    let Some(pos) = positions.next() else { break None };
                    let candidates: Vec<&ParamSpec<'a>> = self
                        .params
                        .iter()
                        .filter(|p| p.position == Some(pos) && !bound.has(p.name))
                        .filter(|p| sets.iter().any(|s| p.in_set(s)))
                        .collect();
                    // PowerShell tries every candidate without type coercion first, so a script
                    // block goes to Where-Object's -FilterScript, not the default set's -Property.
                    let default_open = sets.iter().any(|s| s.eq_ignore_ascii_case(self.default_set));
                    let in_default = |p: &&&ParamSpec<'a>| default_open && p.in_set(self.default_set);
                    let exact: Vec<&&ParamSpec<'a>> = candidates.iter().filter(|p| p.takes_as_is(&v)).collect();
                    let pick = exact
                        .iter()
                        .find(|p| in_default(p))
                        .or_else(|| exact.first())
                        .map(|p| **p)
                        .or_else(|| candidates.iter().find(|p| in_default(p)).copied())
                        .or_else(|| candidates.first().copied());
                    if pick.is_some() {
                        break pick;
                    }
                };
                match slot {
                    // A positional remaining-arguments parameter (ForEach-Object's -Process)
                    // gathers this and every later unbound argument below; it fixes the sets.
                    Some(p) if p.remaining => {
                        unbound.push(Unbound::Positional { at, value: v, span });
                        sets.retain(|s| p.in_set(s));
                    }
                    Some(p) => {
                        let v = conv(p, v, Some(span))?;
                        bound.insert(p.name, v);
                        order.push((p.name.to_string(), None));
                        sets = self.sets_compatible_with(&bound, sets);
                    }
                    None => unbound.push(Unbound::Positional { at, value: v, span }),
                }
            }
            sets = self.sets_compatible_with(&bound, sets);
            if sets.is_empty() {
                return Err(BindError::ambiguous_set());
            }
        }
        unbound.sort_by_key(Unbound::at);
        let mut rest = Vec::new();
        if !unbound.is_empty() {
            let remaining =
                self.params.iter().find(|p| p.remaining && sets.iter().any(|s| p.in_set(s)) && !bound.has(p.name));
            if let Some(p) = remaining {
                // ValueFromRemainingArguments takes every unbound argument, a name as its text
                // (CmdletParameterBinderController.HandleRemainingArguments).
                let mut values: Vec<Value> = unbound.into_iter().flat_map(Unbound::into_values).collect();
                let v = if values.len() == 1 { values.remove(0) } else { Value::array(values) };
                let v = conv(p, v, None)?;
                bound.insert(p.name, v);
                order.push((p.name.to_string(), None));
                sets = self.sets_compatible_with(&bound, sets);
            } else if self.kind == CommandKind::Simple {
                rest = unbound.into_iter().flat_map(Unbound::into_values).collect();
            } else {
                // An unresolvable parameter set is reported first (ValidateParameterSets runs
                // before VerifyArgumentsProcessed), unless pipeline input could still resolve it.
                let pipeline_could = self
                    .params
                    .iter()
                    .any(|p| p.takes_pipeline() && !bound.has(p.name) && sets.iter().any(|s| p.in_set(s)));
                if !pipeline_could {
                    self.finish(&mut bound.clone(), &sets, false)?;
                }
                // Then the first argument left over is the error (VerifyArgumentsProcessed).
                return Err(match unbound.remove(0) {
                    Unbound::Named { name, span, .. } => BindError::new(
                        format!("A parameter cannot be found that matches parameter name '{name}'."),
                        "NamedParameterNotFound",
                        "InvalidArgument",
                        Some(span),
                    ),
                    Unbound::Positional { value, span, .. } => BindError::new(
                        format!(
                            "A positional parameter cannot be found that accepts argument '{}'.",
                            vconvert::to_string(&value)
                        ),
                        "PositionalParameterNotFound",
                        "InvalidArgument",
                        Some(span),
                    ),
                });
            }
        }
        Ok(Binding { args: bound, common, sets, rest, order })
    }

    /// Binds one pipeline record onto a copy of the command-line binding: by value when the
    /// record's shape fits a parameter that takes only values, else by property name, else by value.
    /// `Ok(None)`: the record binds to nothing.
    pub fn bind_pipeline(
        &self,
        b: &Binding,
        input: &Value,
        conv: &mut Converter<'_>,
    ) -> Result<Option<BoundArgs>, BindError> {
        let mut args = b.args.clone();
        let mut any = false;
        let candidates: Vec<&ParamSpec<'a>> =
            self.params.iter().filter(|p| !args.has(p.name) && b.sets.iter().any(|s| p.in_set(s))).collect();
        if let Some(p) = candidates.iter().find(|p| p.pipeline.by_value && !p.pipeline.by_property_name)
            && (matches!(input, Value::Object(_)) || !candidates.iter().any(|q| q.pipeline.by_property_name))
        {
            let v = conv(p, input.clone(), None)?;
            args.insert(p.name, v);
            return Ok(Some(args));
        }
        if matches!(input, Value::Object(_) | Value::Hashtable(_)) {
            for p in candidates.iter().filter(|p| p.pipeline.by_property_name) {
                let found = std::iter::once(p.name).chain(p.aliases.iter().copied()).find_map(|n| input.property(n));
                if let Some(v) = found {
                    let v = conv(p, v, None)?;
                    args.insert(p.name, v);
                    any = true;
                }
            }
        }
        if !any && let Some(p) = candidates.iter().find(|p| p.pipeline.by_value) {
            let v = conv(p, input.clone(), None)?;
            args.insert(p.name, v);
            any = true;
        }
        Ok(if any { Some(args) } else { None })
    }

    /// True when some parameter takes pipeline input.
    pub fn takes_pipeline(&self) -> bool {
        self.params.iter().any(|p| p.takes_pipeline())
    }

    /// Chooses the parameter set (recorded in `args.set`) and lists the mandatory parameters still
    /// missing in it (empty when complete).
    ///
    /// Without pipeline input to come, PowerShell's choice (CmdletParameterBinderController.
    /// ValidateParameterSets): the only set still possible; else the default set when it is one of
    /// them; else the one set whose mandatory parameters are all bound; else AmbiguousParameterSet.
    /// With `pipeline_pending`, the choice waits for the input: parameters it can still supply do not
    /// count as missing, and a set with nothing missing is preferred (the default first).
    pub fn finish(
        &self,
        args: &mut BoundArgs,
        sets: &[String],
        pipeline_pending: bool,
    ) -> Result<Vec<&'a str>, BindError> {
        let (set, missing) = self.choose_set(args, sets, pipeline_pending)?;
        args.set = set;
        Ok(missing)
    }

    /// The mandatory parameters still missing from `args` in the set [`finish`](Self::finish)
    /// would choose (empty when complete), without recording the set.
    pub fn missing(
        &self,
        args: &BoundArgs,
        sets: &[String],
        pipeline_pending: bool,
    ) -> Result<Vec<&'a str>, BindError> {
        self.choose_set(args, sets, pipeline_pending).map(|(_, m)| m)
    }

    fn choose_set(
        &self,
        args: &BoundArgs,
        sets: &[String],
        pipeline_pending: bool,
    ) -> Result<(String, Vec<&'a str>), BindError> {
        let missing_in = |args: &BoundArgs, set: &str| -> Vec<&'a str> {
            self.params
                .iter()
                .filter(|p| p.is_mandatory_in(set) && !args.has(p.name))
                .filter(|p| !(pipeline_pending && p.takes_pipeline()))
                .map(|p| p.name)
                .collect()
        };
        // Pipeline records may have bound parameters of some sets only.
        let sets = self.sets_compatible_with(args, sets.to_vec());
        let is_default = |s: &&String| s.eq_ignore_ascii_case(self.default_set);
        let complete: Vec<&String> = sets.iter().filter(|s| missing_in(args, s).is_empty()).collect();
        let chosen = if pipeline_pending {
            let waiting = complete.iter().copied().find(is_default).or_else(|| complete.first().copied());
            waiting.or_else(|| sets.iter().find(is_default)).or_else(|| sets.first())
        } else {
            match (sets.as_slice(), complete.as_slice()) {
                ([one], _) => Some(one),
                _ if sets.iter().any(|s| is_default(&s)) => sets.iter().find(is_default),
                (_, [one]) => Some(*one),
                _ => None,
            }
        };
        let Some(set) = chosen.cloned() else {
            return Err(BindError::ambiguous_set());
        };
        let missing = missing_in(args, &set);
        Ok((set, missing))
    }
}

/// A parameter's type name for the MissingArgument error, worked out only when it is needed.
trait TypeName {
    fn type_name(&self) -> String;
}

impl TypeName for &str {
    fn type_name(&self) -> String {
        self.to_string()
    }
}

impl TypeName for &ParamSpec<'_> {
    fn type_name(&self) -> String {
        self.type_label()
    }
}

/// The value of `-Name` at `args[*i]`: `$true` for a switch, the `:value`, or the next positional
/// argument (which is then consumed); otherwise PowerShell's MissingArgument error.
fn named_value(
    args: &[Arg],
    i: &mut usize,
    colon: &Option<Value>,
    switch: bool,
    name: &str,
    type_name: impl TypeName,
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
    let type_name = type_name.type_name();
    Err(BindError::new(
        format!("Missing an argument for parameter '{name}'. Specify a parameter of type '{type_name}' and try again."),
        "MissingArgument",
        "InvalidArgument",
        Some(span),
    ))
}

#[cfg(test)]
mod tests;
