//! The `.PSObject` intrinsic member (about_Intrinsic_Members): a view of any value's PSObject
//! wrapper with `Properties` (PSPropertyInfo objects: Name, Value, MemberType, TypeNameOfValue,
//! IsSettable, IsGettable), `TypeNames`, `BaseObject` and `ImmediateBaseObject`.
//!
//! An object's properties are its note properties; a hashtable's are the .NET properties of
//! `System.Collections.Hashtable` (not its keys); a string's is `Length`.

use super::Engine;
use super::types::{OBJ, resolve, type_of};
use crate::value::{PsObject, Value};

/// The type name of a `.PSObject` view.
pub(crate) const PSOBJECT_VIEW: &str = "System.Management.Automation.PSObject";
/// The type name of one entry of `.PSObject.Properties` (the first of its type names).
pub(crate) const NOTE_PROPERTY: &str = "System.Management.Automation.PSNoteProperty";
const DOTNET_PROPERTY: &str = "System.Management.Automation.PSProperty";

/// True for an entry of `.PSObject.Properties`, which `Properties['Name']` looks up by name.
pub(crate) fn is_property_info(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == NOTE_PROPERTY || &**t == DOTNET_PROPERTY))
}

/// The .NET type name `TypeNameOfValue` shows for a value (`System.Object` for `$null`).
fn type_name_of_value(v: &Value) -> String {
    match v {
        Value::Null => OBJ.to_string(),
        Value::Object(o) if o.borrow().type_names.is_empty() => "System.Management.Automation.PSCustomObject".into(),
        other => other.type_name().trim_start_matches("Deserialized.").to_string(),
    }
}

fn property_info(name: &str, value: Value, note: bool, type_name: Option<&str>) -> Value {
    let (tn, member_type) = if note { (NOTE_PROPERTY, "NoteProperty") } else { (DOTNET_PROPERTY, "Property") };
    let mut o = PsObject::new(&[
        tn,
        "System.Management.Automation.PSPropertyInfo",
        "System.Management.Automation.PSMemberInfo",
        OBJ,
    ]);
    let type_of_value = type_name.map(str::to_string).unwrap_or_else(|| type_name_of_value(&value));
    let shown = crate::value::convert::to_string(&value);
    o.set("Value", value);
    o.set("MemberType", Value::str(member_type));
    o.set("IsSettable", Value::Bool(true));
    o.set("IsGettable", Value::Bool(true));
    o.set("TypeNameOfValue", Value::str(&type_of_value));
    o.set("Name", Value::str(name));
    o.set("IsInstance", Value::Bool(true));
    // PSPropertyInfo.ToString(): `type name=value`.
    o.display = Some(format!("{} {name}={shown}", short_type(&type_of_value)).into());
    Value::object(o)
}

/// `System.String` → `string`, as PSMemberInfo's ToString shows well-known types.
fn short_type(full: &str) -> String {
    match full {
        "System.String" => "string".into(),
        "System.Int32" => "int".into(),
        "System.Int64" => "long".into(),
        "System.Boolean" => "bool".into(),
        "System.Double" => "double".into(),
        "System.Object" => "System.Object".into(),
        other => other.to_string(),
    }
}

impl Engine {
    /// `value.PSObject`; `None` for `$null` (whose `.PSObject` is `$null`).
    pub(crate) fn psobject_view(&self, v: &Value) -> Option<Value> {
        if v.is_null() {
            return None;
        }
        let mut view = PsObject::new(&[PSOBJECT_VIEW, OBJ]);
        let properties: Vec<Value> = match v {
            Value::Object(o) => o
                .borrow()
                .iter()
                .filter(|(_, val)| !matches!(val, Value::ScriptBlock(_)))
                .map(|(n, val)| property_info(n, val.clone(), true, None))
                .collect(),
            Value::Hashtable(h) => {
                let h = h.borrow();
                let keys = Value::array(h.keys());
                let values = Value::array(h.values());
                vec![
                    property_info("IsReadOnly", Value::Bool(false), false, Some("System.Boolean")),
                    property_info("IsFixedSize", Value::Bool(false), false, Some("System.Boolean")),
                    property_info("IsSynchronized", Value::Bool(false), false, Some("System.Boolean")),
                    property_info("Keys", keys, false, Some("System.Collections.ICollection")),
                    property_info("Values", values, false, Some("System.Collections.ICollection")),
                    property_info("SyncRoot", Value::Null, false, Some(OBJ)),
                    property_info("Count", Value::Int(h.len() as i64), false, Some("System.Int32")),
                ]
            }
            Value::Str(s) => {
                vec![property_info("Length", Value::Int(s.chars().count() as i64), false, Some("System.Int32"))]
            }
            Value::Array(a) => {
                let n = a.borrow().len() as i64;
                let fixed = a.borrow().kind == crate::value::ArrayKind::Fixed;
                let mut p = vec![
                    property_info("Count", Value::Int(n), false, Some("System.Int32")),
                    property_info("IsReadOnly", Value::Bool(false), false, Some("System.Boolean")),
                ];
                if fixed {
                    p.insert(0, property_info("Length", Value::Int(n), false, Some("System.Int32")));
                }
                p
            }
            _ => Vec::new(),
        };
        view.set("Properties", Value::array(properties));
        view.set("TypeNames", Value::array(self.type_names_of(v).into_iter().map(Value::str).collect()));
        view.set("BaseObject", v.clone());
        view.set("ImmediateBaseObject", v.clone());
        view.display = Some(crate::value::convert::to_string(v).into());
        Some(Value::object(view))
    }

    /// `pstypenames`: an object's own type names, or a .NET value's type and its base types.
    fn type_names_of(&self, v: &Value) -> Vec<String> {
        if let Value::Object(o) = v {
            let o = o.borrow();
            if o.type_names.is_empty() {
                return vec!["System.Management.Automation.PSCustomObject".into(), OBJ.into()];
            }
            return o.type_names.iter().map(|t| t.to_string()).collect();
        }
        let user = self.types.borrow();
        let mut out = Vec::new();
        let Some(mut ty) = type_of(&user, v) else {
            out.push(v.type_name());
            if v.type_name() != OBJ {
                out.push(OBJ.into());
            }
            return out;
        };
        for _ in 0..8 {
            out.push(ty.full_name());
            let base = ty.base(&user);
            if base.is_empty() {
                break;
            }
            match resolve(&user, &base) {
                Some(b) => ty = b,
                None => {
                    out.push(base);
                    if out.last().map(String::as_str) != Some(OBJ) {
                        out.push(OBJ.into());
                    }
                    break;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::strings;

    #[test]
    fn properties_of_objects_hashtables_and_strings() {
        let s = |src: &str| strings(src).map(|v| v.join(","));
        assert_eq!(s("([pscustomobject]@{ a = 1; b = 'x' }).PSObject.Properties.Name"), Ok("a,b".into()));
        assert_eq!(
            s("([pscustomobject]@{ a = 1 }).PSObject.Properties['A'].TypeNameOfValue"),
            Ok("System.Int32".into())
        );
        assert_eq!(s("@{ k = 1 }.PSObject.Properties.Name").map(|n| n.contains("k")), Ok(false));
        assert_eq!(s("'ab'.PSObject.Properties['Length'].Value"), Ok("2".into()));
        assert_eq!(s("(5).PSObject.BaseObject"), Ok("5".into()));
        assert_eq!(s("$null -eq $null.PSObject"), Ok("True".into()));
    }
}
