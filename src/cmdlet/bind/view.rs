//! The binder's one view of a parameter list, borrowed from a cmdlet's [`Signature`] or from a
//! script's `param()` block ([`ParamBlock`]): names, aliases, switches, positions, sets, pipeline
//! input, remaining arguments and what is mandatory where. Everything the binder decides, it
//! decides from this view, so cmdlets, functions, filters, scripts and script blocks bind alike.

use std::borrow::Cow;

use super::validate::Validation;
use crate::cmdlet::{ConfirmImpact, Origin, Param, ParamType, PipelineInput, Signature};
use crate::directory::ExchangeVersion;
use crate::syntax::{Attribute, Expr, ExprKind, Literal, ParamBlock, ParamDef, StringPart};

/// The set every parameter belongs to when a command declares none.
pub const ALL_SETS: &str = "__AllParameterSets";

/// Where a parameter was declared: conversion to its type depends on it.
#[derive(Debug, Clone, Copy)]
pub enum Decl<'a> {
    /// A cmdlet parameter ([`ParamType`] conversion, by the binder).
    Cmdlet(&'a Param),
    /// A script parameter (`[type]` conversion, by the engine).
    Script(&'a ParamDef),
}

/// One parameter as the binder sees it.
#[derive(Debug, Clone)]
pub struct ParamSpec<'a> {
    /// Canonical name.
    pub name: &'a str,
    /// Aliases (`[Alias()]` for scripts).
    pub aliases: Cow<'a, [&'a str]>,
    /// A switch: present means `$true`, never positional.
    pub switch: bool,
    /// Position, if positional.
    pub position: Option<usize>,
    /// Mandatory in every set it belongs to.
    pub mandatory: bool,
    /// Sets where it is mandatory although `mandatory` is false.
    pub mandatory_in: Cow<'a, [&'a str]>,
    /// The sets it belongs to; empty means all.
    pub sets: Cow<'a, [&'a str]>,
    /// Pipeline input.
    pub pipeline: PipelineInput,
    /// `ValueFromRemainingArguments`.
    pub remaining: bool,
    /// The declaration.
    pub decl: Decl<'a>,
    /// Validation attributes (script parameters).
    pub validation: Validation<'a>,
}

impl ParamSpec<'_> {
    /// Whether the value already has this parameter's type, so binding it needs no coercion
    /// (the first of PowerShell's two positional passes). Script parameters are left to the
    /// second pass.
    pub fn takes_as_is(&self, v: &crate::value::Value) -> bool {
        use crate::cmdlet::ParamType as T;
        use crate::value::Value as V;
        let Decl::Cmdlet(p) = self.decl else { return false };
        matches!(
            (p.ty, v),
            (T::ScriptBlock, V::ScriptBlock(_))
                | (T::Hashtable, V::Hashtable(_))
                | (T::String | T::Set(_), V::Str(_))
                | (T::Int, V::Int(_))
                | (T::Bool, V::Bool(_))
        )
    }

    /// The type PowerShell names in the MissingArgument error (`String` for a cmdlet's
    /// `[string]`, `System.String` for a script's). Computed only when an error needs it.
    pub fn type_label(&self) -> String {
        match self.decl {
            Decl::Cmdlet(p) => p.display_type(),
            Decl::Script(d) => dotnet_type_name(d.type_name.as_deref().unwrap_or("Object")),
        }
    }

    /// Checks a converted argument against the parameter's validation attributes and, when it is
    /// mandatory in some set, against null and empty values (the `Allow*` attributes permitting).
    pub fn validate(
        &self,
        v: &crate::value::Value,
        span: Option<crate::syntax::Span>,
        script: &mut super::validate::ScriptCheck<'_>,
    ) -> Result<(), super::BindError> {
        let Decl::Script(def) = self.decl else { return Ok(()) };
        let mandatory = self.mandatory || !self.mandatory_in.is_empty();
        if self.validation.is_empty() && !mandatory {
            return Ok(());
        }
        self.validation.check(self.name, mandatory, def.type_name.as_deref(), v, span, script)
    }

    /// True when it belongs to `set`.
    pub fn in_set(&self, set: &str) -> bool {
        self.sets.is_empty() || self.sets.iter().any(|s| s.eq_ignore_ascii_case(set))
    }

    /// True when mandatory in `set`.
    pub fn is_mandatory_in(&self, set: &str) -> bool {
        self.in_set(set) && (self.mandatory || self.mandatory_in.iter().any(|s| s.eq_ignore_ascii_case(set)))
    }

    /// True when it takes pipeline input (by value or by property name).
    pub fn takes_pipeline(&self) -> bool {
        self.pipeline.by_value || self.pipeline.by_property_name
    }

    /// True when `name` is its name or one of its aliases.
    pub fn answers_to(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name) || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

/// What kind of command the list belongs to, which decides what happens to arguments that match
/// no parameter and whether the common parameters exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandKind {
    /// A cmdlet of this origin.
    Cmdlet(Origin),
    /// An advanced function or script (`[CmdletBinding()]` or a `[Parameter()]` attribute): common
    /// parameters exist, and an argument that matches nothing is an error.
    Advanced,
    /// A simple function, script or script block: arguments that match no parameter go to `$args`.
    Simple,
}

