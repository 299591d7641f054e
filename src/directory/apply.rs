//! Applying typed [`Change`] records to the directory: one function per variant, each validating
//! first and changing nothing on error. [`Directory::replay`] is the lenient form the store uses
//! when it re-applies a run's changes onto a file another process changed in between.
//!
//! Permission entries keep canonical order: explicit Deny, explicit Allow, then inherited entries.

use super::Directory;
use super::change::{Change, OwnerOf};
use super::identity::eq_ci;
use super::model::{AdAce, FolderAce, FolderUser, Inheritance, MailboxAce};
use super::rights::ad;

/// Why a change could not be applied. The cmdlets check first and print Exchange's own texts;
/// these messages are for logs and for the store's replay.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DirectoryError {
    /// No recipient has this Guid.
    #[error("no recipient has the Guid '{0}'")]
    UnknownRecipient(String),
    /// The recipient exists but has no mailbox.
    #[error("the recipient '{0}' has no mailbox")]
    NotAMailbox(String),
    /// No recipient Guid or database name matches.
    #[error("no recipient or database '{0}'")]
    UnknownAdObject(String),
    /// The mailbox has no such folder.
    #[error("Can't find mailbox folder \"{folder}\" in mailbox '{mailbox}'")]
    UnknownFolder {
        /// Mailbox Guid.
        mailbox: String,
        /// Folder path as given.
        folder: String,
    },
    /// Add-MailboxFolderPermission for a user who already has an entry.
    #[error("An existing permission entry was found for user: {0}.")]
    EntryExists(String),
    /// Set/Remove-MailboxFolderPermission for a user with no entry.
    #[error("There is no existing permission entry found for user: {0}.")]
    NoEntry(String),
    /// Remove-MailboxFolderPermission of Default or Anonymous.
    #[error("Cannot remove default or anonymous permissions.")]
    CannotRemoveSpecialUser,
    /// AddFolder for a folder that already exists.
    #[error("A folder with the name '{0}' already exists.")]
    FolderExists(String),
    /// A Remove-*Ace change matched no explicit entry.
    #[error("the access control entry for '{0}' isn't present")]
    AceNotPresent(String),
    /// An ACE given to a change has no rights.
    #[error("the access control entry for '{0}' has no rights")]
    EmptyRights(String),
    /// Changes only write explicit entries; inherited ones come from the database.
    #[error("inherited access control entries can't be changed")]
    InheritedAce,
    /// AddRecipient with a Guid that is already in the directory.
    #[error("a recipient with the Guid '{0}' already exists")]
    RecipientExists(String),
    /// AddRecipient with a SID another account already has.
    #[error("the SID '{0}' is already in use")]
    SidInUse(String),
    /// An e-mail address another recipient already uses.
    #[error("The proxy address \"SMTP:{0}\" is already being used by the proxy addresses or LegacyExchangeDN.")]
    AddressInUse(String),
    /// A group change on something that isn't a group.
    #[error("'{0}' isn't a group")]
    NotAGroup(String),
    /// AddGroupMember for a member already in the group.
    #[error("the recipient '{0}' is already a member of the group")]
    MemberExists(String),
    /// RemoveGroupMember for a recipient not in the group.
    #[error("the recipient '{0}' isn't a member of the group")]
    NotAMember(String),
}

impl DirectoryError {
    /// True when the error only says the directory is already in the state the change wanted
    /// (entry already there, entry already gone): replaying the change can skip it.
    pub fn is_already_applied(&self) -> bool {
        matches!(
            self,
            DirectoryError::AceNotPresent(_)
                | DirectoryError::NoEntry(_)
                | DirectoryError::EntryExists(_)
                | DirectoryError::FolderExists(_)
                | DirectoryError::RecipientExists(_)
                | DirectoryError::MemberExists(_)
                | DirectoryError::NotAMember(_)
        )
    }
}

/// Position for a new explicit ACE: explicit Deny entries first, then explicit Allow, then inherited.
fn canonical_insert_pos(flags: impl Iterator<Item = (bool, bool)>, deny: bool) -> usize {
    // flags: (inherited, deny) per existing entry.
    let mut pos = 0;
    for (i, (inherited, d)) in flags.enumerate() {
        if inherited || (deny && !d) {
            return i;
        }
        pos = i + 1;
    }
    pos
}

/// True when two SIDs are the same (case-insensitive).
fn same_sid(a: &str, b: &str) -> bool {
    eq_ci(a, b)
}

fn same_set(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| eq_ci(x, y)))
}

/// Splits an AD ACE into one ACE per extended right (AD stores one object type per ACE); an ACE
/// without extended rights stays whole. Each part with an extended right carries `ExtendedRight`.
pub fn split_ad_ace(ace: &AdAce) -> Vec<AdAce> {
    if ace.extended_rights.is_empty() {
        return vec![ace.clone()];
    }
    let mut out: Vec<AdAce> = Vec::new();
    for x in &ace.extended_rights {
        if out.iter().any(|o| eq_ci(&o.extended_rights[0], x)) {
            continue;
        }
        out.push(AdAce { rights: ace.rights | ad::EXTENDED_RIGHT, extended_rights: vec![x.clone()], ..ace.clone() });
    }
    out
}

/// True when `existing` is the explicit entry `part` merges into: same trustee, Deny flag,
/// inheritance, object type (extended right) and properties.
fn ad_same_key(existing: &AdAce, part: &AdAce) -> bool {
    !existing.inherited
        && same_sid(&existing.sid, &part.sid)
        && existing.deny == part.deny
        && existing.inheritance == part.inheritance
        && same_set(&existing.extended_rights, &part.extended_rights)
        && same_set(&existing.properties, &part.properties)
}

