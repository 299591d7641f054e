//! `exsh --import`: a snapshot written by `scripts/Export-ExshOrg.ps1` (docs/snapshot.md) turned
//! into a directory. The snapshot holds what Get-* cmdlets print (names, account names, rights as
//! names, references as canonical names and Guids); [`convert`] maps it onto the org file's
//! form, resolving every reference and trustee to a Guid or SID, and the org file's own decoder
//! checks the result, so an imported org obeys every rule a hand-written one does.
//!
//! Every error names the snapshot object and field (`recipients[3] (Karen Berg).MailboxPermissions[1].AccessRights`).

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::schema::{self, DecodeError};
use crate::directory::{Directory, ExchangeVersion, UpdateLevel};

/// The snapshot format version this exsh reads (docs/snapshot.md).
pub const SNAPSHOT_VERSION: u64 = 1;

/// A wrong or missing value in a snapshot: where (`recipients[2] (Karen Berg).Guid`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    /// The object and field.
    pub place: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Bad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

fn bad(place: impl Into<String>, message: impl Into<String>) -> Bad {
    Bad { place: place.into(), message: message.into() }
}

/// A converted snapshot: the directory, and what the import should tell the user.
#[derive(Debug)]
pub struct Converted {
    /// The organization built from the snapshot.
    pub directory: Directory,
    /// Things left out (unsupported recipient types, references outside a partial snapshot).
    pub warnings: Vec<String>,
    /// The errors the export recorded (`errors` in the snapshot), as `object (operation): message`.
    pub export_errors: Vec<String>,
    /// Trustee SIDs that resolve to nobody (shown by Exchange as bare SIDs).
    pub orphans: usize,
}

type Obj = Map<String, Value>;

fn field<'a>(o: &'a Obj, key: &str) -> Option<&'a Value> {
    o.get(key).filter(|v| !v.is_null())
}

fn text(o: &Obj, key: &str, place: &str) -> Result<Option<String>, Bad> {
    match field(o, key) {
        None => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(if *b { "True" } else { "False" }.to_string())),
        Some(_) => Err(bad(format!("{place}.{key}"), "expected text, found a list or an object")),
    }
}

fn req(o: &Obj, key: &str, place: &str) -> Result<String, Bad> {
    text(o, key, place)?.ok_or_else(|| bad(format!("{place}.{key}"), "missing (required)"))
}

fn boolean(o: &Obj, key: &str, place: &str) -> Result<bool, Bad> {
    match field(o, key) {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") || s.is_empty() => Ok(false),
        Some(other) => Err(bad(format!("{place}.{key}"), format!("expected true or false, found {other}"))),
    }
}

fn number(o: &Obj, key: &str, place: &str, default: u32) -> Result<u32, Bad> {
    match field(o, key) {
        None => Ok(default),
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| bad(format!("{place}.{key}"), format!("expected a whole number, found {n}"))),
        Some(Value::String(s)) => {
            s.trim().parse().map_err(|_| bad(format!("{place}.{key}"), format!("expected a whole number, found '{s}'")))
        }
        Some(other) => Err(bad(format!("{place}.{key}"), format!("expected a whole number, found {other}"))),
    }
}

/// A list of values: a JSON list, or one value (ConvertTo-Json writes a one-element list as its
/// element when it was unrolled), or nothing.
fn list<'a>(o: &'a Obj, key: &str) -> Vec<&'a Value> {
    match field(o, key) {
        None => Vec::new(),
        Some(Value::Array(a)) => a.iter().filter(|v| !v.is_null()).collect(),
        Some(v) => vec![v],
    }
}

fn texts(o: &Obj, key: &str, place: &str) -> Result<Vec<String>, Bad> {
    list(o, key)
        .into_iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(bad(format!("{place}.{key}[{i}]"), format!("expected text, found {other}"))),
        })
        .filter(|r| !matches!(r, Ok(s) if s.is_empty()))
        .collect()
}

/// Rights as single names: `"FullAccess, ReadPermission"` and `["FullAccess","ReadPermission"]`
/// are the same.
fn rights(o: &Obj, key: &str, place: &str) -> Result<Vec<String>, Bad> {
    Ok(texts(o, key, place)?
        .iter()
        .flat_map(|s| s.split(',').map(|p| p.trim().to_string()).collect::<Vec<_>>())
        .filter(|s| !s.is_empty())
        .collect())
}

fn objects<'a>(o: &'a Obj, key: &str, place: &str) -> Result<Vec<&'a Obj>, Bad> {
    list(o, key)
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_object().ok_or_else(|| bad(format!("{place}.{key}[{i}]"), format!("expected an object, found {v}")))
        })
        .collect()
}