/// A command's parameters as the binder sees them.
#[derive(Debug, Clone)]
pub struct ParamList<'a> {
    /// The parameters (for a cmdlet, those its version has).
    pub params: Vec<ParamSpec<'a>>,
    /// Declared sets in order (`__AllParameterSets` when none).
    pub set_names: Vec<&'a str>,
    /// The default set.
    pub default_set: &'a str,
    /// Cmdlet, advanced or simple.
    pub kind: CommandKind,
    /// `SupportsShouldProcess`: `-WhatIf` and `-Confirm` exist.
    pub should_process: bool,
    /// `ConfirmImpact` (a script's `[CmdletBinding(ConfirmImpact = 'High')]`, Medium by default).
    pub confirm_impact: ConfirmImpact,
}

impl<'a> ParamList<'a> {
    /// The view of a cmdlet's parameters in one Exchange version.
    pub fn of_signature(sig: &'a Signature, version: ExchangeVersion) -> Self {
        let params = sig
            .params
            .iter()
            .filter(|p| p.available_in(version))
            .map(|p| ParamSpec {
                name: p.name,
                aliases: Cow::Borrowed(p.aliases),
                switch: p.ty == ParamType::Switch,
                position: p.position,
                mandatory: p.mandatory,
                mandatory_in: Cow::Borrowed(p.mandatory_in),
                sets: Cow::Borrowed(p.sets),
                pipeline: p.pipeline,
                remaining: p.remaining,
                decl: Decl::Cmdlet(p),
                validation: Validation::default(),
            })
            .collect();
        // A set whose own mandatory parameters (those declared in named sets) this version lacks
        // does not exist in it (New-Mailbox's
        // EnableRoomMailboxAccount set before Exchange 2013): otherwise it would compete with
        // the sets it shares parameters with.
        let exists = |set: &str| {
            let mandatory =
                || sig.params.iter().filter(|p| !p.sets.is_empty() && p.in_set(set) && p.is_mandatory_in(set));
            mandatory().next().is_none() || mandatory().any(|p| p.available_in(version))
        };
        let set_names = if sig.set_names.is_empty() {
            vec![ALL_SETS]
        } else {
            sig.set_names.iter().copied().filter(|s| exists(s)).collect()
        };
        ParamList {
            params,
            set_names,
            default_set: sig.default_set,
            kind: CommandKind::Cmdlet(sig.origin),
            should_process: sig.should_process.is_some(),
            confirm_impact: sig.should_process.unwrap_or(ConfirmImpact::None),
        }
    }

