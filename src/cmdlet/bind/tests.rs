//! The binder on both kinds of parameter list. Expected texts and rules are PowerShell's
//! (about_Parameters, about_Functions_Advanced_Parameters, ParameterBinderController.cs).

use super::*;
use crate::cmdlet::{Param, ParamType, Signature};
use crate::directory::ExchangeVersion;

fn block(src: &str) -> crate::syntax::ParamBlock {
    let script = crate::syntax::parse(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    script.param_block.unwrap_or_else(|| panic!("{src}: no param block"))
}

fn named(name: &str, value: Option<&str>) -> Arg {
    Arg::Named { name: name.into(), value: value.map(Value::str), span: Span::default() }
}

fn pos(value: &str) -> Arg {
    Arg::Positional { value: Value::str(value), span: Span::default() }
}

fn pass(_: &ParamSpec<'_>, v: Value, _: Option<Span>) -> Result<Value, BindError> {
    Ok(v)
}

fn bind(list: &ParamList<'_>, args: &[Arg]) -> Result<Binding, BindError> {
    list.bind_command_line(args, &mut pass)
}

fn text(b: &Binding, name: &str) -> String {
    b.args.string(name).unwrap_or_else(|| "<unbound>".into())
}

#[test]
fn a_prefix_of_two_script_parameters_is_ambiguous_as_for_cmdlets() {
    let pb = block("param($Name, $Number)");
    let e = bind(&ParamList::of_param_block(Some(&pb)), &[named("N", None), pos("x")]).err();
    let e = e.map(|e| (e.fqid, e.message)).unwrap_or_default();
    assert_eq!(e.0, "AmbiguousParameter");
    assert!(e.1.ends_with("Possible matches include: -Name -Number."), "{}", e.1);
    let sig = Signature::new("Get-X", "X", Origin::Core)
        .param(Param::new("Name", ParamType::String))
        .param(Param::new("Number", ParamType::Int));
    let e = bind(&ParamList::of_signature(&sig, ExchangeVersion::Exchange2019), &[named("N", None), pos("x")]);
    assert_eq!(e.err().map(|e| e.fqid), Some("AmbiguousParameter"));
}

#[test]
fn a_simple_function_passes_unknown_arguments_to_args() {
    let pb = block("param($a)");
    let list = ParamList::of_param_block(Some(&pb));
    assert_eq!(list.kind, CommandKind::Simple);
    // An unknown name takes the positional argument after it along (GetNextPositionalArgument).
    let b = bind(&list, &[named("b", None), pos("1"), pos("2"), named("c", Some("3"))]);
    let b = b.unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(text(&b, "a"), "2");
    let rest: Vec<String> = b.rest.iter().map(vconvert::to_string).collect();
    assert_eq!(rest, ["-b", "1", "-c:", "3"]);
    // Common parameters are not parameters of a simple function.
    let b = bind(&list, &[named("Verbose", None)]).unwrap_or_else(|e| panic!("{}", e.message));
    assert!(!b.common.verbose);
}

#[test]
fn an_advanced_function_rejects_unknown_arguments_and_takes_common_parameters() {
    let pb = block("[CmdletBinding(SupportsShouldProcess)] param($a)");
    let list = ParamList::of_param_block(Some(&pb));
    assert_eq!(list.kind, CommandKind::Advanced);
    assert_eq!(bind(&list, &[named("b", None)]).err().map(|e| e.fqid), Some("NamedParameterNotFound"));
    assert_eq!(bind(&list, &[pos("1"), pos("2")]).err().map(|e| e.fqid), Some("PositionalParameterNotFound"));
    let b = bind(&list, &[named("vb", None), named("ea", Some("Stop")), named("WhatIf", None)]);
    let b = b.unwrap_or_else(|e| panic!("{}", e.message));
    assert!(b.common.verbose && b.common.whatif == Some(true) && b.common.error_action == Some(1));
    // A [Parameter()] attribute alone makes a function advanced.
    let pb = block("param([Parameter()]$a)");
    assert_eq!(ParamList::of_param_block(Some(&pb)).kind, CommandKind::Advanced);
}

#[test]
fn positions_follow_declaration_order_unless_some_are_declared() {
    let pb = block("param($a, [switch]$s, $b)");
    let b = bind(&ParamList::of_param_block(Some(&pb)), &[pos("1"), pos("2")]);
    let b = b.unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!((text(&b, "a"), text(&b, "b"), b.args.has("s")), ("1".into(), "2".into(), false));
    let pb = block("param([Parameter(Position = 1)]$a, [Parameter(Position = 0)]$b, $c)");
    let list = ParamList::of_param_block(Some(&pb));
    let b = bind(&list, &[pos("x"), pos("y")]).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!((text(&b, "b"), text(&b, "a")), ("x".into(), "y".into()));
    assert_eq!(bind(&list, &[pos("x"), pos("y"), pos("z")]).err().map(|e| e.fqid), Some("PositionalParameterNotFound"));
}

#[test]
fn script_parameter_sets_choose_and_require() {
    let pb = block(
        "[CmdletBinding(DefaultParameterSetName = 'ByName')]
         param([Parameter(ParameterSetName = 'ByName', Mandatory)]$Name,
               [Parameter(ParameterSetName = 'ById', Mandatory)]$Id,
               [Alias('cn')]$Computer)",
    );
    let list = ParamList::of_param_block(Some(&pb));
    assert_eq!(list.default_set, "ByName");
    let mut b = bind(&list, &[named("Id", Some("7"))]).unwrap_or_else(|e| panic!("{}", e.message));
    assert!(list.finish(&mut b.args, &b.sets, false).is_ok_and(|m| m.is_empty()));
    assert_eq!(b.args.set, "ById");
    let mut b = bind(&list, &[named("cn", Some("srv"))]).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(text(&b, "Computer"), "srv");
    assert_eq!(list.finish(&mut b.args, &b.sets, false).ok(), Some(vec!["Name"]));
    let e = bind(&list, &[named("Id", Some("7")), named("Name", Some("x"))]).err();
    assert_eq!(e.map(|e| e.fqid), Some("AmbiguousParameterSet"));
}

#[test]
fn pipeline_records_bind_by_value_and_by_property_name() {
    let pb = block(
        "param([Parameter(ValueFromPipelineByPropertyName)]$Alias,
               [Parameter(ValueFromPipeline)]$InputObject, $Other)",
    );
    let list = ParamList::of_param_block(Some(&pb));
    assert!(list.takes_pipeline());
    let b = bind(&list, &[]).unwrap_or_else(|e| panic!("{}", e.message));
    let mut o = crate::value::PsObject::new(&["X"]);
    o.set("Alias", Value::str("karen"));
    let got = list.bind_pipeline(&b, &Value::object(o), &mut pass).ok().flatten().unwrap_or_default();
    // An object goes by value to the parameter that takes only values.
    assert!(got.has("InputObject") && !got.has("Alias"));
    let got = list.bind_pipeline(&b, &Value::str("text"), &mut pass).ok().flatten().unwrap_or_default();
    assert_eq!(got.string("InputObject").as_deref(), Some("text"));
    let mut missing = b.args.clone();
    assert!(list.finish(&mut missing, &b.sets, true).is_ok_and(|m| m.is_empty()));
}