fn is_sid(s: &str) -> bool {
    s.len() > 4 && s[..4].eq_ignore_ascii_case("S-1-") && s[4..].chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// The Exchange version an AdminDisplayVersion names (`Version 15.2 (Build 1544.4)`), and for
/// Exchange 2010 the service pack (its minor version).
fn parse_version(v: &str) -> Option<(ExchangeVersion, Option<u8>)> {
    if let Some(p) = ExchangeVersion::from_profile(v.trim()) {
        return Some((p, None));
    }
    let t = v.trim();
    let t = t.strip_prefix("Version ").unwrap_or(t);
    let mut parts = t.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
    let major: u32 = parts.next()?.parse().ok()?;
    let minor: u32 = parts.next()?.parse().ok()?;
    match (major, minor) {
        (14, sp @ 0..=3) => Some((ExchangeVersion::Exchange2010, Some(sp as u8))),
        (15, 0) => Some((ExchangeVersion::Exchange2013, None)),
        (15, 1) => Some((ExchangeVersion::Exchange2016, None)),
        (15, 2) => Some((ExchangeVersion::Exchange2019, None)),
        _ => None,
    }
}

/// One recipient of the snapshot, as references find it.
struct Known {
    guid: String,
    sid: Option<String>,
}

/// What references and trustees resolve against.
struct Resolver {
    partial: bool,
    netbios: String,
    /// Lower-cased Guid, Identity, Name, Alias, addresses, NETBIOS\alias, display name → index.
    by_key: HashMap<String, Vec<usize>>,
    known: Vec<Known>,
    /// Lower-cased Guids, identities and names of recipients left out (unsupported types).
    skipped: HashSet<String>,
    /// Lower-cased account → SID of the built-in principals.
    builtin_accounts: HashMap<String, String>,
    /// SID → account of principals seen in permission entries.
    seen_principals: Vec<(String, String)>,
    recipient_sids: HashSet<String>,
    /// Paths of the version's default folders.
    default_folders: Vec<String>,
    orphans: HashSet<String>,
    warnings: Vec<String>,
}

impl Resolver {
    fn find(&self, key: &str) -> Option<usize> {
        match self.by_key.get(&key.to_lowercase()) {
            Some(v) if v.len() == 1 => Some(v[0]),
            Some(v) => v.first().copied().filter(|_| v.iter().all(|i| self.known[*i].guid == self.known[v[0]].guid)),
            None => None,
        }
    }

    fn outside(&mut self, place: &str, what: &str) -> Result<Option<String>, Bad> {
        if self.partial || self.skipped.contains(&what.to_lowercase()) {
            self.warnings.push(format!("{place}: '{what}' is not in the snapshot; left out"));
            Ok(None)
        } else {
            Err(bad(place, format!("'{what}' is not a recipient of the snapshot")))
        }
    }

    /// A reference (an object with Guid, Identity and Name, or a string) → the recipient's Guid.
    fn reference(&mut self, v: &Value, place: &str) -> Result<Option<String>, Bad> {
        let keys: Vec<String> = match v {
            Value::String(s) => vec![s.clone()],
            Value::Object(o) => ["Guid", "ObjectGuid", "Identity", "DistinguishedName", "Name"]
                .iter()
                .filter_map(|k| o.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_string))
                .collect(),
            other => return Err(bad(place, format!("expected a recipient reference, found {other}"))),
        };
        if keys.is_empty() {
            return Err(bad(place, "a reference needs a Guid, an Identity or a Name"));
        }
        for k in &keys {
            if let Some(i) = self.find(k) {
                return Ok(Some(self.known[i].guid.clone()));
            }
        }
        let what = keys.iter().find(|k| self.skipped.contains(&k.to_lowercase())).unwrap_or(&keys[0]).clone();
        self.outside(place, &what)
    }

    fn references(&mut self, o: &Obj, key: &str, place: &str) -> Result<Vec<String>, Bad> {
        let mut out = Vec::new();
        for (i, v) in list(o, key).into_iter().enumerate() {
            if let Some(g) = self.reference(v, &format!("{place}.{key}[{i}]"))? {
                if !out.contains(&g) {
                    out.push(g);
                }
            }
        }
        Ok(out)
    }

    /// A trustee as the org file stores it (a SID), from an entry's `User` text and `Sid`.
    /// `None` when it names a recipient outside a partial snapshot.
    fn trustee(&mut self, user: Option<&str>, sid: Option<&str>, place: &str) -> Result<Option<String>, Bad> {
        if let Some(s) = sid.filter(|s| is_sid(s)) {
            let s = s.to_ascii_uppercase();
            match user {
                Some(u) if u.contains('\\') && !self.recipient_sids.contains(&s) => {
                    if !self.seen_principals.iter().any(|(x, _)| *x == s) {
                        self.seen_principals.push((s.clone(), u.to_string()));
                    }
                }
                Some(u) if is_sid(u) || u.starts_with("NT:") => {
                    if !self.recipient_sids.contains(&s) {
                        self.orphans.insert(s.clone());
                    }
                }
                _ => {}
            }
            return Ok(Some(s));
        }
        let Some(u) = user else {
            return Err(bad(format!("{place}.User"), "missing (required)"));
        };
        let raw = u.strip_prefix("NT:").unwrap_or(u);
        if is_sid(raw) {
            let s = raw.to_ascii_uppercase();
            if !self.recipient_sids.contains(&s) {
                self.orphans.insert(s.clone());
            }
            return Ok(Some(s));
        }
        if let Some(s) = self.builtin_accounts.get(&u.to_lowercase()) {
            return Ok(Some(s.clone()));
        }
        if let Some((s, _)) = self.seen_principals.iter().find(|(_, a)| a.eq_ignore_ascii_case(u)) {
            return Ok(Some(s.clone()));
        }
        if let Some(i) = self.find(u) {
            return match &self.known[i].sid {
                Some(s) => Ok(Some(s.clone())),
                None => {
                    Err(bad(format!("{place}.User"), format!("'{u}' has no account (no SID) to be granted rights")))
                }
            };
        }
        if self.partial || self.skipped.contains(&u.to_lowercase()) {
            self.warnings.push(format!("{place}.User: '{u}' is not in the snapshot; entry left out"));
            return Ok(None);
        }
        Err(bad(
            format!("{place}.User"),
            format!("'{u}' is neither a SID nor an account of the snapshot (give its SID in Sid)"),
        ))
    }

    /// An owner (`NT AUTHORITY\SELF`, `CONTOSO\Domain Admins`, a SID) as the org file stores it.
    fn owner(&mut self, text: &str, place: &str) -> Result<Option<String>, Bad> {
        if let Some(i) = self.find(text) {
            if let Some(s) = &self.known[i].sid {
                return Ok(Some(s.clone()));
            }
        }
        if is_sid(text) || self.builtin_accounts.contains_key(&text.to_lowercase()) {
            return Ok(Some(text.to_string()));
        }
        if let Some((s, _)) = self.seen_principals.iter().find(|(_, a)| a.eq_ignore_ascii_case(text)) {
            return Ok(Some(s.clone()));
        }
        self.trustee(Some(text), None, place)
    }
}

