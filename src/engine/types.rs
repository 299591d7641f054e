//! The .NET type system scripts see: type names as PowerShell resolves them (accelerators,
//! case-insensitive, `System.` optional, `T[]`, generics `List[string]`), `RuntimeType` objects
//! (`[int]`, `$x.GetType()`), `-is`, and the built-in enums scripts name. Conversions (`[T]$x`,
//! `-as`) are in `convert_to.rs`; user classes and enums in `classes.rs`.
//!
//! Facts are in docs/reference/types.md.

use std::collections::HashMap;
use std::rc::Rc;

use crate::value::{ArrayKind, EnumType, PsObject, Value};

/// What a built-in type converts like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    String,
    /// An integer type with its range and .NET's overflow text ("an Int32", "an unsigned byte").
    Integer(i128, i128, &'static str),
    Double,
    Decimal,
    Bool,
    Char,
    DateTime,
    TimeSpan,
    Version,
    Guid,
    Regex,
    /// `System.Array`: any array.
    Array,
    Hashtable,
    Ordered,
    PsObject,
    PsCustomObject,
    Object,
    ScriptBlock,
    Switch,
    ArrayList,
    Uri,
    MailAddress,
    /// `System.Management.Automation.Host.ChoiceDescription` (PromptForChoice's choices).
    ChoiceDescription,
    Type,
    Void,
    /// `[ref]` (`System.Management.Automation.PSReference`): a box holding a value.
    Ref,
    /// `System.Security.Principal.WindowsPrincipal`: made from a WindowsIdentity.
    Principal,
    /// `System.Diagnostics.Stopwatch`.
    Stopwatch,
    /// A class scripts use only for its static members (`[Math]`, `[Environment]`, `[IO.Path]`).
    Static,
}

/// A built-in type: its full name, the short names PowerShell accepts (accelerators), its base type.
#[derive(Debug)]
pub(crate) struct Builtin {
    pub full: &'static str,
    pub aliases: &'static [&'static str],
    pub base: &'static str,
    pub kind: Kind,
    /// Value type (IsValueType), for RuntimeType objects.
    pub value_type: bool,
}

const VT: &str = "System.ValueType";
pub(crate) const OBJ: &str = "System.Object";

macro_rules! b {
    ($full:expr, [$($a:expr),*], $base:expr, $kind:expr, $vt:expr) => {
        Builtin { full: $full, aliases: &[$($a),*], base: $base, kind: $kind, value_type: $vt }
    };
}

