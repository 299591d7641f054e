//! The plan as JSON (`--plan-json FILE`), `formatVersion` 1; docs/plan.md documents every field.

use serde_json::{Map, Value, json};

use super::{FORMAT_VERSION, Plan, Source};
use crate::directory::access_diff::{AccessChange, AccessPath};
use crate::directory::diff::{DiffValue, Difference, TrusteeRef};

fn value(v: &DiffValue) -> Value {
    match v {
        DiffValue::Null => Value::Null,
        DiffValue::Bool(b) => Value::Bool(*b),
        DiffValue::Int(i) => json!(i),
        DiffValue::Text(s) => Value::String(s.clone()),
        DiffValue::List(l) => Value::Array(l.iter().map(|s| Value::String(s.clone())).collect()),
        DiffValue::Entry(f) => {
            let mut m = Map::new();
            for (k, v) in f {
                m.insert((*k).to_string(), value(v));
            }
            Value::Object(m)
        }
    }
}

fn trustee(t: &TrusteeRef) -> Value {
    json!({ "name": t.name, "account": t.account, "sid": t.sid })
}

/// For a list that changed (members, GrantSendOnBehalfTo, ManagedBy, EmailAddresses…): what came
/// and what went, so CI need not compare the lists itself.
fn list_delta(d: &Difference) -> Option<(Vec<String>, Vec<String>)> {
    let (Some(DiffValue::List(b)), Some(DiffValue::List(a))) = (&d.before, &d.after) else { return None };
    let missing = |x: &[String], y: &[String]| -> Vec<String> {
        x.iter().filter(|v| !y.iter().any(|w| w.eq_ignore_ascii_case(v))).cloned().collect()
    };
    Some((missing(a, b), missing(b, a)))
}

fn change(d: &Difference) -> Value {
    let mut v = change_fields(d);
    if let (Some((added, removed)), Value::Object(m)) = (list_delta(d), &mut v) {
        m.insert("added".into(), json!(added));
        m.insert("removed".into(), json!(removed));
    }
    v
}

fn change_fields(d: &Difference) -> Value {
    json!({
        "action": d.action.name(),
        "kind": d.kind.name(),
        "object": {
            "class": d.object.class.name(),
            "id": d.object.id,
            "name": d.object.name,
            "recipientTypeDetails": d.object.recipient_type,
        },
        "target": d.target,
        "trustee": d.trustee.as_ref().map(trustee),
        "property": d.property,
        "before": d.before.as_ref().map_or(Value::Null, value),
        "after": d.after.as_ref().map_or(Value::Null, value),
        "implied": d.implied,
    })
}

fn path(p: &AccessPath) -> Value {
    json!({
        "source": p.source,
        "trustee": p.trustee,
        "groups": p.groups,
        "database": p.database,
        "inherited": p.inherited,
        "rights": p.rights,
        "text": super::text::path_text(p),
    })
}

fn access(c: &AccessChange) -> Value {
    json!({
        "action": c.action.name(),
        "access": c.kind.name(),
        "mailbox": { "name": c.mailbox, "guid": c.mailbox_guid },
        "user": { "name": c.user, "guid": c.user_guid },
        "folder": c.folder,
        "before": c.before.as_ref().map(path),
        "after": c.after.as_ref().map(path),
    })
}

/// The plan as a JSON value.
pub fn to_value(plan: &Plan) -> Value {
    let (add, change_n, remove) = plan.counts();
    let source = match &plan.source {
        Source::Run => json!({ "type": "plan" }),
        Source::Files(a, b) => json!({ "type": "diff", "before": a, "after": b }),
    };
    json!({
        "formatVersion": FORMAT_VERSION,
        "source": source,
        "summary": { "add": add, "change": change_n, "remove": remove, "changed": plan.has_changes() },
        "changes": plan.changes.iter().map(change).collect::<Vec<_>>(),
        "access": plan.access.iter().map(access).collect::<Vec<_>>(),
    })
}

/// The plan as pretty-printed JSON text, ending with a newline.
pub fn render(plan: &Plan) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(plan)).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
