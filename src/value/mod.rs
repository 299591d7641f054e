//! The object model: PowerShell values, objects with ordered case-insensitive properties, enums.
//!
//! Invariant: depends only on `syntax` (a script block value holds its AST). No I/O, no formatting
//! beyond PowerShell's own `ToString` conversions.

pub mod buckets;
pub mod convert;
pub mod datetime;
pub mod dotnet;
pub mod dotnet_format;
pub mod enums;
pub mod error;
pub mod nls;
pub mod object;
pub mod regex;
pub mod secure;
pub mod size;

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

pub use enums::{EnumType, EnumValue};
pub use error::{ErrorPosition, ErrorRecord};
pub use object::{Hashtable, KeyHash, PsObject};

use crate::syntax::ScriptBlock;

/// Which .NET collection an array value is.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub enum ArrayKind {
    /// `object[]` (`@()`, `1,2`, collected pipeline output): fixed size, `Add` fails.
    #[default]
    Fixed,
    /// `System.Collections.ArrayList`: `Add` returns the new index.
    ArrayList,
    /// `System.Collections.Generic.List[T]`: `Add` returns nothing.
    GenericList,
    /// `System.Collections.Generic.HashSet[T]`: `Add` returns whether the item was new.
    HashSet,
    /// `System.Collections.ObjectModel.Collection[T]` (what `.Where()` and `.ForEach()` return):
    /// `Add` returns nothing.
    Collection,
}

/// An array's items and its collection kind. Derefs to the items.
#[derive(Clone, Default, Debug)]
pub struct Array {
    /// The items.
    pub items: Vec<Value>,
    /// What collection it is.
    pub kind: ArrayKind,
    /// The element type of a `List[T]`/`HashSet[T]` as written (`string`, `int`); `None` is `object`.
    pub elem: Option<Rc<str>>,
}

impl std::ops::Deref for Array {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl IntoIterator for Array {
    type Item = Value;
    type IntoIter = std::vec::IntoIter<Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Array {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl std::ops::DerefMut for Array {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.items
    }
}

/// A PowerShell value.
///
/// Arrays, hashtables and objects are reference types, as in .NET: cloning a `Value` shares them.
#[derive(Clone, Default)]
pub enum Value {
    /// `$null`
    #[default]
    Null,
    /// `$true` / `$false`
    Bool(bool),
    /// An `Int32` (literals, counts, indexes). A value outside Int32's range is an `Int64` (what
    /// .NET would hold it in), so code that only makes small integers never needs `Long`.
    Int(i64),
    /// An `Int64` whatever its value (`[long]5`, `5L`, `[long]::MaxValue`, Int64 arithmetic).
    Long(i64),
    /// Doubles.
    Double(f64),
    /// Strings.
    Str(Rc<str>),
    /// `object[]` (also what a pipeline collects).
    Array(Rc<RefCell<Array>>),
    /// `@{}` and `[ordered]@{}`.
    Hashtable(Rc<RefCell<Hashtable>>),
    /// A PSObject: Exchange objects, `[PSCustomObject]`, CSV rows.
    Object(Rc<RefCell<PsObject>>),
    /// A .NET enum value (flags or not), e.g. MailboxRights.
    Enum(EnumValue),
    /// A script block.
    ScriptBlock(Rc<ScriptBlock>),
    /// A `[DateTime]`, as seconds since the Unix epoch (UTC) plus nanoseconds.
    DateTime(i64, u32),
    /// A switch parameter value (`[switch]`), printed as `True`/`False` (IsPresent).
    Switch(bool),
    /// A `[TimeSpan]`, in ticks of 100 ns (`dotnet::timespan_to_string`).
    TimeSpan(i64),
    /// A `[Version]`.
    Version(dotnet::Version),
    /// A `[Guid]`, its 16 bytes in the order its text shows them.
    Guid(u128),
    /// A `[char]` (a UTF-16 code unit in .NET; a Unicode scalar here).
    Char(char),
}

impl Value {
    /// A string value.
    pub fn str(s: impl AsRef<str>) -> Value {
        Value::Str(Rc::from(s.as_ref()))
    }

