//! The org file's JSON layout: pretty-printed with two-space indentation, keys in the order
//! given, and two compactions that make the file easy to read and diff line by line:
//! an array of scalars stays on one line when that line fits in [`WIDTH`] columns, and an object
//! inside an array whose values are all scalars or arrays of scalars and which has at most
//! [`MAX_INLINE_KEYS`] keys (a permission entry, a principal) is always written on one line. Output is a pure function of the value, so saving
//! the same directory twice gives identical bytes.

use serde_json::Value;

/// The column limit for one-line arrays of scalars.
pub const WIDTH: usize = 100;

/// The most keys an array element may have to be written on one line (a permission entry has
/// at most seven; a recipient, with two dozen, never is).
pub const MAX_INLINE_KEYS: usize = 8;

/// Renders `value` in the org file layout, ending with a newline.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0, 0);
    out.push('\n');
    out
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

fn is_leaf(v: &Value) -> bool {
    match v {
        Value::Array(a) => a.iter().all(is_scalar),
        other => is_scalar(other),
    }
}

fn scalar(v: &Value) -> String {
    // Serializing a scalar JSON value cannot fail; fall back to null rather than panic.
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
}

fn inline(v: &Value) -> String {
    match v {
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(m) if m.is_empty() => "{}".to_string(),
        Value::Object(m) => {
            let items: Vec<String> =
                m.iter().map(|(k, v)| format!("{}: {}", scalar(&Value::String(k.clone())), inline(v))).collect();
            format!("{{ {} }}", items.join(", "))
        }
        other => scalar(other),
    }
}

/// Writes `v` whose first line starts at column `col` (after a key), nested `depth` levels.
fn write_value(out: &mut String, v: &Value, depth: usize, col: usize) {
    let pad = "  ".repeat(depth + 1);
    match v {
        Value::Array(a) if a.is_empty() => out.push_str("[]"),
        Value::Array(a) if a.iter().all(is_scalar) && col + inline(v).len() <= WIDTH => out.push_str(&inline(v)),
        Value::Array(a) => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                out.push('\n');
                out.push_str(&pad);
                match item {
                    Value::Object(m) if m.len() <= MAX_INLINE_KEYS && m.values().all(is_leaf) => {
                        out.push_str(&inline(item))
                    }
                    _ => write_value(out, item, depth + 1, pad.len()),
                }
                if i + 1 < a.len() {
                    out.push(',');
                }
            }
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
            out.push(']');
        }
        Value::Object(m) if m.is_empty() => out.push_str("{}"),
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                out.push('\n');
                out.push_str(&pad);
                let key = scalar(&Value::String(k.clone()));
                out.push_str(&key);
                out.push_str(": ");
                write_value(out, item, depth + 1, pad.len() + key.len() + 2);
                if i + 1 < m.len() {
                    out.push(',');
                }
            }
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
            out.push('}');
        }
        other => out.push_str(&scalar(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layout_compacts_leaf_entries_and_short_lists() {
        let v = json!({
            "schemaVersion": 1,
            "name": "Contoso",
            "empty": [],
            "obj": {},
            "rights": ["FullAccess", "ReadPermission"],
            "aces": [{"trustee": "S-1-5-10", "rights": ["FullAccess"], "deny": false}],
            "nested": [{"path": "Inbox", "permissions": [{"user": "Default", "rights": ["None"]}]}],
        });
        let expected = r#"{
  "schemaVersion": 1,
  "name": "Contoso",
  "empty": [],
  "obj": {},
  "rights": ["FullAccess", "ReadPermission"],
  "aces": [
    { "trustee": "S-1-5-10", "rights": ["FullAccess"], "deny": false }
  ],
  "nested": [
    {
      "path": "Inbox",
      "permissions": [
        { "user": "Default", "rights": ["None"] }
      ]
    }
  ]
}
"#;
        assert_eq!(pretty(&v), expected);
    }

    #[test]
    fn big_flat_objects_stay_multi_line() {
        let obj: serde_json::Map<String, Value> = (0..9).map(|i| (format!("k{i}"), json!(i))).collect();
        let text = pretty(&json!([obj]));
        assert_eq!(text.lines().count(), 13, "{text}");
    }

    #[test]
    fn long_scalar_lists_break_one_per_line() {
        let items: Vec<String> = (0..6).map(|i| format!("1b5f6c2e-0001-4c1a-9d3e-00000000000{i}")).collect();
        let text = pretty(&json!({ "members": items }));
        assert_eq!(text.lines().count(), 10, "{text}");
        assert!(text.contains("\n    \"1b5f6c2e-0001-4c1a-9d3e-000000000000\",\n"));
    }

    #[test]
    fn output_is_valid_json_with_escapes() {
        let v = json!({ "a\"b": ["x\\y", "\u{e9}t\u{e9}\n"], "n": null, "f": 1.5, "o": [{"k": [1, 2]}] });
        let back: Value = serde_json::from_str(&pretty(&v)).unwrap_or(Value::Null);
        assert_eq!(back, v);
    }
}
