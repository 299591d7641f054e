//! The built-in Contoso organization (`/work/shared/sample-org.md`, a published contract) and the
//! default permission entries a fresh mailbox has in each Exchange version. New-Mailbox uses the
//! same `default_*` builders so a created mailbox looks like a sample one.

use super::Directory;
use super::model::*;
use super::rights::{ad, folder, mailbox};

/// The Contoso domain SID; account SIDs are `<DOMAIN_SID>-<rid>`.
pub const DOMAIN_SID: &str = "S-1-5-21-3623811015-3361044348-30300820";
/// `NT AUTHORITY\SELF`.
pub const SID_SELF: &str = "S-1-5-10";
/// `NT AUTHORITY\SYSTEM`.
pub const SID_SYSTEM: &str = "S-1-5-18";
/// `NT AUTHORITY\NETWORK SERVICE`.
pub const SID_NETWORK_SERVICE: &str = "S-1-5-20";
/// RID of `CONTOSO\Administrator`.
pub const RID_ADMINISTRATOR: u32 = 500;
/// RID of `CONTOSO\Domain Admins`.
pub const RID_DOMAIN_ADMINS: u32 = 512;
/// RID of `CONTOSO\Enterprise Admins`.
pub const RID_ENTERPRISE_ADMINS: u32 = 519;
/// RID of `CONTOSO\Organization Management`.
pub const RID_ORGANIZATION_MANAGEMENT: u32 = 1101;
/// RID of `CONTOSO\Exchange Servers`.
pub const RID_EXCHANGE_SERVERS: u32 = 1102;
/// RID of `CONTOSO\Exchange Trusted Subsystem`.
pub const RID_EXCHANGE_TRUSTED_SUBSYSTEM: u32 = 1103;
/// RID of `CONTOSO\Managed Availability Servers`.
pub const RID_MANAGED_AVAILABILITY_SERVERS: u32 = 1104;
/// The first RID after the sample's accounts (`OrgInfo::next_rid` of a fresh org).
pub const FIRST_FREE_RID: u32 = 1116;

/// The default folders of every mailbox, in the order they are stored (after the root).
pub const DEFAULT_FOLDERS: &[&str] = &[
    "Inbox",
    "Drafts",
    "Sent Items",
    "Deleted Items",
    "Outbox",
    "Junk Email",
    "Calendar",
    "Contacts",
    "Tasks",
    "Notes",
    "Journal",
];

/// One row of the sample recipient table.
struct Seed {
    name: &'static str,
    alias: &'static str,
    first: &'static str,
    last: &'static str,
    kind: RecipientKind,
    database: Option<&'static str>,
    rid: Option<u32>,
    title: &'static str,
    department: &'static str,
    guid: &'static str,
    exchange_guid: Option<&'static str>,
}

