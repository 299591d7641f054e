//! New-Mailbox and Remove-Mailbox, plus the naming rules new recipients share with
//! New-DistributionGroup: generated aliases and UPNs, and the uniqueness checks with Exchange's
//! texts (Exchange 2013 resource tables; the order of checks follows the decompiled
//! `NewUserBase` / `NewRecipientObjectTask`).
//!
//! Removing a mailbox deletes its account: group memberships and Send on Behalf entries naming
//! it go away, while ACEs elsewhere keep its SID, so Get-MailboxPermission on another mailbox
//! then prints the bare SID in `User` (an orphaned entry, behavior.md §1.1).

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::{Change, Directory, NewRecipient, RecipientKind};
use crate::value::Value;
use crate::value::convert::to_string;

use super::objects::mailbox_object;
use super::params;
use super::{FROM_2013, ON_PREMISES, ONLINE, arg_id, identity_display, is_online, resolve_one};

/// New-Mailbox.
pub struct NewMailbox;
/// Remove-Mailbox.
pub struct RemoveMailbox;

/// What Remove-Mailbox -Identity names.
const REMOVE_IDENTITY: IdentityKind = IdentityKind::Mailbox;

/// Characters an alias may hold besides ASCII letters and digits (RFC 5322 atom characters).
const ALIAS_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~.";

/// `RecipientTaskHelper.GenerateAlias`: the preferred text without the characters an alias
/// can't hold (spaces, accents…); leading/trailing and doubled periods dropped; `User` when
/// nothing is left.
pub fn generate_alias(preferred: &str) -> String {
    let mut out = String::new();
    for c in preferred.chars() {
        if c.is_ascii_alphanumeric() || ALIAS_SPECIALS.contains(c) {
            if c == '.' && (out.is_empty() || out.ends_with('.')) {
                continue;
            }
            out.push(c);
        }
    }
    let out = out.trim_end_matches('.').to_string();
    if out.is_empty() { "User".to_string() } else { out.chars().take(64).collect() }
}

/// `GenerateUniqueString`: `base`, else `base1`, `base2`… until `taken` says no.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (1u32..).map(|n| format!("{base}{n}")).find(|c| !taken(c)).unwrap_or_else(|| base.to_string())
}

/// An alias no recipient has yet, from the preferred text (New-* cmdlets without -Alias).
pub fn unique_alias(dir: &Directory, preferred: &str) -> String {
    unique(&generate_alias(preferred), |a| dir.recipients.iter().any(|r| r.alias.eq_ignore_ascii_case(a)))
}

/// A UPN no account has yet: `<local>@<domain>`, else `<local>1@…`.
fn unique_upn(dir: &Directory, local: &str) -> String {
    let taken = |l: &str| {
        let upn = format!("{l}@{}", dir.org.domain);
        dir.recipients.iter().any(|r| r.upn.as_deref().is_some_and(|u| u.eq_ignore_ascii_case(&upn)))
    };
    format!("{}@{}", unique(local, taken), dir.org.domain)
}

/// The checks a new recipient's Name, alias and primary address must pass (UPN is checked by
/// the caller first). On-premises a Name already used in the container fails when the object
/// is written (`ADObjectAlreadyExistsException`); Exchange Online checks names up front.
pub fn check_new_recipient(dir: &Directory, name: &str, alias: &str, primary_smtp: &str) -> CmdletResult {
    if let Some(owner) = dir.recipients.iter().position(|r| {
        r.primary_smtp.eq_ignore_ascii_case(primary_smtp)
            || r.email_addresses
                .iter()
                .any(|a| a.split_once(':').is_some_and(|(_, x)| x.eq_ignore_ascii_case(primary_smtp)))
    }) {
        return Err(proxy_in_use(dir, primary_smtp, owner));
    }
    // exsh's accounts use the alias as SamAccountName, so an alias must be unique too; Exchange
    // reports the address the alias would generate. [inferred: on-premises Exchange would stamp a
    // numbered address instead; Exchange Online refuses the address like this]
    if let Some(owner) = dir.recipients.iter().position(|r| r.alias.eq_ignore_ascii_case(alias)) {
        return Err(proxy_in_use(dir, &format!("{alias}@{}", dir.org.domain), owner));
    }
    check_name_free(dir, name, None)
}

