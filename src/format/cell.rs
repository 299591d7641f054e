//! How one value prints inside a table cell or after `Name : ` in a list (`PSObjectHelper.SmartToString`
//! of Windows PowerShell 5.1), and which values are "scalars" that print as their `ToString()` line.
//!
//! Owns only value-to-text rules used by the formatter; the language's own string conversion lives in
//! `value::convert`.

use crate::value::{Value, convert};

/// How collections in a cell are cut: at most `limit` items (`$FormatEnumerationLimit`; `None` =
/// no limit), then `ellipsis` (5.1's `...`, PowerShell 7's `…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellStyle {
    /// How many items to show.
    pub limit: Option<usize>,
    /// What follows the last one shown.
    pub ellipsis: &'static str,
}

impl CellStyle {
    /// Windows PowerShell 5.1's style with this limit.
    pub const fn ps51(limit: Option<usize>) -> CellStyle {
        CellStyle { limit, ellipsis: super::table::ELLIPSIS_51 }
    }
}

/// The text of a value in a cell: `$null` is empty, collections print as `{a, b, c}` with at most
/// `style.limit` items followed by the ellipsis inside the braces (`{a, b, c...}`: PowerShell
/// appends it without a separator), everything else as `ToString()`.
pub fn cell_text(v: &Value, style: CellStyle) -> String {
    match v {
        Value::Null => String::new(),
        Value::Array(a) => braces(a.borrow().iter().cloned(), style),
        // Enumerating a hashtable yields DictionaryEntry objects, which print as their key.
        Value::Hashtable(h) => braces(h.borrow().keys().into_iter(), style),
        other => display_string(other),
    }
}

fn braces(items: impl Iterator<Item = Value>, style: CellStyle) -> String {
    let mut s = String::from("{");
    for (i, x) in items.enumerate() {
        if Some(i) == style.limit {
            s.push_str(style.ellipsis);
            break;
        }
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&element_name(&x));
    }
    s.push('}');
    s
}

/// One element inside `{…}` (`GetObjectName`): `$null` for a null element, a nested collection's
/// type name, else `ToString()`.
fn element_name(x: &Value) -> String {
    match x {
        Value::Null => "$null".into(),
        Value::Array(_) | Value::Hashtable(_) => x.type_name(),
        other => display_string(other),
    }
}

/// `ToString()` in the en-US culture, which is what the formatter calls. It differs from the
/// language's (invariant) string conversion only for dates, which print with AM/PM.
pub fn display_string(v: &Value) -> String {
    match v {
        Value::DateTime(secs, _) => convert::format_datetime(*secs, true),
        other => convert::to_string(other),
    }
}

/// True for values Out-Default prints as one `ToString()` line, never as a table or list
/// (`DefaultScalarTypes`: strings, numbers, booleans, enums). Dates are not scalars: they have a view.
pub fn is_scalar(v: &Value) -> bool {
    matches!(
        v,
        Value::Str(_)
            | Value::Int(_)
            | Value::Long(_)
            | Value::Double(_)
            | Value::Bool(_)
            | Value::Enum(_)
            | Value::Char(_)
    )
}

/// True for values whose cells a property-based table right-aligns (`ComputeDefaultAlignment`:
/// scalars other than strings).
pub fn is_right_aligned(v: &Value) -> bool {
    match v {
        // Exchange enums reach EMS deserialized (`Deserialized.…` type names), which 5.1's
        // ComputeDefaultAlignment no longer takes for enums: they align left, like strings
        // (`Get-Mailbox | Select Name,RecipientTypeDetails`).
        Value::Enum(e) if e.ty.name.starts_with("Microsoft.Exchange.") => false,
        _ => is_scalar(v) && !matches!(v, Value::Str(_)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_enums_align_left_local_values_right() {
        static RTD: crate::value::EnumType = crate::value::EnumType {
            name: "Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails",
            flags: false,
            members: &[("UserMailbox", 1)],
        };
        static DAY: crate::value::EnumType =
            crate::value::EnumType { name: "System.DayOfWeek", flags: false, members: &[("Monday", 1)] };
        assert!(!is_right_aligned(&Value::Enum(crate::value::EnumValue { ty: &RTD, bits: 1 })));
        assert!(is_right_aligned(&Value::Enum(crate::value::EnumValue { ty: &DAY, bits: 1 })));
        assert!(is_right_aligned(&Value::Int(3)));
        assert!(!is_right_aligned(&Value::str("x")));
    }

    fn strs(n: usize) -> Value {
        Value::array((1..=n).map(|i| Value::str(format!("u{i}"))).collect())
    }

    #[test]
    fn collections_in_braces_with_limit() {
        assert_eq!(cell_text(&strs(3), CellStyle::ps51(Some(16))), "{u1, u2, u3}");
        assert_eq!(cell_text(&strs(5), CellStyle::ps51(Some(4))), "{u1, u2, u3, u4...}");
        assert_eq!(cell_text(&strs(17), CellStyle::ps51(Some(16))).matches(", ").count(), 15);
        assert!(cell_text(&strs(17), CellStyle::ps51(Some(16))).ends_with("u16...}"));
        assert_eq!(cell_text(&strs(20), CellStyle::ps51(None)).matches(", ").count(), 19);
        assert_eq!(cell_text(&Value::array(vec![]), CellStyle::ps51(Some(16))), "{}");
        assert_eq!(cell_text(&Value::array(vec![Value::Null, Value::Int(2)]), CellStyle::ps51(Some(16))), "{$null, 2}");
    }

    #[test]
    fn scalars_print_as_tostring() {
        assert_eq!(cell_text(&Value::Null, CellStyle::ps51(Some(16))), "");
        assert_eq!(cell_text(&Value::Bool(true), CellStyle::ps51(Some(16))), "True");
        assert_eq!(cell_text(&Value::Double(1.5), CellStyle::ps51(Some(16))), "1.5");
        assert_eq!(cell_text(&Value::DateTime(0, 0), CellStyle::ps51(Some(16))), "1/1/1970 12:00:00 AM");
        assert!(is_right_aligned(&Value::Int(3)));
        assert!(!is_right_aligned(&Value::str("3")));
    }
}