/// The built-in types (accelerators from PowerShell's TypeAccelerators table, plus the classes
/// scripts call static members on). `System.` may be left off every full name.
pub(crate) static BUILTINS: &[Builtin] = &[
    b!("System.String", ["string"], OBJ, Kind::String, false),
    b!("System.Int32", ["int"], VT, Kind::Integer(i32::MIN as i128, i32::MAX as i128, "an Int32"), true),
    b!("System.Int64", ["long"], VT, Kind::Integer(i64::MIN as i128, i64::MAX as i128, "an Int64"), true),
    b!("System.Int16", ["short"], VT, Kind::Integer(i16::MIN as i128, i16::MAX as i128, "an Int16"), true),
    b!("System.Byte", ["byte"], VT, Kind::Integer(0, u8::MAX as i128, "an unsigned byte"), true),
    b!("System.SByte", ["sbyte"], VT, Kind::Integer(i8::MIN as i128, i8::MAX as i128, "a signed byte"), true),
    b!("System.UInt16", ["ushort"], VT, Kind::Integer(0, u16::MAX as i128, "a UInt16"), true),
    b!("System.UInt32", ["uint"], VT, Kind::Integer(0, u32::MAX as i128, "a UInt32"), true),
    b!("System.UInt64", ["ulong"], VT, Kind::Integer(0, u64::MAX as i128, "a UInt64"), true),
    b!("System.Double", ["double"], VT, Kind::Double, true),
    b!("System.Single", ["float", "single"], VT, Kind::Double, true),
    b!("System.Decimal", ["decimal"], VT, Kind::Decimal, true),
    b!("System.Boolean", ["bool"], VT, Kind::Bool, true),
    b!("System.Char", ["char"], VT, Kind::Char, true),
    b!("System.DateTime", ["datetime"], VT, Kind::DateTime, true),
    b!("System.TimeSpan", ["timespan"], VT, Kind::TimeSpan, true),
    b!("System.Version", ["version"], OBJ, Kind::Version, false),
    b!("System.Guid", ["guid"], VT, Kind::Guid, true),
    b!("System.Text.RegularExpressions.Regex", ["regex"], OBJ, Kind::Regex, false),
    b!("System.Array", ["array"], OBJ, Kind::Array, false),
    b!("System.Collections.Hashtable", ["hashtable"], OBJ, Kind::Hashtable, false),
    b!("System.Collections.Specialized.OrderedDictionary", ["ordered"], OBJ, Kind::Ordered, false),
    b!("System.Management.Automation.PSObject", ["psobject"], OBJ, Kind::PsObject, false),
    b!("System.Management.Automation.PSCustomObject", ["pscustomobject"], OBJ, Kind::PsCustomObject, false),
    b!("System.Object", ["object"], "", Kind::Object, false),
    b!("System.Management.Automation.ScriptBlock", ["scriptblock"], OBJ, Kind::ScriptBlock, false),
    b!("System.Management.Automation.PSReference", ["ref"], OBJ, Kind::Ref, false),
    b!("System.Management.Automation.SwitchParameter", ["switch"], VT, Kind::Switch, true),
    b!("System.Collections.ArrayList", [], OBJ, Kind::ArrayList, false),
    b!("System.Uri", ["uri"], OBJ, Kind::Uri, false),
    b!("System.Net.Mail.MailAddress", ["mailaddress"], OBJ, Kind::MailAddress, false),
    b!("System.Management.Automation.Host.ChoiceDescription", [], OBJ, Kind::ChoiceDescription, false),
    b!("System.Type", ["type"], "System.Reflection.MemberInfo", Kind::Type, false),
    b!("System.Void", ["void"], VT, Kind::Void, true),
    b!("System.ValueType", [], OBJ, Kind::Static, false),
    b!("System.Collections.IDictionary", [], "", Kind::Static, false),
    b!("System.Collections.IList", [], "", Kind::Static, false),
    b!("System.Collections.ICollection", [], "", Kind::Static, false),
    b!("System.Collections.IEnumerable", [], "", Kind::Static, false),
    b!("System.IComparable", [], "", Kind::Static, false),
    b!("System.Math", [], OBJ, Kind::Static, false),
    b!("System.Environment", [], OBJ, Kind::Static, false),
    b!("System.IO.Path", [], OBJ, Kind::Static, false),
    b!("System.Runtime.InteropServices.Marshal", [], OBJ, Kind::Static, false),
    b!("System.Text.Encoding", [], OBJ, Kind::Static, false),
    b!("System.Enum", ["enum"], VT, Kind::Static, false),
    b!("System.Convert", [], OBJ, Kind::Static, false),
    b!("System.Console", [], OBJ, Kind::Static, false),
    b!("System.Net.ServicePointManager", [], OBJ, Kind::Static, false),
    b!("System.Diagnostics.Stopwatch", [], OBJ, Kind::Stopwatch, false),
    b!("System.Security.Principal.WindowsIdentity", [], "System.Security.Claims.ClaimsIdentity", Kind::Static, false),
    b!(
        "System.Security.Principal.WindowsPrincipal",
        [],
        "System.Security.Claims.ClaimsPrincipal",
        Kind::Principal,
        false
    ),
    b!("System.Management.Automation.Language.NullString", ["nullstring"], OBJ, Kind::Static, false),
];

/// A generic collection type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Generic {
    /// `System.Collections.Generic.List[T]`
    List,
    /// `System.Collections.Generic.Dictionary[K,V]`
    Dictionary,
    /// `System.Collections.Generic.HashSet[T]`
    HashSet,
}