/// On-premises, a recipient's Name is its CN in the Users container, so another recipient (than
/// `except`) with that name is AD's "already exists" error.
pub fn check_name_free(dir: &Directory, name: &str, except: Option<usize>) -> CmdletResult {
    let taken = dir.recipients.iter().enumerate().any(|(i, r)| Some(i) != except && r.name.eq_ignore_ascii_case(name));
    if !is_online(dir) && taken {
        let dn = format!("CN={},{}", escape_cn(name), dir.users_container_dn());
        return Err(CmdletError::exchange(
            ExchangeErrorKind::AdObjectAlreadyExists,
            format!(
                "Active Directory operation failed on {}. The object '{dn}' already exists.",
                dir.org.domain_controller
            ),
        ));
    }
    Ok(())
}

fn escape_cn(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `The name "<x>" is already being used. Please try another name.` (Exchange Online).
pub fn check_online_name(dir: &Directory, name: &str) -> CmdletResult {
    if is_online(dir) && dir.recipients.iter().any(|r| r.name.eq_ignore_ascii_case(name)) {
        return Err(CmdletError::exchange(
            ExchangeErrorKind::NameNotAvailable,
            format!("The name \"{name}\" is already being used. Please try another name."),
        ));
    }
    Ok(())
}

/// `The proxy address "SMTP:<a>" is already being used by the proxy addresses or LegacyExchangeDN of "<owner>". …`
fn proxy_in_use(dir: &Directory, address: &str, owner: usize) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::ProxyAddressExists,
        format!(
            "The proxy address \"SMTP:{address}\" is already being used by the proxy addresses or LegacyExchangeDN of \"{}\". Please choose another proxy address.",
            identity_display(dir, owner)
        ),
    )
}

/// `The value "<v>" of property "<p>" is used by another recipient object. Please specify a unique value.`
pub fn value_in_use(property: &str, value: &str) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::PropertyValueExists,
        format!(
            "The value \"{value}\" of property \"{property}\" is used by another recipient object. Please specify a unique value."
        ),
    )
}

/// -OrganizationalUnit: exsh keeps every recipient in the Users container, so only its forms
/// (and the domain itself) are accepted; anything else is not found.
pub fn check_organizational_unit(dir: &Directory, args: &BoundArgs) -> CmdletResult {
    if let Some(ou) = args.get("OrganizationalUnit").filter(|v| !v.is_null()).map(to_string) {
        let container = dir.users_container();
        let leaf = container.rsplit('/').next().unwrap_or("Users");
        let ok = [leaf, &container, &dir.users_container_dn(), &dir.org.domain, &dir.domain_dn()]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(&ou));
        if !ok {
            return Err(super::not_found(dir, &ou));
        }
    }
    Ok(())
}

/// A string argument, `None` when absent, `$null` or empty.
pub(super) fn string_arg(args: &BoundArgs, name: &str) -> Option<String> {
    args.get(name).filter(|v| !v.is_null()).map(to_string).filter(|s| !s.is_empty())
}

/// A -Password that is not a SecureString fails parameter binding, as in PowerShell.
pub fn check_password(args: &BoundArgs) -> CmdletResult {
    check_secure_string(args, "Password")
}

/// A SecureString parameter given something else: the remote session's argument transformation error.
pub fn check_secure_string(args: &BoundArgs, name: &str) -> CmdletResult {
    match args.get(name) {
        None | Some(Value::Null) => Ok(()),
        Some(v @ Value::Object(_)) if v.type_name().ends_with("System.Security.SecureString") => Ok(()),
        Some(v) => Err(CmdletError::core(
            format!(
                "Cannot process argument transformation on parameter '{name}'. Cannot convert the \"{}\" value of type \"{}\" to type \"System.Security.SecureString\".",
                to_string(v),
                match v {
                    Value::Object(_) => v.type_name(),
                    _ => "System.String".to_string(),
                }
            ),
            "System.Management.Automation.ParameterBindingArgumentTransformationException",
            "InvalidData",
            if name == "Password" {
                "ParameterArgumentTransformationError,Password"
            } else {
                "ParameterArgumentTransformationError,RoomMailboxPassword"
            },
        )),
    }
}

/// `ConvertibleMailboxSubType` as Exchange Server has it (Workspace and Desk are Online-only).
static ON_PREMISES_MAILBOX_SUB_TYPE: crate::value::EnumType = crate::value::EnumType {
    name: "Microsoft.Exchange.Management.RecipientTasks.ConvertibleMailboxSubType",
    flags: false,
    members: &[("Regular", 1), ("Shared", 4), ("Room", 16), ("Equipment", 32)],
};

