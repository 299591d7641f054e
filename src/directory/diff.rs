//! Net changes between two states of an organization: what `exsh --plan` and `exsh --diff` list.
//!
//! The plan is the difference of the org before a run and the org a normal run would save, not
//! the run's change records, so a grant the script later removes, or a value set back, is no
//! change, and the plan lists exactly what the saved file would differ in. Objects are compared
//! by identity (recipients by Guid, databases by name, principals by SID, folders by path,
//! permission entries by trustee, Allow/Deny, inheritance and, for AD entries, the extended rights
//! and properties they cover); a changed entry is one whose rights differ.
//!
//! What is compared: the organization's facts, databases (their AD entries and owner), built-in
//! principals (group members), and every recipient: its properties, group members,
//! GrantSendOnBehalfTo, mailbox and AD permission entries, owners, auto-mapping, folders and
//! folder permissions, calendar processing and mail flow. A recipient that is added is one change
//! (its own properties summarized in it) plus whatever it has beyond what a new recipient of its
//! kind gets (`build_recipient`'s defaults); a recipient that is removed is one change, and its own
//! entries go with it. Order-only differences (the same entries in another order) are not changes.

use super::Directory;
use super::identity::eq_ci;
use super::model::{
    AdAce, CalendarProcessing, Folder, FolderAce, FolderUser, MailFlow, MailboxAce, Principal, Recipient,
};
use super::rights::{ad, folder, mailbox, sharing};

/// What a difference does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// Something that was not there is.
    Add,
    /// Something that was there has another value.
    Change,
    /// Something that was there is not.
    Remove,
}

impl Action {
    /// `add`, `change`, `remove` (the plan JSON's spelling).
    pub fn name(self) -> &'static str {
        match self {
            Action::Add => "add",
            Action::Change => "change",
            Action::Remove => "remove",
        }
    }

    /// `+`, `~`, `-`.
    pub fn symbol(self) -> char {
        match self {
            Action::Add => '+',
            Action::Change => '~',
            Action::Remove => '-',
        }
    }
}

/// What kind of thing changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiffKind {
    /// An organization fact (`property` names it).
    Organization,
    /// A mailbox database added or removed, or one of its facts.
    Database,
    /// A built-in principal added or removed, or one of its names.
    Principal,
    /// A recipient added or removed.
    Recipient,
    /// A recipient property (`property` names it: `DisplayName`, `EmailAddresses`, `ManagedBy`…).
    RecipientProperty,
    /// A group's members (recipient groups and built-in principal groups).
    Members,
    /// A mailbox's GrantSendOnBehalfTo list.
    GrantSendOnBehalfTo,
    /// A mailbox permission entry (Get-MailboxPermission).
    MailboxPermission,
    /// Auto-mapping of a mailbox for a user (msExchDelegateListLink), when not part of a Full
    /// Access entry change.
    AutoMapping,
    /// An AD permission entry on a recipient or database (Get-ADPermission, Get-RecipientPermission).
    AdPermission,
    /// The owner of a mailbox's or an AD object's security descriptor (`property`: `MailboxOwner`,
    /// `Owner`).
    Owner,
    /// A mailbox folder added or removed.
    Folder,
    /// A folder permission entry.
    FolderPermission,
    /// A calendar processing setting (`property` names it).
    CalendarProcessing,
}

impl DiffKind {
    /// The plan JSON's name of the kind.
    pub fn name(self) -> &'static str {
        match self {
            DiffKind::Organization => "Organization",
            DiffKind::Database => "Database",
            DiffKind::Principal => "Principal",
            DiffKind::Recipient => "Recipient",
            DiffKind::RecipientProperty => "RecipientProperty",
            DiffKind::Members => "Members",
            DiffKind::GrantSendOnBehalfTo => "GrantSendOnBehalfTo",
            DiffKind::MailboxPermission => "MailboxPermission",
            DiffKind::AutoMapping => "AutoMapping",
            DiffKind::AdPermission => "ADPermission",
            DiffKind::Owner => "Owner",
            DiffKind::Folder => "Folder",
            DiffKind::FolderPermission => "FolderPermission",
            DiffKind::CalendarProcessing => "CalendarProcessing",
        }
    }
}

