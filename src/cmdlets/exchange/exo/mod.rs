//! Exchange Online's REST cmdlets (the ExchangeOnlineManagement module's own Get-EXO* cmdlets),
//! Online only. They are compiled cmdlets of the module, not implicit-remoting proxies, so they
//! have a local origin: local objects (no `Deserialized.` types, no RunspaceId), local binding
//! texts, `$ErrorActionPreference`, and the REST client's error layout
//! (docs/reference/exchange-online.md).
//!
//! This module holds what they share: the four ways to name the target (`-Identity`,
//! `-UserPrincipalName`, `-ExternalDirectoryObjectId`, `-PrimarySmtpAddress`), property sets and
//! `-Properties`, the REST error, and `-ResultSize`. The objects are projections of the directory
//! objects the RPS cmdlets build (objects.rs): only the properties asked for, with references
//! flattened to the strings the REST service returns.

mod mailbox;
mod permission;
mod statistics;
/// The warning when the default limit of 1000 cut the results.
const REST_DEFAULT_LIMIT_WARNING: &str = "By default, only the first 1000 items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify \"-ResultSize Unlimited\". Be aware that, depending on the actual number of items, returning all items can take a long time and consume a large amount of memory. Also, we don't recommend storing the results in a variable. Instead, pipe the results to another task or script to perform batch changes.";

#[cfg(test)]
mod tests;

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, IdentityKind, Param, ParamType, Signature};
use crate::directory::Directory;
use crate::value::convert::to_string;
use crate::value::{ErrorRecord, PsObject, Value};

use super::{IdArg, arg_id, resolve_one, scope_of};

/// The Get-EXO* cmdlets, alphabetically.
pub fn all() -> Vec<Box<dyn Cmdlet>> {
    vec![
        Box::new(mailbox::GetExoCasMailbox),
        Box::new(mailbox::GetExoMailbox),
        Box::new(statistics::GetExoMailboxFolderStatistics),
        Box::new(permission::GetExoMailboxFolderPermission),
        Box::new(permission::GetExoMailboxPermission),
        Box::new(statistics::GetExoMailboxStatistics),
        Box::new(mailbox::GetExoRecipient),
        Box::new(permission::GetExoRecipientPermission),
    ]
}

/// The namespace of the REST cmdlets' classes and exceptions.
const NAMESPACE: &str = "Microsoft.Exchange.Management.RestApiClient";

/// `-Identity <String>`: positional (when `position`), from the pipeline by value and by name.
fn identity_param(kind: IdentityKind, sets: &'static [&'static str], position: bool, help: &'static str) -> Param {
    let p = Param::new("Identity", ParamType::Identity(kind))
        .sets(sets)
        .from_pipeline()
        .from_pipeline_by_name()
        .type_display("String")
        .help(help);
    if position { p.position(0) } else { p }
}

/// Adds `-ExternalDirectoryObjectId`, `-PrimarySmtpAddress` and `-UserPrincipalName`, the other
/// three ways to name the target (each from the pipeline by property name).
fn target_params(sig: Signature, sets: &'static [&'static str]) -> Signature {
    sig.param(
        Param::new("ExternalDirectoryObjectId", ParamType::Guid)
            .sets(sets)
            .from_pipeline_by_name()
            .help("The target by its ObjectId in Microsoft Entra ID."),
    )
    .param(
        Param::new("PrimarySmtpAddress", ParamType::String)
            .sets(sets)
            .from_pipeline_by_name()
            .help("The target by its primary SMTP address."),
    )
    .param(
        Param::new("UserPrincipalName", ParamType::String)
            .sets(sets)
            .from_pipeline_by_name()
            .help("The target by its user principal name."),
    )
}

/// `-ResultSize <Unlimited>` (default 1000).
fn result_size() -> Param {
    Param::new("ResultSize", ParamType::Unlimited)
        .help("Maximum number of results (default 1000; Unlimited returns all).")
}

/// `-Properties <String[]>`.
fn properties_param() -> Param {
    Param::new("Properties", ParamType::String).array().help("Properties to return on top of the minimum set.")
}