/// Recipient types the org model holds.
const TYPES: &[&str] = &[
    "UserMailbox",
    "SharedMailbox",
    "RoomMailbox",
    "EquipmentMailbox",
    "MailUniversalSecurityGroup",
    "MailUniversalDistributionGroup",
    "MailContact",
    "MailUser",
];

/// Converts snapshot bytes into a directory. `level` overrides the snapshot's Exchange 2010
/// update level.
pub fn convert(bytes: &[u8], level: Option<UpdateLevel>) -> Result<Converted, Bad> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(bad("", "the file is empty"));
    }
    let root: Value = serde_json::from_slice(bytes).map_err(|e| bad("", format!("not valid JSON: {e}")))?;
    let root = root.as_object().ok_or_else(|| bad("", "expected a JSON object with snapshotVersion"))?;
    match field(root, "snapshotVersion") {
        None => {
            let hint = if root.contains_key("schemaVersion") {
                " (this is an exsh org file: use it with --org, not --import)"
            } else {
                " (not written by Export-ExshOrg.ps1)"
            };
            return Err(bad("snapshotVersion", format!("missing{hint}")));
        }
        Some(Value::Number(n)) if n.as_u64() == Some(SNAPSHOT_VERSION) => {}
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v > SNAPSHOT_VERSION) => {
            return Err(bad(
                "snapshotVersion",
                format!("{n} is from a newer Export-ExshOrg.ps1; this exsh reads version {SNAPSHOT_VERSION}"),
            ));
        }
        Some(v) => {
            return Err(bad("snapshotVersion", format!("{v} is not a version this exsh reads ({SNAPSHOT_VERSION})")));
        }
    }
    let partial = boolean(root, "partial", "")?;
    let org_obj = match field(root, "organization") {
        Some(Value::Object(o)) => o,
        Some(_) => return Err(bad("organization", "expected an object")),
        None => return Err(bad("organization", "missing (required)")),
    };
    let place = "organization";
    let version_text = text(org_obj, "Version", place)?
        .or(text(org_obj, "AdminDisplayVersion", place)?)
        .ok_or_else(|| bad("organization.Version", "missing (required)"))?;
    let (version, sp) = parse_version(&version_text).ok_or_else(|| {
        bad(
            "organization.Version",
            format!(
                "'{version_text}' is not an Exchange version exsh emulates (Exchange 2010 to 2019 as 'Version 14.x'/'Version 15.x', or Online)"
            ),
        )
    })?;
    let update_level = if version == ExchangeVersion::Exchange2010 {
        match (level, text(org_obj, "UpdateLevel", place)?) {
            (Some(l), _) => Some(l),
            (None, Some(t)) => Some(UpdateLevel::parse(&t).map_err(|m| bad("organization.UpdateLevel", m))?),
            (None, None) => Some(match sp {
                Some(s) if s < 3 => UpdateLevel { service_pack: s, rollup: 0 },
                _ => UpdateLevel::LATEST_2010,
            }),
        }
    } else {
        None
    };
    let sample = Directory::sample(version);
    let mut name = req(org_obj, "Name", place)?;
    if version == ExchangeVersion::Online
        && let Some(tenant) = name.strip_suffix(".onmicrosoft.com")
    {
        let mut c = tenant.chars();
        name = c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default();
    }
    let domain = req(org_obj, "Domain", place)?;
    let netbios = text(org_obj, "NetBIOS", place)?
        .unwrap_or_else(|| domain.split('.').next().unwrap_or_default().to_ascii_uppercase());
    let domain_sid = req(org_obj, "DomainSid", place)?;
    if !is_sid(&domain_sid) {
        return Err(bad("organization.DomainSid", format!("'{domain_sid}' is not a SID")));
    }
    let server = text(org_obj, "Server", place)?.unwrap_or_else(|| sample.org.server.clone());
    let server = if version == ExchangeVersion::Online { server.to_ascii_uppercase() } else { server };
    let domain_controller =
        text(org_obj, "DomainController", place)?.unwrap_or_else(|| format!("DC01.{}", domain.to_ascii_lowercase()));

    // Built-in principals of the version, in this domain.
    let translate = |s: &str| -> String {
        let s = s.replacen(&sample.org.domain_sid, &domain_sid, 1);
        match s.split_once('\\') {
            Some((d, rest)) if d.eq_ignore_ascii_case(&sample.org.netbios) => format!("{netbios}\\{rest}"),
            _ => s,
        }
    };
    let builtins: Vec<(String, String, String, bool, Vec<String>)> = sample
        .principals
        .iter()
        .map(|p| (translate(&p.sid), translate(&p.account), p.name.clone(), p.is_group, p.members.clone()))
        .collect();

    // First pass: the recipients and what references resolve against.
    let mut res = Resolver {
        partial,
        netbios: netbios.clone(),
        by_key: HashMap::new(),
        known: Vec::new(),
        skipped: HashSet::new(),
        builtin_accounts: builtins.iter().map(|b| (b.1.to_lowercase(), b.0.clone())).collect(),
        seen_principals: Vec::new(),
        recipient_sids: HashSet::new(),
        default_folders: super::defaults::Defaults::of(&sample.org)
            .expand_folders(None)
            .into_iter()
            .map(|f| f.path)
            .collect(),
        orphans: HashSet::new(),
        warnings: Vec::new(),
    };
    let recipients = objects(root, "recipients", "")?;
    let mut kept: Vec<(usize, &Obj, String, String)> = Vec::new();
    let mut guids = HashSet::new();
    for (i, r) in recipients.iter().enumerate() {
        let label = text(r, "Name", "")?.unwrap_or_default();
        let place = format!("recipients[{i}] ({label})");
        let name = req(r, "Name", &format!("recipients[{i}]"))?;
        let kind = req(r, "RecipientTypeDetails", &place)?;
        let guid = req(r, "Guid", &place)?.to_lowercase();
        let Some(kind) = TYPES.iter().find(|t| t.eq_ignore_ascii_case(&kind)) else {
            res.warnings.push(format!("{place}: recipient type {kind} is not emulated; left out"));
            for k in [Some(guid.clone()), text(r, "Identity", &place)?, Some(name.clone())].into_iter().flatten() {
                res.skipped.insert(k.to_lowercase());
            }
            continue;
        };
        if !guids.insert(guid.clone()) {
            return Err(bad(format!("{place}.Guid"), format!("{guid} is the Guid of an earlier recipient too")));
        }
        let sid = text(r, "Sid", &place)?.map(|s| s.to_ascii_uppercase());
        if let Some(s) = &sid {
            if !is_sid(s) {
                return Err(bad(format!("{place}.Sid"), format!("'{s}' is not a SID")));
            }
            res.recipient_sids.insert(s.clone());
        }
        let idx = res.known.len();
        res.known.push(Known { guid: guid.clone(), sid });
        let alias = text(r, "Alias", &place)?;
        let mut keys = vec![guid.clone(), name.clone()];
        keys.extend(text(r, "Identity", &place)?);
        keys.extend(text(r, "DistinguishedName", &place)?);
        keys.extend(text(r, "DisplayName", &place)?);
        keys.extend(text(r, "PrimarySmtpAddress", &place)?);
        keys.extend(text(r, "UserPrincipalName", &place)?);
        if let Some(a) = &alias {
            keys.push(a.clone());
            keys.push(format!("{}\\{a}", res.netbios));
        }
        for a in texts(r, "EmailAddresses", &place)? {
            if let Some((_, addr)) = a.split_once(':') {
                keys.push(addr.to_string());
            }
        }
        for k in keys {
            let list = res.by_key.entry(k.to_lowercase()).or_default();
            if !list.contains(&idx) {
                list.push(idx);
            }
        }
        kept.push((i, r, place, kind.to_string()));
    }

    // Databases: listed (on-premises), then those mailboxes name (Exchange Online has no
    // Get-MailboxDatabase; the mailbox gives the name and DatabaseGuid).
    let mut databases: Vec<Value> = Vec::new();
    let mut db_names: Vec<String> = Vec::new();
    let mut synthesized_dbs: Vec<String> = Vec::new();
    for (i, d) in objects(root, "databases", "")?.into_iter().enumerate() {
        let label = text(d, "Name", "")?.unwrap_or_default();
        let place = format!("databases[{i}] ({label})");
        let dname = req(d, "Name", &format!("databases[{i}]"))?;
        let guid = req(d, "Guid", &place)?.to_lowercase();
        let dserver = text(d, "Server", &place)?.unwrap_or_else(|| server.clone());
        let aces = ad_aces(&mut res, d, "ADPermissions", &place)?;
        db_names.push(dname.to_lowercase());
        databases.push(json!({"name": dname, "guid": guid, "server": dserver, "adPermissions": aces}));
    }
    for (_, r, place, _) in &kept {
        if let Some(db) = text(r, "Database", place)?
            && !db_names.contains(&db.to_lowercase())
        {
            let guid = req(r, "DatabaseGuid", place).map_err(|e| {
                bad(
                    e.place,
                    format!("missing: database '{db}' is not in the snapshot's databases, so its Guid is needed"),
                )
            })?;
            db_names.push(db.to_lowercase());
            synthesized_dbs.push(db.clone());
            databases.push(json!({"name": db, "guid": guid.to_lowercase(), "server": server, "adPermissions": []}));
        }
    }

    // Second pass: every recipient with its references and permissions resolved.
    let mut out_recipients = Vec::new();
    for (_, r, place, kind) in &kept {
        out_recipients.push(recipient(&mut res, r, place, kind, &netbios)?);
    }

    // Principals: the built-ins (with the SIDs the snapshot shows for them), then every other
    // account seen in a permission entry.
    let known_guids: HashSet<String> = res.known.iter().map(|k| k.guid.clone()).collect();
    let mut principals = Vec::new();
    let mut used_sids: HashSet<String> = res.recipient_sids.clone();
    for (sid, account, pname, is_group, members) in &builtins {
        let sid = res
            .seen_principals
            .iter()
            .find(|(_, a)| a.eq_ignore_ascii_case(account))
            .map(|(s, _)| s.clone())
            .unwrap_or_else(|| sid.clone());
        if !used_sids.insert(sid.clone()) {
            continue;
        }
        let members: Vec<&String> = members.iter().filter(|m| known_guids.contains(&m.to_lowercase())).collect();
        principals
            .push(json!({"account": account, "name": pname, "sid": sid, "isGroup": is_group, "members": members}));
    }
    for (sid, account) in &res.seen_principals {
        if used_sids.insert(sid.clone()) {
            let pname = account.rsplit('\\').next().unwrap_or(account);
            principals.push(json!({"account": account, "name": pname, "sid": sid, "isGroup": false, "members": []}));
        }
    }

    let max_rid = res
        .recipient_sids
        .iter()
        .chain(used_sids.iter())
        .chain(res.orphans.iter())
        .filter_map(|s| {
            s.strip_prefix(&format!("{}-", domain_sid.to_ascii_uppercase())).and_then(|r| r.parse::<u32>().ok())
        })
        .max()
        .unwrap_or(0);
    let mut organization = json!({
        "name": name,
        "version": version.profile_name(),
        "domain": domain,
        "netbios": netbios,
        "domainSid": domain_sid,
        "server": server,
        "domainController": domain_controller,
        "nextRid": (max_rid + 1).max(1000),
    });
    if let Some(l) = update_level {
        organization["updateLevel"] = json!(l.name());
    }
    let file = json!({
        "schemaVersion": schema::SCHEMA_VERSION,
        "organization": organization,
        "databases": databases,
        "principals": principals,
        "recipients": out_recipients,
    });
    let bytes = serde_json::to_vec(&file).map_err(|e| bad("", e.to_string()))?;
    let mut directory = schema::decode(&bytes).map_err(|e| match e {
        DecodeError::Schema(e) => bad("", snapshot_terms(&e.to_string())),
        other => bad("", format!("{other:?}")),
    })?;

    // What Get-ADPermission adds to every object (the domain's inherited entries) is not stored;
    // neither are a synthesized database's entries, which are the version's defaults.
    let inherited: Vec<Vec<crate::directory::AdAce>> =
        directory.recipients.iter().map(|r| directory.inherited_object_aces(r)).collect();
    for (r, extra) in directory.recipients.iter_mut().zip(inherited) {
        for e in extra {
            if let Some(pos) = r.ad_acl.iter().position(|a| *a == e) {
                r.ad_acl.remove(pos);
            }
        }
    }
    let default_db = directory.default_database_ad_acl();
    for db in directory.databases.iter_mut() {
        if synthesized_dbs.iter().any(|s| s.eq_ignore_ascii_case(&db.name)) {
            db.ad_acl = default_db.clone();
        }
    }

    for r in directory.recipients.iter_mut() {
        if r.calendar.as_ref() == Some(&Directory::default_calendar_processing(r.kind)) {
            r.calendar = None;
        }
    }
    // Accounts seen only in the entries just removed are not kept as principals.
    let referenced = referenced_sids(&directory);
    directory.principals.retain(|p| {
        builtins.iter().any(|b| b.1.eq_ignore_ascii_case(&p.account))
            || referenced.contains(&p.sid.to_ascii_uppercase())
    });

    let mut export_errors = Vec::new();
    for (i, e) in objects(root, "errors", "")?.into_iter().enumerate() {
        let place = format!("errors[{i}]");
        let object = text(e, "Object", &place)?.unwrap_or_default();
        let op = text(e, "Operation", &place)?.unwrap_or_default();
        let message = text(e, "Message", &place)?.unwrap_or_default();
        export_errors.push(format!("{object} ({op}): {message}"));
    }
    Ok(Converted { directory, warnings: res.warnings, export_errors, orphans: res.orphans.len() })
}