fn mailbox_same_key(existing: &MailboxAce, ace: &MailboxAce) -> bool {
    !existing.inherited
        && same_sid(&existing.sid, &ace.sid)
        && existing.deny == ace.deny
        && existing.inheritance == ace.inheritance
}

/// True when an explicit entry of `acl` already grants (or denies) every right of `ace`
/// (Add-MailboxPermission's "already present" warning).
pub fn mailbox_ace_present(acl: &[MailboxAce], ace: &MailboxAce) -> bool {
    acl.iter().any(|e| mailbox_same_key(e, ace) && e.rights & ace.rights == ace.rights)
}

/// True when Remove-MailboxPermission with `ace` would remove something.
pub fn mailbox_ace_removable(acl: &[MailboxAce], ace: &MailboxAce) -> bool {
    acl.iter().any(|e| mailbox_same_key(e, ace) && e.rights & ace.rights != 0)
}

/// True when every part of `ace` (see [`split_ad_ace`]) is already present as an explicit entry.
pub fn ad_ace_present(acl: &[AdAce], ace: &AdAce) -> bool {
    split_ad_ace(ace).iter().all(|p| acl.iter().any(|e| ad_same_key(e, p) && e.rights & p.rights == p.rights))
}

/// The parts of `ace` (see [`split_ad_ace`]) that are NOT present as explicit entries, for
/// Remove-ADPermission's per-right "isn't present" warnings.
pub fn ad_ace_missing_parts(acl: &[AdAce], ace: &AdAce) -> Vec<AdAce> {
    split_ad_ace(ace)
        .into_iter()
        .filter(|p| {
            !acl.iter().any(|e| ad_same_key(e, p) && (e.rights & p.rights != 0 || !p.extended_rights.is_empty()))
        })
        .collect()
}

fn add_mailbox_ace(acl: &mut Vec<MailboxAce>, ace: &MailboxAce) {
    if let Some(e) = acl.iter_mut().find(|e| mailbox_same_key(e, ace)) {
        e.rights |= ace.rights;
        return;
    }
    let pos = canonical_insert_pos(acl.iter().map(|e| (e.inherited, e.deny)), ace.deny);
    acl.insert(pos, MailboxAce { inherited: false, ..ace.clone() });
}

fn add_ad_ace(acl: &mut Vec<AdAce>, ace: &AdAce) {
    for part in split_ad_ace(ace) {
        if let Some(e) = acl.iter_mut().find(|e| ad_same_key(e, &part)) {
            e.rights |= part.rights;
            continue;
        }
        let pos = canonical_insert_pos(acl.iter().map(|e| (e.inherited, e.deny)), part.deny);
        acl.insert(pos, AdAce { inherited: false, ..part });
    }
}

/// Removes `ace`'s rights from matching explicit entries; true when anything was removed.
fn remove_ad_ace(acl: &mut Vec<AdAce>, ace: &AdAce) -> bool {
    let mut removed = false;
    for part in split_ad_ace(ace) {
        if let Some(i) = acl.iter().position(|e| ad_same_key(e, &part)) {
            if part.extended_rights.is_empty() {
                if acl[i].rights & part.rights == 0 {
                    continue;
                }
                acl[i].rights &= !part.rights;
                if acl[i].rights == 0 {
                    acl.remove(i);
                }
            } else {
                acl.remove(i);
            }
            removed = true;
        }
    }
    removed
}

fn folder_user_eq(a: &FolderUser, b: &FolderUser) -> bool {
    match (a, b) {
        (FolderUser::Default, FolderUser::Default) | (FolderUser::Anonymous, FolderUser::Anonymous) => true,
        (FolderUser::Sid(x), FolderUser::Sid(y)) | (FolderUser::External(x), FolderUser::External(y)) => eq_ci(x, y),
        _ => false,
    }
}

impl Directory {
    /// Applies one change, or changes nothing and says why.
    pub fn apply(&mut self, change: &Change) -> Result<(), DirectoryError> {
        // The identity index survives changes that rename, add or remove no recipient.
        let kept = self.recipients.set_keep_index(!super::index::changes_identities(change));
        let result = self.apply_change(change);
        self.recipients.set_keep_index(kept);
        result
    }

    fn apply_change(&mut self, change: &Change) -> Result<(), DirectoryError> {
        match change {
            Change::AddMailboxAce { mailbox, ace } => self.apply_add_mailbox_ace(mailbox, ace),
            Change::RemoveMailboxAce { mailbox, ace } => self.apply_remove_mailbox_ace(mailbox, ace),
            Change::AddAdAce { object, ace } => self.apply_add_ad_ace(object, ace),
            Change::RemoveAdAce { object, ace } => self.apply_remove_ad_ace(object, ace),
            Change::SetGrantSendOnBehalfTo { mailbox, delegates } => self.apply_set_send_on_behalf(mailbox, delegates),
            Change::UpdateGrantSendOnBehalfTo { mailbox, add, remove } => {
                self.apply_update_send_on_behalf(mailbox, add, remove)
            }
            Change::AddFolderAce { mailbox, folder, ace } => self.apply_add_folder_ace(mailbox, folder, ace),
            Change::SetFolderAce { mailbox, folder, ace } => self.apply_set_folder_ace(mailbox, folder, ace),
            Change::RemoveFolderAce { mailbox, folder, user } => self.apply_remove_folder_ace(mailbox, folder, user),
            Change::SetAutoMapping { mailbox, user, enabled } => self.apply_set_auto_mapping(mailbox, user, *enabled),
            Change::AddFolder { mailbox, path } => self.apply_add_folder(mailbox, path),
            Change::SetCalendarProcessing { mailbox, settings } => {
                let r = self.mailbox_index(mailbox)?;
                self.recipients[r].calendar = Some((**settings).clone());
                Ok(())
            }
            Change::AddRecipient { recipient } => self.apply_add_recipient(recipient),
            Change::RemoveRecipient { recipient } => self.apply_remove_recipient(recipient),
            Change::AddGroupMember { group, member } => self.apply_add_group_member(group, member),
            Change::RemoveGroupMember { group, member } => self.apply_remove_group_member(group, member),
            Change::SetRecipientFields { recipient, fields } => self.apply_set_recipient_fields(recipient, fields),
            Change::SetOwner { object, of, owner } => self.apply_set_owner(object, *of, owner),
        }
    }