    /// An array value.
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(Array { items, kind: ArrayKind::Fixed, elem: None })))
    }

    /// A `System.Collections.Generic.List[T]`: an array whose `Add` returns nothing (an ArrayList's
    /// `Add` returns the new index, which scripts must discard).
    pub fn generic_list(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(Array { items, kind: ArrayKind::GenericList, elem: None })))
    }

    /// A `System.Collections.ArrayList` (`New-Object System.Collections.ArrayList`).
    pub fn array_list(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(Array { items, kind: ArrayKind::ArrayList, elem: None })))
    }

    /// A typed collection (`List[T]`, `HashSet[T]`) whose element type is `elem` (a full type name).
    pub fn typed_collection(items: Vec<Value>, kind: ArrayKind, elem: Option<&str>) -> Value {
        Value::Array(Rc::new(RefCell::new(Array { items, kind, elem: elem.map(Rc::from) })))
    }

    /// The collection kind of an array value (`None` for other values).
    pub fn array_kind(&self) -> Option<ArrayKind> {
        match self {
            Value::Array(a) => Some(a.borrow().kind),
            _ => None,
        }
    }

    /// True for an array made by [`Value::generic_list`].
    pub fn is_generic_list(&self) -> bool {
        self.array_kind() == Some(ArrayKind::GenericList)
    }

    /// An object value.
    pub fn object(o: PsObject) -> Value {
        Value::Object(Rc::new(RefCell::new(o)))
    }

    /// A hashtable value.
    pub fn hashtable(h: Hashtable) -> Value {
        Value::Hashtable(Rc::new(RefCell::new(h)))
    }

    /// The integer of an `Int32` or `Int64` value.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) | Value::Long(i) => Some(*i),
            _ => None,
        }
    }

    /// True for `$null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The .NET type name, as `GetType().FullName` would print it.
    pub fn type_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "System.Boolean".into(),
            Value::Int(i) if i32::try_from(*i).is_ok() => "System.Int32".into(),
            Value::Int(_) | Value::Long(_) => "System.Int64".into(),
            Value::Double(_) => "System.Double".into(),
            Value::Str(_) => "System.String".into(),
            Value::Array(a) => match a.borrow().kind {
                ArrayKind::Fixed => "System.Object[]".into(),
                ArrayKind::ArrayList => "System.Collections.ArrayList".into(),
                ArrayKind::Collection => {
                    let elem = a.borrow().elem.as_deref().unwrap_or("System.Object").to_string();
                    format!("System.Collections.ObjectModel.Collection`1[[{}]]", qualified_type_name(&elem))
                }
                ArrayKind::GenericList | ArrayKind::HashSet => {
                    let a = a.borrow();
                    let g = if a.kind == ArrayKind::HashSet { "HashSet" } else { "List" };
                    let elem = a.elem.as_deref().unwrap_or("System.Object");
                    format!("System.Collections.Generic.{g}`1[[{}]]", qualified_type_name(elem))
                }
            },
            Value::Hashtable(h) => {
                if h.borrow().ordered {
                    "System.Collections.Specialized.OrderedDictionary".into()
                } else {
                    "System.Collections.Hashtable".into()
                }
            }
            Value::Object(o) => o
                .borrow()
                .type_names
                .first()
                .map(|s| s.to_string())
                .unwrap_or_else(|| "System.Management.Automation.PSCustomObject".into()),
            Value::Enum(e) => e.ty.name.into(),
            Value::ScriptBlock(_) => "System.Management.Automation.ScriptBlock".into(),
            Value::DateTime(..) => "System.DateTime".into(),
            Value::Switch(_) => "System.Management.Automation.SwitchParameter".into(),
            Value::TimeSpan(_) => "System.TimeSpan".into(),
            Value::Version(_) => "System.Version".into(),
            Value::Guid(_) => "System.Guid".into(),
            Value::Char(_) => "System.Char".into(),
        }
    }

    /// The elements a pipeline or `foreach` enumerates: an array's items, `$null` as nothing,
    /// anything else as itself.
    pub fn enumerate(&self) -> Vec<Value> {
        match self {
            Value::Array(a) => a.borrow().to_vec(),
            Value::Null => Vec::new(),
            other => vec![other.clone()],
        }
    }

    /// True when this is an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// A property of an object or a key of a hashtable, or a built-in property such as
    /// `Length`/`Count` of strings and arrays. `None` when there is no such member.
    pub fn property(&self, name: &str) -> Option<Value> {
        match self {
            Value::Object(o) => o.borrow().get(name),
            Value::Hashtable(h) => {
                let h = h.borrow();
                if let Some(v) = h.get(&Value::str(name)) {
                    return Some(v);
                }
                match name.to_ascii_lowercase().as_str() {
                    "count" => Some(Value::Int(h.len() as i64)),
                    "keys" => Some(Value::array(h.keys())),
                    "values" => Some(Value::array(h.values())),
                    _ => None,
                }
            }
            Value::Str(s) => match name.to_ascii_lowercase().as_str() {
                "length" => Some(Value::Int(s.chars().count() as i64)),
                _ => None,
            },
            Value::Array(a) => match name.to_ascii_lowercase().as_str() {
                "count" | "length" => Some(Value::Int(a.borrow().len() as i64)),
                _ => None,
            },
            Value::Enum(e) => match name.to_ascii_lowercase().as_str() {
                "value__" => Some(Value::Int(e.bits as i64)),
                _ => None,
            },
            Value::Switch(b) => match name.to_ascii_lowercase().as_str() {
                "ispresent" => Some(Value::Bool(*b)),
                _ => None,
            },
            Value::DateTime(..) => convert::datetime_property(self, name),
            Value::TimeSpan(t) => dotnet::timespan_property(*t, name),
            Value::Version(v) => v.property(name),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => write!(f, "$null"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::Array(a) => f.debug_list().entries(a.borrow().iter()).finish(),
            Value::Hashtable(h) => {
                let h = h.borrow();
                f.debug_map().entries(h.iter().map(|(k, v)| (k.clone(), v.clone()))).finish()
            }
            Value::Object(o) => {
                let o = o.borrow();
                write!(f, "{}{{", o.type_names.first().map(|s| s.as_ref()).unwrap_or("PSCustomObject"))?;
                for (i, (k, v)) in o.iter().enumerate() {
                    if i > 0 {
                        write!(f, "; ")?;
                    }
                    write!(f, "{k}={v:?}")?;
                }
                write!(f, "}}")
            }
            other => write!(f, "{}", convert::to_string(other)),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(Rc::from(s))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

/// A type's assembly-qualified name as a generic type's full name shows its arguments in .NET
/// Framework 4 (`System.Int32, mscorlib, Version=4.0.0.0, …`).
fn qualified_type_name(name: &str) -> String {
    if name.starts_with("System.Management.Automation.") {
        format!(
            "{name}, System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
        )
    } else {
        format!("{name}, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")
    }
}