impl Generic {
    fn full(self) -> &'static str {
        match self {
            Generic::List => "System.Collections.Generic.List`1",
            Generic::Dictionary => "System.Collections.Generic.Dictionary`2",
            Generic::HashSet => "System.Collections.Generic.HashSet`1",
        }
    }
    fn arity(self) -> usize {
        if self == Generic::Dictionary { 2 } else { 1 }
    }
}

/// A resolved type.
#[derive(Clone, Debug)]
pub(crate) enum Ty {
    Builtin(&'static Builtin),
    /// `T[]`
    Array(Box<Ty>),
    Generic(Generic, Vec<Ty>),
    /// A .NET enum (built in) or a script's `enum`.
    Enum(&'static EnumType),
    /// A script's `class`, by name.
    Class(Rc<str>),
}

/// The enums and classes the script has defined, looked up by name (case-insensitive).
#[derive(Default)]
pub(crate) struct UserTypes {
    pub enums: HashMap<String, &'static EnumType>,
    pub classes: HashMap<String, Rc<super::classes::ClassDef>>,
}

impl UserTypes {
    /// A class by name.
    pub fn class(&self, name: &str) -> Option<Rc<super::classes::ClassDef>> {
        self.classes.get(&name.to_ascii_lowercase()).cloned()
    }
}

fn builtin(name: &str) -> Option<&'static Builtin> {
    let n = name.trim();
    let short = strip_system(n);
    BUILTINS.iter().find(|b| {
        b.full.eq_ignore_ascii_case(n)
            || strip_system(b.full).eq_ignore_ascii_case(short)
            || b.aliases.iter().any(|a| a.eq_ignore_ascii_case(n))
    })
}

fn strip_system(n: &str) -> &str {
    if n.len() > 7 && n.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("system.")) { &n[7..] } else { n }
}

/// Splits `A[B,C]` into `A` and its generic arguments, respecting nested brackets.
fn generic_parts(s: &str) -> Option<(&str, Vec<&str>)> {
    let open = s.find('[')?;
    let inner = s[open..].strip_prefix('[')?.strip_suffix(']')?;
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(inner[start..].trim());
    // `List[[string]]` (assembly-qualified form) has each argument in its own brackets.
    let parts =
        parts.into_iter().map(|p| p.strip_prefix('[').and_then(|p| p.strip_suffix(']')).unwrap_or(p).trim()).collect();
    Some((s[..open].trim(), parts))
}

/// Resolves a type name as written in `[...]`.
pub(crate) fn resolve(user: &UserTypes, name: &str) -> Option<Ty> {
    let n = name.trim();
    if n.is_empty() {
        return None;
    }
    if let Some(elem) = n.strip_suffix("[]") {
        return Some(Ty::Array(Box::new(resolve(user, elem)?)));
    }
    if n.ends_with(']')
        && let Some((head, args)) = generic_parts(n)
    {
        let g = match strip_system(head.trim_end_matches(|c: char| c == '`' || c.is_ascii_digit()))
            .to_ascii_lowercase()
            .as_str()
        {
            "collections.generic.list" => Generic::List,
            "collections.generic.dictionary" => Generic::Dictionary,
            "collections.generic.hashset" => Generic::HashSet,
            _ => return None,
        };
        if args.len() != g.arity() {
            return None;
        }
        let mut tys = Vec::new();
        for a in args {
            tys.push(resolve(user, a)?);
        }
        return Some(Ty::Generic(g, tys));
    }
    let lower = n.to_ascii_lowercase();
    if let Some(c) = user.classes.get(&lower) {
        return Some(Ty::Class(Rc::from(c.name.as_str())));
    }
    if let Some(e) = user.enums.get(&lower) {
        return Some(Ty::Enum(e));
    }
    if let Some(b) = builtin(n) {
        return Some(Ty::Builtin(b));
    }
    let short = strip_system(n);
    BUILTIN_ENUMS
        .iter()
        .find(|e| e.name.eq_ignore_ascii_case(n) || strip_system(e.name).eq_ignore_ascii_case(short))
        .or_else(|| BUILTIN_ENUMS.iter().find(|e| e.name.rsplit('.').next().is_some_and(|s| s.eq_ignore_ascii_case(n))))
        .map(|e| Ty::Enum(e))
}