const SEEDS: &[Seed] = &[
    Seed {
        name: "Administrator",
        alias: "Administrator",
        first: "",
        last: "",
        kind: RecipientKind::UserMailbox,
        database: Some("DB01"),
        rid: Some(RID_ADMINISTRATOR),
        title: "",
        department: "",
        guid: "a2a3747b-c883-4e14-afe3-083d10488e20",
        exchange_guid: Some("9055752e-d3de-4092-b3ad-28ad2accfa6f"),
    },
    Seed {
        name: "Karen Berg",
        alias: "karen",
        first: "Karen",
        last: "Berg",
        kind: RecipientKind::UserMailbox,
        database: Some("DB01"),
        rid: Some(1105),
        title: "Sales Manager",
        department: "Sales",
        guid: "25dc1ed2-85f7-4105-a04d-daeb372e7abf",
        exchange_guid: Some("3dd5c25f-3ec5-4a6a-81bc-69e1123a87d6"),
    },
    Seed {
        name: "Michelle Dubois",
        alias: "michelle",
        first: "Michelle",
        last: "Dubois",
        kind: RecipientKind::UserMailbox,
        database: Some("DB01"),
        rid: Some(1106),
        title: "Executive Assistant",
        department: "Sales",
        guid: "59fcbe76-2153-4bc5-af53-53ce947139f4",
        exchange_guid: Some("59064cbb-242f-4af3-bd6e-73b9002b0ef3"),
    },
    Seed {
        name: "Amy Alberts",
        alias: "amy",
        first: "Amy",
        last: "Alberts",
        kind: RecipientKind::UserMailbox,
        database: Some("DB01"),
        rid: Some(1107),
        title: "",
        department: "Sales",
        guid: "da8b38db-eb68-4407-aaa5-a8e08a28b609",
        exchange_guid: Some("27cddd73-b220-4f08-bb27-03b799663552"),
    },
    Seed {
        name: "John Evans",
        alias: "john",
        first: "John",
        last: "Evans",
        kind: RecipientKind::UserMailbox,
        database: Some("DB02"),
        rid: Some(1108),
        title: "",
        department: "IT",
        guid: "d3072b60-1741-41a7-b6a5-552228df8948",
        exchange_guid: Some("3bc2cc2e-8dd3-4276-9682-ee8370c6a649"),
    },
    Seed {
        name: "Kim Akers",
        alias: "kim",
        first: "Kim",
        last: "Akers",
        kind: RecipientKind::UserMailbox,
        database: Some("DB02"),
        rid: Some(1109),
        title: "",
        department: "IT",
        guid: "cde1f241-ffec-4635-8b6d-8e138904a271",
        exchange_guid: Some("b2570a63-31d7-481e-8815-623f0a5d4acf"),
    },
    Seed {
        name: "David Hamilton",
        alias: "david",
        first: "David",
        last: "Hamilton",
        kind: RecipientKind::UserMailbox,
        database: Some("DB02"),
        rid: Some(1110),
        title: "",
        department: "IT",
        guid: "68f3f0ae-7019-45c1-9354-8de469f96b78",
        exchange_guid: Some("402bfd9d-ecf3-44bb-85c9-24b5da01f38b"),
    },
    Seed {
        name: "Help Desk",
        alias: "helpdesk",
        first: "",
        last: "",
        kind: RecipientKind::SharedMailbox,
        database: Some("DB01"),
        rid: Some(1111),
        title: "",
        department: "",
        guid: "20e14eb0-d46e-40cb-ad80-7e3a0b4aaa70",
        exchange_guid: Some("13225942-86c0-48a8-9e3a-26a5b6b3c955"),
    },
    Seed {
        name: "Conference Room 1",
        alias: "room1",
        first: "",
        last: "",
        kind: RecipientKind::RoomMailbox,
        database: Some("DB02"),
        rid: Some(1112),
        title: "",
        department: "",
        guid: "e697a424-f388-4cee-85f6-7c4d493e013d",
        exchange_guid: Some("802e3d3d-eda2-44b0-9603-6263b5540ebe"),
    },
    Seed {
        name: "Projector 01",
        alias: "projector1",
        first: "",
        last: "",
        kind: RecipientKind::EquipmentMailbox,
        database: Some("DB02"),
        rid: Some(1113),
        title: "",
        department: "",
        guid: "df590286-9a98-478e-b7f3-bb0c17c96a2b",
        exchange_guid: Some("598ff4b4-201f-49b3-aff8-483b2a17769c"),
    },
    Seed {
        name: "Help Desk Agents",
        alias: "helpdeskagents",
        first: "",
        last: "",
        kind: RecipientKind::MailUniversalSecurityGroup,
        database: None,
        rid: Some(1114),
        title: "",
        department: "",
        guid: "1577bce4-9941-4a3a-b9ae-da647f8a404a",
        exchange_guid: None,
    },
    Seed {
        name: "All Staff",
        alias: "allstaff",
        first: "",
        last: "",
        kind: RecipientKind::MailUniversalDistributionGroup,
        database: None,
        rid: Some(1115),
        title: "",
        department: "",
        guid: "857ea7e4-59ac-455e-9910-2b804b529b95",
        exchange_guid: None,
    },
    Seed {
        name: "Fabrikam Partner",
        alias: "partner",
        first: "",
        last: "",
        kind: RecipientKind::MailContact,
        database: None,
        rid: None,
        title: "",
        department: "",
        guid: "68fb8623-9bea-4c29-82a7-55e8fde9930b",
        exchange_guid: None,
    },
];

/// Guid of DB01.
const DB01_GUID: &str = "5e07fc79-eeb2-412c-a7a9-1392a300d6dc";
/// Guid of DB02.
const DB02_GUID: &str = "d96c7244-55d3-4769-8b67-9b0751b4f2a9";

