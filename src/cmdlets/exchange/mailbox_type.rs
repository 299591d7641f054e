//! Set-Mailbox -Type and -Password: converting between user, shared, room and equipment
//! mailboxes and what that does to the account (docs/reference/recipients.md §7). Shared, room
//! and equipment mailboxes have disabled accounts; a disabled account is enabled again only when a
//! password is given with it (Exchange enables it when converting to Regular, which Active
//! Directory accepts only for an account with a password).

use crate::cmdlet::{BoundArgs, CmdletError, ExchangeErrorKind};
use crate::directory::{Directory, Recipient, RecipientField, RecipientKind};

use super::mailbox_lifecycle::{check_password, requested_mailbox_kind};

/// What -Type and -Password ask of one mailbox.
#[derive(Debug, Default)]
pub struct Conversion {
    /// The fields to change (kind, AccountDisabled).
    pub fields: Vec<RecipientField>,
    /// `Couldn't convert the mailbox because …` when the mailbox already has the type.
    pub warning: Option<String>,
    /// A password is set: the mailbox changes even when no field does.
    pub password: bool,
}

/// Works out -Type and -Password for mailbox `r`, given as `typed`.
pub fn conversion(dir: &Directory, args: &BoundArgs, typed: &str, r: &Recipient) -> Result<Conversion, CmdletError> {
    check_password(args)?;
    let password = args.get("Password").is_some_and(|v| !v.is_null());
    let mut out = Conversion { password, ..Conversion::default() };
    let mut kind = r.kind;
    if let Some((target, name)) = requested_mailbox_kind(dir, args)? {
        if target == r.kind {
            out.warning = Some(format!(
                "Couldn't convert the mailbox because the mailbox \"{typed}\" is already of the type \"{name}\"."
            ));
        } else {
            out.fields.push(RecipientField::MailboxKind(target));
            kind = target;
        }
    }
    let logon_disabled =
        matches!(kind, RecipientKind::SharedMailbox | RecipientKind::RoomMailbox | RecipientKind::EquipmentMailbox);
    if password && logon_disabled {
        // SetMailbox.ValidatePassword (ErrorSetPasswordForLogonDisabledAccount).
        return Err(CmdletError::exchange(
            ExchangeErrorKind::TaskArgument,
            "You cannot set password for a logon disabled account.",
        ));
    }
    let disabled = if logon_disabled {
        true
    } else if password {
        false
    } else {
        r.account_disabled
    };
    if disabled != r.account_disabled {
        out.fields.push(RecipientField::AccountDisabled(disabled));
    }
    Ok(out)
}