/// A value before or after a difference, neutral between the text and JSON renderings.
#[derive(Debug, Clone, PartialEq)]
pub enum DiffValue {
    /// No value (`$null`, an empty optional property).
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Int(i64),
    /// Text.
    Text(String),
    /// A list of names.
    List(Vec<String>),
    /// A permission entry or a recipient summary: named fields in order.
    Entry(Vec<(&'static str, DiffValue)>),
}

impl DiffValue {
    fn text(s: impl Into<String>) -> DiffValue {
        DiffValue::Text(s.into())
    }

    fn opt(s: Option<String>) -> DiffValue {
        s.map_or(DiffValue::Null, DiffValue::Text)
    }

    /// The field `name` of an entry.
    pub fn field(&self, name: &str) -> Option<&DiffValue> {
        match self {
            DiffValue::Entry(fields) => fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Which object a difference belongs to (the plan groups by it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ObjectClass {
    /// The organization itself.
    Organization,
    /// A mailbox database, by name.
    Database,
    /// A built-in principal, by SID.
    Principal,
    /// A recipient, by Guid.
    Recipient,
}

impl ObjectClass {
    /// The plan JSON's name.
    pub fn name(&self) -> &'static str {
        match self {
            ObjectClass::Organization => "Organization",
            ObjectClass::Database => "Database",
            ObjectClass::Principal => "Principal",
            ObjectClass::Recipient => "Recipient",
        }
    }
}

/// The object a difference belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectRef {
    /// Its class.
    pub class: ObjectClass,
    /// Guid (recipient), name (database), SID (principal), empty (organization).
    pub id: String,
    /// What people call it: the display name, the database name, the account name.
    pub name: String,
    /// `RecipientTypeDetails` of a recipient.
    pub recipient_type: Option<String>,
}

/// A trustee a permission difference names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrusteeRef {
    /// Display name of a recipient, account name of a principal, `Default`, `Anonymous`, an
    /// external address, or the SID itself when nobody has it (an orphaned entry).
    pub name: String,
    /// `CONTOSO\michelle`, `NT AUTHORITY\SELF`; `None` for Default, Anonymous and external users.
    pub account: Option<String>,
    /// The SID; `None` for Default, Anonymous and external users.
    pub sid: Option<String>,
}

/// One net change.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// Add, change or remove.
    pub action: Action,
    /// What kind of thing.
    pub kind: DiffKind,
    /// The object it belongs to.
    pub object: ObjectRef,
    /// What it is on: `Karen Berg`, `Karen Berg:\Calendar`, `DB01`.
    pub target: String,
    /// The trustee of a permission entry.
    pub trustee: Option<TrusteeRef>,
    /// The property of a property change.
    pub property: Option<String>,
    /// The value before (`None` for an add).
    pub before: Option<DiffValue>,
    /// The value after (`None` for a remove).
    pub after: Option<DiffValue>,
    /// True when another change in the plan already says it (the organization's next RID moving
    /// on because accounts were created); implied changes are not counted.
    pub implied: bool,
}

/// Recipients by lowercase Guid: one map per state, cheaper than the identity index (which also
/// indexes every name and address) when all that is needed is pairing recipients of two states.
pub struct GuidMap(std::collections::HashMap<String, usize>);

impl GuidMap {
    /// The map of `dir`'s recipients.
    pub fn of(dir: &Directory) -> GuidMap {
        GuidMap(dir.recipients.iter().enumerate().map(|(i, r)| (r.guid.to_ascii_lowercase(), i)).collect())
    }

    /// The index of the recipient with this Guid.
    pub fn get(&self, guid: &str) -> Option<usize> {
        self.0.get(&guid.to_ascii_lowercase()).copied()
    }
}

/// How many differences add, change and remove (implied ones left out).
pub fn counts(diffs: &[Difference]) -> (usize, usize, usize) {
    let n = |a: Action| diffs.iter().filter(|d| !d.implied && d.action == a).count();
    (n(Action::Add), n(Action::Change), n(Action::Remove))
}

/// Names of things in either state: the state after first, then before (removed things).
struct Names<'a> {
    before: &'a Directory,
    after: &'a Directory,
}

fn display(r: &Recipient) -> String {
    if r.display_name.is_empty() { r.name.clone() } else { r.display_name.clone() }
}

impl<'a> Names<'a> {
    fn both(&self) -> [&'a Directory; 2] {
        [self.after, self.before]
    }

    fn recipient(&self, guid: &str) -> Option<&'a Recipient> {
        self.both().into_iter().find_map(|d| d.recipient_by_guid(guid).map(|i| &d.recipients[i]))
    }

    /// A recipient named by Guid (group members may also be SIDs).
    fn member(&self, id: &str) -> String {
        if let Some(r) = self.recipient(id) {
            return display(r);
        }
        self.trustee(id).name
    }

    fn members(&self, ids: &[String]) -> Vec<String> {
        ids.iter().map(|g| self.member(g)).collect()
    }

    fn trustee(&self, sid: &str) -> TrusteeRef {
        for d in self.both() {
            if let Some(i) = d.recipient_by_sid(sid) {
                return TrusteeRef {
                    name: display(&d.recipients[i]),
                    account: Some(d.account_name(sid)),
                    sid: Some(sid.to_string()),
                };
            }
        }
        for d in self.both() {
            if let Some(p) = d.principal_by_sid(sid) {
                let p = &d.principals[p];
                return TrusteeRef {
                    name: p.account.clone(),
                    account: Some(p.account.clone()),
                    sid: Some(sid.to_string()),
                };
            }
        }
        let account = self.after.account_name(sid);
        TrusteeRef { name: account.clone(), account: Some(account), sid: Some(sid.to_string()) }
    }

    fn folder_user(&self, u: &FolderUser) -> TrusteeRef {
        match u {
            FolderUser::Default => TrusteeRef { name: "Default".into(), account: None, sid: None },
            FolderUser::Anonymous => TrusteeRef { name: "Anonymous".into(), account: None, sid: None },
            FolderUser::External(a) => TrusteeRef { name: a.clone(), account: None, sid: None },
            FolderUser::Sid(s) => self.trustee(s),
        }
    }
}

