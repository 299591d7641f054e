//! The sample org as the directory's unit tests use it: the recipients' indices (their order in
//! sample-org.md) and small helpers to read SIDs and Guids and grant Full Access.

use super::model::{ExchangeVersion, Inheritance, MailboxAce};
use super::rights::mailbox;
use super::{Change, Directory};

pub const ADMIN: usize = 0;
pub const KAREN: usize = 1;
pub const MICHELLE: usize = 2;
pub const AMY: usize = 3;
pub const JOHN: usize = 4;
pub const KIM: usize = 5;
pub const DAVID: usize = 6;
pub const HELPDESK: usize = 7;
pub const AGENTS: usize = 10;
pub const ALLSTAFF: usize = 11;

/// The Exchange 2019 sample org.
pub fn org() -> Directory {
    Directory::sample(ExchangeVersion::Exchange2019)
}

pub fn sid(d: &Directory, i: usize) -> String {
    d.recipients[i].sid.clone().unwrap_or_default()
}

pub fn guid(d: &Directory, i: usize) -> String {
    d.recipients[i].guid.clone()
}

/// An explicit Full Access entry (Allow or Deny) for `trustee_sid` on mailbox `mbx`.
pub fn grant_fa(d: &mut Directory, mbx: usize, trustee_sid: impl Into<String>, deny: bool) {
    let ace = MailboxAce {
        sid: trustee_sid.into(),
        rights: mailbox::FULL_ACCESS,
        deny,
        inheritance: Inheritance::All,
        inherited: false,
    };
    let mailbox = guid(d, mbx);
    d.apply(&Change::AddMailboxAce { mailbox, ace }).expect("grant");
}