/// Set-Mailbox's -Type parameter (converts between user, shared, room and equipment mailboxes).
pub fn type_param() -> Param {
    Param::new("Type", ParamType::Enum(&super::types::CONVERTIBLE_MAILBOX_SUB_TYPE))
        .help("Converts the mailbox: Regular, Shared, Room or Equipment (Online also lists Workspace and Desk).")
}

/// The mailbox kind Set-Mailbox -Type asks for, with the type's name as Exchange prints it
/// (`Shared`); `None` when -Type is absent.
pub fn requested_mailbox_kind(
    dir: &Directory,
    args: &BoundArgs,
) -> Result<Option<(RecipientKind, String)>, CmdletError> {
    let Some(v) = args.get("Type").filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let text = match v {
        Value::Enum(e) => e.ty.format(e.bits),
        other => to_string(other),
    };
    let ty: &'static crate::value::EnumType =
        if is_online(dir) { &super::types::CONVERTIBLE_MAILBOX_SUB_TYPE } else { &ON_PREMISES_MAILBOX_SUB_TYPE };
    let bits = ty.parse(&text).map_err(|e| super::conversion_error("Type", &text, ty, &e.identifier))?.bits;
    let kind = match bits {
        1 => RecipientKind::UserMailbox,
        4 => RecipientKind::SharedMailbox,
        16 => RecipientKind::RoomMailbox,
        32 => RecipientKind::EquipmentMailbox,
        _ => {
            // exsh models no Workspace or Desk mailboxes. [exsh-specific text]
            return Err(CmdletError::exchange(
                ExchangeErrorKind::RecipientTask,
                format!("exsh can't convert a mailbox to the type '{text}'."),
            ));
        }
    };
    Ok(Some((kind, ty.format(bits))))
}

fn switch(name: &'static str, help: &'static str) -> Param {
    Param::new(name, ParamType::Switch).help(help)
}