impl Ty {
    /// `FullName` (`System.Int32`, `System.String[]`,
    /// ``System.Collections.Generic.List`1[[System.String, mscorlib, …]]`` is shortened to the name).
    pub fn full_name(&self) -> String {
        match self {
            Ty::Builtin(b) => b.full.to_string(),
            Ty::Array(e) => format!("{}[]", e.full_name()),
            Ty::Generic(g, args) => {
                let a: Vec<String> = args.iter().map(|t| format!("[{}]", t.full_name())).collect();
                format!("{}[{}]", g.full(), a.join(","))
            }
            Ty::Enum(e) => e.name.to_string(),
            Ty::Class(c) => c.to_string(),
        }
    }

    /// `Name` (`Int32`, `String[]`, ``List`1``).
    pub fn name(&self) -> String {
        match self {
            Ty::Array(e) => format!("{}[]", e.name()),
            Ty::Generic(g, _) => g.full().rsplit('.').next().unwrap_or("").to_string(),
            other => {
                let f = other.full_name();
                f.rsplit('.').next().unwrap_or(&f).to_string()
            }
        }
    }

    /// How PowerShell prints the type (`[int]` prints `int`'s ToString: `System.Int32`, a generic
    /// list ``System.Collections.Generic.List`1[System.String]``).
    pub fn display(&self) -> String {
        match self {
            Ty::Generic(g, args) => {
                let a: Vec<String> = args.iter().map(|t| t.full_name()).collect();
                format!("{}[{}]", g.full(), a.join(","))
            }
            Ty::Array(e) => format!("{}[]", e.display()),
            other => other.full_name(),
        }
    }

    /// The base type's full name (empty for `System.Object`).
    pub fn base(&self, user: &UserTypes) -> String {
        match self {
            Ty::Builtin(b) => b.base.to_string(),
            Ty::Array(_) => "System.Array".into(),
            Ty::Generic(..) => OBJ.into(),
            Ty::Enum(_) => "System.Enum".into(),
            Ty::Class(c) => user.class(c).and_then(|c| c.base.clone()).unwrap_or_else(|| OBJ.into()),
        }
    }

    /// The built-in kind, if any.
    pub fn kind(&self) -> Option<Kind> {
        match self {
            Ty::Builtin(b) => Some(b.kind),
            _ => None,
        }
    }

    /// Whether `New-Object T` with no arguments finds a constructor: a public parameterless one,
    /// or a value type's default. `String`, `Uri`, `MailAddress`, `Regex` (its is protected) and
    /// the like have none. Script classes answer for themselves.
    pub fn has_default_constructor(&self) -> bool {
        match self {
            Ty::Builtin(b) => !matches!(
                b.kind,
                Kind::String
                    | Kind::Regex
                    | Kind::Array
                    | Kind::Uri
                    | Kind::MailAddress
                    | Kind::ChoiceDescription
                    | Kind::ScriptBlock
                    | Kind::Type
                    | Kind::Ref
                    | Kind::Principal
            ),
            Ty::Array(_) => false,
            Ty::Generic(..) | Ty::Enum(_) | Ty::Class(_) => true,
        }
    }
}

