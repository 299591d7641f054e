//! `Get-Member` (`gm`): the members of objects as Windows PowerShell 5.1 lists them: one
//! MemberDefinition (TypeName, Name, MemberType, Definition) per member, each distinct type once
//! (keyed by its first type name), members sorted by MemberType's name then Name, ordinal and
//! ignoring case, separately for each `-Name` pattern (PowerShell's GetMemberCommand).
//! Facts: docs/reference/core-cmdlets.md, "Get-Member".

use std::rc::Rc;

use super::member_data;
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{EnumType, EnumValue, PsObject, Value, convert};

/// The output type's name (its table view is in `format::views`).
pub const MEMBER_DEFINITION: &str = "Microsoft.PowerShell.Commands.MemberDefinition";

const PSCUSTOMOBJECT: &str = "System.Management.Automation.PSCustomObject";

/// `System.Management.Automation.PSMemberTypes` as 5.1 has it.
pub static PS_MEMBER_TYPES: EnumType = EnumType {
    name: "System.Management.Automation.PSMemberTypes",
    flags: true,
    members: &[
        ("AliasProperty", 1),
        ("CodeProperty", 2),
        ("Property", 4),
        ("NoteProperty", 8),
        ("ScriptProperty", 16),
        ("Properties", 31),
        ("PropertySet", 32),
        ("Method", 64),
        ("CodeMethod", 128),
        ("ScriptMethod", 256),
        ("Methods", 448),
        ("ParameterizedProperty", 512),
        ("MemberSet", 1024),
        ("Event", 2048),
        ("Dynamic", 4096),
        ("All", 8191),
    ],
};

/// `System.Management.Automation.PSMemberViewTypes`.
pub static PS_MEMBER_VIEW_TYPES: EnumType = EnumType {
    name: "System.Management.Automation.PSMemberViewTypes",
    flags: true,
    members: &[("Extended", 1), ("Adapted", 2), ("Base", 4), ("All", 7)],
};

const P_INPUT: &str = "InputObject";
const P_NAME: &str = "Name";
const P_MEMBER_TYPE: &str = "MemberType";
const P_VIEW: &str = "View";
const P_STATIC: &str = "Static";
const P_FORCE: &str = "Force";

/// Member kinds and their PSMemberTypes bits.
const ALIAS_PROPERTY: &str = "AliasProperty";
const CODE_PROPERTY: &str = "CodeProperty";
const PROPERTY: &str = "Property";
const NOTE_PROPERTY: &str = "NoteProperty";
const SCRIPT_PROPERTY: &str = "ScriptProperty";
const METHOD: &str = "Method";
const PARAMETERIZED_PROPERTY: &str = "ParameterizedProperty";
const MEMBER_SET: &str = "MemberSet";

fn kind_bits(kind: &str) -> u64 {
    PS_MEMBER_TYPES.lookup(kind).unwrap_or(0)
}

/// Extended (ETS) members; the rest are adapted/base (.NET) members.
fn is_extended(kind: &str) -> bool {
    !matches!(kind, PROPERTY | METHOD | PARAMETERIZED_PROPERTY | "Event")
}

/// One member as Get-Member reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// Its name.
    pub name: String,
    /// Its PSMemberTypes name.
    pub kind: &'static str,
    /// Its definition text.
    pub definition: String,
    /// A hidden member (property accessors, the intrinsic member sets): only with `-Force`.
    pub hidden: bool,
}

fn member(name: &str, kind: &'static str, definition: String) -> Member {
    Member { name: name.to_string(), kind, definition, hidden: false }
}

/// Reads `member_data` lines.
fn parse_lines(text: &str) -> Vec<Member> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let mut parts = line.splitn(3, ' ');
        let (Some(k), Some(name), Some(def)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let kind = match k {
            "M" => METHOD,
            "P" => PROPERTY,
            "PP" => PARAMETERIZED_PROPERTY,
            "SP" => SCRIPT_PROPERTY,
            "AP" => ALIAS_PROPERTY,
            _ => continue,
        };
        out.push(member(name, kind, def.to_string()));
    }
    out
}