#[test]
fn binding_errors_carry_powershell_texts() {
    let pb = block("param([string]$Identity, [switch]$Force)");
    let list = ParamList::of_param_block(Some(&pb));
    let e = bind(&list, &[named("Identity", None)]).err().map(|e| e.message).unwrap_or_default();
    assert_eq!(
        e,
        "Missing an argument for parameter 'Identity'. Specify a parameter of type 'System.String' and try again."
    );
    let e = bind(&list, &[named("Identity", Some("a")), named("Identity", Some("b"))]).err().map(|e| e.fqid);
    assert_eq!(e, Some("ParameterAlreadyBound"));
    let b = bind(&list, &[named("F", None)]).unwrap_or_else(|e| panic!("{}", e.message));
    assert!(b.args.switch("Force"));
    assert_eq!(
        BindError::missing_mandatory(&["User", "AccessRights"]).message,
        "Cannot process command because of one or more missing mandatory parameters: User AccessRights."
    );
}

#[test]
fn automatic_positions_need_positional_binding_and_no_declared_positions_or_sets() {
    let positions = |src: &str| -> Vec<Option<usize>> {
        let pb = block(src);
        ParamList::of_param_block(Some(&pb)).params.iter().map(|p| p.position).collect()
    };
    assert_eq!(positions("param($a, [switch]$s, $b)"), [Some(0), None, Some(1)]);
    assert_eq!(positions("[CmdletBinding(PositionalBinding = $false)] param($a, $b)"), [None, None]);
    assert_eq!(positions("[CmdletBinding(PositionalBinding = $true)] param($a, $b)"), [Some(0), Some(1)]);
    assert_eq!(positions("param([Parameter(ParameterSetName = 'A')]$a, $b)"), [None, None]);
    assert_eq!(positions("param([Parameter(ParameterSetName = '__AllParameterSets')]$a, $b)"), [Some(0), Some(1)]);
    assert_eq!(positions("param([Parameter(Position = 1)]$a, $b)"), [Some(1), None]);
}