/// Every SID a permission entry or owner of `dir` names (upper case).
fn referenced_sids(dir: &Directory) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut add = |s: &str| {
        out.insert(s.to_ascii_uppercase());
    };
    for db in &dir.databases {
        db.ad_acl.iter().for_each(|a| add(&a.sid));
        db.ad_owner.iter().for_each(|o| add(o));
    }
    for r in dir.recipients.iter() {
        r.mailbox_acl.iter().for_each(|a| add(&a.sid));
        r.ad_acl.iter().for_each(|a| add(&a.sid));
        r.mailbox_owner.iter().for_each(|o| add(o));
        r.ad_owner.iter().for_each(|o| add(o));
        for f in &r.folders {
            for p in &f.permissions {
                if let crate::directory::FolderUser::Sid(s) = &p.user {
                    add(s);
                }
            }
        }
    }
    out
}

/// An org-file error location in the snapshot's terms (`mailboxPermissions[0].rights` →
/// `MailboxPermissions[0].AccessRights`).
fn snapshot_terms(message: &str) -> String {
    let mut m = message.to_string();
    for (from, to) in [
        (".mailboxPermissions[", ".MailboxPermissions["),
        (".adPermissions[", ".ADPermissions["),
        (".folders[", ".Folders["),
        (".permissions[", ".Permissions["),
        ("].rights", "].AccessRights"),
        ("].extendedRights", "].ExtendedRights"),
        ("].inheritance", "].InheritanceType"),
        ("].trustee", "].User"),
        ("].user", "].User"),
        ("].sharingFlags", "].SharingPermissionFlags"),
        (".calendarProcessing.automateProcessing", ".CalendarProcessing.AutomateProcessing"),
        (".primarySmtpAddress", ".PrimarySmtpAddress"),
        (".emailAddresses", ".EmailAddresses"),
        (".alias", ".Alias"),
        (".database", ".Database"),
    ] {
        m = m.replace(from, to);
    }
    m
}