/// Flag names of `bits` in a `[(name, bit)]` table, exactly covered bits only, with the composite
/// names first when the table lists them (GenericAll before its parts).
fn flag_names(bits: u64, table: &[(&'static str, u64)]) -> Vec<String> {
    let mut left = bits;
    let mut out = Vec::new();
    let mut by_size: Vec<&(&str, u64)> = table.iter().filter(|(_, b)| *b != 0).collect();
    by_size.sort_by_key(|(_, b)| std::cmp::Reverse(b.count_ones()));
    for (n, b) in by_size {
        if left & b == *b && bits & b == *b {
            out.push((*n).to_string());
            left &= !b;
        }
    }
    if left != 0 {
        out.push(format!("0x{left:X}"));
    }
    // Back in the table's order.
    out.sort_by_key(|n| table.iter().position(|(t, _)| t == n).unwrap_or(usize::MAX));
    out
}

/// The names of mailbox rights bits.
pub fn mailbox_rights_names(bits: u64) -> Vec<String> {
    flag_names(bits, mailbox::MEMBERS)
}

/// The names of AD rights bits.
pub fn ad_rights_names(bits: u64) -> Vec<String> {
    flag_names(bits, ad::MEMBERS)
}

/// The role or rights names of folder rights bits.
pub fn folder_rights_names(bits: u64) -> Vec<String> {
    folder::names(bits).into_iter().map(str::to_string).collect()
}

/// The names of sharing permission flags.
pub fn sharing_flag_names(bits: u64) -> Vec<String> {
    flag_names(bits, sharing::FLAGS)
}

fn mailbox_ace_value(a: &MailboxAce, auto_mapping: Option<bool>) -> DiffValue {
    let mut f = vec![
        ("accessRights", DiffValue::List(mailbox_rights_names(a.rights))),
        ("deny", DiffValue::Bool(a.deny)),
        ("inheritanceType", DiffValue::text(a.inheritance.name())),
        ("isInherited", DiffValue::Bool(a.inherited)),
    ];
    if let Some(m) = auto_mapping {
        f.push(("autoMapping", DiffValue::Bool(m)));
    }
    DiffValue::Entry(f)
}

fn ad_ace_value(a: &AdAce) -> DiffValue {
    DiffValue::Entry(vec![
        ("accessRights", DiffValue::List(ad_rights_names(a.rights))),
        ("extendedRights", DiffValue::List(a.extended_rights.clone())),
        ("properties", DiffValue::List(a.properties.clone())),
        ("deny", DiffValue::Bool(a.deny)),
        ("inheritanceType", DiffValue::text(a.inheritance.name())),
        ("isInherited", DiffValue::Bool(a.inherited)),
    ])
}

fn folder_ace_value(a: &FolderAce) -> DiffValue {
    DiffValue::Entry(vec![
        ("accessRights", DiffValue::List(folder_rights_names(a.rights))),
        ("sharingPermissionFlags", DiffValue::List(flag_names(a.sharing_flags, sharing::FLAGS))),
    ])
}

/// Collects the differences of one object.
struct Out<'a> {
    names: &'a Names<'a>,
    object: ObjectRef,
    diffs: Vec<Difference>,
}

impl Out<'_> {
    fn push(
        &mut self,
        action: Action,
        kind: DiffKind,
        target: &str,
        trustee: Option<TrusteeRef>,
        property: Option<&str>,
        before: Option<DiffValue>,
        after: Option<DiffValue>,
    ) {
        self.diffs.push(Difference {
            action,
            kind,
            object: self.object.clone(),
            target: target.to_string(),
            trustee,
            property: property.map(str::to_string),
            before,
            after,
            implied: false,
        });
    }

    fn property(&mut self, kind: DiffKind, target: &str, name: &str, before: DiffValue, after: DiffValue) {
        if before != after {
            self.push(Action::Change, kind, target, None, Some(name), Some(before), Some(after));
        }
    }

    /// A list property compared as a set (order-only differences are not changes).
    fn list(&mut self, kind: DiffKind, target: &str, name: Option<&str>, before: &[String], after: &[String]) {
        let same = before.len() == after.len() && before.iter().all(|b| after.iter().any(|a| eq_ci(a, b)));
        if !same {
            let (b, a) = (self.names.members(before), self.names.members(after));
            self.push(Action::Change, kind, target, None, name, Some(DiffValue::List(b)), Some(DiffValue::List(a)));
        }
    }
}

/// Groups entries by a key, keeping first-appearance order of the keys.
fn keyed<T, K: PartialEq>(entries: &[T], key: impl Fn(&T) -> K) -> Vec<(K, Vec<&T>)> {
    let mut out: Vec<(K, Vec<&T>)> = Vec::new();
    for e in entries {
        let k = key(e);
        match out.iter_mut().find(|(x, _)| *x == k) {
            Some((_, v)) => v.push(e),
            None => out.push((k, vec![e])),
        }
    }
    out
}