/// The recipient the target parameters name, `None` when none was given. A piped object binds
/// all four by property name; the most exact one wins: ExternalDirectoryObjectId, then
/// UserPrincipalName, PrimarySmtpAddress, Identity.
fn target(dir: &Directory, args: &BoundArgs, kind: IdentityKind) -> Result<Option<usize>, CmdletError> {
    let scope = scope_of(dir, kind);
    let given = |name: &str| args.opt::<String>(name).filter(|s| !s.is_empty());
    let by = |text: &str, pick: &dyn Fn(&crate::directory::Recipient) -> bool| {
        let found =
            (0..dir.recipients.len()).find(|i| scope.includes(dir.recipients[*i].kind) && pick(&dir.recipients[*i]));
        found.ok_or_else(|| rest_error(super::not_found(dir, text)))
    };
    if let Some(id) = given("ExternalDirectoryObjectId") {
        return by(&id, &|r| r.guid.eq_ignore_ascii_case(&id)).map(Some);
    }
    if let Some(upn) = given("UserPrincipalName") {
        return by(&upn, &|r| r.upn.as_deref().is_some_and(|u| u.eq_ignore_ascii_case(&upn))).map(Some);
    }
    if let Some(smtp) = given("PrimarySmtpAddress") {
        return by(&smtp, &|r| r.primary_smtp.eq_ignore_ascii_case(&smtp)).map(Some);
    }
    match arg_id(args, "Identity") {
        Some(id) if !id.text.is_empty() || id.guid.is_some() => {
            resolve_one(dir, &id, kind).map(Some).map_err(rest_error)
        }
        _ => Ok(None),
    }
}

/// Without an open connection (after Disconnect-ExchangeOnline) the REST cmdlets stop with the
/// module's text; `class` is the cmdlet's .NET class.
pub(super) fn require_connection(cx: &mut dyn crate::cmdlet::Context, class: &str) -> Result<(), CmdletError> {
    if cx.session().exchange_connected {
        return Ok(());
    }
    let message = "You must call the Connect-ExchangeOnline cmdlet before calling any other cmdlets.";
    Err(CmdletError::Record(Box::new(ErrorRecord {
        message: message.into(),
        exception_type: "System.Exception".into(),
        category: "NotSpecified".into(),
        target: ":".into(),
        fqid: format!("{message},{class}"),
        ..Default::default()
    })))
}

/// The identity argument as given, for texts that repeat it.
fn target_text(args: &BoundArgs) -> String {
    ["ExternalDirectoryObjectId", "UserPrincipalName", "PrimarySmtpAddress"]
        .iter()
        .find_map(|n| args.opt::<String>(n).filter(|s| !s.is_empty()))
        .or_else(|| arg_id(args, "Identity").map(|i: IdArg| i.text))
        .unwrap_or_default()
}

fn json_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n").replace('\r', "\\r")
}

/// An Exchange task error as the REST client reports it (see [`rest_error_of`]); other errors
/// pass unchanged.
pub(super) fn rest_error(e: CmdletError) -> CmdletError {
    match e {
        CmdletError::Exchange { kind, message, .. } => {
            let code = match kind {
                crate::cmdlet::ExchangeErrorKind::NotFound | crate::cmdlet::ExchangeErrorKind::FolderNotFound => {
                    "NotFound"
                }
                _ => "BadRequest",
            };
            rest_error_of(kind.exception_type(), &message, code)
        }
        other => other,
    }
}

/// A failure of the server-side cmdlet the REST service runs (a parameter value it cannot
/// convert, an Exchange error) as the REST client reports it.
pub(super) fn service_error(e: CmdletError) -> CmdletError {
    match e {
        CmdletError::Record(r) if r.exception_type.starts_with("System.Management.Automation.") => {
            rest_error_of(&r.exception_type, &r.message, "BadRequest")
        }
        other => rest_error(other),
    }
}

/// The REST client's error for a service-side exception: `An error occurred while processing
/// this request.. {"error":{…}}`, the service's message under `details` with its string ID and
/// exception type; category ProtocolError, exception RestClientException.
pub(super) fn rest_error_of(exception_type: &str, message: &str, code: &str) -> CmdletError {
    let id = crate::cmdlet::online_string_id(exception_type, message);
    let m = json_escape(message);
    let ty = exception_type;
    let body = format!(
        "{{\"error\":{{\"code\":\"{code}\",\"message\":\"Error executing request. {m}\",\"details\":[{{\"code\":\"Context\",\"target\":\"\",\"message\":\"{id}|{ty}|{m}\"}}],\"innererror\":{{\"message\":\"Error executing request. {m}\",\"type\":\"Microsoft.Exchange.Admin.OData.Core.ODataServiceException\",\"stacktrace\":\"\"}}}}}}"
    );
    CmdletError::Record(Box::new(ErrorRecord {
        message: format!("An error occurred while processing this request.. {body}"),
        exception_type: format!("{NAMESPACE}.RestClientException"),
        category: "ProtocolError".into(),
        target: ":".into(),
        fqid: "An error occurred while processing this request.".into(),
        ..Default::default()
    }))
}