/// Group memberships of the sample (group alias → member aliases).
const MEMBERSHIPS: &[(&str, &[&str])] =
    &[("helpdeskagents", &["kim", "david"]), ("allstaff", &["karen", "michelle", "amy", "john", "kim", "david"])];

impl Directory {
    /// The built-in Contoso organization in the given version (sample-org.md).
    pub fn sample(version: ExchangeVersion) -> Directory {
        let org = OrgInfo {
            name: "Contoso".to_string(),
            domain: "contoso.com".to_string(),
            // Online accounts print with the hosted forest's NetBIOS name (NAMPR04A003\\karen).
            netbios: if version == ExchangeVersion::Online { "NAMPR04A003" } else { "CONTOSO" }.to_string(),
            domain_sid: DOMAIN_SID.to_string(),
            // Exchange Online names its own servers and directory hosts (behavior.md §2.4).
            server: if version == ExchangeVersion::Online { "BN8PR04MB6341" } else { "EX01" }.to_string(),
            domain_controller: if version == ExchangeVersion::Online {
                "BN8PR04A003DC05.NAMPR04A003.PROD.OUTLOOK.COM"
            } else {
                "DC01.contoso.com"
            }
            .to_string(),
            version,
            update_level: (version == ExchangeVersion::Exchange2010).then_some(UpdateLevel::LATEST_2010),
            next_rid: FIRST_FREE_RID,
        };
        let mut dir = Directory { org, databases: Vec::new(), recipients: Vec::new().into(), principals: Vec::new() };
        dir.principals = dir.builtin_principals();
        dir.databases = vec![
            Database {
                name: "DB01".to_string(),
                guid: DB01_GUID.to_string(),
                server: "EX01".to_string(),
                ad_acl: dir.default_database_ad_acl(),
                ad_owner: None,
            },
            Database {
                name: "DB02".to_string(),
                guid: DB02_GUID.to_string(),
                server: "EX01".to_string(),
                ad_acl: dir.default_database_ad_acl(),
                ad_owner: None,
            },
        ];
        for seed in SEEDS {
            let r = dir.seed_recipient(seed);
            dir.recipients.push(r);
        }
        // The groups were created by Administrator, who is therefore their owner (ManagedBy).
        let admin: Vec<String> =
            dir.recipients.iter().filter(|r| r.alias == "Administrator").map(|r| r.guid.clone()).collect();
        for (group, members) in MEMBERSHIPS {
            let guids: Vec<String> = members
                .iter()
                .filter_map(|a| dir.recipients.iter().find(|r| r.alias == *a).map(|r| r.guid.clone()))
                .collect();
            if let Some(g) = dir.recipients.iter_mut().find(|r| r.alias == *group) {
                g.members = guids;
                g.managed_by = admin.clone();
            }
        }
        dir
    }

    /// `<domain SID>-<rid>`.
    pub fn account_sid(&self, rid: u32) -> String {
        format!("{}-{}", self.org.domain_sid, rid)
    }

    /// The built-in security principals, in a fixed order. The three admin groups contain
    /// `CONTOSO\Administrator` (by the sample Guid).
    fn builtin_principals(&self) -> Vec<Principal> {
        let nb = &self.org.netbios;
        let admin = SEEDS[0].guid.to_string();
        let mut out = vec![
            principal(SID_SELF, "NT AUTHORITY", "SELF", false, vec![]),
            principal(SID_SYSTEM, "NT AUTHORITY", "SYSTEM", false, vec![]),
            principal(SID_NETWORK_SERVICE, "NT AUTHORITY", "NETWORK SERVICE", false, vec![]),
        ];
        for (rid, name, members) in [
            (RID_DOMAIN_ADMINS, "Domain Admins", vec![admin.clone()]),
            (RID_ENTERPRISE_ADMINS, "Enterprise Admins", vec![admin.clone()]),
            (RID_ORGANIZATION_MANAGEMENT, "Organization Management", vec![admin]),
            (RID_EXCHANGE_SERVERS, "Exchange Servers", vec![]),
            (RID_EXCHANGE_TRUSTED_SUBSYSTEM, "Exchange Trusted Subsystem", vec![]),
            (RID_MANAGED_AVAILABILITY_SERVERS, "Managed Availability Servers", vec![]),
        ] {
            out.push(principal(&self.account_sid(rid), nb, name, true, members));
        }
        out
    }