    /// The view of a script's, function's or script block's `param()` block (`None`: it has none).
    pub fn of_param_block(pb: Option<&'a ParamBlock>) -> Self {
        let Some(pb) = pb else {
            return ParamList {
                params: Vec::new(),
                set_names: vec![ALL_SETS],
                default_set: ALL_SETS,
                kind: CommandKind::Simple,
                should_process: false,
                confirm_impact: ConfirmImpact::Medium,
            };
        };
        let binding = pb.attributes.iter().find(|a| a.name.eq_ignore_ascii_case("CmdletBinding"));
        let advanced = binding.is_some() || pb.params.iter().any(|p| parameter_attrs(p).next().is_some());
        // With `PositionalBinding` (true unless `[CmdletBinding(PositionalBinding = $false)]`) and
        // no `Position=` or `ParameterSetName=` anywhere, every parameter but the switches is
        // positional in declaration order; otherwise only the declared positions are
        // (Compiler.GetParameterMetaData, CommandMetadata.PositionalBinding).
        let positional_binding =
            binding.is_none_or(|a| named_arg(a, "PositionalBinding").is_none() || flag(a, "PositionalBinding"));
        let custom_sets = pb.params.iter().any(|p| {
            parameter_attrs(p).any(|a| {
                named_arg(a, "Position").is_some()
                    || named_arg(a, "ParameterSetName")
                        .and_then(|v| v.and_then(literal_str))
                        .is_some_and(|s| !s.eq_ignore_ascii_case(ALL_SETS))
            })
        });
        let automatic_positions = positional_binding && !custom_sets;
        let mut next_position = 0;
        let mut params = Vec::with_capacity(pb.params.len());
        let mut set_names: Vec<&'a str> = Vec::new();
        for p in &pb.params {
            let switch = p.type_name.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("switch"));
            let mut mandatory = false;
            let mut mandatory_in = Vec::new();
            let mut sets = Vec::new();
            let mut pipeline = PipelineInput::default();
            let mut remaining = false;
            let mut position = None;
            for a in parameter_attrs(p) {
                let set = named_arg(a, "ParameterSetName").and_then(|v| v.and_then(literal_str));
                let is_mandatory = flag(a, "Mandatory");
                match set {
                    Some(s) if !s.eq_ignore_ascii_case(ALL_SETS) => {
                        sets.push(s);
                        if !set_names.iter().any(|n| n.eq_ignore_ascii_case(s)) {
                            set_names.push(s);
                        }
                        if is_mandatory {
                            mandatory_in.push(s);
                        }
                    }
                    _ => mandatory |= is_mandatory,
                }
                pipeline.by_value |= flag(a, "ValueFromPipeline");
                pipeline.by_property_name |= flag(a, "ValueFromPipelineByPropertyName");
                remaining |= flag(a, "ValueFromRemainingArguments");
                if let Some(Some(Expr { kind: ExprKind::Literal(Literal::Int(i)), .. })) = named_arg(a, "Position") {
                    position = usize::try_from(*i).ok();
                }
            }
            if automatic_positions && !switch {
                position = Some(next_position);
                next_position += 1;
            }
            let aliases: Vec<&'a str> = p
                .attributes
                .iter()
                .filter(|a| a.name.eq_ignore_ascii_case("Alias"))
                .flat_map(|a| a.positional.iter())
                .flat_map(|e| match &e.kind {
                    ExprKind::ArrayLiteral(items) => items.iter().filter_map(literal_str).collect::<Vec<_>>(),
                    _ => literal_str(e).into_iter().collect(),
                })
                .collect();
            params.push(ParamSpec {
                name: &p.name,
                aliases: Cow::Owned(aliases),
                switch,
                position,
                mandatory,
                mandatory_in: Cow::Owned(mandatory_in),
                sets: Cow::Owned(sets),
                pipeline,
                remaining,
                decl: Decl::Script(p),
                validation: Validation::of_param(p),
            });
        }
        // Without `DefaultParameterSetName` there is no default set: an unresolved choice between
        // declared sets is PowerShell's AmbiguousParameterSet error, not the first set.
        let default_set = binding
            .and_then(|a| named_arg(a, "DefaultParameterSetName"))
            .and_then(|v| v.and_then(literal_str))
            .unwrap_or(ALL_SETS);
        if set_names.is_empty() {
            set_names.push(ALL_SETS);
        }
        let should_process = binding.is_some_and(|a| flag(a, "SupportsShouldProcess"));
        let confirm_impact = match binding
            .and_then(|a| named_arg(a, "ConfirmImpact"))
            .and_then(|v| v.and_then(literal_str))
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("high") => ConfirmImpact::High,
            Some("low") => ConfirmImpact::Low,
            Some("none") => ConfirmImpact::None,
            _ => ConfirmImpact::Medium,
        };
        ParamList {
            params,
            set_names,
            default_set,
            kind: if advanced { CommandKind::Advanced } else { CommandKind::Simple },
            should_process,
            confirm_impact,
        }
    }

    /// The parameter with this canonical name.
    pub fn get(&self, name: &str) -> Option<&ParamSpec<'a>> {
        self.params.iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// True when the common parameters exist.
    pub fn has_common(&self) -> bool {
        !matches!(self.kind, CommandKind::Simple)
    }
}

/// The `[Parameter(...)]` attributes of a script parameter.
fn parameter_attrs(p: &ParamDef) -> impl Iterator<Item = &Attribute> {
    p.attributes.iter().filter(|a| a.name.eq_ignore_ascii_case("Parameter"))
}

/// A named attribute argument: `Some(None)` when written without a value (`Mandatory`).
fn named_arg<'a>(a: &'a Attribute, name: &str) -> Option<Option<&'a Expr>> {
    a.named.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_ref())
}

/// A boolean attribute argument: `Mandatory`, `Mandatory = $true` (anything but `$false` or `0`).
fn flag(a: &Attribute, name: &str) -> bool {
    match named_arg(a, name) {
        None => false,
        Some(None) => true,
        Some(Some(e)) => match &e.kind {
            ExprKind::Variable(v) => !v.name.eq_ignore_ascii_case("false"),
            ExprKind::Literal(Literal::Int(i)) => *i != 0,
            _ => true,
        },
    }
}

/// A constant string written in an attribute (`'Set1'`, `"Set1"`, `Set1`).
fn literal_str(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Literal(Literal::String(s)) | ExprKind::BareWord(s) => Some(s),
        ExprKind::Expandable(parts) => match parts.as_slice() {
            [StringPart::Literal(s)] => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// The .NET name PowerShell prints for a parameter type written in a script (`string` → `System.String`).
pub fn dotnet_type_name(t: &str) -> String {
    let (base, suffix) = match t.strip_suffix("[]") {
        Some(b) => (b, "[]"),
        None => (t, ""),
    };
    let full = match base.to_ascii_lowercase().as_str() {
        "string" => "System.String",
        "int" | "int32" => "System.Int32",
        "long" | "int64" => "System.Int64",
        "bool" | "boolean" => "System.Boolean",
        "double" => "System.Double",
        "datetime" => "System.DateTime",
        "hashtable" => "System.Collections.Hashtable",
        "object" => "System.Object",
        "psobject" => "System.Management.Automation.PSObject",
        "pscredential" => "System.Management.Automation.PSCredential",
        "scriptblock" => "System.Management.Automation.ScriptBlock",
        "switch" => "System.Management.Automation.SwitchParameter",
        _ => base,
    };
    format!("{full}{suffix}")
}