/// The script of DateTime's `DateTime` ScriptProperty (5.1's types.ps1xml).
const DATETIME_SCRIPT: &str = "if ((& { Set-StrictMode -Version 1; $this.DisplayHint }) -ieq  \"Date\")\n                    {\n                        \"{0}\" -f $this.ToLongDateString()\n                    }\n                    elseif ((& { Set-StrictMode -Version 1; $this.DisplayHint }) -ieq \"Time\")\n                    {\n                        \"{0}\" -f  $this.ToLongTimeString()\n                    }\n                    else\n                    {\n                        \"{0} {1}\" -f $this.ToLongDateString(), $this.ToLongTimeString()\n                    }";

/// The name PowerShell shows for a value's type in a note property's definition
/// (`string Name=karen`, `int N=1`, `System.Object[] List=…`).
pub fn short_type_name(v: &Value) -> String {
    match v {
        Value::Null => "object".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(i) if i32::try_from(*i).is_ok() => "int".into(),
        Value::Int(_) | Value::Long(_) => "long".into(),
        Value::Double(_) => "double".into(),
        Value::Str(_) => "string".into(),
        Value::DateTime(..) => "datetime".into(),
        Value::TimeSpan(_) => "timespan".into(),
        Value::Guid(_) => "guid".into(),
        Value::Version(_) => "version".into(),
        Value::Char(_) => "char".into(),
        Value::Hashtable(h) if !h.borrow().ordered => "hashtable".into(),
        Value::ScriptBlock(_) => "scriptblock".into(),
        Value::Switch(_) => "switch".into(),
        // Arrays drop the namespace (`Object[]`, as 5.1 prints a note property holding one).
        Value::Array(a) if a.borrow().kind == crate::value::ArrayKind::Fixed => "Object[]".into(),
        other => other.type_name(),
    }
}

/// The full .NET name of a value's type, as a deserialized property's definition shows it.
fn full_type_name(v: &Value) -> String {
    match v {
        Value::Null => "System.Object".into(),
        other => other.type_name(),
    }
}

/// A note property's definition: `type Name=value` (`object Name=null` for `$null`).
fn note_definition(name: &str, v: &Value) -> String {
    // The value's .NET ToString: collections print their type name.
    let text = match v {
        Value::Null => "null".to_string(),
        Value::Array(_) | Value::Hashtable(_) => v.type_name(),
        other => convert::to_string(other),
    };
    format!("{} {name}={text}", short_type_name(v))
}

/// Properties that implicit remoting adds to every object as note properties.
const REMOTING_NOTES: &[&str] = &["PSComputerName", "RunspaceId", "PSShowComputerName"];

/// The members of one value (non-static).
pub fn members(v: &Value) -> Vec<Member> {
    let ty = v.type_name();
    if let Value::Object(o) = v {
        return object_members(&o.borrow());
    }
    if let Value::Enum(e) = v {
        return enum_members(e);
    }
    let mut out = match member_data::members_of(&ty) {
        Some(lines) => parse_lines(&lines),
        None => parse_lines(member_data::OBJECT),
    };
    if ty == "System.DateTime" {
        out.retain(|m| m.kind != SCRIPT_PROPERTY);
        out.push(member("DateTime", SCRIPT_PROPERTY, format!("System.Object DateTime {{get={DATETIME_SCRIPT};}}")));
    }
    add_accessors(&mut out);
    out
}

fn enum_members(e: &EnumValue) -> Vec<Member> {
    let _ = e;
    let mut out = parse_lines(
        "M CompareTo int CompareTo(System.Object target), int IComparable.CompareTo(System.Object target)\n\
         M Equals bool Equals(System.Object obj)\n\
         M GetHashCode int GetHashCode()\n\
         M GetType type GetType()\n\
         M GetTypeCode System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()\n\
         M HasFlag bool HasFlag(System.Enum flag)\n\
         M ToString string ToString(), string ToString(string format, System.IFormatProvider provider), string ToString(string format), string ToString(System.IFormatProvider provider), string IFormattable.ToString(string format, System.IFormatProvider provider), string IConvertible.ToString(System.IFormatProvider provider)\n\
         P value__ int value__ {get;set;}\n",
    );
    add_accessors(&mut out);
    out
}

