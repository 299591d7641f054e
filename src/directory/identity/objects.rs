//! The other identities: `*-ADPermission -Identity` objects, databases, mailbox folders
//! (`alias:\Folder`) and folder users.

use super::recipients::{one, strip_braces};
use super::{AdObject, RecipientScope, ResolveError, eq_ci, has_wildcard, is_smtp_address};
use crate::directory::Directory;
use crate::directory::index::fold;
use crate::directory::model::{FolderUser, RecipientKind};

impl Directory {
    /// *-ADPermission -Identity: a DN, or a unique Name of a recipient or database
    /// (Guid and canonical name are accepted too).
    pub fn resolve_ad_object(&self, identity: &str) -> Result<AdObject, ResolveError> {
        let g = strip_braces(identity);
        let mut found: Vec<AdObject> = Vec::new();
        let folded = fold(identity);
        let mut candidates: Vec<usize> = self.candidates(&fold(g)).collect();
        for key in self.dn_name_key(&folded).into_iter().chain(self.canonical_name_key(&folded)) {
            candidates.extend(self.candidates(&key));
        }
        candidates.sort_unstable();
        candidates.dedup();
        for i in candidates {
            let r = &self.recipients[i];
            if eq_ci(&self.distinguished_name(r), identity)
                || eq_ci(&r.guid, g)
                || eq_ci(&self.canonical_name(r), identity)
            {
                found.push(AdObject::Recipient(i));
            }
        }
        for (i, d) in self.databases.iter().enumerate() {
            if eq_ci(&self.database_dn(d), identity) || eq_ci(&d.guid, g) {
                found.push(AdObject::Database(i));
            }
        }
        if found.is_empty() {
            found.extend(
                self.candidates(&folded)
                    .filter(|i| eq_ci(&self.recipients[*i].name, identity))
                    .map(AdObject::Recipient),
            );
            found.extend(
                self.databases
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| eq_ci(&d.name, identity))
                    .map(|(i, _)| AdObject::Database(i)),
            );
        }
        one(found)
    }

    /// -Database / Get-MailboxDatabase -Identity: Name, DN or Guid.
    pub fn resolve_database(&self, identity: &str) -> Result<usize, ResolveError> {
        let g = strip_braces(identity);
        one(self
            .databases
            .iter()
            .enumerate()
            .filter(|(_, d)| eq_ci(&d.name, identity) || eq_ci(&d.guid, g) || eq_ci(&self.database_dn(d), identity))
            .map(|(i, _)| i)
            .collect())
    }

    /// The database index by name (as stored in `Recipient::database`).
    pub fn database_by_name(&self, name: &str) -> Option<usize> {
        self.databases.iter().position(|d| eq_ci(&d.name, name))
    }

    /// "karen:\Calendar" -> Some(("karen", "Calendar")); "karen:\" -> Some(("karen", "")); no ":\" -> None.
    pub fn split_folder_identity(identity: &str) -> Option<(&str, &str)> {
        let pos = identity.find(":\\")?;
        Some((&identity[..pos], &identity[pos + 2..]))
    }

    /// Folder index by path, case-insensitive, with or without leading '\' ("Inbox\Projects").
    pub fn folder_index(&self, recipient: usize, path: &str) -> Option<usize> {
        let p = path.strip_prefix('\\').unwrap_or(path);
        let p = p.strip_suffix('\\').unwrap_or(p);
        self.recipients.get(recipient)?.folders.iter().position(|f| eq_ci(&f.path, p))
    }

    /// -User of *-MailboxFolderPermission: "Default", "Anonymous", a recipient (FolderUser::Sid), or an
    /// external SMTP address not in the org (FolderUser::External). A distribution group or a mail
    /// contact (by any identity, its address included) is NotFound; so is an unknown address in
    /// the org's own domain.
    pub fn resolve_folder_user(&self, identity: &str) -> Result<FolderUser, ResolveError> {
        if eq_ci(identity, "Default") {
            return Ok(FolderUser::Default);
        }
        if eq_ci(identity, "Anonymous") {
            return Ok(FolderUser::Anonymous);
        }
        // An orphaned entry prints and is named as `NT:<SID>` (its unknown principal's member name).
        if let Some(sid) = identity.get(..3).filter(|p| eq_ci(p, "NT:")).map(|_| &identity[3..])
            && super::is_sid_string(sid)
        {
            return Ok(FolderUser::Sid(sid.to_ascii_uppercase()));
        }
        if !has_wildcard(identity) {
            let i = match self.resolve_recipient(identity, RecipientScope::Recipient) {
                Ok(i) => Some(i),
                Err(ResolveError::Ambiguous) => return Err(ResolveError::Ambiguous),
                Err(ResolveError::NotFound) => None,
            };
            if let Some(i) = i {
                let r = &self.recipients[i];
                // A distribution group or a mail contact is no valid security principal for
                // folder permissions (strict-rules.md §1).
                if matches!(r.kind, RecipientKind::MailUniversalDistributionGroup | RecipientKind::MailContact) {
                    return Err(ResolveError::NotFound);
                }
                return Ok(match &r.sid {
                    Some(sid) => FolderUser::Sid(sid.clone()),
                    None => FolderUser::External(r.primary_smtp.clone()),
                });
            }
            if let Some(sid) = self.principal_by_sid(identity).map(|p| self.principals[p].sid.clone()) {
                return Ok(FolderUser::Sid(sid));
            }
        }
        let addr = identity.strip_prefix("smtp:").or_else(|| identity.strip_prefix("SMTP:")).unwrap_or(identity);
        if is_smtp_address(addr) {
            let domain = addr.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
            if !eq_ci(domain, &self.org.domain) {
                return Ok(FolderUser::External(addr.to_string()));
            }
        }
        Err(ResolveError::NotFound)
    }

    /// What the User column prints: display name for internal users, Default/Anonymous, SMTP for external.
    pub fn folder_user_display(&self, user: &FolderUser) -> String {
        match user {
            FolderUser::Default => "Default".to_string(),
            FolderUser::Anonymous => "Anonymous".to_string(),
            FolderUser::External(smtp) => smtp.clone(),
            FolderUser::Sid(sid) => {
                if let Some(r) = self.recipient_by_sid(sid) {
                    let r = &self.recipients[r];
                    if r.display_name.is_empty() { r.name.clone() } else { r.display_name.clone() }
                } else if let Some(p) = self.principal_by_sid(sid) {
                    self.principals[p].name.clone()
                } else {
                    format!("NT:{sid}")
                }
            }
        }
    }
}