    fn seed_recipient(&self, s: &Seed) -> Recipient {
        let is_contact = s.kind == RecipientKind::MailContact;
        let smtp =
            if is_contact { "partner@fabrikam.com".to_string() } else { format!("{}@{}", s.alias, self.org.domain) };
        let mailbox = s.kind.is_mailbox();
        Recipient {
            guid: s.guid.to_string(),
            exchange_guid: s.exchange_guid.map(str::to_string),
            sid: s.rid.map(|rid| self.account_sid(rid)),
            name: s.name.to_string(),
            alias: s.alias.to_string(),
            display_name: s.name.to_string(),
            first_name: s.first.to_string(),
            last_name: s.last.to_string(),
            title: s.title.to_string(),
            department: s.department.to_string(),
            kind: s.kind,
            upn: if is_contact || s.kind.is_group() { None } else { Some(smtp.clone()) },
            primary_smtp: smtp.clone(),
            email_addresses: self.new_proxy_addresses(s.alias, &smtp, is_contact),
            external_email: if is_contact { Some(format!("SMTP:{smtp}")) } else { None },
            database: s.database.map(str::to_string),
            account_disabled: matches!(
                s.kind,
                RecipientKind::SharedMailbox | RecipientKind::RoomMailbox | RecipientKind::EquipmentMailbox
            ),
            hidden: false,
            members: Vec::new(),
            managed_by: Vec::new(),
            grant_send_on_behalf_to: Vec::new(),
            mailbox_acl: if mailbox { self.default_mailbox_acl() } else { Vec::new() },
            ad_acl: if mailbox { self.default_user_ad_acl() } else { Vec::new() },
            folders: if mailbox {
                Directory::default_folders(if s.alias == "karen" { &["Inbox\\Projects"] } else { &[] })
            } else {
                Vec::new()
            },
            delegate_list_link: Vec::new(),
            mailbox_owner: None,
            ad_owner: None,
            calendar: None,
            mail_flow: None,
        }
    }

    /// The mailbox permissions of a fresh mailbox in this org's version: SELF explicit, then
    /// (on-premises) the inherited rows of behavior.md §1.1 in order.
    pub fn default_mailbox_acl(&self) -> Vec<MailboxAce> {
        use mailbox::*;
        let mut acl = vec![MailboxAce {
            sid: SID_SELF.to_string(),
            rights: FULL_ACCESS | READ_PERMISSION,
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        }];
        if !self.org.version.is_on_premises() {
            return acl;
        }
        let admins = [RID_ADMINISTRATOR, RID_DOMAIN_ADMINS, RID_ENTERPRISE_ADMINS, RID_ORGANIZATION_MANAGEMENT]
            .map(|rid| self.account_sid(rid));
        let full = FULL_ACCESS | DELETE_ITEM | READ_PERMISSION | CHANGE_PERMISSION | CHANGE_OWNER;
        let inherited = |sid: &str, rights: u64, deny: bool| MailboxAce {
            sid: sid.to_string(),
            rights,
            deny,
            inheritance: Inheritance::All,
            inherited: true,
        };
        for sid in &admins {
            acl.push(inherited(sid, FULL_ACCESS, true));
        }
        acl.push(inherited(SID_SYSTEM, FULL_ACCESS, false));
        acl.push(inherited(SID_NETWORK_SERVICE, READ_PERMISSION, false));
        acl.push(inherited(&self.account_sid(RID_EXCHANGE_SERVERS), FULL_ACCESS | READ_PERMISSION, false));
        acl.push(inherited(&self.account_sid(RID_EXCHANGE_TRUSTED_SUBSYSTEM), full, false));
        acl.push(inherited(&self.account_sid(RID_MANAGED_AVAILABILITY_SERVERS), READ_PERMISSION, false));
        for sid in &admins {
            acl.push(inherited(sid, full, false));
        }
        acl
    }