fn inheritance(o: &Obj, place: &str) -> Result<String, Bad> {
    Ok(text(o, "InheritanceType", place)?.unwrap_or_else(|| "All".to_string()))
}

fn ad_aces(res: &mut Resolver, o: &Obj, key: &str, place: &str) -> Result<Vec<Value>, Bad> {
    let mut out = Vec::new();
    for (j, a) in objects(o, key, place)?.into_iter().enumerate() {
        let aplace = format!("{place}.{key}[{j}]");
        let user = text(a, "User", &aplace)?;
        let sid = text(a, "Sid", &aplace)?;
        let Some(trustee) = res.trustee(user.as_deref(), sid.as_deref(), &aplace)? else { continue };
        out.push(json!({
            "trustee": trustee,
            "rights": rights(a, "AccessRights", &aplace)?,
            "extendedRights": texts(a, "ExtendedRights", &aplace)?,
            "properties": texts(a, "Properties", &aplace)?,
            "deny": boolean(a, "Deny", &aplace)?,
            "inheritance": inheritance(a, &aplace)?,
            "inherited": boolean(a, "IsInherited", &aplace)?,
        }));
    }
    Ok(out)
}

fn recipient(res: &mut Resolver, r: &Obj, place: &str, kind: &str, netbios: &str) -> Result<Value, Bad> {
    let is_mailbox = matches!(kind, "UserMailbox" | "SharedMailbox" | "RoomMailbox" | "EquipmentMailbox");
    let is_group = matches!(kind, "MailUniversalSecurityGroup" | "MailUniversalDistributionGroup");
    let name = req(r, "Name", place)?;
    let mut out = json!({
        "name": name,
        "alias": req(r, "Alias", place)?,
        "recipientTypeDetails": kind,
        "displayName": text(r, "DisplayName", place)?.unwrap_or_default(),
        "firstName": text(r, "FirstName", place)?.unwrap_or_default(),
        "lastName": text(r, "LastName", place)?.unwrap_or_default(),
        "title": text(r, "Title", place)?.unwrap_or_default(),
        "department": text(r, "Department", place)?.unwrap_or_default(),
        "guid": req(r, "Guid", place)?.to_lowercase(),
        "sid": text(r, "Sid", place)?.map(|s| s.to_ascii_uppercase()),
        "userPrincipalName": text(r, "UserPrincipalName", place)?,
        "primarySmtpAddress": req(r, "PrimarySmtpAddress", place)?,
        "emailAddresses": texts(r, "EmailAddresses", place)?,
        "externalEmailAddress": text(r, "ExternalEmailAddress", place)?,
        "accountDisabled": boolean(r, "AccountDisabled", place)?,
        "hiddenFromAddressListsEnabled": boolean(r, "HiddenFromAddressListsEnabled", place)?,
        "grantSendOnBehalfTo": res.references(r, "GrantSendOnBehalfTo", place)?,
    });
    if is_mailbox {
        out["exchangeGuid"] = json!(text(r, "ExchangeGuid", place)?.map(|s| s.to_lowercase()));
        out["database"] = json!(text(r, "Database", place)?);
    }
    if is_group {
        out["members"] = json!(res.references(r, "Members", place)?);
        out["managedBy"] = json!(res.references(r, "ManagedBy", place)?);
    }
    if field(r, "MailboxPermissions").is_some() {
        let mut aces = Vec::new();
        for (j, a) in objects(r, "MailboxPermissions", place)?.into_iter().enumerate() {
            let aplace = format!("{place}.MailboxPermissions[{j}]");
            let user = text(a, "User", &aplace)?;
            let sid = text(a, "Sid", &aplace)?;
            let Some(trustee) = res.trustee(user.as_deref(), sid.as_deref(), &aplace)? else { continue };
            aces.push(json!({
                "trustee": trustee,
                "rights": rights(a, "AccessRights", &aplace)?,
                "deny": boolean(a, "Deny", &aplace)?,
                "inheritance": inheritance(a, &aplace)?,
                "inherited": boolean(a, "IsInherited", &aplace)?,
            }));
        }
        out["mailboxPermissions"] = json!(aces);
    }
    if field(r, "ADPermissions").is_some() {
        out["adPermissions"] = json!(ad_aces(res, r, "ADPermissions", place)?);
    } else if field(r, "RecipientPermissions").is_some() {
        let mut aces = Vec::new();
        for (j, a) in objects(r, "RecipientPermissions", place)?.into_iter().enumerate() {
            let aplace = format!("{place}.RecipientPermissions[{j}]");
            let user = text(a, "Trustee", &aplace)?;
            let sid = text(a, "Sid", &aplace)?;
            let Some(trustee) = res
                .trustee(user.as_deref(), sid.as_deref(), &aplace)
                .map_err(|e| Bad { place: e.place.replace(".User", ".Trustee"), message: e.message })?
            else {
                continue;
            };
            let rights = rights(a, "AccessRights", &aplace)?;
            if let Some(other) = rights.iter().find(|x| !x.eq_ignore_ascii_case("SendAs")) {
                return Err(bad(
                    format!("{aplace}.AccessRights"),
                    format!("'{other}' is not a recipient permission (SendAs)"),
                ));
            }
            let control = text(a, "AccessControlType", &aplace)?.unwrap_or_else(|| "Allow".into());
            let deny = match control.to_ascii_lowercase().as_str() {
                "allow" => false,
                "deny" => true,
                _ => {
                    return Err(bad(
                        format!("{aplace}.AccessControlType"),
                        format!("'{control}' is not Allow or Deny"),
                    ));
                }
            };
            aces.push(json!({
                "trustee": trustee,
                "rights": ["ExtendedRight"],
                "extendedRights": ["Send-As"],
                "deny": deny,
                "inheritance": inheritance(a, &aplace)?,
                "inherited": boolean(a, "IsInherited", &aplace)?,
            }));
        }
        out["adPermissions"] = json!(aces);
    }
    if let Some(owner) = text(r, "MailboxOwner", place)?
        && is_mailbox
        && !owner.eq_ignore_ascii_case("NT AUTHORITY\\SELF")
    {
        out["mailboxOwner"] = json!(res.owner(&owner, &format!("{place}.MailboxOwner"))?);
    }
    if let Some(owner) = text(r, "ADOwner", place)?
        && !owner.eq_ignore_ascii_case(&format!("{netbios}\\Domain Admins"))
    {
        out["adOwner"] = json!(res.owner(&owner, &format!("{place}.ADOwner"))?);
    }
    if is_mailbox && field(r, "Folders").is_some() {
        let default_folders = res.default_folders.clone();
        let mut folders = Vec::new();
        for (j, f) in objects(r, "Folders", place)?.into_iter().enumerate() {
            let fplace = format!("{place}.Folders[{j}]");
            let path = text(f, "Path", &fplace)?.unwrap_or_default();
            let path = path.trim_start_matches('\\').to_string();
            if field(f, "Permissions").is_none() {
                // Listed without its permissions (only the Calendar's and the Inbox's are exported
                // unless -AllFolders): a default folder keeps the version's entries, another
                // folder gets those New-MailboxFolder gives.
                if !default_folders.iter().any(|d| d.eq_ignore_ascii_case(&path)) {
                    folders.push(json!({"path": path, "permissions": [
                        {"user": "Default", "rights": ["None"]},
                        {"user": "Anonymous", "rights": ["None"]},
                    ]}));
                }
                continue;
            }
            let mut perms = Vec::new();
            for (k, p) in objects(f, "Permissions", &fplace)?.into_iter().enumerate() {
                let pplace = format!("{fplace}.Permissions[{k}]");
                let Some(user) = folder_user(res, p, &pplace)? else { continue };
                let mut e = json!({"user": user, "rights": rights(p, "AccessRights", &pplace)?});
                let flags: Vec<String> =
                    rights(p, "SharingPermissionFlags", &pplace)?.into_iter().filter(|f| f != "None").collect();
                if !flags.is_empty() {
                    e["sharingFlags"] = json!(flags);
                }
                perms.push(e);
            }
            folders.push(json!({"path": path, "permissions": perms}));
        }
        out["folders"] = json!(folders);
    }
    if is_mailbox && let Some(Value::Object(c)) = field(r, "CalendarProcessing") {
        let cplace = format!("{place}.CalendarProcessing");
        out["calendarProcessing"] = json!({
            "automateProcessing": req(c, "AutomateProcessing", &cplace)?,
            "allBookInPolicy": boolean(c, "AllBookInPolicy", &cplace)?,
            "allRequestInPolicy": boolean(c, "AllRequestInPolicy", &cplace)?,
            "allRequestOutOfPolicy": boolean(c, "AllRequestOutOfPolicy", &cplace)?,
            "bookInPolicy": res.references(c, "BookInPolicy", &cplace)?,
            "requestInPolicy": res.references(c, "RequestInPolicy", &cplace)?,
            "requestOutOfPolicy": res.references(c, "RequestOutOfPolicy", &cplace)?,
            "forwardRequestsToDelegates": boolean(c, "ForwardRequestsToDelegates", &cplace)?,
            "allowConflicts": boolean(c, "AllowConflicts", &cplace)?,
            "allowRecurringMeetings": boolean(c, "AllowRecurringMeetings", &cplace)?,
            "bookingWindowInDays": number(c, "BookingWindowInDays", &cplace, 180)?,
            "maximumDurationInMinutes": number(c, "MaximumDurationInMinutes", &cplace, 1440)?,
            "addOrganizerToSubject": boolean(c, "AddOrganizerToSubject", &cplace)?,
            "deleteComments": boolean(c, "DeleteComments", &cplace)?,
            "deleteSubject": boolean(c, "DeleteSubject", &cplace)?,
            "processExternalMeetingMessages": boolean(c, "ProcessExternalMeetingMessages", &cplace)?,
        });
    } else if field(r, "CalendarProcessing").is_some() {
        return Err(bad(format!("{place}.CalendarProcessing"), "expected an object"));
    }
    if is_mailbox {
        let forwarding = match field(r, "ForwardingAddress") {
            Some(v) => res.reference(v, &format!("{place}.ForwardingAddress"))?,
            None => None,
        };
        let smtp = text(r, "ForwardingSmtpAddress", place)?;
        let flags = [
            boolean(r, "DeliverToMailboxAndForward", place)?,
            boolean(r, "MessageCopyForSentAsEnabled", place)?,
            boolean(r, "MessageCopyForSendOnBehalfEnabled", place)?,
        ];
        if forwarding.is_some() || smtp.is_some() || flags.iter().any(|f| *f) {
            out["mailFlow"] = json!({
                "forwardingAddress": forwarding,
                "forwardingSmtpAddress": smtp,
                "deliverToMailboxAndForward": flags[0],
                "messageCopyForSentAsEnabled": flags[1],
                "messageCopyForSendOnBehalfEnabled": flags[2],
            });
        }
    }
    Ok(out)
}

