//! Exchange's sizes as scripts use them: `ByteQuantifiedSize` (FolderSize) and
//! `Unlimited<ByteQuantifiedSize>` (TotalItemSize), which print as `52.51 MB (55,056,945 bytes)`
//! and answer `.ToBytes()`, `.ToKB()`, `.ToMB()`, `.ToGB()`, `.ToTB()` (`$s.TotalItemSize.Value.ToMB()`,
//! the size-report idiom). EMS rehydrates them (RemoteExchange.ps1 loads Exchange's types), so they
//! are live objects rather than `Deserialized.` ones. Facts: docs/reference/folders-and-calendar.md.

use super::{PsObject, Value};

/// `Microsoft.Exchange.Data.ByteQuantifiedSize`.
pub const BYTE_QUANTIFIED_SIZE: &str = "Microsoft.Exchange.Data.ByteQuantifiedSize";
/// `Unlimited<ByteQuantifiedSize>` as its type name prints.
pub const UNLIMITED_SIZE: &str = "Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]";
const BYTES: &str = "__exsh_bytes";

/// A size as `ByteQuantifiedSize.ToString()` prints it: the largest unit the value reaches, four
/// significant digits with trailing zeros dropped, then the exact bytes with thousands
/// separators: `0 B (0 bytes)`, `873.2 KB (894,166 bytes)`, `1.234 GB (1,325,000,000 bytes)`.
pub fn byte_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut unit = 0;
    let mut scaled = bytes as f64;
    while scaled >= 1024.0 && unit < UNITS.len() - 1 {
        scaled /= 1024.0;
        unit += 1;
    }
    let amount = if unit == 0 {
        bytes.to_string()
    } else {
        let decimals = if scaled >= 100.0 {
            1
        } else if scaled >= 10.0 {
            2
        } else {
            3
        };
        let text = format!("{scaled:.decimals$}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        text.to_string()
    };
    format!("{amount} {} ({} bytes)", UNITS[unit], thousands(bytes))
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A `ByteQuantifiedSize` of `bytes`.
pub fn byte_quantified(bytes: u64) -> Value {
    let mut o = PsObject::new(&[BYTE_QUANTIFIED_SIZE, "System.ValueType", "System.Object"]);
    o.set_hidden(BYTES, Value::Long(bytes.min(i64::MAX as u64) as i64));
    o.display = Some(byte_size(bytes).into());
    Value::object(o)
}

/// An `Unlimited<ByteQuantifiedSize>` holding `bytes`: IsUnlimited False, Value the size.
pub fn unlimited_size(bytes: u64) -> Value {
    let mut o = PsObject::new(&[UNLIMITED_SIZE, "System.ValueType", "System.Object"]);
    o.set("IsUnlimited", Value::Bool(false));
    o.set("Value", byte_quantified(bytes));
    o.display = Some(byte_size(bytes).into());
    Value::object(o)
}

/// `size.ToBytes()` … `.ToTB()` on a ByteQuantifiedSize (they take no arguments): whole units,
/// rounded down (UInt64); `None` for other values and methods.
pub fn size_method(target: &Value, lname: &str) -> Option<Value> {
    let Value::Object(o) = target else { return None };
    let o = o.borrow();
    if o.type_names.first().is_none_or(|t| &**t != BYTE_QUANTIFIED_SIZE) {
        return None;
    }
    let Some(Value::Long(bytes)) = o.get(BYTES) else { return None };
    let shift = match lname {
        "tobytes" => 0,
        "tokb" => 10,
        "tomb" => 20,
        "togb" => 30,
        "totb" => 40,
        _ => return None,
    };
    Some(Value::Long(bytes >> shift))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_print_and_convert() {
        assert_eq!(byte_size(0), "0 B (0 bytes)");
        assert_eq!(byte_size(55_056_945), "52.51 MB (55,056,945 bytes)");
        let v = unlimited_size(55_056_945);
        let inner = v.property("Value").expect("value");
        assert!(matches!(size_method(&inner, "tomb"), Some(Value::Long(52))));
        assert!(matches!(size_method(&inner, "tobytes"), Some(Value::Long(55_056_945))));
        assert!(size_method(&inner, "tostring").is_none());
        assert!(size_method(&v, "tomb").is_none());
        assert_eq!(crate::value::convert::to_string(&v), "52.51 MB (55,056,945 bytes)");
    }
}