/// A `RuntimeType` object: what `[int]` and `$x.GetType()` evaluate to.
pub(crate) fn runtime_type(user: &UserTypes, ty: &Ty) -> Value {
    let full = ty.full_name();
    let base = ty.base(user);
    let mut o = PsObject::new(&["System.RuntimeType", "System.Type", "System.Reflection.MemberInfo", OBJ]);
    let is_value = match ty {
        Ty::Builtin(b) => b.value_type,
        Ty::Enum(_) => true,
        _ => false,
    };
    let namespace = match ty {
        Ty::Class(_) => Value::Null,
        _ => {
            let f = match ty {
                Ty::Array(e) => e.full_name(),
                Ty::Generic(g, _) => g.full().to_string(),
                _ => full.clone(),
            };
            f.rsplit_once('.').map(|(n, _)| Value::str(n)).unwrap_or(Value::Null)
        }
    };
    o.set("IsPublic", Value::Bool(true));
    o.set("IsSerializable", Value::Bool(!matches!(ty, Ty::Class(_) | Ty::Builtin(Builtin { kind: Kind::Static, .. }))));
    o.set("Name", Value::str(ty.name()));
    o.set("BaseType", if base.is_empty() { Value::Null } else { base_type_value(user, &base) });
    o.set("FullName", Value::str(&full));
    o.set("Namespace", namespace);
    o.set("IsArray", Value::Bool(matches!(ty, Ty::Array(_))));
    o.set("IsEnum", Value::Bool(matches!(ty, Ty::Enum(_))));
    o.set("IsValueType", Value::Bool(is_value));
    o.set("IsClass", Value::Bool(!is_value));
    o.set("IsGenericType", Value::Bool(matches!(ty, Ty::Generic(..))));
    o.display = Some(ty.display().into());
    Value::object(o)
}

/// A RuntimeType object for a type exsh knows only by name (an Exchange object's type).
pub(crate) fn named_runtime_type(full: &str) -> Value {
    let mut o = PsObject::new(&["System.RuntimeType", "System.Type", "System.Reflection.MemberInfo", OBJ]);
    o.set("IsPublic", Value::Bool(true));
    o.set("IsSerializable", Value::Bool(true));
    // A generic type's arguments (`Collection`1[[System.Int32, mscorlib, …]]`) are not part of its
    // Name and Namespace.
    let head = full.split('[').next().unwrap_or(full);
    o.set("Name", Value::str(head.rsplit('.').next().unwrap_or(head)));
    o.set("BaseType", Value::Null);
    o.set("FullName", Value::str(full));
    o.set("Namespace", head.rsplit_once('.').map(|(n, _)| Value::str(n)).unwrap_or(Value::Null));
    o.display = Some(full.into());
    Value::object(o)
}

/// The base type as a RuntimeType object (one level; its own BaseType is resolved lazily by name).
fn base_type_value(user: &UserTypes, full: &str) -> Value {
    match resolve(user, full) {
        Some(t) => {
            let mut o = PsObject::new(&["System.RuntimeType", "System.Type", "System.Reflection.MemberInfo", OBJ]);
            o.set("IsPublic", Value::Bool(true));
            o.set("IsSerializable", Value::Bool(true));
            o.set("Name", Value::str(t.name()));
            o.set("FullName", Value::str(t.full_name()));
            let b = t.base(user);
            o.set("BaseType", if b.is_empty() { Value::Null } else { Value::str(b) });
            o.display = Some(t.display().into());
            Value::object(o)
        }
        None => {
            let mut o = PsObject::new(&["System.RuntimeType", "System.Type", OBJ]);
            o.set("Name", Value::str(full.rsplit('.').next().unwrap_or(full)));
            o.set("FullName", Value::str(full));
            o.display = Some(full.into());
            Value::object(o)
        }
    }
}

/// The type of a value (what `GetType()` returns), as a [`Ty`] when it is one exsh models.
pub(crate) fn type_of(user: &UserTypes, v: &Value) -> Option<Ty> {
    match v {
        Value::Null => None,
        Value::Enum(e) => Some(Ty::Enum(e.ty)),
        Value::Array(a) => {
            let a = a.borrow();
            match a.kind {
                ArrayKind::Fixed => Some(Ty::Array(Box::new(Ty::Builtin(builtin("object")?)))),
                ArrayKind::ArrayList => Some(Ty::Builtin(builtin("System.Collections.ArrayList")?)),
                ArrayKind::GenericList => {
                    let elem = a.elem.as_deref().and_then(|e| resolve(user, e)).or_else(|| resolve(user, "object"))?;
                    Some(Ty::Generic(Generic::List, vec![elem]))
                }
                ArrayKind::HashSet => {
                    let elem = a.elem.as_deref().and_then(|e| resolve(user, e)).or_else(|| resolve(user, "object"))?;
                    Some(Ty::Generic(Generic::HashSet, vec![elem]))
                }
                ArrayKind::Collection => None,
            }
        }
        Value::Object(o) => {
            let first = o.borrow().type_names.first().cloned();
            match first {
                None => resolve(user, "System.Management.Automation.PSCustomObject"),
                Some(t) => resolve(user, &t),
            }
        }
        other => resolve(user, &other.type_name()),
    }
}