    /// Re-applies a recorded change onto a directory that may already contain its effect or may
    /// have lost its target: "already applied" outcomes succeed (a folder Add over an existing
    /// entry becomes a Set, a Set over a missing entry becomes an Add, unknown delegates are
    /// dropped); a missing mailbox, object or folder is still an error the store can report.
    pub fn replay(&mut self, change: &Change) -> Result<(), DirectoryError> {
        let kept = self.recipients.set_keep_index(!super::index::changes_identities(change));
        let result = self.replay_change(change);
        self.recipients.set_keep_index(kept);
        result
    }

    fn replay_change(&mut self, change: &Change) -> Result<(), DirectoryError> {
        match change {
            Change::AddFolderAce { mailbox, folder, ace } | Change::SetFolderAce { mailbox, folder, ace } => {
                let (r, f) = self.folder_target(mailbox, folder)?;
                let perms = &mut self.recipients[r].folders[f].permissions;
                match perms.iter_mut().find(|e| folder_user_eq(&e.user, &ace.user)) {
                    Some(e) => *e = ace.clone(),
                    None => perms.push(ace.clone()),
                }
                Ok(())
            }
            Change::SetGrantSendOnBehalfTo { mailbox, delegates } => {
                let known: Vec<String> =
                    delegates.iter().filter(|d| self.recipient_by_guid(d).is_some()).cloned().collect();
                self.apply_set_send_on_behalf(mailbox, &known)
            }
            Change::UpdateGrantSendOnBehalfTo { mailbox, add, remove } => {
                let known: Vec<String> = add.iter().filter(|d| self.recipient_by_guid(d).is_some()).cloned().collect();
                self.apply_update_send_on_behalf(mailbox, &known, remove)
            }
            Change::SetAutoMapping { mailbox, user, enabled } => {
                if self.recipient_by_guid(user).is_none() && *enabled {
                    return Ok(());
                }
                self.apply_set_auto_mapping_unchecked(mailbox, user, *enabled)
            }
            Change::RemoveRecipient { recipient } if self.recipient_by_guid(recipient).is_none() => Ok(()),
            Change::RemoveRecipient { recipient } if self.recipient_by_guid(recipient).is_none() => Ok(()),
            other => match self.apply(other) {
                Err(e) if e.is_already_applied() => Ok(()),
                r => r,
            },
        }
    }

    fn recipient_index(&self, guid: &str) -> Result<usize, DirectoryError> {
        self.recipient_by_guid(guid).ok_or_else(|| DirectoryError::UnknownRecipient(guid.to_string()))
    }

    fn mailbox_index(&self, guid: &str) -> Result<usize, DirectoryError> {
        let i = self.recipient_index(guid)?;
        if !self.recipients[i].kind.is_mailbox() {
            return Err(DirectoryError::NotAMailbox(guid.to_string()));
        }
        Ok(i)
    }

    fn folder_target(&self, mailbox: &str, folder: &str) -> Result<(usize, usize), DirectoryError> {
        let r = self.mailbox_index(mailbox)?;
        let f = self.folder_index(r, folder).ok_or_else(|| DirectoryError::UnknownFolder {
            mailbox: mailbox.to_string(),
            folder: folder.to_string(),
        })?;
        Ok((r, f))
    }

    /// The AD ACL of a recipient (by Guid) or database (by name or Guid).
    fn ad_acl_mut(&mut self, object: &str) -> Result<&mut Vec<AdAce>, DirectoryError> {
        if let Some(i) = self.recipient_by_guid(object) {
            return Ok(&mut self.recipients[i].ad_acl);
        }
        let db = self
            .databases
            .iter()
            .position(|d| eq_ci(&d.name, object) || eq_ci(&d.guid, object))
            .ok_or_else(|| DirectoryError::UnknownAdObject(object.to_string()))?;
        Ok(&mut self.databases[db].ad_acl)
    }

    fn check_ace(sid: &str, rights: u64, inherited: bool, allow_empty: bool) -> Result<(), DirectoryError> {
        if inherited {
            return Err(DirectoryError::InheritedAce);
        }
        if rights == 0 && !allow_empty {
            return Err(DirectoryError::EmptyRights(sid.to_string()));
        }
        Ok(())
    }

    fn apply_add_mailbox_ace(&mut self, mailbox: &str, ace: &MailboxAce) -> Result<(), DirectoryError> {
        let r = self.mailbox_index(mailbox)?;
        Self::check_ace(&ace.sid, ace.rights, ace.inherited, false)?;
        add_mailbox_ace(&mut self.recipients[r].mailbox_acl, ace);
        Ok(())
    }

    fn apply_remove_mailbox_ace(&mut self, mailbox: &str, ace: &MailboxAce) -> Result<(), DirectoryError> {
        let r = self.mailbox_index(mailbox)?;
        Self::check_ace(&ace.sid, ace.rights, ace.inherited, false)?;
        let acl = &mut self.recipients[r].mailbox_acl;
        let Some(i) = acl.iter().position(|e| mailbox_same_key(e, ace) && e.rights & ace.rights != 0) else {
            return Err(DirectoryError::AceNotPresent(ace.sid.clone()));
        };
        acl[i].rights &= !ace.rights;
        if acl[i].rights == 0 {
            acl.remove(i);
        }
        Ok(())
    }