impl Cmdlet for NewMailbox {
    fn signature(&self) -> Signature {
        const ACCOUNT_SETS: &[&str] = &["User", "MicrosoftOnlineServicesID", "Shared", "Room", "Equipment"];
        Signature::new("New-Mailbox", "Microsoft.Exchange.Management.RecipientTasks.NewMailbox", Origin::Exchange)
            .synopsis("Creates a mailbox and its user account.")
            .sets(&["User", "MicrosoftOnlineServicesID", "Shared", "Room", "Equipment", "EnableRoomMailboxAccount"])
            .should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Name", ParamType::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .help("The unique name of the mailbox (up to 64 characters); also the display name when -DisplayName is omitted."),
            )
            .param(
                Param::new("Password", ParamType::Object)
                    .sets(ACCOUNT_SETS)
                    .mandatory_in(&["User", "MicrosoftOnlineServicesID"])
                    .type_display("SecureString")
                    .help("The account password, as a SecureString (ConvertTo-SecureString, Read-Host -AsSecureString); not needed for shared and resource mailboxes."),
            )
            .param(
                Param::new("UserPrincipalName", ParamType::String)
                    .sets(&["User", "Shared", "Room", "Equipment", "EnableRoomMailboxAccount"])
                    .mandatory_in(&["User"])
                    .versions(ON_PREMISES)
                    .help("The logon name (user@domain); its left part becomes the alias when -Alias is omitted."),
            )
            .param(
                Param::new("MicrosoftOnlineServicesID", ParamType::String)
                    .sets(&["MicrosoftOnlineServicesID", "Shared", "Room", "Equipment", "EnableRoomMailboxAccount"])
                    .mandatory_in(&["MicrosoftOnlineServicesID"])
                    .versions(ONLINE)
                    .type_display("WindowsLiveId")
                    .help("The cloud user ID (user@domain) that takes the place of the UPN."),
            )
            .param(switch("Shared", "Creates a shared mailbox (a disabled account many users open).").sets(&["Shared"]).mandatory_in(&["Shared"]))
            .param(
                switch("Room", "Creates a room mailbox (a disabled account).")
                    .sets(&["Room", "EnableRoomMailboxAccount"])
                    .mandatory_in(&["Room"]),
            )
            .param(
                Param::new("EnableRoomMailboxAccount", ParamType::Bool)
                    .sets(&["EnableRoomMailboxAccount"])
                    .mandatory()
                    .versions(FROM_2013)
                    .help("With -Room: $true enables the room's account (give -RoomMailboxPassword); $false (default) leaves it disabled. No effect in Exchange Online."),
            )
            .param(
                Param::new("RoomMailboxPassword", ParamType::Object)
                    .sets(&["EnableRoomMailboxAccount"])
                    .versions(FROM_2013)
                    .type_display("SecureString")
                    .help("The password of the room's enabled account, as a SecureString. No effect in Exchange Online."),
            )
            .param(
                switch("Equipment", "Creates an equipment mailbox for a resource without a location (a disabled account).")
                    .sets(&["Equipment"])
                    .mandatory_in(&["Equipment"]),
            )
            .param(
                Param::new("Alias", ParamType::String)
                    .help("The alias (also the address's local part); generated from the UPN, or the Name for shared and resource mailboxes, when omitted."),
            )
            .param(Param::new("DisplayName", ParamType::String).help("The display name (up to 256 characters); the Name when omitted."))
            .param(Param::new("FirstName", ParamType::String).help("The user's first name."))
            .param(Param::new("Initials", ParamType::String).help("The user's middle initials."))
            .param(Param::new("LastName", ParamType::String).help("The user's last name."))
            .param(
                Param::new("Database", ParamType::Identity(IdentityKind::Database))
                    .versions(ON_PREMISES)
                    .help("The mailbox database (name, DN or GUID); automatic when omitted."),
            )
            .param(
                Param::new("OrganizationalUnit", ParamType::String)
                    .type_display("OrganizationalUnitIdParameter")
                    .help("The OU to create the account in (exsh has only the Users container)."),
            )
            .param(
                Param::new("PrimarySmtpAddress", ParamType::String)
                    .type_display("SmtpAddress")
                    .help("The primary return address; setting it turns the email address policy off for the mailbox."),
            )
            .param(
                Param::new("SamAccountName", ParamType::String)
                    .versions(ON_PREMISES)
                    .help("The pre-Windows 2000 logon name (up to 20 characters); exsh uses the alias."),
            )
            .param(
                Param::new("ResetPasswordOnNextLogon", ParamType::Bool)
                    .help("$true makes the user change the password at the next logon."),
            )
            .param(
                Param::new("ResourceCapacity", ParamType::Int)
                    .sets(&["Room"])
                    .help("The capacity of the room (for example, seats)."),
            )
            .param(Param::new("Office", ParamType::String).sets(&["Room"]).help("The office location of the room."))
            .param(Param::new("Phone", ParamType::String).sets(&["Room"]).help("The phone number of the room."))
            .param(switch("Archive", "Also creates an archive mailbox."))
            .param(switch("Force", "Suppresses warning and confirmation messages."))
            .param(params::domain_controller())
            .example(
                "New-Mailbox -UserPrincipalName chris@contoso.com -Alias chris -Database \"Mailbox Database 1\" -Name ChrisAshton -OrganizationalUnit Users -Password $password -FirstName Chris -LastName Ashton -DisplayName \"Chris Ashton\" -ResetPasswordOnNextLogon $true",
                "Creates a user with a mailbox; the password must change at the next logon.",
            )
            .example(
                "New-Mailbox -UserPrincipalName confmbx@contoso.com -Alias confmbx -Name ConfRoomMailbox -Database \"Mailbox Database 1\" -OrganizationalUnit Users -Room -ResetPasswordOnNextLogon $true",
                "Creates a room mailbox.",
            )
            .example(
                "New-Mailbox -Shared -Name \"Sales Department\" -DisplayName \"Sales Department\" -Alias Sales",
                "Creates a shared mailbox (then grant access with Add-MailboxPermission and Set-Mailbox -GrantSendOnBehalfTo).",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        check_password(args)?;
        check_secure_string(args, "RoomMailboxPassword")?;
        // The binder refuses an empty -Name (a mandatory [string]).
        let name: String = args.req("Name")?;
        let dir = cx.directory();
        let online = is_online(dir);
        let kind = if args.switch("Shared") {
            RecipientKind::SharedMailbox
        } else if args.switch("Room") || args.get("EnableRoomMailboxAccount").is_some() {
            RecipientKind::RoomMailbox
        } else if args.switch("Equipment") {
            RecipientKind::EquipmentMailbox
        } else {
            RecipientKind::UserMailbox
        };
        check_online_name(dir, &name)?;
        check_organizational_unit(dir, args)?;
        let database = match arg_id(args, "Database") {
            None => None,
            Some(db) => {
                let d = db
                    .guid
                    .as_deref()
                    .and_then(|g| dir.databases.iter().position(|d| d.guid.eq_ignore_ascii_case(g)))
                    .map(Ok)
                    .unwrap_or_else(|| dir.resolve_database(&db.text))
                    .map_err(|_| {
                        CmdletError::exchange(
                            ExchangeErrorKind::NotFound,
                            format!("Couldn't find database \"{}\". Make sure you have typed it correctly.", db.text),
                        )
                    })?;
                Some(dir.databases[d].name.clone())
            }
        };
        let given_upn = string_arg(args, if online { "MicrosoftOnlineServicesID" } else { "UserPrincipalName" });
        let explicit_alias = string_arg(args, "Alias");
        let alias = match (&explicit_alias, &given_upn) {
            (Some(a), _) => a.clone(),
            // User mailboxes take the UPN's left part; shared and resource mailboxes the Name.
            (None, Some(upn)) if kind == RecipientKind::UserMailbox => {
                unique_alias(dir, upn.split('@').next().unwrap_or(upn))
            }
            _ => unique_alias(dir, &name),
        };
        let upn = given_upn.clone().unwrap_or_else(|| unique_upn(dir, &alias));
        if dir.recipients.iter().any(|r| r.upn.as_deref().is_some_and(|u| u.eq_ignore_ascii_case(&upn))) {
            return Err(value_in_use("UserPrincipalName", &upn));
        }
        if let Some(sam) = string_arg(args, "SamAccountName")
            && dir.recipients.iter().any(|r| r.sid.is_some() && r.alias.eq_ignore_ascii_case(&sam))
        {
            return Err(value_in_use("SamAccountName", &sam));
        }
        let primary = string_arg(args, "PrimarySmtpAddress").unwrap_or_else(|| format!("{alias}@{}", dir.org.domain));
        check_new_recipient(dir, &name, &alias, &primary)?;
        let ou = dir.users_container();
        let action = match kind {
            RecipientKind::SharedMailbox => format!(
                "Creating mailbox \"{name}\" with shared \"True\" and User Principal Name \"{upn}\" in organizational unit \"{ou}\"."
            ),
            RecipientKind::RoomMailbox | RecipientKind::EquipmentMailbox => format!(
                "Creating mailbox \"{name}\" with resource type \"{}\", user principal name \"{upn}\", and organizational unit \"{ou}\".",
                if kind == RecipientKind::RoomMailbox { "Room" } else { "Equipment" }
            ),
            _ if online => {
                format!("Creating mailbox \"{name}\" with Windows Live ID \"{upn}\" in organizational unit \"{ou}\".")
            }
            _ => format!(
                "Creating mailbox \"{name}\" with User Principal Name \"{upn}\" in organizational unit \"{ou}\"."
            ),
        };
        let spec = NewRecipient {
            name: name.clone(),
            alias,
            display_name: string_arg(args, "DisplayName"),
            first_name: string_arg(args, "FirstName").unwrap_or_default(),
            last_name: string_arg(args, "LastName").unwrap_or_default(),
            kind,
            database,
            external_email: None,
        };
        let mut r = dir.build_recipient(&spec);
        // EnableRoomMailboxAccount is functional only on-premises (New-Mailbox doc).
        if !online && args.opt::<bool>("EnableRoomMailboxAccount") == Some(true) {
            r.account_disabled = false;
        }
        r.upn = Some(upn);
        r.primary_smtp = primary.clone();
        r.email_addresses = dir.new_proxy_addresses(&r.alias, &primary, false);
        super::create_recipient(cx, &action, r, mailbox_object)
    }
}