    /// The AD ACL exsh tracks on a fresh mailbox user: on-premises SELF Send-As and Receive-As
    /// (two explicit ACEs); Online SELF Send-As (what Get-RecipientPermission lists).
    pub fn default_user_ad_acl(&self) -> Vec<AdAce> {
        let on_prem = self.org.version.is_on_premises();
        let inheritance = if on_prem { Inheritance::All } else { Inheritance::None };
        let mut rights: Vec<&str> = vec![ad::SEND_AS];
        if on_prem {
            rights.push(ad::RECEIVE_AS);
        }
        rights
            .into_iter()
            .map(|x| AdAce {
                sid: SID_SELF.to_string(),
                rights: ad::EXTENDED_RIGHT,
                extended_rights: vec![x.to_string()],
                properties: Vec::new(),
                deny: false,
                inheritance,
                inherited: false,
            })
            .collect()
    }

    /// The AD ACL of a fresh mailbox database: on-premises, inherited Deny Send-As and Receive-As
    /// for Domain Admins, Enterprise Admins and Organization Management; Online, nothing.
    pub fn default_database_ad_acl(&self) -> Vec<AdAce> {
        if !self.org.version.is_on_premises() {
            return Vec::new();
        }
        let mut acl = Vec::new();
        for rid in [RID_DOMAIN_ADMINS, RID_ENTERPRISE_ADMINS, RID_ORGANIZATION_MANAGEMENT] {
            for x in [ad::SEND_AS, ad::RECEIVE_AS] {
                acl.push(AdAce {
                    sid: self.account_sid(rid),
                    rights: ad::EXTENDED_RIGHT,
                    extended_rights: vec![x.to_string()],
                    properties: Vec::new(),
                    deny: true,
                    inheritance: Inheritance::All,
                    inherited: true,
                });
            }
        }
        acl
    }

    /// The folders of a fresh mailbox: the root, the default folders, and `extra` subfolders
    /// (each placed right after its parent's last descendant), all with default permissions.
    pub fn default_folders(extra: &[&str]) -> Vec<Folder> {
        let mut paths: Vec<String> =
            std::iter::once(String::new()).chain(DEFAULT_FOLDERS.iter().map(|s| s.to_string())).collect();
        for e in extra {
            let e = e.trim_start_matches('\\');
            let pos = Directory::folder_insert_pos(paths.iter().map(String::as_str), e);
            paths.insert(pos, e.to_string());
        }
        paths.into_iter().map(|p| Folder { permissions: Directory::default_folder_permissions(&p), path: p }).collect()
    }

    /// Where a new folder `path` goes among the existing `paths`: right after its parent's last
    /// descendant (at the end for a folder under the root, or when the parent is missing). New-MailboxFolder places folders
    /// the same way, so the org file's compact form holds them.
    pub fn folder_insert_pos<'a>(paths: impl Iterator<Item = &'a str>, path: &str) -> usize {
        let parent = path.rsplit_once('\\').map(|(p, _)| p).unwrap_or("");
        let prefix = format!("{parent}\\");
        let paths: Vec<&str> = paths.collect();
        if parent.is_empty() {
            return paths.len();
        }
        paths
            .iter()
            .rposition(|p| p.eq_ignore_ascii_case(parent) || starts_with_ci(p, &prefix))
            .map(|i| i + 1)
            .unwrap_or(paths.len())
    }

    /// Default permissions of a folder: Calendar `Default {AvailabilityOnly}`, others `Default {None}`;
    /// `Anonymous {None}` everywhere.
    pub fn default_folder_permissions(path: &str) -> Vec<FolderAce> {
        let default_rights = if path.eq_ignore_ascii_case("Calendar") { folder::FREE_BUSY_SIMPLE } else { 0 };
        vec![
            FolderAce { user: FolderUser::Default, rights: default_rights, sharing_flags: 0 },
            FolderAce { user: FolderUser::Anonymous, rights: 0, sharing_flags: 0 },
        ]
    }
}