#[test]
fn a_parameter_set_is_the_only_one_left_the_default_or_the_one_with_nothing_mandatory_missing() {
    let choose = |src: &str, args: &[Arg]| -> Result<String, &'static str> {
        let pb = block(src);
        let list = ParamList::of_param_block(Some(&pb));
        let mut b = bind(&list, args).map_err(|e| e.fqid)?;
        list.finish(&mut b.args, &b.sets, false).map_err(|e| e.fqid)?;
        Ok(b.args.set)
    };
    let no_default =
        "[CmdletBinding()] param([Parameter(ParameterSetName = 'A')]$a, [Parameter(ParameterSetName = 'B')]$b, $c)";
    assert_eq!(choose(no_default, &[named("b", Some("1"))]), Ok("B".into()));
    // Without DefaultParameterSetName, the first declared set is not a default.
    assert_eq!(choose(no_default, &[named("c", Some("1"))]), Err("AmbiguousParameterSet"));
    assert_eq!(choose(no_default, &[]), Err("AmbiguousParameterSet"));
    let default_b = "[CmdletBinding(DefaultParameterSetName = 'B')] param([Parameter(ParameterSetName = 'A')]$a, [Parameter(ParameterSetName = 'B')]$b)";
    assert_eq!(choose(default_b, &[]), Ok("B".into()));
    let mandatory = "param([Parameter(ParameterSetName = 'A', Mandatory)]$a, [Parameter(ParameterSetName = 'B')]$b)";
    assert_eq!(choose(mandatory, &[]), Ok("B".into()));
    // The default set wins while possible, although its mandatory parameter is missing.
    let pb = block(
        "[CmdletBinding(DefaultParameterSetName = 'A')]
         param([Parameter(ParameterSetName = 'A', Mandatory)]$a, [Parameter(ParameterSetName = 'B')]$b)",
    );
    let list = ParamList::of_param_block(Some(&pb));
    let mut b = bind(&list, &[]).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(list.finish(&mut b.args, &b.sets, false).ok(), Some(vec!["a"]));
    assert_eq!(b.args.set, "A");
}

#[test]
fn remaining_arguments_take_unknown_names_and_are_never_positional() {
    let pb = block("param($a, [Parameter(ValueFromRemainingArguments)]$rest)");
    let list = ParamList::of_param_block(Some(&pb));
    let b = bind(&list, &[pos("1"), named("x", None), pos("2"), pos("3"), named("y", Some("4"))]);
    let b = b.unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(text(&b, "a"), "1");
    let rest: Vec<String> =
        b.args.get("rest").map(|v| v.enumerate()).unwrap_or_default().iter().map(vconvert::to_string).collect();
    assert_eq!(rest, ["-x", "2", "3", "-y:", "4"]);
}

#[test]
fn an_advanced_function_reports_the_first_argument_left_over() {
    let pb = block("[CmdletBinding()] param($a)");
    let list = ParamList::of_param_block(Some(&pb));
    let e = bind(&list, &[pos("1"), pos("2"), named("x", None)]).err().map(|e| (e.fqid, e.message));
    assert_eq!(e.map(|e| e.0), Some("PositionalParameterNotFound"));
    let e = bind(&list, &[pos("1"), named("x", None), pos("2")]).err().map(|e| e.message);
    assert_eq!(e.as_deref(), Some("A parameter cannot be found that matches parameter name 'x'."));
}

#[test]
fn the_binding_order_lists_named_then_positional_with_common_values() {
    let pb = block("[CmdletBinding()] param($a, $b, [switch]$c)");
    let list = ParamList::of_param_block(Some(&pb));
    let b = bind(&list, &[named("B", Some("2")), pos("1"), named("ea", Some("Stop")), named("c", None)]);
    let b = b.unwrap_or_else(|e| panic!("{}", e.message));
    let names: Vec<&str> = b.order.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["b", "ErrorAction", "c", "a"]);
    let ea = b.order.iter().find(|(n, _)| n == "ErrorAction").and_then(|(_, v)| v.clone());
    assert!(matches!(&ea, Some(Value::Enum(e)) if e.bits == 1), "{ea:?}");
}

#[test]
fn guids_take_dotnet_forms() {
    use super::convert::guid_d_form;
    let d = "25dc1ed2-85f7-4105-a04d-daeb372e7abf";
    assert_eq!(guid_d_form("25DC1ED2-85F7-4105-A04D-DAEB372E7ABF").as_deref(), Some(d));
    assert_eq!(guid_d_form("25dc1ed285f74105a04ddaeb372e7abf").as_deref(), Some(d));
    assert_eq!(guid_d_form("{25dc1ed2-85f7-4105-a04d-daeb372e7abf}").as_deref(), Some(d));
    assert_eq!(guid_d_form("(25dc1ed2-85f7-4105-a04d-daeb372e7abf)").as_deref(), Some(d));
    for bad in ["karen", "", "{25dc1ed285f74105a04ddaeb372e7abf}", "25dc1ed2-85f7-4105-a04d-daeb372e7abg"] {
        assert_eq!(guid_d_form(bad), None, "{bad}");
    }
}