/// The names a value is an instance of: its type, its base types, and the interfaces scripts test.
fn instance_names(user: &UserTypes, v: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    match v {
        Value::Null => return out,
        Value::Object(o) => {
            let o = o.borrow();
            for t in &o.type_names {
                out.push(t.trim_start_matches("Deserialized.").to_string());
            }
            if o.type_names.is_empty() {
                out.push("System.Management.Automation.PSCustomObject".into());
            }
            // Every object in PowerShell is wrapped in a PSObject.
            out.push("System.Management.Automation.PSObject".into());
        }
        Value::Array(a) => {
            if let Some(t) = type_of(user, v) {
                out.push(t.full_name());
            }
            if a.borrow().kind == ArrayKind::Fixed {
                out.push("System.Array".into());
            }
            for i in ["System.Collections.IList", "System.Collections.ICollection", "System.Collections.IEnumerable"] {
                out.push(i.into());
            }
        }
        Value::Hashtable(_) => {
            out.push(v.type_name());
            for i in
                ["System.Collections.IDictionary", "System.Collections.ICollection", "System.Collections.IEnumerable"]
            {
                out.push(i.into());
            }
        }
        Value::Enum(e) => {
            out.push(e.ty.name.to_string());
            out.push("System.Enum".into());
            out.push(VT.into());
        }
        Value::Str(_) => {
            out.push("System.String".into());
            out.push("System.IComparable".into());
            out.push("System.Collections.IEnumerable".into());
        }
        other => {
            let mut cur = resolve(user, &other.type_name());
            while let Some(t) = cur {
                out.push(t.full_name());
                let b = t.base(user);
                cur = if b.is_empty() { None } else { resolve(user, &b) };
            }
            if matches!(other, Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Bool(_) | Value::DateTime(..))
            {
                out.push("System.IComparable".into());
            }
        }
    }
    // Base classes of script classes.
    let mut i = 0;
    while i < out.len() {
        if let Some(c) = user.class(&out[i])
            && let Some(b) = &c.base
            && !out.iter().any(|x| x.eq_ignore_ascii_case(b))
        {
            out.push(b.clone());
        }
        i += 1;
    }
    out.push(OBJ.into());
    out
}

/// `$v -is [ty]`.
pub(crate) fn is_instance(user: &UserTypes, v: &Value, ty: &Ty) -> bool {
    if v.is_null() {
        return false;
    }
    match ty {
        Ty::Builtin(b) if b.kind == Kind::Object || b.kind == Kind::PsObject => return true,
        // `-is [pscustomobject]` is true for every object PowerShell wraps in a PSObject.
        Ty::Builtin(b) if b.kind == Kind::PsCustomObject => return matches!(v, Value::Object(_)),
        Ty::Array(elem) => {
            let Value::Array(a) = v else { return false };
            if a.borrow().kind != ArrayKind::Fixed {
                return false;
            }
            // object[] is only `-is [object[]]`; typed arrays are not modelled apart from it.
            return matches!(elem.as_ref(), Ty::Builtin(b) if b.kind == Kind::Object);
        }
        Ty::Generic(g, args) => {
            let Some(Ty::Generic(vg, vargs)) = type_of(user, v) else { return false };
            return vg == *g && vargs.iter().zip(args).all(|(a, b)| a.full_name() == b.full_name());
        }
        _ => {}
    }
    let want = ty.full_name();
    instance_names(user, v).iter().any(|n| n.eq_ignore_ascii_case(&want))
}

macro_rules! enum_type {
    ($id:ident, $name:expr, $flags:expr, [$(($m:expr, $v:expr)),* $(,)?]) => {
        pub(crate) static $id: EnumType = EnumType { name: $name, flags: $flags, members: &[$(($m, $v)),*] };
    };
}