    fn apply_add_ad_ace(&mut self, object: &str, ace: &AdAce) -> Result<(), DirectoryError> {
        Self::check_ace(&ace.sid, ace.rights, ace.inherited, !ace.extended_rights.is_empty())?;
        let acl = self.ad_acl_mut(object)?;
        add_ad_ace(acl, ace);
        Ok(())
    }

    fn apply_remove_ad_ace(&mut self, object: &str, ace: &AdAce) -> Result<(), DirectoryError> {
        Self::check_ace(&ace.sid, ace.rights, ace.inherited, !ace.extended_rights.is_empty())?;
        let acl = self.ad_acl_mut(object)?;
        let mut next = acl.clone();
        if !remove_ad_ace(&mut next, ace) {
            return Err(DirectoryError::AceNotPresent(ace.sid.clone()));
        }
        *acl = next;
        Ok(())
    }

    /// Replace: the stored list is the order AD returns linked values in, newest first, so the
    /// given list is stored reversed (behavior.md §4.1: `x,y` reads back as `{y, x}`).
    fn apply_set_send_on_behalf(&mut self, mailbox: &str, delegates: &[String]) -> Result<(), DirectoryError> {
        let r = self.recipient_index(mailbox)?;
        let mut list: Vec<String> = Vec::new();
        for d in delegates {
            let i = self.recipient_index(d)?;
            let g = self.recipients[i].guid.clone();
            if !list.iter().any(|x| eq_ci(x, &g)) {
                list.push(g);
            }
        }
        list.reverse();
        self.recipients[r].grant_send_on_behalf_to = list;
        Ok(())
    }

    /// Add missing delegates (newest first) and remove present ones; others are ignored silently.
    fn apply_update_send_on_behalf(
        &mut self,
        mailbox: &str,
        add: &[String],
        remove: &[String],
    ) -> Result<(), DirectoryError> {
        let r = self.recipient_index(mailbox)?;
        let mut adds: Vec<String> = Vec::new();
        for d in add {
            let i = self.recipient_index(d)?;
            adds.push(self.recipients[i].guid.clone());
        }
        let list = &mut self.recipients[r].grant_send_on_behalf_to;
        list.retain(|x| !remove.iter().any(|y| eq_ci(x, y)));
        for g in adds {
            if !list.iter().any(|x| eq_ci(x, &g)) && !remove.iter().any(|y| eq_ci(y, &g)) {
                list.insert(0, g);
            }
        }
        Ok(())
    }

    fn apply_add_folder_ace(&mut self, mailbox: &str, folder: &str, ace: &FolderAce) -> Result<(), DirectoryError> {
        let (r, f) = self.folder_target(mailbox, folder)?;
        let display = self.folder_user_display(&ace.user);
        let perms = &mut self.recipients[r].folders[f].permissions;
        match perms.iter_mut().find(|e| folder_user_eq(&e.user, &ace.user)) {
            Some(e) if matches!(e.user, FolderUser::Default | FolderUser::Anonymous) && e.rights == 0 => {
                e.rights = ace.rights;
                e.sharing_flags = ace.sharing_flags;
                Ok(())
            }
            Some(_) => Err(DirectoryError::EntryExists(display)),
            None => {
                perms.push(ace.clone());
                Ok(())
            }
        }
    }

    fn apply_set_folder_ace(&mut self, mailbox: &str, folder: &str, ace: &FolderAce) -> Result<(), DirectoryError> {
        let (r, f) = self.folder_target(mailbox, folder)?;
        let display = self.folder_user_display(&ace.user);
        let perms = &mut self.recipients[r].folders[f].permissions;
        let e =
            perms.iter_mut().find(|e| folder_user_eq(&e.user, &ace.user)).ok_or(DirectoryError::NoEntry(display))?;
        e.rights = ace.rights;
        e.sharing_flags = ace.sharing_flags;
        Ok(())
    }

    fn apply_remove_folder_ace(
        &mut self,
        mailbox: &str,
        folder: &str,
        user: &FolderUser,
    ) -> Result<(), DirectoryError> {
        let (r, f) = self.folder_target(mailbox, folder)?;
        if matches!(user, FolderUser::Default | FolderUser::Anonymous) {
            return Err(DirectoryError::CannotRemoveSpecialUser);
        }
        let display = self.folder_user_display(user);
        let perms = &mut self.recipients[r].folders[f].permissions;
        let i = perms.iter().position(|e| folder_user_eq(&e.user, user)).ok_or(DirectoryError::NoEntry(display))?;
        perms.remove(i);
        Ok(())
    }

    /// A mailbox owner needs a mailbox; an AD owner goes on a recipient or a database.
    fn apply_set_owner(&mut self, object: &str, of: OwnerOf, owner: &str) -> Result<(), DirectoryError> {
        let owner = Some(owner.to_string());
        match of {
            OwnerOf::Mailbox => {
                let r = self.mailbox_index(object)?;
                self.recipients[r].mailbox_owner = owner;
            }
            OwnerOf::AdObject => {
                if let Some(r) = self.recipient_by_guid(object) {
                    self.recipients[r].ad_owner = owner;
                } else {
                    let db = self
                        .databases
                        .iter()
                        .position(|d| eq_ci(&d.name, object) || eq_ci(&d.guid, object))
                        .ok_or_else(|| DirectoryError::UnknownAdObject(object.to_string()))?;
                    self.databases[db].ad_owner = owner;
                }
            }
        }
        Ok(())
    }