#[test]
fn a_set_whose_own_mandatory_parameters_a_version_lacks_does_not_exist_there() {
    const LATER: &[ExchangeVersion] = &[ExchangeVersion::Exchange2019];
    let sig = Signature::new("New-X", "X", Origin::Exchange)
        .sets(&["Room", "Enable"])
        .param(Param::new("Name", ParamType::String).mandatory())
        .param(Param::new("Room", ParamType::Switch).sets(&["Room", "Enable"]).mandatory_in(&["Room"]))
        .param(Param::new("Enable", ParamType::Bool).sets(&["Enable"]).mandatory().versions(LATER));
    for v in [ExchangeVersion::Exchange2010, ExchangeVersion::Exchange2019] {
        let list = ParamList::of_signature(&sig, v);
        let Ok(mut b) = bind(&list, &[named("Name", Some("x")), named("Room", None)]) else {
            panic!("{v:?}: binding failed");
        };
        assert!(list.finish(&mut b.args, &b.sets, false).is_ok_and(|m| m.is_empty()), "{v:?}");
        assert_eq!(b.args.set, "Room", "{v:?}");
    }
    assert_eq!(ParamList::of_signature(&sig, ExchangeVersion::Exchange2010).set_names, ["Room"]);
}

fn validate(src: &str, v: Value) -> Result<(), String> {
    let pb = block(src);
    let list = ParamList::of_param_block(Some(&pb));
    let p = &list.params[0];
    p.validate(&v, None, &mut |_, x| Ok(crate::value::convert::to_int(x) == Some(1))).map_err(|e| e.message)
}

#[test]
fn validation_attributes_check_each_element_with_powershells_texts() {
    assert!(validate("param([ValidateSet('Alpha','Beta')]$x)", Value::str("alpha")).is_ok());
    let e = validate("param([ValidateSet('Alpha','Beta', IgnoreCase = $false)]$x)", Value::str("alpha"));
    assert_eq!(
        e.err().as_deref(),
        Some(
            "Cannot validate argument on parameter 'x'. The argument \"alpha\" does not belong to the set \"Alpha,Beta\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
        )
    );
    let arr = Value::array(vec![Value::Int(1), Value::Int(20)]);
    let e = validate("param([ValidateRange(1, 10)]$x)", arr).err().unwrap_or_default();
    assert!(e.contains("The 20 argument is greater than the maximum allowed range of 10."), "{e}");
    let e = validate("param([ValidateRange(1, 10)]$x)", Value::str("x")).err().unwrap_or_default();
    assert!(e.contains("its type \"String\" is not the same type (Int32)"), "{e}");
    assert!(validate("param([ValidateScript({ $_ -eq 1 })]$x)", Value::Int(1)).is_ok());
    let e = validate("param([ValidateScript({ $_ -eq 1 })]$x)", Value::Int(2)).err().unwrap_or_default();
    assert!(e.contains("The \" $_ -eq 1 \" validation script for the argument with value \"2\""), "{e}");
    let e = validate("param([ValidateCount(2, 3)]$x)", Value::str("a")).err().unwrap_or_default();
    assert!(e.contains("cannot be applied to a non-array parameter"), "{e}");
    let e = validate("param([ValidateNotNullOrEmpty()]$x)", Value::array(vec![])).err().unwrap_or_default();
    assert!(e.contains("The argument is null, empty, or an element"), "{e}");
}

#[test]
fn a_mandatory_parameter_refuses_null_and_empty_unless_allowed() {
    let e = validate("param([Parameter(Mandatory)]$x)", Value::Null).err().unwrap_or_default();
    assert_eq!(e, "Cannot bind argument to parameter 'x' because it is null.");
    assert!(validate("param([Parameter(Mandatory)][AllowNull()]$x)", Value::Null).is_ok());
    let e = validate("param([Parameter(Mandatory)][string[]]$x)", Value::array(vec![])).err().unwrap_or_default();
    assert_eq!(e, "Cannot bind argument to parameter 'x' because it is an empty array.");
    assert!(
        validate("param([Parameter(Mandatory)][AllowEmptyCollection()][string[]]$x)", Value::array(vec![])).is_ok()
    );
    let e = validate("param([Parameter(Mandatory)][string]$x)", Value::str("")).err().unwrap_or_default();
    assert_eq!(e, "Cannot bind argument to parameter 'x' because it is an empty string.");
    assert!(validate("param([Parameter(Mandatory)][AllowEmptyString()][string]$x)", Value::str("")).is_ok());
}