enum_type!(
    ACTION_PREFERENCE,
    "System.Management.Automation.ActionPreference",
    false,
    [("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2), ("Inquire", 3), ("Ignore", 4), ("Suspend", 5),]
);
enum_type!(
    CONSOLE_COLOR,
    "System.ConsoleColor",
    false,
    [
        ("Black", 0),
        ("DarkBlue", 1),
        ("DarkGreen", 2),
        ("DarkCyan", 3),
        ("DarkRed", 4),
        ("DarkMagenta", 5),
        ("DarkYellow", 6),
        ("Gray", 7),
        ("DarkGray", 8),
        ("Blue", 9),
        ("Green", 10),
        ("Cyan", 11),
        ("Red", 12),
        ("Magenta", 13),
        ("Yellow", 14),
        ("White", 15),
    ]
);
enum_type!(
    DAY_OF_WEEK,
    "System.DayOfWeek",
    false,
    [("Sunday", 0), ("Monday", 1), ("Tuesday", 2), ("Wednesday", 3), ("Thursday", 4), ("Friday", 5), ("Saturday", 6),]
);
enum_type!(STRING_SPLIT_OPTIONS, "System.StringSplitOptions", true, [("None", 0), ("RemoveEmptyEntries", 1)]);
enum_type!(
    FILE_ATTRIBUTES,
    "System.IO.FileAttributes",
    true,
    [
        ("ReadOnly", 1),
        ("Hidden", 2),
        ("System", 4),
        ("Directory", 16),
        ("Archive", 32),
        ("Device", 64),
        ("Normal", 128),
        ("Temporary", 256),
        ("SparseFile", 512),
        ("ReparsePoint", 1024),
        ("Compressed", 2048),
        ("Offline", 4096),
        ("NotContentIndexed", 8192),
        ("Encrypted", 16384),
        ("IntegrityStream", 32768),
        ("NoScrubData", 131072),
    ]
);
enum_type!(
    ERROR_CATEGORY,
    "System.Management.Automation.ErrorCategory",
    false,
    [
        ("NotSpecified", 0),
        ("OpenError", 1),
        ("CloseError", 2),
        ("DeviceError", 3),
        ("DeadlockDetected", 4),
        ("InvalidArgument", 5),
        ("InvalidData", 6),
        ("InvalidOperation", 7),
        ("InvalidResult", 8),
        ("InvalidType", 9),
        ("MetadataError", 10),
        ("NotImplemented", 11),
        ("NotInstalled", 12),
        ("ObjectNotFound", 13),
        ("OperationStopped", 14),
        ("OperationTimeout", 15),
        ("SyntaxError", 16),
        ("ParserError", 17),
        ("PermissionDenied", 18),
        ("ResourceBusy", 19),
        ("ResourceExists", 20),
        ("ResourceUnavailable", 21),
        ("ReadError", 22),
        ("WriteError", 23),
        ("FromStdErr", 24),
        ("SecurityError", 25),
        ("ProtocolError", 26),
        ("ConnectionError", 27),
        ("AuthenticationError", 28),
        ("LimitsExceeded", 29),
        ("QuotaExceeded", 30),
        ("NotEnabled", 31),
    ]
);
enum_type!(
    CONFIRM_IMPACT,
    "System.Management.Automation.ConfirmImpact",
    false,
    [("None", 0), ("Low", 1), ("Medium", 2), ("High", 3),]
);
enum_type!(
    STRING_COMPARISON,
    "System.StringComparison",
    false,
    [
        ("CurrentCulture", 0),
        ("CurrentCultureIgnoreCase", 1),
        ("InvariantCulture", 2),
        ("InvariantCultureIgnoreCase", 3),
        ("Ordinal", 4),
        ("OrdinalIgnoreCase", 5),
    ]
);
enum_type!(MIDPOINT_ROUNDING, "System.MidpointRounding", false, [("ToEven", 0), ("AwayFromZero", 1)]);
enum_type!(DATETIME_KIND, "System.DateTimeKind", false, [("Unspecified", 0), ("Utc", 1), ("Local", 2)]);
enum_type!(
    REGEX_OPTIONS,
    "System.Text.RegularExpressions.RegexOptions",
    true,
    [
        ("None", 0),
        ("IgnoreCase", 1),
        ("Multiline", 2),
        ("ExplicitCapture", 4),
        ("Compiled", 8),
        ("Singleline", 16),
        ("IgnorePatternWhitespace", 32),
        ("RightToLeft", 64),
        ("ECMAScript", 256),
        ("CultureInvariant", 512),
    ]
);

enum_type!(
    SECURITY_PROTOCOL_TYPE,
    "System.Net.SecurityProtocolType",
    true,
    [("SystemDefault", 0), ("Ssl3", 48), ("Tls", 192), ("Tls11", 768), ("Tls12", 3072), ("Tls13", 12288),]
);
enum_type!(
    WINDOWS_BUILTIN_ROLE,
    "System.Security.Principal.WindowsBuiltInRole",
    false,
    [
        ("Administrator", 544),
        ("User", 545),
        ("Guest", 546),
        ("PowerUser", 547),
        ("AccountOperator", 548),
        ("SystemOperator", 549),
        ("PrintOperator", 550),
        ("BackupOperator", 551),
        ("Replicator", 552),
    ]
);

/// The .NET enums scripts name.
pub(crate) static BUILTIN_ENUMS: &[&EnumType] = &[
    &ACTION_PREFERENCE,
    &CONSOLE_COLOR,
    &DAY_OF_WEEK,
    &STRING_SPLIT_OPTIONS,
    &FILE_ATTRIBUTES,
    &ERROR_CATEGORY,
    &CONFIRM_IMPACT,
    &STRING_COMPARISON,
    &MIDPOINT_ROUNDING,
    &DATETIME_KIND,
    &REGEX_OPTIONS,
    &SECURITY_PROTOCOL_TYPE,
    &WINDOWS_BUILTIN_ROLE,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn full(n: &str) -> Option<String> {
        resolve(&UserTypes::default(), n).map(|t| t.full_name())
    }

    #[test]
    fn names_resolve_like_powershell() {
        assert_eq!(full("int").as_deref(), Some("System.Int32"));
        assert_eq!(full("INT32").as_deref(), Some("System.Int32"));
        assert_eq!(full("System.Int64").as_deref(), Some("System.Int64"));
        assert_eq!(full("io.path").as_deref(), Some("System.IO.Path"));
        assert_eq!(full("string[]").as_deref(), Some("System.String[]"));
        assert_eq!(
            full("System.Collections.Generic.List[string]").as_deref(),
            Some("System.Collections.Generic.List`1[[System.String]]")
        );
        assert_eq!(
            full("Collections.Generic.Dictionary[string, int]").as_deref(),
            Some("System.Collections.Generic.Dictionary`2[[System.String],[System.Int32]]")
        );
        assert_eq!(full("ConsoleColor").as_deref(), Some("System.ConsoleColor"));
        assert_eq!(full("ActionPreference").as_deref(), Some("System.Management.Automation.ActionPreference"));
        assert_eq!(full("NoSuchType"), None);
        assert_eq!(full("Collections.Generic.List[nosuch]"), None);
        assert_eq!(full("Collections.Generic.List[string,int]"), None);
    }

    #[test]
    fn is_follows_base_types() {
        let u = UserTypes::default();
        let t = |n: &str| resolve(&u, n).expect("present");
        assert!(is_instance(&u, &Value::Int(5), &t("int")));
        assert!(is_instance(&u, &Value::Int(5), &t("ValueType")));
        assert!(is_instance(&u, &Value::Int(5), &t("object")));
        assert!(!is_instance(&u, &Value::Int(5), &t("string")));
        assert!(!is_instance(&u, &Value::Null, &t("object")));
        assert!(is_instance(&u, &Value::array(vec![]), &t("array")));
        assert!(is_instance(&u, &Value::array(vec![]), &t("object[]")));
    }
}