/// The property sets of a cmdlet: the minimum set (always returned, in this order) and the named
/// sets `-PropertySets` adds.
pub(super) struct PropertySets {
    /// Returned by default, first.
    pub minimum: &'static [&'static str],
    /// Named sets (`All` is every property of the full object).
    pub sets: &'static [(&'static str, &'static [&'static str])],
}

impl PropertySets {
    /// The properties to return: the minimum set, then each named set, then `-Properties`, each
    /// once. `All` adds every property of `full`. Unknown `-Properties` names fail with the REST
    /// client's text.
    fn selected(&self, args: &BoundArgs, full: &PsObject, class: &str) -> Result<Vec<String>, CmdletError> {
        let mut out: Vec<String> = Vec::new();
        let add = |name: &str, out: &mut Vec<String>| {
            if !out.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                out.push(name.to_string());
            }
        };
        for n in self.minimum {
            add(n, &mut out);
        }
        for set in args.opt::<Vec<String>>("PropertySets").unwrap_or_default() {
            if set.eq_ignore_ascii_case("All") {
                for n in full.names() {
                    add(&n, &mut out);
                }
            } else if let Some((_, members)) = self.sets.iter().find(|(s, _)| s.eq_ignore_ascii_case(&set)) {
                for n in *members {
                    add(n, &mut out);
                }
            }
        }
        let wanted = args.opt::<Vec<String>>("Properties").unwrap_or_default();
        let known = |n: &str| {
            full.has(n)
                || self.minimum.iter().any(|m| m.eq_ignore_ascii_case(n))
                || self.sets.iter().any(|(_, ms)| ms.iter().any(|m| m.eq_ignore_ascii_case(n)))
        };
        let invalid: Vec<&String> = wanted.iter().filter(|n| !known(n)).collect();
        if !invalid.is_empty() {
            let list = invalid.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",");
            let message = format!("Some of requested properties are not valid. InvalidProperties = {list}");
            return Err(CmdletError::Record(Box::new(ErrorRecord {
                message: message.clone(),
                exception_type: "System.ArgumentException".into(),
                category: "InvalidArgument".into(),
                target: ":".into(),
                fqid: format!("{message},{class}"),
                ..Default::default()
            })));
        }
        for n in &wanted {
            let canonical = full.canonical_name(n).map(|c| c.to_string()).unwrap_or_else(|| n.clone());
            add(&canonical, &mut out);
        }
        Ok(out)
    }

    /// `-PropertySets` and `-Properties` for a signature.
    fn params(sig: Signature, sets: &'static crate::value::EnumType) -> Signature {
        sig.param(properties_param()).param(
            Param::new("PropertySets", ParamType::Enum(sets))
                .array()
                .help("Groups of properties to return on top of the minimum set (All returns every property)."),
        )
    }
}

/// A REST value: references (objects that print as a name) become that string, lists of them
/// lists of strings; sizes stay `Unlimited<ByteQuantifiedSize>`/`ByteQuantifiedSize` (scripts call
/// `.TotalItemSize.Value.ToString()` on the REST cmdlets' output); everything else as the
/// directory object holds it.
fn rest_value(v: &Value) -> Value {
    match v {
        Value::Object(o) if is_size(&o.borrow()) => v.clone(),
        Value::Object(o) if o.borrow().display.is_some() => Value::str(to_string(v)),
        Value::Array(a) => Value::array(a.borrow().iter().map(rest_value).collect()),
        Value::Enum(e) => Value::str(e.name()),
        other => other.clone(),
    }
}

fn is_size(o: &PsObject) -> bool {
    use crate::value::size::{BYTE_QUANTIFIED_SIZE, UNLIMITED_SIZE};
    o.type_names.first().is_some_and(|t| &**t == BYTE_QUANTIFIED_SIZE || &**t == UNLIMITED_SIZE)
}

/// A local object with these properties of `full` (missing ones are `$null`).
fn project(full: &PsObject, names: &[String]) -> Value {
    let mut o = PsObject::custom();
    for n in names {
        o.set(n, full.get(n).map(|v| rest_value(&v)).unwrap_or(Value::Null));
    }
    Value::object(o)
}

/// Applies `-ResultSize` (default 1000) and returns the kept items with the REST module's
/// warning when more exist.
fn limit<T>(args: &BoundArgs, found: Vec<T>) -> (Vec<T>, Option<&'static str>) {
    super::limit_results_with(args, found, REST_DEFAULT_LIMIT_WARNING)
}