/// The entry pairs of two lists, by key: `(before, after)`, with `None` on the side that lacks
/// it. Entries equal on both sides are left out; one entry per side with the same key is a
/// change; otherwise the unmatched entries are removes and adds.
fn pair_entries<'e, T: PartialEq, K: PartialEq>(
    before: &'e [T],
    after: &'e [T],
    key: impl Fn(&T) -> K,
) -> Vec<(Option<&'e T>, Option<&'e T>)> {
    let (b, a) = (keyed(before, &key), keyed(after, &key));
    let mut keys: Vec<&K> = b.iter().map(|(k, _)| k).collect();
    for (k, _) in &a {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let empty: Vec<&T> = Vec::new();
    let mut out = Vec::new();
    for k in keys {
        let bs = b.iter().find(|(x, _)| x == k).map_or(&empty, |(_, v)| v);
        let as_ = a.iter().find(|(x, _)| x == k).map_or(&empty, |(_, v)| v);
        if bs.len() == 1 && as_.len() == 1 {
            if bs[0] != as_[0] {
                out.push((Some(bs[0]), Some(as_[0])));
            }
            continue;
        }
        let mut left: Vec<&T> = as_.clone();
        for e in bs {
            match left.iter().position(|x| x == e) {
                Some(i) => {
                    left.remove(i);
                }
                None => out.push((Some(*e), None)),
            }
        }
        out.extend(left.into_iter().map(|e| (None, Some(e))));
    }
    out
}

fn mailbox_ace_key(a: &MailboxAce) -> (String, bool, u64, bool) {
    (a.sid.to_ascii_lowercase(), a.deny, a.inheritance.bits(), a.inherited)
}

type AdKey = (String, bool, u64, bool, Vec<String>, Vec<String>);

fn ad_ace_key(a: &AdAce) -> AdKey {
    let lower = |v: &[String]| {
        let mut v: Vec<String> = v.iter().map(|s| s.to_ascii_lowercase()).collect();
        v.sort();
        v
    };
    (
        a.sid.to_ascii_lowercase(),
        a.deny,
        a.inheritance.bits(),
        a.inherited,
        lower(&a.extended_rights),
        lower(&a.properties),
    )
}

fn folder_user_key(u: &FolderUser) -> String {
    match u {
        FolderUser::Default => "default".into(),
        FolderUser::Anonymous => "anonymous".into(),
        FolderUser::Sid(s) => format!("sid:{}", s.to_ascii_lowercase()),
        FolderUser::External(a) => format!("ext:{}", a.to_ascii_lowercase()),
    }
}

fn action_of<T>(b: Option<T>, a: Option<T>) -> Action {
    match (b.is_some(), a.is_some()) {
        (false, _) => Action::Add,
        (_, false) => Action::Remove,
        _ => Action::Change,
    }
}

fn ad_acl_diff(out: &mut Out, target: &str, before: &[AdAce], after: &[AdAce]) {
    for (b, a) in pair_entries(before, after, ad_ace_key) {
        let sid = b.or(a).map(|x| x.sid.clone()).unwrap_or_default();
        let trustee = out.names.trustee(&sid);
        out.push(
            action_of(b, a),
            DiffKind::AdPermission,
            target,
            Some(trustee),
            None,
            b.map(ad_ace_value),
            a.map(ad_ace_value),
        );
    }
}

fn owner_diff(out: &mut Out, target: &str, property: &str, before: &Option<String>, after: &Option<String>) {
    let same = match (before, after) {
        (Some(b), Some(a)) => eq_ci(b, a),
        (None, None) => true,
        _ => false,
    };
    if !same {
        let v = |o: &Option<String>| o.as_ref().map_or(DiffValue::Null, |s| DiffValue::Text(out.names.trustee(s).name));
        let (b, a) = (v(before), v(after));
        out.push(Action::Change, DiffKind::Owner, target, None, Some(property), Some(b), Some(a));
    }
}

/// The recipient's own facts, for the Recipient add/remove line: every property a new
/// recipient is saved with (optional ones when set).
fn recipient_summary(r: &Recipient) -> DiffValue {
    let mut f = vec![
        ("name", DiffValue::text(&r.name)),
        ("alias", DiffValue::text(&r.alias)),
        ("displayName", DiffValue::text(&r.display_name)),
        ("recipientTypeDetails", DiffValue::text(r.kind.details_name())),
        ("primarySmtpAddress", DiffValue::text(&r.primary_smtp)),
        ("emailAddresses", DiffValue::List(r.email_addresses.clone())),
    ];
    let opt = [
        ("userPrincipalName", r.upn.clone()),
        ("database", r.database.clone()),
        ("externalEmailAddress", r.external_email.clone()),
        ("firstName", Some(r.first_name.clone()).filter(|s| !s.is_empty())),
        ("lastName", Some(r.last_name.clone()).filter(|s| !s.is_empty())),
        ("title", Some(r.title.clone()).filter(|s| !s.is_empty())),
        ("department", Some(r.department.clone()).filter(|s| !s.is_empty())),
    ];
    f.extend(opt.into_iter().filter_map(|(n, v)| v.map(|v| (n, DiffValue::Text(v)))));
    f.push(("accountDisabled", DiffValue::Bool(r.account_disabled)));
    f.push(("hiddenFromAddressListsEnabled", DiffValue::Bool(r.hidden)));
    if let Some(s) = &r.sid {
        f.push(("sid", DiffValue::text(s)));
    }
    f.push(("guid", DiffValue::text(&r.guid)));
    DiffValue::Entry(f)
}

fn recipient_ref(r: &Recipient) -> ObjectRef {
    ObjectRef {
        class: ObjectClass::Recipient,
        id: r.guid.clone(),
        name: display(r),
        recipient_type: Some(r.kind.details_name().to_string()),
    }
}

/// A recipient as `build_recipient` makes one of its kind: what an added recipient is compared with.
fn fresh(dir: &Directory, r: &Recipient) -> Recipient {
    let mailbox = r.kind.is_mailbox();
    Recipient {
        mailbox_acl: if mailbox { dir.default_mailbox_acl() } else { Vec::new() },
        ad_acl: if mailbox { dir.default_user_ad_acl() } else { Vec::new() },
        folders: if mailbox { Directory::default_folders(&[]) } else { Vec::new() },
        members: Vec::new(),
        managed_by: Vec::new(),
        grant_send_on_behalf_to: Vec::new(),
        delegate_list_link: Vec::new(),
        mailbox_owner: None,
        ad_owner: None,
        calendar: None,
        mail_flow: None,
        ..r.clone()
    }
}

fn mail_flow_fields(names: &Names, m: &Option<MailFlow>) -> Vec<(&'static str, DiffValue)> {
    let m = m.clone().unwrap_or_default();
    vec![
        (
            "ForwardingAddress",
            m.forwarding_address.as_deref().map_or(DiffValue::Null, |g| DiffValue::Text(names.member(g))),
        ),
        ("ForwardingSmtpAddress", DiffValue::opt(m.forwarding_smtp_address)),
        ("DeliverToMailboxAndForward", DiffValue::Bool(m.deliver_to_mailbox_and_forward)),
        ("MessageCopyForSentAsEnabled", DiffValue::Bool(m.message_copy_for_sent_as)),
        ("MessageCopyForSendOnBehalfEnabled", DiffValue::Bool(m.message_copy_for_send_on_behalf)),
    ]
}

fn calendar_fields(names: &Names, c: &CalendarProcessing) -> Vec<(&'static str, DiffValue)> {
    let list = |v: &[String]| DiffValue::List(names.members(v));
    vec![
        ("AutomateProcessing", DiffValue::text(c.automate_processing.name())),
        ("AllBookInPolicy", DiffValue::Bool(c.all_book_in_policy)),
        ("AllRequestInPolicy", DiffValue::Bool(c.all_request_in_policy)),
        ("AllRequestOutOfPolicy", DiffValue::Bool(c.all_request_out_of_policy)),
        ("BookInPolicy", list(&c.book_in_policy)),
        ("RequestInPolicy", list(&c.request_in_policy)),
        ("RequestOutOfPolicy", list(&c.request_out_of_policy)),
        ("ForwardRequestsToDelegates", DiffValue::Bool(c.forward_requests_to_delegates)),
        ("AllowConflicts", DiffValue::Bool(c.allow_conflicts)),
        ("AllowRecurringMeetings", DiffValue::Bool(c.allow_recurring_meetings)),
        ("BookingWindowInDays", DiffValue::Int(i64::from(c.booking_window_in_days))),
        ("MaximumDurationInMinutes", DiffValue::Int(i64::from(c.maximum_duration_in_minutes))),
        ("AddOrganizerToSubject", DiffValue::Bool(c.add_organizer_to_subject)),
        ("DeleteComments", DiffValue::Bool(c.delete_comments)),
        ("DeleteSubject", DiffValue::Bool(c.delete_subject)),
        ("ProcessExternalMeetingMessages", DiffValue::Bool(c.process_external_meeting_messages)),
    ]
}

/// Every difference of one recipient present in both states (or, for an added one, between the
/// fresh recipient of its kind and it).
fn recipient_diff(out: &mut Out, b: &Recipient, a: &Recipient, added: bool) {
    let target = display(a);
    let t = target.as_str();
    let names = out.names;
    if !added {
        let p = |n: &'static str, x: &str, y: &str| (n, DiffValue::text(x), DiffValue::text(y));
        let opt = |n: &'static str, x: &Option<String>, y: &Option<String>| {
            (n, DiffValue::opt(x.clone()), DiffValue::opt(y.clone()))
        };
        let props = [
            p("Name", &b.name, &a.name),
            p("Alias", &b.alias, &a.alias),
            p("DisplayName", &b.display_name, &a.display_name),
            p("FirstName", &b.first_name, &a.first_name),
            p("LastName", &b.last_name, &a.last_name),
            p("Title", &b.title, &a.title),
            p("Department", &b.department, &a.department),
            p("RecipientTypeDetails", b.kind.details_name(), a.kind.details_name()),
            opt("UserPrincipalName", &b.upn, &a.upn),
            p("PrimarySmtpAddress", &b.primary_smtp, &a.primary_smtp),
            opt("ExternalEmailAddress", &b.external_email, &a.external_email),
            opt("Database", &b.database, &a.database),
            opt("ExchangeGuid", &b.exchange_guid, &a.exchange_guid),
            opt("Sid", &b.sid, &a.sid),
            ("AccountDisabled", DiffValue::Bool(b.account_disabled), DiffValue::Bool(a.account_disabled)),
            ("HiddenFromAddressListsEnabled", DiffValue::Bool(b.hidden), DiffValue::Bool(a.hidden)),
        ];
        for (n, x, y) in props {
            out.property(DiffKind::RecipientProperty, t, n, x, y);
        }
        if b.email_addresses != a.email_addresses {
            let (x, y) = (DiffValue::List(b.email_addresses.clone()), DiffValue::List(a.email_addresses.clone()));
            out.push(Action::Change, DiffKind::RecipientProperty, t, None, Some("EmailAddresses"), Some(x), Some(y));
        }
    }
    out.list(DiffKind::RecipientProperty, t, Some("ManagedBy"), &b.managed_by, &a.managed_by);
    for ((n, x), (_, y)) in mail_flow_fields(names, &b.mail_flow).into_iter().zip(mail_flow_fields(names, &a.mail_flow))
    {
        out.property(DiffKind::RecipientProperty, t, n, x, y);
    }
    out.list(DiffKind::Members, t, None, &b.members, &a.members);
    out.list(DiffKind::GrantSendOnBehalfTo, t, None, &b.grant_send_on_behalf_to, &a.grant_send_on_behalf_to);

    // Auto-mapping: folded into the Full Access entry of the same user that comes or goes with it.
    let link_added: Vec<&String> =
        a.delegate_list_link.iter().filter(|g| !b.delegate_list_link.iter().any(|x| eq_ci(x, g))).collect();
    let link_removed: Vec<&String> =
        b.delegate_list_link.iter().filter(|g| !a.delegate_list_link.iter().any(|x| eq_ci(x, g))).collect();
    let sid_of = |g: &str| names.recipient(g).and_then(|r| r.sid.clone());
    let mut folded: Vec<String> = Vec::new();
    for (x, y) in pair_entries(&b.mailbox_acl, &a.mailbox_acl, mailbox_ace_key) {
        let e = x.or(y).cloned().unwrap_or_else(|| MailboxAce {
            sid: String::new(),
            rights: 0,
            deny: false,
            inheritance: super::model::Inheritance::All,
            inherited: false,
        });
        let full = |o: Option<&MailboxAce>| o.is_some_and(|o| o.rights & mailbox::FULL_ACCESS != 0);
        let mut mapping = None;
        if !e.deny && !e.inherited {
            let gains = !full(x) && full(y);
            let loses = full(x) && !full(y);
            let list = if gains { &link_added } else { &link_removed };
            if (gains || loses)
                && let Some(g) = list.iter().find(|g| sid_of(g).is_some_and(|s| eq_ci(&s, &e.sid)))
            {
                folded.push(g.to_string());
                mapping = Some(gains);
            }
        }
        let before = x.map(|v| mailbox_ace_value(v, if mapping == Some(false) { Some(true) } else { None }));
        let after = y.map(|v| mailbox_ace_value(v, if mapping == Some(true) { Some(true) } else { None }));
        let trustee = names.trustee(&e.sid);
        out.push(action_of(x, y), DiffKind::MailboxPermission, t, Some(trustee), None, before, after);
    }
    for (list, action) in [(&link_added, Action::Add), (&link_removed, Action::Remove)] {
        for g in list.iter().filter(|g| !folded.iter().any(|f| eq_ci(f, g))) {
            let trustee = TrusteeRef {
                name: names.member(g),
                account: sid_of(g).map(|s| names.after.account_name(&s)),
                sid: sid_of(g),
            };
            let v = Some(DiffValue::Bool(true));
            let (before, after) = if action == Action::Add { (None, v) } else { (v, None) };
            out.push(action, DiffKind::AutoMapping, t, Some(trustee), None, before, after);
        }
    }
    ad_acl_diff(out, t, &b.ad_acl, &a.ad_acl);
    owner_diff(out, t, "MailboxOwner", &b.mailbox_owner, &a.mailbox_owner);
    owner_diff(out, t, "Owner", &b.ad_owner, &a.ad_owner);
    folders_diff(out, &target, &b.folders, &a.folders);
    let cal = |r: &Recipient| r.calendar.clone().unwrap_or_else(|| Directory::default_calendar_processing(r.kind));
    let (cb, ca) = (cal(b), cal(a));
    if cb != ca {
        for ((n, x), (_, y)) in calendar_fields(names, &cb).into_iter().zip(calendar_fields(names, &ca)) {
            out.property(DiffKind::CalendarProcessing, t, n, x, y);
        }
    }
}