fn object_members(o: &PsObject) -> Vec<Member> {
    let first = o.type_names.first().map(|t| t.to_string()).unwrap_or_default();
    let deserialized = first.starts_with("Deserialized.");
    let custom = o.type_names.iter().any(|t| t.ends_with(PSCUSTOMOBJECT));
    let mut out =
        if deserialized && !custom { parse_lines(member_data::DESERIALIZED) } else { parse_lines(member_data::OBJECT) };
    for (name, value) in o.iter() {
        if custom || (deserialized && REMOTING_NOTES.iter().any(|n| n.eq_ignore_ascii_case(name))) {
            out.push(member(name, NOTE_PROPERTY, note_definition(name, value)));
        } else if deserialized {
            out.push(member(name, PROPERTY, format!("{} {name} {{get;set;}}", full_type_name(value))));
        } else {
            out.push(member(name, PROPERTY, format!("{} {name} {{get;set;}}", short_type_name(value))));
        }
    }
    out
}

/// A .NET property's `get_X`/`set_X` methods (and a parameterized property's), hidden unless
/// `-Force` (GetMemberCommand: "hide Get/Set property accessor methods by default").
fn add_accessors(out: &mut Vec<Member>) {
    let mut extra = Vec::new();
    for m in out.iter() {
        if m.kind != PROPERTY && m.kind != PARAMETERIZED_PROPERTY {
            continue;
        }
        // `int Length {get;}` / `char Chars(int index) {get;}`
        let Some((head, access)) = m.definition.rsplit_once(" {") else { continue };
        let Some((ty, rest)) = head.split_once(' ') else { continue };
        let (is_static, ty, rest) = match ty {
            "static" => match rest.split_once(' ') {
                Some((t, r)) => (true, t, r),
                None => continue,
            },
            _ => (false, ty, rest),
        };
        let st = if is_static { "static " } else { "" };
        let params = rest.find('(').map(|i| rest[i + 1..].trim_end_matches(')').to_string()).unwrap_or_default();
        if access.contains("get;") {
            let mut h = member(&format!("get_{}", m.name), METHOD, format!("{st}{ty} get_{}({params})", m.name));
            h.hidden = true;
            extra.push(h);
        }
        if access.contains("set;") {
            let p = if params.is_empty() { format!("{ty} value") } else { format!("{params}, {ty} value") };
            let mut h = member(&format!("set_{}", m.name), METHOD, format!("{st}void set_{}({p})", m.name));
            h.hidden = true;
            extra.push(h);
        }
    }
    out.extend(extra);
}