/// The alias of the sample mailbox whose fixed ExchangeGuid is `exchange_guid` (the mailboxes of
/// sample-org.md's table), `None` for every mailbox created later.
pub fn sample_mailbox_alias(exchange_guid: &str) -> Option<&'static str> {
    SEEDS.iter().find(|s| s.exchange_guid.is_some_and(|g| g.eq_ignore_ascii_case(exchange_guid))).map(|s| s.alias)
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.is_char_boundary(prefix.len()) && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn principal(sid: &str, domain: &str, name: &str, is_group: bool, members: Vec<String>) -> Principal {
    Principal { sid: sid.to_string(), account: format!("{domain}\\{name}"), name: name.to_string(), is_group, members }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_recipients_in_contract_order() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        let names: Vec<&str> = d.recipients.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Administrator",
                "Karen Berg",
                "Michelle Dubois",
                "Amy Alberts",
                "John Evans",
                "Kim Akers",
                "David Hamilton",
                "Help Desk",
                "Conference Room 1",
                "Projector 01",
                "Help Desk Agents",
                "All Staff",
                "Fabrikam Partner"
            ]
        );
        let karen = &d.recipients[1];
        assert_eq!(karen.alias, "karen");
        assert_eq!(karen.sid.as_deref(), Some("S-1-5-21-3623811015-3361044348-30300820-1105"));
        assert_eq!(karen.upn.as_deref(), Some("karen@contoso.com"));
        assert_eq!(karen.email_addresses, ["SMTP:karen@contoso.com"]);
        assert_eq!(karen.title, "Sales Manager");
        assert_eq!(d.recipients[0].sid.as_deref(), Some("S-1-5-21-3623811015-3361044348-30300820-500"));
        assert_eq!(d.recipients[12].sid, None);
        assert_eq!(d.recipients[12].primary_smtp, "partner@fabrikam.com");
        assert_eq!(d.recipients[12].external_email.as_deref(), Some("SMTP:partner@fabrikam.com"));
        assert!(d.recipients[7].account_disabled && !d.recipients[1].account_disabled);
        assert_eq!(d.org.next_rid, 1116);
    }

    #[test]
    fn guids_are_unique_and_lowercase() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        let mut all: Vec<&str> = d.recipients.iter().map(|r| r.guid.as_str()).collect();
        all.extend(d.recipients.iter().filter_map(|r| r.exchange_guid.as_deref()));
        all.extend(d.databases.iter().map(|x| x.guid.as_str()));
        assert_eq!(all.len(), 13 + 10 + 2);
        for g in &all {
            assert_eq!(g.len(), 36);
            assert_eq!(*g, g.to_lowercase());
        }
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len());
    }

    #[test]
    fn groups_and_principals() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        let aliases = |g: &Recipient| -> Vec<String> {
            g.members.iter().filter_map(|m| d.recipient_by_guid(m).map(|i| d.recipients[i].alias.clone())).collect()
        };
        assert_eq!(aliases(&d.recipients[10]), ["kim", "david"]);
        assert_eq!(aliases(&d.recipients[11]), ["karen", "michelle", "amy", "john", "kim", "david"]);
        let accounts: Vec<&str> = d.principals.iter().map(|p| p.account.as_str()).collect();
        assert_eq!(
            accounts,
            [
                "NT AUTHORITY\\SELF",
                "NT AUTHORITY\\SYSTEM",
                "NT AUTHORITY\\NETWORK SERVICE",
                "CONTOSO\\Domain Admins",
                "CONTOSO\\Enterprise Admins",
                "CONTOSO\\Organization Management",
                "CONTOSO\\Exchange Servers",
                "CONTOSO\\Exchange Trusted Subsystem",
                "CONTOSO\\Managed Availability Servers"
            ]
        );
        assert_eq!(d.principals[3].sid, format!("{DOMAIN_SID}-512"));
        assert_eq!(d.principals[4].sid, format!("{DOMAIN_SID}-519"));
        // No principal RID collides with a recipient RID.
        for p in &d.principals {
            assert!(d.recipient_by_sid(&p.sid).is_none(), "{}", p.account);
        }
    }

    #[test]
    fn default_mailbox_acl_on_premises_matches_behavior_1_1() {
        let d = Directory::sample(ExchangeVersion::Exchange2016);
        let rows: Vec<(String, u64, bool, bool)> = d.recipients[5]
            .mailbox_acl
            .iter()
            .map(|a| (d.account_name(&a.sid), a.rights, a.inherited, a.deny))
            .collect();
        use mailbox::*;
        let all = FULL_ACCESS | DELETE_ITEM | READ_PERMISSION | CHANGE_PERMISSION | CHANGE_OWNER;
        let expect: Vec<(&str, u64, bool, bool)> = vec![
            ("NT AUTHORITY\\SELF", FULL_ACCESS | READ_PERMISSION, false, false),
            ("CONTOSO\\Administrator", FULL_ACCESS, true, true),
            ("CONTOSO\\Domain Admins", FULL_ACCESS, true, true),
            ("CONTOSO\\Enterprise Admins", FULL_ACCESS, true, true),
            ("CONTOSO\\Organization Management", FULL_ACCESS, true, true),
            ("NT AUTHORITY\\SYSTEM", FULL_ACCESS, true, false),
            ("NT AUTHORITY\\NETWORK SERVICE", READ_PERMISSION, true, false),
            ("CONTOSO\\Exchange Servers", FULL_ACCESS | READ_PERMISSION, true, false),
            ("CONTOSO\\Exchange Trusted Subsystem", all, true, false),
            ("CONTOSO\\Managed Availability Servers", READ_PERMISSION, true, false),
            ("CONTOSO\\Administrator", all, true, false),
            ("CONTOSO\\Domain Admins", all, true, false),
            ("CONTOSO\\Enterprise Admins", all, true, false),
            ("CONTOSO\\Organization Management", all, true, false),
        ];
        let got: Vec<(&str, u64, bool, bool)> = rows.iter().map(|(a, r, i, x)| (a.as_str(), *r, *i, *x)).collect();
        assert_eq!(got, expect);
        // Groups and the contact have no ACL or folders.
        for r in &d.recipients[10..] {
            assert!(r.mailbox_acl.is_empty() && r.folders.is_empty() && r.ad_acl.is_empty());
        }
    }

    #[test]
    fn online_defaults() {
        let d = Directory::sample(ExchangeVersion::Online);
        let k = &d.recipients[1];
        assert_eq!(k.mailbox_acl.len(), 1);
        assert_eq!(k.mailbox_acl[0].sid, SID_SELF);
        assert_eq!(k.ad_acl.len(), 1);
        assert_eq!(k.ad_acl[0].extended_rights, ["Send-As"]);
        assert!(d.databases.iter().all(|x| x.ad_acl.is_empty()));
    }

    #[test]
    fn on_prem_ad_acls() {
        let d = Directory::sample(ExchangeVersion::Exchange2013);
        let k = &d.recipients[1];
        let x: Vec<&str> = k.ad_acl.iter().map(|a| a.extended_rights[0].as_str()).collect();
        assert_eq!(x, ["Send-As", "Receive-As"]);
        assert!(k.ad_acl.iter().all(|a| a.sid == SID_SELF && !a.inherited && !a.deny));
        assert!(k.ad_acl.iter().all(|a| a.rights == ad::EXTENDED_RIGHT));
        let db = &d.databases[0];
        assert_eq!(db.ad_acl.len(), 6);
        assert!(db.ad_acl.iter().all(|a| a.deny && a.inherited));
    }

    #[test]
    fn folders_and_their_defaults() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        let karen: Vec<&str> = d.recipients[1].folders.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(karen.len(), 13);
        assert_eq!(&karen[..3], ["", "Inbox", "Inbox\\Projects"]);
        assert_eq!(d.recipients[2].folders.len(), 12);
        let cal = &d.recipients[2].folders[d.folder_index(2, "Calendar").unwrap_or(0)];
        assert_eq!(cal.path, "Calendar");
        assert_eq!(
            cal.permissions[0],
            FolderAce { user: FolderUser::Default, rights: folder::FREE_BUSY_SIMPLE, sharing_flags: 0 }
        );
        assert_eq!(cal.permissions[1], FolderAce { user: FolderUser::Anonymous, rights: 0, sharing_flags: 0 });
        let inbox = &d.recipients[2].folders[1];
        assert_eq!(inbox.permissions[0].rights, 0);
        assert_eq!(inbox.permissions.len(), 2);
    }

    #[test]
    fn nested_extra_folders_follow_their_parent() {
        let f = Directory::default_folders(&["Inbox\\A", "Inbox\\A\\B", "Calendar\\Team"]);
        let p: Vec<&str> = f.iter().map(|x| x.path.as_str()).collect();
        assert_eq!(&p[..5], ["", "Inbox", "Inbox\\A", "Inbox\\A\\B", "Drafts"]);
        let cal = p.iter().position(|x| *x == "Calendar").unwrap_or(0);
        assert_eq!(p[cal + 1], "Calendar\\Team");
    }
}