fn folder_target(mailbox: &str, path: &str) -> String {
    format!("{mailbox}:\\{path}")
}

fn folders_diff(out: &mut Out, mailbox: &str, before: &[Folder], after: &[Folder]) {
    for (b, a) in pair_entries(before, after, |f: &Folder| f.path.to_ascii_lowercase()) {
        let path = b.or(a).map(|f| f.path.clone()).unwrap_or_default();
        let target = folder_target(mailbox, &path);
        match (b, a) {
            (Some(_), None) => {
                out.push(Action::Remove, DiffKind::Folder, &target, None, None, Some(DiffValue::text(&path)), None)
            }
            (None, Some(_)) => {
                out.push(Action::Add, DiffKind::Folder, &target, None, None, None, Some(DiffValue::text(&path)))
            }
            _ => {}
        }
        let defaults;
        let bp: &[FolderAce] = match b {
            Some(f) => &f.permissions,
            None => {
                defaults = Directory::default_folder_permissions(&path);
                &defaults
            }
        };
        let Some(a) = a else { continue };
        for (x, y) in pair_entries(bp, &a.permissions, |p: &FolderAce| folder_user_key(&p.user)) {
            let user = x.or(y).map(|p| p.user.clone()).unwrap_or(FolderUser::Default);
            let trustee = out.names.folder_user(&user);
            out.push(
                action_of(x, y),
                DiffKind::FolderPermission,
                &target,
                Some(trustee),
                None,
                x.map(folder_ace_value),
                y.map(folder_ace_value),
            );
        }
    }
}