    fn apply_add_folder(&mut self, mailbox: &str, path: &str) -> Result<(), DirectoryError> {
        let r = self.mailbox_index(mailbox)?;
        let path = path.trim_matches('\\');
        if path.is_empty() || path.split('\\').any(str::is_empty) {
            return Err(DirectoryError::UnknownFolder { mailbox: mailbox.to_string(), folder: path.to_string() });
        }
        if self.folder_index(r, path).is_some() {
            return Err(DirectoryError::FolderExists(path.to_string()));
        }
        let parent = path.rsplit_once('\\').map_or("", |(p, _)| p);
        if self.folder_index(r, parent).is_none() {
            return Err(DirectoryError::UnknownFolder { mailbox: mailbox.to_string(), folder: parent.to_string() });
        }
        let folders = &mut self.recipients[r].folders;
        let pos = Directory::folder_insert_pos(folders.iter().map(|f| f.path.as_str()), path);
        folders.insert(
            pos,
            super::model::Folder { path: path.to_string(), permissions: Directory::default_folder_permissions(path) },
        );
        Ok(())
    }

    fn apply_set_auto_mapping(&mut self, mailbox: &str, user: &str, enabled: bool) -> Result<(), DirectoryError> {
        self.recipient_index(user)?;
        self.apply_set_auto_mapping_unchecked(mailbox, user, enabled)
    }

    fn apply_set_auto_mapping_unchecked(
        &mut self,
        mailbox: &str,
        user: &str,
        enabled: bool,
    ) -> Result<(), DirectoryError> {
        let r = self.mailbox_index(mailbox)?;
        let user =
            self.recipient_by_guid(user).map(|i| self.recipients[i].guid.clone()).unwrap_or_else(|| user.to_string());
        let links = &mut self.recipients[r].delegate_list_link;
        let present = links.iter().any(|x| eq_ci(x, &user));
        if enabled && !present {
            links.push(user.clone());
            self.recipients.auto_mapping_changed(&user, true);
        } else if !enabled && present {
            links.retain(|x| !eq_ci(x, &user));
            self.recipients.auto_mapping_changed(&user, false);
        }
        Ok(())
    }
}