impl Cmdlet for RemoveMailbox {
    fn signature(&self) -> Signature {
        Signature::new("Remove-Mailbox", "Microsoft.Exchange.Management.RecipientTasks.RemoveMailbox", Origin::Exchange)
            .synopsis("Removes a mailbox and its user account.")
            .should_process(ConfirmImpact::High)
            .param(
                params::mailbox_identity(REMOVE_IDENTITY).mandatory(),
            )
            .param(
                Param::new("Permanent", ParamType::Bool)
                    .versions(ON_PREMISES)
                    .help("$true purges the mailbox at once (no reconnect or restore); $false (default) keeps it disconnected for the retention period."),
            )
            .param(
                switch("PermanentlyDelete", "Purges a soft-deleted mailbox at once.").versions(ONLINE),
            )
            .param(switch("IgnoreLegalHold", "Removes the mailbox even if it is on legal hold.").versions(ON_PREMISES))
            .param(switch("Force", "Suppresses warning and confirmation messages.").versions(FROM_2013))
            .param(params::domain_controller())
            .param(
                params::ignore_default_scope()
                    .versions(ON_PREMISES),
            )
            .example("Remove-Mailbox -Identity \"John Rodman\"", "Removes John Rodman's mailbox and user account.")
            .example(
                "Remove-Mailbox -Identity \"John Rodman\" -Permanent $true",
                "Removes the mailbox and account and purges the mailbox at once.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(identity) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, REMOVE_IDENTITY)?;
        let r = &dir.recipients[i];
        let permanent = args.opt::<bool>("Permanent").unwrap_or(false);
        let action = if is_online(dir) {
            // Exchange Online mailboxes carry a Windows Live ID (NetID): the LiveId texts.
            let live_id = r.upn.clone().unwrap_or_else(|| r.primary_smtp.clone());
            format!(
                "Removing the mailbox \"{}\" will mark the mailbox and the archive, if present, for deletion. The associated Windows Live ID \"{live_id}\" will also be deleted and will not be available for any other Windows Live service.",
                identity.text
            )
        } else if permanent {
            format!(
                "Removing the mailbox \"{}\" will remove the Active Directory user object and mark the mailbox in the database for removal.",
                identity.text
            )
        } else {
            format!(
                "Removing mailbox \"{}\" will remove the Active Directory user object and mark the mailbox and the archive (if present) in the database for removal.",
                identity.text
            )
        };
        let guid = r.guid.clone();
        if cx.should_process(&action)? {
            cx.apply(Change::RemoveRecipient { recipient: guid })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::ExchangeVersion;
    use crate::value::PsObject;

    fn err(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    fn secure() -> Value {
        let mut pw = PsObject::new(&["System.Security.SecureString", "System.Object"]);
        pw.display = Some("System.Security.SecureString".into());
        Value::object(pw)
    }

    fn user(name: &str, upn: &str) -> Vec<(&'static str, Value)> {
        vec![("Name", s(name)), ("UserPrincipalName", s(upn)), ("Password", secure())]
    }

    #[test]
    fn aliases_are_generated_and_unique() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        assert_eq!(generate_alias("Sales Department"), "SalesDepartment");
        assert_eq!(generate_alias(" .Zoë O'Neil. "), "ZoO'Neil");
        assert_eq!(generate_alias("   "), "User");
        assert_eq!(unique_alias(&d, "karen"), "karen1");
        assert_eq!(unique_alias(&d, "Help Desk"), "HelpDesk1");
        assert_eq!(unique_alias(&d, "Sales Team"), "SalesTeam");
        assert_eq!(unique_upn(&d, "karen"), "karen1@contoso.com");
    }

    #[test]
    fn new_user_mailbox() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let mut args = user("Ben Smith", "ben@contoso.com");
        args.push(("FirstName", s("Ben")));
        args.push(("LastName", s("Smith")));
        assert!(run(&NewMailbox, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            [
                "Creating mailbox \"Ben Smith\" with User Principal Name \"ben@contoso.com\" in organizational unit \"contoso.com/Users\"."
            ]
        );
        assert_eq!(c.out.len(), 1);
        let mb = &c.out[0];
        assert_eq!(mb.type_name(), "Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox");
        for (p, v) in [
            ("Name", "Ben Smith"),
            ("Alias", "ben"),
            ("DisplayName", "Ben Smith"),
            ("PrimarySmtpAddress", "ben@contoso.com"),
            ("UserPrincipalName", "ben@contoso.com"),
            ("RecipientTypeDetails", "UserMailbox"),
            ("Database", "DB01"),
            ("ServerName", "ex01"),
        ] {
            assert_eq!(prop(mb, p), v, "{p}");
        }
        let r = &c.dir.recipients[13];
        assert_eq!((r.first_name.as_str(), r.last_name.as_str()), ("Ben", "Smith"));
        assert_eq!(r.sid.as_deref(), Some("S-1-5-21-3623811015-3361044348-30300820-1116"));
        // The alias comes from the UPN's left part.
        c.clear();
        assert!(run(&NewMailbox, &mut c, &user("Ben Jones", "ben.jones@contoso.com")).is_ok());
        assert_eq!(prop(&c.out[0], "Alias"), "ben.jones");
        c.clear();
        let mut args = user("Kim Two", "kim2@contoso.com");
        args.push(("Database", s("db02")));
        assert!(run(&NewMailbox, &mut c, &args).is_ok());
        assert_eq!(prop(&c.out[0], "Alias"), "kim2");
        assert_eq!(prop(&c.out[0], "Database"), "DB02");
    }

    #[test]
    fn shared_room_equipment() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [("Name", s("Sales Department")), ("Shared", Value::Switch(true)), ("DisplayName", s("Sales Dept"))];
        assert!(run(&NewMailbox, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            [
                "Creating mailbox \"Sales Department\" with shared \"True\" and User Principal Name \"SalesDepartment@contoso.com\" in organizational unit \"contoso.com/Users\"."
            ]
        );
        assert_eq!(prop(&c.out[0], "RecipientTypeDetails"), "SharedMailbox");
        assert_eq!(prop(&c.out[0], "DisplayName"), "Sales Dept");
        assert_eq!(prop(&c.out[0], "AccountDisabled"), "True");
        c.clear();
        let args = [("Name", s("Room 2")), ("Alias", s("room2")), ("Room", Value::Switch(true))];
        assert!(run(&NewMailbox, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            [
                "Creating mailbox \"Room 2\" with resource type \"Room\", user principal name \"room2@contoso.com\", and organizational unit \"contoso.com/Users\"."
            ]
        );
        assert_eq!(prop(&c.out[0], "ResourceType"), "Room");
        c.clear();
        assert!(run(&NewMailbox, &mut c, &[("Name", s("Van")), ("Equipment", Value::Switch(true))]).is_ok());
        assert_eq!(prop(&c.out[0], "RecipientTypeDetails"), "EquipmentMailbox");
    }

    #[test]
    fn duplicate_name_alias_upn_and_bad_arguments() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert_eq!(
            err(run(&NewMailbox, &mut c, &user("Karen B", "karen@contoso.com"))),
            "The value \"karen@contoso.com\" of property \"UserPrincipalName\" is used by another recipient object. Please specify a unique value."
        );
        let mut args = user("Karen B", "karenb@contoso.com");
        args.push(("Alias", s("Karen")));
        assert_eq!(
            err(run(&NewMailbox, &mut c, &args)),
            "The proxy address \"SMTP:Karen@contoso.com\" is already being used by the proxy addresses or LegacyExchangeDN of \"contoso.com/Users/Karen Berg\". Please choose another proxy address."
        );
        assert_eq!(
            err(run(&NewMailbox, &mut c, &user("Karen Berg", "kb@contoso.com"))),
            "Active Directory operation failed on DC01.contoso.com. The object 'CN=Karen Berg,CN=Users,DC=contoso,DC=com' already exists."
        );
        let mut args = user("X", "x@contoso.com");
        args.push(("Database", s("DB9")));
        assert_eq!(
            err(run(&NewMailbox, &mut c, &args)),
            "Couldn't find database \"DB9\". Make sure you have typed it correctly."
        );
        let mut args = user("X", "x@contoso.com");
        args.push(("OrganizationalUnit", s("Sales")));
        assert!(err(run(&NewMailbox, &mut c, &args)).contains("object 'Sales' couldn't be found"));
        let args = [("Name", s("X")), ("UserPrincipalName", s("x@contoso.com")), ("Password", s("Pa$$w0rd"))];
        assert!(err(run(&NewMailbox, &mut c, &args)).contains("to type \"System.Security.SecureString\""));
        let mut args = user("X", "x@contoso.com");
        args.push(("SamAccountName", s("amy")));
        assert!(err(run(&NewMailbox, &mut c, &args)).contains("of property \"SamAccountName\""));
        assert!(c.changes.is_empty() && c.actions.is_empty());
        // -WhatIf prints the line and creates nothing.
        c.whatif = true;
        assert!(run(&NewMailbox, &mut c, &user("Y", "y@contoso.com")).is_ok());
        assert_eq!(c.what_if.len(), 1);
        assert!(c.changes.is_empty() && c.out.is_empty());
    }

    #[test]
    fn online_mailboxes() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        let args = [("Name", s("Ben")), ("MicrosoftOnlineServicesID", s("ben@contoso.com")), ("Password", secure())];
        assert!(run(&NewMailbox, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            [
                "Creating mailbox \"Ben\" with Windows Live ID \"ben@contoso.com\" in organizational unit \"NAMPR04A003.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com\"."
            ]
        );
        assert_eq!(prop(&c.out[0], "Alias"), "ben");
        assert_eq!(
            err(run(&NewMailbox, &mut c, &[("Name", s("karen berg")), ("Shared", Value::Switch(true))])),
            "The name \"karen berg\" is already being used. Please try another name."
        );
        c.clear();
        assert!(run(&RemoveMailbox, &mut c, &[("Identity", s("ben"))]).is_ok());
        assert_eq!(
            c.actions,
            [
                "Removing the mailbox \"ben\" will mark the mailbox and the archive, if present, for deletion. The associated Windows Live ID \"ben@contoso.com\" will also be deleted and will not be available for any other Windows Live service."
            ]
        );
    }

    #[test]
    fn remove_mailbox_orphans_its_aces() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let kim_sid = c.dir.recipients[5].sid.clone().unwrap_or_default();
        let ace = crate::directory::MailboxAce {
            sid: kim_sid.clone(),
            rights: 1,
            deny: false,
            inheritance: crate::directory::Inheritance::All,
            inherited: false,
        };
        let karen = c.dir.recipients[1].guid.clone();
        assert!(c.dir.apply(&Change::AddMailboxAce { mailbox: karen, ace }).is_ok());
        assert!(run(&RemoveMailbox, &mut c, &[("Identity", s("kim"))]).is_ok());
        assert_eq!(
            c.actions,
            [
                "Removing mailbox \"kim\" will remove the Active Directory user object and mark the mailbox and the archive (if present) in the database for removal."
            ]
        );
        assert!(c.dir.recipients.iter().all(|r| r.alias != "kim"));
        assert!(c.dir.recipients.iter().all(|r| r.members.iter().all(|m| !m.is_empty())));
        assert!(c.dir.recipients[1].mailbox_acl.iter().any(|a| a.sid == kim_sid));
        assert_eq!(c.dir.account_name(&kim_sid), kim_sid);
        c.clear();
        let args = [("Identity", s("david")), ("Permanent", Value::Bool(true))];
        c.whatif = true;
        assert!(run(&RemoveMailbox, &mut c, &args).is_ok());
        assert_eq!(
            c.what_if,
            [
                "What if: Removing the mailbox \"david\" will remove the Active Directory user object and mark the mailbox in the database for removal."
            ]
        );
        assert!(c.changes.is_empty());
        assert!(
            err(run(&RemoveMailbox, &mut c, &[("Identity", s("allstaff"))]))
                .contains("object 'allstaff' couldn't be found")
        );
    }

    #[test]
    fn set_mailbox_type_converts_between_mailbox_kinds() {
        use crate::cmdlets::exchange::mailbox::SetMailbox;
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("amy")), ("Type", s("Shared"))]).is_ok());
        assert_eq!(c.dir.recipients[3].kind, RecipientKind::SharedMailbox);
        // A shared mailbox's account is disabled (SetMailboxBase.PrepareDataObject).
        assert!(c.dir.recipients[3].account_disabled);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("amy")), ("Type", s("Shared"))]).is_ok());
        assert_eq!(c.warnings.len(), 2);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("helpdesk")), ("Type", s("regular"))]).is_ok());
        assert_eq!(c.dir.recipients[7].kind, RecipientKind::UserMailbox);
        // Without a password the account stays disabled.
        assert!(c.dir.recipients[7].account_disabled);
        let r = run(&SetMailbox, &mut c, &[("Identity", s("amy")), ("Type", s("Workspace"))]);
        assert!(err(r).contains(
            "Specify one of the following enumerator names and try again:\nRegular, Shared, Room, Equipment"
        ));
        let mut c = MockContext::new(ExchangeVersion::Online);
        let r = run(&SetMailbox, &mut c, &[("Identity", s("amy")), ("Type", s("Workspace"))]);
        assert!(err(r).contains("Workspace"));
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("amy")), ("Type", s("Room"))]).is_ok());
        assert_eq!(c.dir.recipients[3].kind, RecipientKind::RoomMailbox);
    }
}