fn principal_diff(out: &mut Out, b: &Principal, a: &Principal) {
    let t = a.account.clone();
    out.property(DiffKind::Principal, &t, "Account", DiffValue::text(&b.account), DiffValue::text(&a.account));
    out.property(DiffKind::Principal, &t, "Name", DiffValue::text(&b.name), DiffValue::text(&a.name));
    out.property(DiffKind::Principal, &t, "IsGroup", DiffValue::Bool(b.is_group), DiffValue::Bool(a.is_group));
    out.list(DiffKind::Members, &t, None, &b.members, &a.members);
}

/// Every net difference between `before` and `after`, grouped by object: the organization,
/// databases, built-in principals, then recipients (in `before`'s order, added ones last in
/// `after`'s order).
pub fn diff(before: &Directory, after: &Directory) -> Vec<Difference> {
    let names = Names { before, after };
    let (before_map, after_map) = (GuidMap::of(before), GuidMap::of(after));
    let mut all: Vec<Difference> = Vec::new();
    fn collect(names: &Names, all: &mut Vec<Difference>, object: ObjectRef, f: &mut dyn FnMut(&mut Out)) {
        let mut o = Out { names, object, diffs: Vec::new() };
        f(&mut o);
        all.append(&mut o.diffs);
    }

    // The organization.
    let org_ref = ObjectRef {
        class: ObjectClass::Organization,
        id: String::new(),
        name: "Organization".into(),
        recipient_type: None,
    };
    let added_accounts = after.recipients.iter().any(|r| r.sid.is_some() && before_map.get(&r.guid).is_none());
    let mut implied_rid = false;
    collect(&names, &mut all, org_ref, &mut |o| {
        let (b, a) = (&before.org, &after.org);
        let t = "Organization";
        let props = [
            ("Name", DiffValue::text(&b.name), DiffValue::text(&a.name)),
            ("Domain", DiffValue::text(&b.domain), DiffValue::text(&a.domain)),
            ("NetBiosName", DiffValue::text(&b.netbios), DiffValue::text(&a.netbios)),
            ("DomainSid", DiffValue::text(&b.domain_sid), DiffValue::text(&a.domain_sid)),
            ("Server", DiffValue::text(&b.server), DiffValue::text(&a.server)),
            ("DomainController", DiffValue::text(&b.domain_controller), DiffValue::text(&a.domain_controller)),
            ("Version", DiffValue::text(b.version.profile_name()), DiffValue::text(a.version.profile_name())),
            (
                "UpdateLevel",
                DiffValue::opt(b.update_level.map(|l| l.name())),
                DiffValue::opt(a.update_level.map(|l| l.name())),
            ),
            ("NextRid", DiffValue::Int(i64::from(b.next_rid)), DiffValue::Int(i64::from(a.next_rid))),
        ];
        for (n, x, y) in props {
            if n == "NextRid" && x != y && added_accounts {
                implied_rid = true;
            }
            o.property(DiffKind::Organization, t, n, x, y);
        }
    });
    if implied_rid && let Some(d) = all.iter_mut().find(|d| d.property.as_deref() == Some("NextRid")) {
        d.implied = true;
    }

    // Databases.
    for (b, a) in pair_entries(&before.databases, &after.databases, |d| d.name.to_ascii_lowercase()) {
        let Some(db) = a.or(b) else { continue };
        let r = ObjectRef {
            class: ObjectClass::Database,
            id: db.name.clone(),
            name: db.name.clone(),
            recipient_type: None,
        };
        collect(&names, &mut all, r, &mut |o| {
            let t = db.name.as_str();
            let summary = |d: &super::model::Database| {
                DiffValue::Entry(vec![("name", DiffValue::text(&d.name)), ("server", DiffValue::text(&d.server))])
            };
            match (b, a) {
                (Some(b), Some(a)) => {
                    o.property(DiffKind::Database, t, "Guid", DiffValue::text(&b.guid), DiffValue::text(&a.guid));
                    o.property(DiffKind::Database, t, "Server", DiffValue::text(&b.server), DiffValue::text(&a.server));
                    ad_acl_diff(o, t, &b.ad_acl, &a.ad_acl);
                    owner_diff(o, t, "Owner", &b.ad_owner, &a.ad_owner);
                }
                (None, Some(a)) => {
                    o.push(Action::Add, DiffKind::Database, t, None, None, None, Some(summary(a)));
                    ad_acl_diff(o, t, &[], &a.ad_acl);
                }
                (Some(b), None) => o.push(Action::Remove, DiffKind::Database, t, None, None, Some(summary(b)), None),
                (None, None) => {}
            }
        });
    }

    // Built-in principals.
    for (b, a) in pair_entries(&before.principals, &after.principals, |p| p.sid.to_ascii_lowercase()) {
        let Some(p) = a.or(b) else { continue };
        let r = ObjectRef {
            class: ObjectClass::Principal,
            id: p.sid.clone(),
            name: p.account.clone(),
            recipient_type: None,
        };
        collect(&names, &mut all, r, &mut |o| {
            let t = p.account.as_str();
            let summary = |p: &Principal| DiffValue::Entry(vec![("account", DiffValue::text(&p.account))]);
            match (b, a) {
                (Some(b), Some(a)) => principal_diff(o, b, a),
                (None, Some(a)) => {
                    o.push(Action::Add, DiffKind::Principal, t, None, None, None, Some(summary(a)));
                    o.list(DiffKind::Members, t, None, &[], &a.members);
                }
                (Some(b), None) => o.push(Action::Remove, DiffKind::Principal, t, None, None, Some(summary(b)), None),
                (None, None) => {}
            }
        });
    }

    // Recipients: those in both and removed ones in `before`'s order, then added ones.
    for b in before.recipients.iter() {
        let a = after_map.get(&b.guid).map(|i| &after.recipients[i]);
        if a == Some(b) {
            continue;
        }
        collect(&names, &mut all, recipient_ref(a.unwrap_or(b)), &mut |o| match a {
            Some(a) => recipient_diff(o, b, a, false),
            None => {
                o.push(Action::Remove, DiffKind::Recipient, &display(b), None, None, Some(recipient_summary(b)), None);
            }
        });
    }
    for a in after.recipients.iter().filter(|r| before_map.get(&r.guid).is_none()) {
        collect(&names, &mut all, recipient_ref(a), &mut |o| {
            o.push(Action::Add, DiffKind::Recipient, &display(a), None, None, None, Some(recipient_summary(a)));
            recipient_diff(o, &fresh(after, a), a, true);
        });
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Change;
    use crate::directory::model::{ExchangeVersion, Inheritance};

    fn org() -> Directory {
        Directory::sample(ExchangeVersion::Exchange2019)
    }

    fn fa(sid: &str) -> MailboxAce {
        MailboxAce {
            sid: sid.into(),
            rights: mailbox::FULL_ACCESS,
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        }
    }

    #[test]
    fn same_org_has_no_differences() {
        assert!(diff(&org(), &org()).is_empty());
    }

    #[test]
    fn a_grant_then_its_removal_nets_out() {
        let before = org();
        let mut after = before.clone();
        let (k, m) = (after.recipients[1].guid.clone(), after.recipients[2].sid.clone().unwrap_or_default());
        after.apply(&Change::AddMailboxAce { mailbox: k.clone(), ace: fa(&m) }).expect("add");
        let d = diff(&before, &after);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].action, d[0].kind), (Action::Add, DiffKind::MailboxPermission));
        assert_eq!(d[0].trustee.as_ref().map(|t| t.name.as_str()), Some("Michelle Dubois"));
        after.apply(&Change::RemoveMailboxAce { mailbox: k, ace: fa(&m) }).expect("remove");
        assert!(diff(&before, &after).is_empty());
    }

    #[test]
    fn auto_mapping_folds_into_the_full_access_entry() {
        let before = org();
        let mut after = before.clone();
        let (k, mg, ms) = (
            after.recipients[1].guid.clone(),
            after.recipients[2].guid.clone(),
            after.recipients[2].sid.clone().unwrap_or_default(),
        );
        after.apply(&Change::AddMailboxAce { mailbox: k.clone(), ace: fa(&ms) }).expect("add");
        after.apply(&Change::SetAutoMapping { mailbox: k.clone(), user: mg.clone(), enabled: true }).expect("map");
        let d = diff(&before, &after);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].after.as_ref().and_then(|v| v.field("autoMapping")), Some(&DiffValue::Bool(true)));
        // Auto-mapping alone is its own change.
        let mut only = before.clone();
        only.apply(&Change::SetAutoMapping { mailbox: k, user: mg, enabled: true }).expect("map");
        let d = diff(&before, &only);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DiffKind::AutoMapping);
    }

    #[test]
    fn rights_names() {
        assert_eq!(ad_rights_names(ad::GENERIC_ALL), ["GenericAll"]);
        assert_eq!(ad_rights_names(ad::EXTENDED_RIGHT | ad::READ_PROPERTY), ["ReadProperty", "ExtendedRight"]);
        assert_eq!(
            mailbox_rights_names(mailbox::FULL_ACCESS | mailbox::READ_PERMISSION),
            ["FullAccess", "ReadPermission"]
        );
        assert_eq!(folder_rights_names(folder::REVIEWER), ["Reviewer"]);
    }
}