/// The default inheritance of a new explicit entry (`-InheritanceType` omitted).
pub const DEFAULT_INHERITANCE: Inheritance = Inheritance::All;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::model::ExchangeVersion;
    use crate::directory::rights::{folder, mailbox};

    fn org() -> Directory {
        Directory::sample(ExchangeVersion::Exchange2019)
    }
    fn guid(d: &Directory, i: usize) -> String {
        d.recipients[i].guid.clone()
    }
    fn sid(d: &Directory, i: usize) -> String {
        d.recipients[i].sid.clone().unwrap_or_default()
    }
    fn mace(sid: &str, rights: u64, deny: bool) -> MailboxAce {
        MailboxAce { sid: sid.to_string(), rights, deny, inheritance: Inheritance::All, inherited: false }
    }
    fn adace(sid: &str, rights: u64, ext: &[&str]) -> AdAce {
        AdAce {
            sid: sid.to_string(),
            rights,
            extended_rights: ext.iter().map(|s| s.to_string()).collect(),
            properties: vec![],
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        }
    }

    #[test]
    fn add_mailbox_ace_goes_in_canonical_order_and_merges() {
        let mut d = org();
        let (k, m, a) = (guid(&d, 1), sid(&d, 2), sid(&d, 3));
        let before = d.recipients[1].mailbox_acl.len();
        d.apply(&Change::AddMailboxAce { mailbox: k.clone(), ace: mace(&m, mailbox::FULL_ACCESS, false) })
            .expect("add");
        let acl = &d.recipients[1].mailbox_acl;
        assert_eq!(acl.len(), before + 1);
        assert_eq!(acl[0].sid, "S-1-5-10");
        assert_eq!(acl[1], mace(&m, mailbox::FULL_ACCESS, false));
        assert!(acl[2].inherited);
        // Explicit deny goes first.
        d.apply(&Change::AddMailboxAce { mailbox: k.clone(), ace: mace(&a, mailbox::FULL_ACCESS, true) })
            .expect("deny");
        assert_eq!(d.recipients[1].mailbox_acl[0], mace(&a, mailbox::FULL_ACCESS, true));
        // Merge: same sid/deny/inheritance ORs the rights; replay of the same change is a no-op.
        let c = Change::AddMailboxAce { mailbox: k.clone(), ace: mace(&m, mailbox::READ_PERMISSION, false) };
        d.apply(&c).expect("merge");
        let snapshot = d.clone();
        d.apply(&c).expect("again");
        assert_eq!(d, snapshot);
        let acl = &d.recipients[1].mailbox_acl;
        assert_eq!(acl.len(), before + 2);
        assert_eq!(acl[2].rights, mailbox::FULL_ACCESS | mailbox::READ_PERMISSION);
        assert!(mailbox_ace_present(acl, &mace(&m, mailbox::FULL_ACCESS, false)));
        assert!(!mailbox_ace_present(acl, &mace(&m, mailbox::DELETE_ITEM, false)));
        // Different inheritance is a separate entry.
        let mut other = mace(&m, mailbox::FULL_ACCESS, false);
        other.inheritance = Inheritance::Descendents;
        d.apply(&Change::AddMailboxAce { mailbox: k, ace: other }).expect("separate");
        assert_eq!(d.recipients[1].mailbox_acl.len(), before + 3);
    }

    #[test]
    fn add_mailbox_ace_errors_change_nothing() {
        let mut d = org();
        let before = d.clone();
        let m = sid(&d, 2);
        let e = d.apply(&Change::AddMailboxAce { mailbox: "nope".into(), ace: mace(&m, 1, false) });
        assert_eq!(e, Err(DirectoryError::UnknownRecipient("nope".into())));
        let e = d.apply(&Change::AddMailboxAce { mailbox: guid(&d, 11), ace: mace(&m, 1, false) });
        assert!(matches!(e, Err(DirectoryError::NotAMailbox(_))));
        let e = d.apply(&Change::AddMailboxAce { mailbox: guid(&d, 1), ace: mace(&m, 0, false) });
        assert!(matches!(e, Err(DirectoryError::EmptyRights(_))));
        let mut inh = mace(&m, 1, false);
        inh.inherited = true;
        let e = d.apply(&Change::AddMailboxAce { mailbox: guid(&d, 1), ace: inh });
        assert_eq!(e, Err(DirectoryError::InheritedAce));
        assert_eq!(d, before);
    }

    #[test]
    fn remove_mailbox_ace_clears_bits_and_drops_empty() {
        let mut d = org();
        let (k, m) = (guid(&d, 1), sid(&d, 2));
        let before = d.recipients[1].mailbox_acl.clone();
        let both = mailbox::FULL_ACCESS | mailbox::READ_PERMISSION;
        d.apply(&Change::AddMailboxAce { mailbox: k.clone(), ace: mace(&m, both, false) }).expect("add");
        assert!(mailbox_ace_removable(&d.recipients[1].mailbox_acl, &mace(&m, mailbox::FULL_ACCESS, false)));
        d.apply(&Change::RemoveMailboxAce { mailbox: k.clone(), ace: mace(&m, mailbox::FULL_ACCESS, false) })
            .expect("partial");
        assert_eq!(d.recipients[1].mailbox_acl[1].rights, mailbox::READ_PERMISSION);
        d.apply(&Change::RemoveMailboxAce { mailbox: k.clone(), ace: mace(&m, both, false) }).expect("rest");
        assert_eq!(d.recipients[1].mailbox_acl, before);
        // Nothing left to remove: error, and replay treats it as done.
        let c = Change::RemoveMailboxAce { mailbox: k.clone(), ace: mace(&m, both, false) };
        assert_eq!(d.apply(&c), Err(DirectoryError::AceNotPresent(m.clone())));
        assert_eq!(d.replay(&c), Ok(()));
        // Inherited entries are never removed by a change.
        let admin = sid(&d, 0);
        let c = Change::RemoveMailboxAce { mailbox: k, ace: mace(&admin, mailbox::FULL_ACCESS, true) };
        assert!(matches!(d.apply(&c), Err(DirectoryError::AceNotPresent(_))));
        assert_eq!(d.recipients[1].mailbox_acl, before);
    }

    #[test]
    fn ad_aces_split_per_extended_right() {
        let mut d = org();
        let (k, m) = (guid(&d, 1), sid(&d, 2));
        let before = d.recipients[1].ad_acl.clone();
        let c = Change::AddAdAce { object: k.clone(), ace: adace(&m, 0, &["Send-As", "Receive-As"]) };
        d.apply(&c).expect("add");
        d.apply(&c).expect("idempotent");
        let acl = &d.recipients[1].ad_acl;
        assert_eq!(acl.len(), before.len() + 2);
        let added: Vec<&AdAce> = acl.iter().filter(|a| a.sid == m).collect();
        assert_eq!(added.len(), 2);
        assert!(added.iter().all(|a| a.rights == ad::EXTENDED_RIGHT && a.extended_rights.len() == 1));
        assert!(ad_ace_present(acl, &adace(&m, 0, &["Send-As"])));
        assert!(!ad_ace_present(acl, &adace(&m, ad::GENERIC_ALL, &[])));
        // Remove one right: the other stays.
        d.apply(&Change::RemoveAdAce { object: k.clone(), ace: adace(&m, 0, &["Receive-As"]) }).expect("rm");
        let acl = &d.recipients[1].ad_acl;
        let left: Vec<&str> = acl.iter().filter(|a| a.sid == m).map(|a| a.extended_rights[0].as_str()).collect();
        assert_eq!(left, ["Send-As"]);
        let missing = ad_ace_missing_parts(acl, &adace(&m, 0, &["Send-As", "Receive-As"]));
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].extended_rights, ["Receive-As"]);
        let c = Change::RemoveAdAce { object: k.clone(), ace: adace(&m, 0, &["Receive-As"]) };
        assert!(matches!(d.apply(&c), Err(DirectoryError::AceNotPresent(_))));
        d.apply(&Change::RemoveAdAce { object: k, ace: adace(&m, 0, &["send-as"]) }).expect("case");
        assert_eq!(d.recipients[1].ad_acl, before);
    }

    #[test]
    fn ad_aces_on_databases_and_plain_rights() {
        let mut d = org();
        let m = sid(&d, 2);
        let before = d.databases[0].ad_acl.clone();
        d.apply(&Change::AddAdAce { object: "db01".into(), ace: adace(&m, ad::GENERIC_ALL, &[]) }).expect("db");
        // Explicit allow goes before the inherited denies.
        assert_eq!(d.databases[0].ad_acl[0].sid, m);
        assert_eq!(d.databases[0].ad_acl.len(), before.len() + 1);
        let c = Change::RemoveAdAce { object: "DB01".into(), ace: adace(&m, ad::GENERIC_ALL, &[]) };
        d.apply(&c).expect("rm");
        assert_eq!(d.databases[0].ad_acl, before);
        let e = d.apply(&Change::AddAdAce { object: "DB09".into(), ace: adace(&m, 1, &[]) });
        assert_eq!(e, Err(DirectoryError::UnknownAdObject("DB09".into())));
        let e = d.apply(&Change::AddAdAce { object: "DB01".into(), ace: adace(&m, 0, &[]) });
        assert!(matches!(e, Err(DirectoryError::EmptyRights(_))));
        // Partial bits of a plain ACE.
        let k = guid(&d, 1);
        let rw = ad::READ_PROPERTY | ad::WRITE_PROPERTY;
        d.apply(&Change::AddAdAce { object: k.clone(), ace: adace(&m, rw, &[]) }).expect("add");
        d.apply(&Change::RemoveAdAce { object: k.clone(), ace: adace(&m, ad::WRITE_PROPERTY, &[]) }).expect("rm");
        let e = d.recipients[1].ad_acl.iter().find(|a| a.sid == m).map(|a| a.rights);
        assert_eq!(e, Some(ad::READ_PROPERTY));
    }

    #[test]
    fn send_on_behalf_set_and_update() {
        let mut d = org();
        let (k, m, a, j) = (guid(&d, 1), guid(&d, 2), guid(&d, 3), guid(&d, 4));
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: k.clone(), delegates: vec![m.clone(), a.clone()] })
            .expect("set");
        // AD returns linked values newest first (behavior.md §4.1).
        assert_eq!(d.recipients[1].grant_send_on_behalf_to, [a.clone(), m.clone()]);
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: k.clone(), delegates: vec![j.clone()] }).expect("replace");
        assert_eq!(d.recipients[1].grant_send_on_behalf_to, vec![j.clone()]);
        let c = Change::UpdateGrantSendOnBehalfTo {
            mailbox: k.clone(),
            add: vec![m.clone(), j.clone()],
            remove: vec![a.clone()],
        };
        d.apply(&c).expect("update");
        assert_eq!(d.recipients[1].grant_send_on_behalf_to, [m.clone(), j.clone()]);
        d.apply(&c).expect("replayable");
        assert_eq!(d.recipients[1].grant_send_on_behalf_to, [m.clone(), j.clone()]);
        d.apply(&Change::UpdateGrantSendOnBehalfTo {
            mailbox: k.clone(),
            add: vec![],
            remove: vec![m.clone(), j.clone()],
        })
        .expect("clear");
        assert!(d.recipients[1].grant_send_on_behalf_to.is_empty());
        // Unknown delegate: error, nothing changed; replay drops it.
        let bad = Change::SetGrantSendOnBehalfTo { mailbox: k.clone(), delegates: vec![m.clone(), "zzz".into()] };
        assert_eq!(d.apply(&bad), Err(DirectoryError::UnknownRecipient("zzz".into())));
        assert!(d.recipients[1].grant_send_on_behalf_to.is_empty());
        assert_eq!(d.replay(&bad), Ok(()));
        assert_eq!(d.recipients[1].grant_send_on_behalf_to, vec![m.clone()]);
        // Groups can carry GrantSendOnBehalfTo too; a duplicate in Set is stored once.
        let g = guid(&d, 11);
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: g, delegates: vec![m.clone(), m.clone()] }).expect("group");
        assert_eq!(d.recipients[11].grant_send_on_behalf_to, [m]);
    }

    #[test]
    fn folder_aces() {
        let mut d = org();
        let k = guid(&d, 1);
        let m = FolderUser::Sid(sid(&d, 2));
        let ace = |user: &FolderUser, rights: u64| FolderAce { user: user.clone(), rights, sharing_flags: 0 };
        let add = |u: &FolderUser, r: u64| Change::AddFolderAce {
            mailbox: k.clone(),
            folder: "calendar".into(),
            ace: ace(u, r),
        };
        d.apply(&add(&m, 0x401)).expect("add reviewer");
        let cal = d.folder_index(1, "Calendar").unwrap_or(0);
        assert_eq!(d.recipients[1].folders[cal].permissions.len(), 3);
        assert_eq!(d.recipients[1].folders[cal].permissions[2], ace(&m, 0x401));
        assert_eq!(d.apply(&add(&m, 0x47B)), Err(DirectoryError::EntryExists("Michelle Dubois".into())));
        // Default with rights: exists; Anonymous with None: Add sets it.
        assert_eq!(d.apply(&add(&FolderUser::Default, 0x401)), Err(DirectoryError::EntryExists("Default".into())));
        d.apply(&add(&FolderUser::Anonymous, folder::FREE_BUSY_SIMPLE)).expect("anonymous");
        assert_eq!(d.recipients[1].folders[cal].permissions[1].rights, folder::FREE_BUSY_SIMPLE);
        // Set.
        let set = |u: &FolderUser, r: u64| Change::SetFolderAce {
            mailbox: k.clone(),
            folder: "\\Calendar".into(),
            ace: ace(u, r),
        };
        d.apply(&set(&m, 0x47B)).expect("set");
        assert_eq!(d.recipients[1].folders[cal].permissions[2].rights, 0x47B);
        let amy = FolderUser::Sid(sid(&d, 3));
        assert_eq!(d.apply(&set(&amy, 1)), Err(DirectoryError::NoEntry("Amy Alberts".into())));
        d.apply(&set(&FolderUser::Default, 0)).expect("set default");
        // Remove.
        let rm =
            |u: &FolderUser| Change::RemoveFolderAce { mailbox: k.clone(), folder: "Calendar".into(), user: u.clone() };
        assert_eq!(d.apply(&rm(&FolderUser::Default)), Err(DirectoryError::CannotRemoveSpecialUser));
        d.apply(&rm(&m)).expect("remove");
        assert_eq!(d.recipients[1].folders[cal].permissions.len(), 2);
        assert_eq!(d.apply(&rm(&m)), Err(DirectoryError::NoEntry("Michelle Dubois".into())));
        assert_eq!(d.replay(&rm(&m)), Ok(()));
        // External users and unknown folders.
        let ext = FolderUser::External("someone@fabrikam.com".into());
        let c = Change::AddFolderAce { mailbox: k.clone(), folder: "Inbox\\Projects".into(), ace: ace(&ext, 0x401) };
        d.apply(&c).expect("external");
        let before = d.clone();
        let c = Change::AddFolderAce { mailbox: k.clone(), folder: "Nope".into(), ace: ace(&m, 1) };
        assert!(matches!(d.apply(&c), Err(DirectoryError::UnknownFolder { .. })));
        let c = Change::AddFolderAce { mailbox: guid(&d, 12), folder: "Calendar".into(), ace: ace(&m, 1) };
        assert!(matches!(d.apply(&c), Err(DirectoryError::NotAMailbox(_))));
        assert_eq!(d, before);
    }

    #[test]
    fn folder_replay_is_lenient() {
        let mut d = org();
        let k = guid(&d, 1);
        let m = FolderUser::Sid(sid(&d, 2));
        let ace = FolderAce { user: m.clone(), rights: 0x401, sharing_flags: 0 };
        let add = Change::AddFolderAce { mailbox: k.clone(), folder: "Calendar".into(), ace: ace.clone() };
        d.replay(&add).expect("first");
        d.replay(&add).expect("second");
        let set = Change::SetFolderAce { mailbox: k.clone(), folder: "Inbox".into(), ace: ace.clone() };
        d.replay(&set).expect("set as add");
        assert_eq!(d.recipients[1].folders[1].permissions.len(), 3);
        let cal = d.folder_index(1, "Calendar").unwrap_or(0);
        assert_eq!(d.recipients[1].folders[cal].permissions.len(), 3);
        let gone = Change::AddFolderAce { mailbox: "gone".into(), folder: "Calendar".into(), ace };
        assert!(matches!(d.replay(&gone), Err(DirectoryError::UnknownRecipient(_))));
    }

    #[test]
    fn add_folder_places_it_under_its_parent() {
        let mut d = org();
        let k = guid(&d, 1);
        let add = |p: &str| Change::AddFolder { mailbox: k.clone(), path: p.into() };
        d.apply(&add("Inbox\\Personal")).expect("add");
        let paths: Vec<&str> = d.recipients[1].folders.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(&paths[..4], ["", "Inbox", "Inbox\\Projects", "Inbox\\Personal"]);
        assert_eq!(d.apply(&add("inbox\\personal")), Err(DirectoryError::FolderExists("inbox\\personal".into())));
        assert_eq!(d.replay(&add("Inbox\\Personal")), Ok(()));
        d.apply(&add("Archive2024")).expect("top level");
        assert_eq!(d.recipients[1].folders.last().map(|f| f.path.as_str()), Some("Archive2024"));
        let before = d.clone();
        assert!(matches!(d.apply(&add("Nope\\Sub")), Err(DirectoryError::UnknownFolder { .. })));
        assert!(matches!(d.apply(&add("")), Err(DirectoryError::UnknownFolder { .. })));
        assert_eq!(d, before);
    }

    #[test]
    fn calendar_processing_replaces_the_settings() {
        let mut d = org();
        let room = d.recipients.iter().position(|r| r.alias == "room1").unwrap_or(0);
        assert_eq!(d.calendar_processing(room).automate_processing, crate::directory::AutomateProcessing::AutoAccept);
        assert_eq!(d.calendar_processing(1).automate_processing, crate::directory::AutomateProcessing::AutoUpdate);
        let mut c = d.calendar_processing(room);
        c.book_in_policy = vec![guid(&d, 1)];
        c.all_book_in_policy = false;
        let g = guid(&d, room);
        d.apply(&Change::SetCalendarProcessing { mailbox: g, settings: Box::new(c.clone()) }).expect("set");
        assert_eq!(d.calendar_processing(room), c);
        let karen = guid(&d, 1);
        d.apply(&Change::RemoveRecipient { recipient: karen }).expect("remove");
        let room = d.recipients.iter().position(|r| r.alias == "room1").unwrap_or(0);
        assert!(d.calendar_processing(room).book_in_policy.is_empty());
    }

    #[test]
    fn auto_mapping() {
        let mut d = org();
        let (k, m) = (guid(&d, 1), guid(&d, 2));
        let on = Change::SetAutoMapping { mailbox: k.clone(), user: m.clone(), enabled: true };
        d.apply(&on).expect("on");
        d.apply(&on).expect("on again");
        assert_eq!(d.recipients[1].delegate_list_link, vec![m.clone()]);
        let off = Change::SetAutoMapping { mailbox: k.clone(), user: m.to_uppercase(), enabled: false };
        d.apply(&off).expect("off");
        d.apply(&off).expect("off again");
        assert!(d.recipients[1].delegate_list_link.is_empty());
        let bad = Change::SetAutoMapping { mailbox: k, user: "zzz".into(), enabled: true };
        assert!(matches!(d.apply(&bad), Err(DirectoryError::UnknownRecipient(_))));
        assert_eq!(d.replay(&bad), Ok(()));
        assert!(d.recipients[1].delegate_list_link.is_empty());
    }

    #[test]
    fn owners() {
        let mut d = org();
        let (k, m) = (guid(&d, 1), sid(&d, 2));
        d.apply(&Change::SetOwner { object: k.clone(), of: OwnerOf::Mailbox, owner: m.clone() }).expect("mailbox");
        d.apply(&Change::SetOwner { object: "DB02".into(), of: OwnerOf::AdObject, owner: m.clone() }).expect("db");
        assert_eq!(d.recipients[1].mailbox_owner.as_deref(), Some(m.as_str()));
        assert_eq!(d.databases[1].ad_owner.as_deref(), Some(m.as_str()));
        // A group has no mailbox security descriptor.
        let g = guid(&d, 10);
        let e = d.apply(&Change::SetOwner { object: g, of: OwnerOf::Mailbox, owner: m.clone() });
        assert!(matches!(e, Err(DirectoryError::NotAMailbox(_))));
        let e = d.apply(&Change::SetOwner { object: "DB09".into(), of: OwnerOf::AdObject, owner: m });
        assert!(matches!(e, Err(DirectoryError::UnknownAdObject(_))));
    }
}
