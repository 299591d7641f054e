//! `System.Security.SecureString`: an object that prints as its type name and shows only its
//! `Length`; the text itself is kept out of sight (a hidden property) for the few ways PowerShell
//! gets it back (`ConvertFrom-SecureString -AsPlainText`, `Marshal::PtrToStringAuto` over
//! `SecureStringToBSTR`, `PSCredential.GetNetworkCredential().Password`).

use super::{PsObject, Value};

/// The .NET type name.
pub const SECURE_STRING_TYPE: &str = "System.Security.SecureString";

/// Where the text is kept.
const TEXT: &str = "__ExshSecureText";

/// A SecureString holding `text`.
pub fn secure_string(text: &str) -> Value {
    let mut o = PsObject::new(&[SECURE_STRING_TYPE, "System.Object"]);
    // SecureString's only property; hidden so that the object prints as its type name, as a
    // SecureString does (its view is ToString), while `$s.Length` still reads it.
    o.set_hidden("Length", Value::Int(text.encode_utf16().count() as i64));
    o.set_hidden(TEXT, Value::str(text));
    o.display = Some(SECURE_STRING_TYPE.into());
    Value::object(o)
}

/// The text of a SecureString; `None` for any other value.
pub fn secure_text(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            if o.type_names.first().map(|t| t.as_ref()) != Some(SECURE_STRING_TYPE) {
                return None;
            }
            Some(o.get(TEXT).map(|t| super::convert::to_string(&t)).unwrap_or_default())
        }
        _ => None,
    }
}

/// The .NET type name of a credential.
pub const CREDENTIAL_TYPE: &str = "System.Management.Automation.PSCredential";

/// `[PSCredential]::new(user, password)` / `New-Object PSCredential (user, password)`; `None` when
/// the arguments are not a name and a SecureString.
pub fn credential(args: &[Value]) -> Option<Value> {
    let [user, password] = args else { return None };
    secure_text(password)?;
    let o = PsObject::new(&[CREDENTIAL_TYPE, "System.Object"])
        .with("UserName", super::convert::to_string(user).as_str())
        .with("Password", password.clone());
    Some(Value::object(o))
}

/// `PSCredential.GetNetworkCredential()`: a NetworkCredential with the plain password; a
/// `DOMAIN\user` name is split into Domain and UserName (PSCredential.GetNetworkCredential).
pub fn network_credential(cred: &Value) -> Option<Value> {
    let Value::Object(o) = cred else { return None };
    let o = o.borrow();
    if o.type_names.first().map(|t| t.as_ref()) != Some(CREDENTIAL_TYPE) {
        return None;
    }
    let user = o.get("UserName").map(|u| super::convert::to_string(&u)).unwrap_or_default();
    let password = o.get("Password").unwrap_or(Value::Null);
    let (domain, name) = match user.split_once('\\') {
        Some((d, n)) => (d.to_string(), n.to_string()),
        None => (String::new(), user.clone()),
    };
    let n = PsObject::new(&["System.Net.NetworkCredential", "System.Object"])
        .with("UserName", name.as_str())
        .with("Password", secure_text(&password).unwrap_or_default().as_str())
        .with("SecurePassword", password.clone())
        .with("Domain", domain.as_str());
    Some(Value::object(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_only_length_shows() {
        let s = secure_string("P@ss wörd");
        assert_eq!(secure_text(&s).as_deref(), Some("P@ss wörd"));
        let Value::Object(o) = &s else { panic!("an object") };
        assert!(o.borrow().names().is_empty());
        assert!(matches!(o.borrow().get("Length"), Some(Value::Int(9))));
        assert_eq!(super::super::convert::to_string(&s), SECURE_STRING_TYPE);
        assert_eq!(secure_text(&Value::str("x")), None);
    }
}