/// The intrinsic members `-Force` adds (PSBase, PSAdapted, PSExtended, PSObject, PSTypeNames).
fn intrinsic_members(all: &[Member]) -> Vec<Member> {
    let names = |f: &dyn Fn(&Member) -> bool| all.iter().filter(|m| f(m)).map(|m| m.name.clone()).collect::<Vec<_>>();
    let adapted = names(&|m| !is_extended(m.kind));
    let extended = names(&|m| is_extended(m.kind));
    let set = |name: &str, members: &[String]| {
        let mut m = member(name, MEMBER_SET, format!("{name} {{{}}}", members.join(", ")));
        m.hidden = true;
        m
    };
    let mut tn = member(
        "pstypenames",
        CODE_PROPERTY,
        "System.Collections.ObjectModel.Collection`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]] pstypenames{get=PSTypeNames;}".to_string(),
    );
    tn.hidden = true;
    let psobject: Vec<String> = [
        "BaseObject",
        "Members",
        "Properties",
        "Methods",
        "ImmediateBaseObject",
        "TypeNames",
        "get_BaseObject",
        "get_Members",
        "get_Properties",
        "get_Methods",
        "get_ImmediateBaseObject",
        "get_TypeNames",
        "ToString",
        "Copy",
        "CompareTo",
        "Equals",
        "GetHashCode",
        "GetObjectData",
        "GetMetaObject",
        "GetType",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    vec![
        set("psadapted", &adapted),
        set("psbase", &adapted),
        set("psextended", &extended),
        set("psobject", &psobject),
        tn,
    ]
}

/// The static members of a value's type, when exsh has them.
fn static_members(v: &Value) -> (String, Vec<Member>) {
    let ty = match v {
        Value::Object(o) => {
            let o = o.borrow();
            let custom = o.type_names.iter().any(|t| t.ends_with(PSCUSTOMOBJECT));
            if custom || o.type_names.first().is_some_and(|t| t.starts_with("Deserialized.")) {
                PSCUSTOMOBJECT.to_string()
            } else {
                o.type_names.first().map(|t| t.to_string()).unwrap_or_else(|| PSCUSTOMOBJECT.into())
            }
        }
        other => other.type_name(),
    };
    let lines = member_data::static_members_of(&ty).unwrap_or(
        "M Equals static bool Equals(System.Object objA, System.Object objB)\n\
         M ReferenceEquals static bool ReferenceEquals(System.Object objA, System.Object objB)\n",
    );
    let mut m = parse_lines(lines);
    add_accessors(&mut m);
    (ty, m)
}

fn wanted_bits(args: &BoundArgs, name: &str, all: u64) -> u64 {
    match args.get(name) {
        None => all,
        Some(v) => v
            .enumerate()
            .iter()
            .map(|x| match x {
                Value::Enum(e) => e.bits,
                other => convert::to_int(other).map(|i| i as u64).unwrap_or(0),
            })
            .fold(0, |a, b| a | b),
    }
}

fn definition_object(type_name: &str, m: &Member) -> Value {
    let mut o = PsObject::new(&[MEMBER_DEFINITION, "System.Object"]);
    o.set("TypeName", Value::str(type_name));
    o.set("Name", Value::str(&m.name));
    let bits = kind_bits(m.kind);
    o.set("MemberType", Value::Enum(EnumValue { ty: &PS_MEMBER_TYPES, bits }));
    o.set("Definition", Value::str(&m.definition));
    o.display = Some(Rc::from(m.definition.as_str()));
    Value::object(o)
}

/// `Get-Member`.
pub struct GetMember;

impl Cmdlet for GetMember {
    fn signature(&self) -> Signature {
        Signature::new("Get-Member", "Microsoft.PowerShell.Commands.GetMemberCommand", Origin::Core)
            .synopsis("Gets the properties and methods of objects.")
            .param(
                Param::new(P_INPUT, ParamType::Object)
                    .from_pipeline()
                    .help("The object whose members are listed (not enumerated)."),
            )
            .param(
                Param::new(P_NAME, ParamType::String).array().position(0).help("Member names (wildcards); default *."),
            )
            .param(
                Param::new(P_MEMBER_TYPE, ParamType::Enum(&PS_MEMBER_TYPES))
                    .array()
                    .aliases(&["Type"])
                    .help("Member kinds: Property, NoteProperty, Method, ScriptMethod, AliasProperty, All…"),
            )
            .param(
                Param::new(P_VIEW, ParamType::Enum(&PS_MEMBER_VIEW_TYPES))
                    .array()
                    .help("Extended, Adapted, Base or All (default Adapted, Extended)."),
            )
            .param(Param::new(P_STATIC, ParamType::Switch).help("The type's static members."))
            .param(Param::new(P_FORCE, ParamType::Switch).help("Also the intrinsic members and property accessors."))
            .example("Get-Mailbox karen | Get-Member -MemberType Property", "The properties of a mailbox.")
            .example("Get-Member -InputObject @(1,2)", "The array's own members (not its elements').")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let Some(input) = args.get(P_INPUT).filter(|v| !v.is_null()) else { return Ok(()) };
        let input = input.clone();
        let is_static = args.switch(P_STATIC);
        let force = args.switch(P_FORCE);
        let (type_name, mut all) = if is_static {
            static_members(&input)
        } else {
            let ty = match &input {
                Value::Object(o) => {
                    o.borrow().type_names.first().map(|t| t.to_string()).unwrap_or_else(|| "<null>".into())
                }
                other => other.type_name(),
            };
            (ty, members(&input))
        };
        if state.iter().any(|s| convert::to_string(s) == type_name) {
            return Ok(());
        }
        state.push(Value::str(&type_name));
        if force && !is_static {
            let intrinsic = intrinsic_members(&all);
            all.extend(intrinsic);
        }
        let mut kinds = wanted_bits(args, P_MEMBER_TYPE, 8191);
        let view = wanted_bits(args, P_VIEW, 3);
        if !is_static {
            if view & 1 == 0 {
                kinds &=
                    !(8191 & !(kind_bits(PROPERTY) | kind_bits(METHOD) | kind_bits(PARAMETERIZED_PROPERTY) | 2048));
            }
            if view & 2 == 0 && view & 4 == 0 {
                kinds &= !(kind_bits(PROPERTY) | kind_bits(METHOD) | kind_bits(PARAMETERIZED_PROPERTY));
            }
        }
        let patterns: Vec<String> = match args.get(P_NAME) {
            Some(v) => v.enumerate().iter().map(convert::to_string).collect(),
            None => vec!["*".to_string()],
        };
        for pat in &patterns {
            let mut found: Vec<&Member> = all
                .iter()
                .filter(|m| kind_bits(m.kind) & kinds != 0)
                .filter(|m| force || !m.hidden)
                .filter(|m| convert::wildcard_match(pat, &m.name, false))
                .collect();
            found.sort_by(|a, b| {
                a.kind
                    .to_ascii_lowercase()
                    .cmp(&b.kind.to_ascii_lowercase())
                    .then_with(|| a.name.to_ascii_lowercase().cmp(&b.name.to_ascii_lowercase()))
            });
            for m in found {
                cx.output(definition_object(&type_name, m));
            }
        }
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, _args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if state.is_empty() {
            cx.error(CmdletError::core(
                "You must specify an object for the Get-Member cmdlet.",
                "System.InvalidOperationException",
                "CloseError",
                "NoObjectInGetMember",
            ))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_sort_by_kind_name_then_member_name() {
        let o = Value::object(PsObject::custom().with("Name", "karen").with("N", 1i64));
        let m = members(&o);
        let notes: Vec<_> = m.iter().filter(|m| m.kind == NOTE_PROPERTY).map(|m| m.definition.as_str()).collect();
        assert_eq!(notes, vec!["string Name=karen", "int N=1"]);
        assert_eq!(m.iter().filter(|m| m.kind == METHOD).count(), 4);
    }

    #[test]
    fn string_has_length_and_hidden_accessor() {
        let m = members(&Value::str("a"));
        assert!(m.iter().any(|m| m.name == "Length" && m.definition == "int Length {get;}"));
        let g = m.iter().find(|m| m.name == "get_Length").map(|m| (m.definition.clone(), m.hidden));
        assert_eq!(g, Some(("int get_Length()".to_string(), true)));
        let c = m.iter().find(|m| m.name == "get_Chars").map(|m| m.definition.clone());
        assert_eq!(c.as_deref(), Some("char get_Chars(int index)"));
    }

    #[test]
    fn deserialized_properties_show_full_type_names() {
        let mut o = PsObject::new(&["Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox"]);
        o.set("Alias", Value::str("karen"));
        o.set("PSComputerName", Value::str("ex01"));
        let m = object_members(&o);
        assert!(m.iter().any(|m| m.kind == PROPERTY && m.definition == "System.String Alias {get;set;}"));
        assert!(m.iter().any(|m| m.kind == NOTE_PROPERTY && m.definition == "string PSComputerName=ex01"));
    }
}