/// A folder permission entry's user: `Default`, `Anonymous`, a SID, or an external address.
fn folder_user(res: &mut Resolver, p: &Obj, place: &str) -> Result<Option<String>, Bad> {
    let user = text(p, "User", place)?;
    let user_type = text(p, "UserType", place)?.unwrap_or_default();
    let sid = text(p, "Sid", place)?;
    let guid = text(p, "Guid", place)?;
    for special in ["Default", "Anonymous"] {
        if user_type.eq_ignore_ascii_case(special) || (sid.is_none() && user.as_deref() == Some(special)) {
            return Ok(Some(special.to_string()));
        }
    }
    if sid.is_none()
        && let Some(g) = &guid
        && let Some(i) = res.find(g)
    {
        if let Some(s) = &res.known[i].sid {
            return Ok(Some(s.clone()));
        }
    }
    if sid.is_none()
        && let Some(u) = &user
        && u.contains('@')
        && res.find(u).is_none()
    {
        return Ok(Some(u.clone()));
    }
    res.trustee(user.as_deref(), sid.as_deref(), place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(parse_version("Version 15.2 (Build 1544.4)"), Some((ExchangeVersion::Exchange2019, None)));
        assert_eq!(parse_version("Version 14.3 (Build 123.4)"), Some((ExchangeVersion::Exchange2010, Some(3))));
        assert_eq!(parse_version("Online"), Some((ExchangeVersion::Online, None)));
        assert_eq!(parse_version("Version 8.1"), None);
    }

    #[test]
    fn errors_name_the_place() {
        let e = convert(b"{\"schemaVersion\": 1}", None).err();
        assert_eq!(e.map(|e| e.place), Some("snapshotVersion".to_string()));
        let e = convert(b"{\"snapshotVersion\": 2}", None).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("newer"), "{e}");
    }
}
