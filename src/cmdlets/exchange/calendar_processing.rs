//! Get-CalendarProcessing and Set-CalendarProcessing: how a mailbox's calendar handles meeting
//! requests (AutomateProcessing, who may book, who approves). Resource mailboxes default to
//! AutoAccept, user mailboxes to AutoUpdate, which can't be raised to AutoAccept. ResourceDelegates
//! is the mailbox's GrantSendOnBehalfTo (docs/reference/folders-and-calendar.md).

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::{AutomateProcessing, CalendarProcessing, Change, Directory, RecipientKind, ResolveError};
use crate::value::convert::to_bool;
use crate::value::{PsObject, Value};

use super::objects::{recipient_id, recipient_ids};
use super::params;
use super::types::{CALENDAR_PROCESSING_FLAGS, enum_value};
use super::{IdArg, ONLINE, arg_id, enum_list, identity_display, is_online, resolve_one, scope_of};

/// Get-CalendarProcessing.
pub struct GetCalendarProcessing;
/// Set-CalendarProcessing.
pub struct SetCalendarProcessing;

/// `Microsoft.Exchange.Data.Storage.Management.CalendarConfiguration`.
pub const CALENDAR_CONFIGURATION_TYPE: &str = "Microsoft.Exchange.Data.Storage.Management.CalendarConfiguration";

const IDENTITY: IdentityKind = IdentityKind::Mailbox;

/// The boolean settings Set-CalendarProcessing changes: parameter name and field.
type BoolField = fn(&mut CalendarProcessing) -> &mut bool;
const BOOLS: &[(&str, BoolField, &str)] = &[
    (
        "AllBookInPolicy",
        |c| &mut c.all_book_in_policy,
        "$true (default): in-policy requests from everyone are approved automatically.",
    ),
    (
        "AllRequestInPolicy",
        |c| &mut c.all_request_in_policy,
        "$true: everyone may submit in-policy requests, which a delegate approves.",
    ),
    (
        "AllRequestOutOfPolicy",
        |c| &mut c.all_request_out_of_policy,
        "$true: everyone may submit out-of-policy requests, which a delegate approves.",
    ),
    (
        "ForwardRequestsToDelegates",
        |c| &mut c.forward_requests_to_delegates,
        "$true (default): meeting requests are forwarded to the resource delegates.",
    ),
    (
        "AllowConflicts",
        |c| &mut c.allow_conflicts,
        "$true: conflicting meeting requests are accepted ($false is the default).",
    ),
    ("AllowRecurringMeetings", |c| &mut c.allow_recurring_meetings, "$true (default): recurring meetings are allowed."),
    (
        "AddOrganizerToSubject",
        |c| &mut c.add_organizer_to_subject,
        "$true (default): the organizer's name replaces the subject (AutoAccept only).",
    ),
    (
        "DeleteComments",
        |c| &mut c.delete_comments,
        "$true (default): the body of incoming requests is removed (AutoAccept only).",
    ),
    (
        "DeleteSubject",
        |c| &mut c.delete_subject,
        "$true (default): the subject of incoming requests is removed (AutoAccept only).",
    ),
    (
        "ProcessExternalMeetingMessages",
        |c| &mut c.process_external_meeting_messages,
        "$true: requests from outside the organization are processed ($false is the default).",
    ),
];

/// The recipient-list settings: parameter name and field.
type ListField = fn(&mut CalendarProcessing) -> &mut Vec<String>;
const LISTS: &[(&str, ListField, &str)] = &[
    (
        "BookInPolicy",
        |c| &mut c.book_in_policy,
        "Users or groups whose in-policy requests are approved automatically (the list replaces the current one).",
    ),
    (
        "RequestInPolicy",
        |c| &mut c.request_in_policy,
        "Users who may submit in-policy requests that a delegate approves.",
    ),
    (
        "RequestOutOfPolicy",
        |c| &mut c.request_out_of_policy,
        "Users who may submit out-of-policy requests that a delegate approves.",
    ),
];

fn is_resource(kind: RecipientKind) -> bool {
    matches!(kind, RecipientKind::RoomMailbox | RecipientKind::EquipmentMailbox)
}

/// The `CalendarConfiguration` object of Get-CalendarProcessing.
pub fn calendar_configuration_object(dir: &Directory, r: usize) -> Value {
    let c = dir.calendar_processing(r);
    let online = is_online(dir);
    let mut o = PsObject::new(&[
        &format!("Deserialized.{CALENDAR_CONFIGURATION_TYPE}"),
        "Deserialized.Microsoft.Exchange.Data.Storage.Management.XsoMailboxConfigurationObject",
        "Deserialized.Microsoft.Exchange.Data.ConfigurableObject",
        "Deserialized.System.Object",
    ]);
    o.set("AutomateProcessing", enum_value(&CALENDAR_PROCESSING_FLAGS, c.automate_processing.bits()));
    o.set("AllowConflicts", Value::Bool(c.allow_conflicts));
    if online {
        o.set("BookingType", Value::str("Standard"));
    }
    o.set("BookingWindowInDays", Value::Int(i64::from(c.booking_window_in_days)));
    o.set("MaximumDurationInMinutes", Value::Int(i64::from(c.maximum_duration_in_minutes)));
    if online {
        o.set("MinimumDurationInMinutes", Value::Int(0));
    }
    o.set("AllowRecurringMeetings", Value::Bool(c.allow_recurring_meetings));
    if online {
        o.set("EnforceCapacity", Value::Bool(false));
    }
    o.set("EnforceSchedulingHorizon", Value::Bool(true));
    o.set("ScheduleOnlyDuringWorkHours", Value::Bool(false));
    o.set("ConflictPercentageAllowed", Value::Int(0));
    o.set("MaximumConflictInstances", Value::Int(0));
    o.set("ForwardRequestsToDelegates", Value::Bool(c.forward_requests_to_delegates));
    o.set("DeleteAttachments", Value::Bool(true));
    o.set("DeleteComments", Value::Bool(c.delete_comments));
    o.set("RemovePrivateProperty", Value::Bool(true));
    o.set("DeleteSubject", Value::Bool(c.delete_subject));
    o.set("AddOrganizerToSubject", Value::Bool(c.add_organizer_to_subject));
    o.set("DeleteNonCalendarItems", Value::Bool(true));
    o.set("TentativePendingApproval", Value::Bool(true));
    o.set("EnableResponseDetails", Value::Bool(true));
    o.set("OrganizerInfo", Value::Bool(true));
    o.set("ResourceDelegates", recipient_ids(dir, &dir.recipients[r].grant_send_on_behalf_to));
    o.set("RequestOutOfPolicy", recipient_ids(dir, &c.request_out_of_policy));
    o.set("AllRequestOutOfPolicy", Value::Bool(c.all_request_out_of_policy));
    o.set("BookInPolicy", recipient_ids(dir, &c.book_in_policy));
    o.set("AllBookInPolicy", Value::Bool(c.all_book_in_policy));
    o.set("RequestInPolicy", recipient_ids(dir, &c.request_in_policy));
    o.set("AllRequestInPolicy", Value::Bool(c.all_request_in_policy));
    o.set("AddAdditionalResponse", Value::Bool(false));
    o.set("AdditionalResponse", Value::Null);
    o.set("RemoveOldMeetingMessages", Value::Bool(true));
    o.set("AddNewRequestsTentatively", Value::Bool(true));
    o.set("ProcessExternalMeetingMessages", Value::Bool(c.process_external_meeting_messages));
    o.set("RemoveForwardedMeetingNotifications", Value::Bool(false));
    if online {
        o.set("RemoveCanceledMeetings", Value::Bool(false));
        o.set("EnableAutoRelease", Value::Bool(false));
    }
    o.set("MailboxOwnerId", recipient_id(dir, r));
    o.set("Identity", recipient_id(dir, r));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    Value::object(o)
}

impl Cmdlet for GetCalendarProcessing {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-CalendarProcessing",
            "Microsoft.Exchange.Management.StoreTasks.GetCalendarProcessing",
            Origin::Exchange,
        )
        .synopsis("Shows how a mailbox's calendar processes meeting requests.")
        .param(params::mailbox_identity(IDENTITY).mandatory())
        .param(params::domain_controller())
        .param(params::read_from_domain_controller())
        .param(params::result_size())
        .example("Get-CalendarProcessing -Identity \"Room 212\" | Format-List", "Shows every setting of Room 212.")
        .example(
            "Get-Mailbox -RecipientTypeDetails RoomMailbox | Get-CalendarProcessing | Select-Object Identity,AutomateProcessing,ResourceDelegates",
            "Lists how every room mailbox books and who approves its requests.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let r = resolve_one(dir, &id, IDENTITY)?;
        let v = calendar_configuration_object(dir, r);
        cx.output(v);
        Ok(())
    }
}

fn bool_param(name: &'static str, help: &'static str) -> Param {
    Param::new(name, ParamType::Bool).help(help)
}

fn list_param(name: &'static str, help: &'static str) -> Param {
    Param::new(name, ParamType::Identity(IdentityKind::Recipient)).array().help(help)
}

fn id_list(v: &Value) -> Vec<IdArg> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(a) => a.borrow().iter().flat_map(id_list).collect(),
        other => vec![super::id_arg(other)],
    }
}

/// A BookInPolicy / RequestInPolicy / RequestOutOfPolicy entry: any recipient.
fn resolve_policy_entry(dir: &Directory, id: &IdArg) -> Result<String, CmdletError> {
    if let Some(i) = id.guid.as_deref().and_then(|g| dir.recipient_by_guid(g)) {
        return Ok(dir.recipients[i].guid.clone());
    }
    match dir.resolve_recipient(&id.text, scope_of(dir, IdentityKind::Recipient)) {
        Ok(i) => Ok(dir.recipients[i].guid.clone()),
        Err(ResolveError::NotFound) => Err(CmdletError::exchange(
            ExchangeErrorKind::NotFound,
            format!(
                "Couldn't find object \"{}\". Please make sure that it was spelled correctly or specify a different object.",
                id.text
            ),
        )),
        Err(ResolveError::Ambiguous) => Err(CmdletError::exchange(
            ExchangeErrorKind::Ambiguous,
            format!(
                "There are multiple recipients matching the identity \"{}\". Please specify a unique value.",
                id.text
            ),
        )),
    }
}

fn dedup(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for g in list {
        if !out.iter().any(|x| x.eq_ignore_ascii_case(&g)) {
            out.push(g);
        }
    }
    out
}

impl Cmdlet for SetCalendarProcessing {
    fn signature(&self) -> Signature {
        let mut sig = Signature::new(
            "Set-CalendarProcessing",
            "Microsoft.Exchange.Management.StoreTasks.SetCalendarProcessing",
            Origin::Exchange,
        )
        .synopsis("Changes how a resource mailbox's calendar processes meeting requests.")
        .should_process(ConfirmImpact::Medium)
        .param(params::mailbox_identity(IDENTITY).mandatory())
        .param(
            Param::new("AutomateProcessing", ParamType::Enum(&CALENDAR_PROCESSING_FLAGS))
                .help("None (off), AutoUpdate (Calendar Attendant only) or AutoAccept (resource booking; resource mailboxes only)."),
        )
        .param(list_param(
            "ResourceDelegates",
            "Users who approve or reject requests sent to the resource (the mailbox's GrantSendOnBehalfTo).",
        ));
        for (name, _, help) in LISTS {
            sig = sig.param(list_param(name, help));
        }
        for (name, _, help) in BOOLS {
            sig = sig.param(bool_param(name, help));
        }
        sig.param(params::domain_controller())
            .param(params::ignore_default_scope())
            .param(
                Param::new("EnforceCapacity", ParamType::Bool)
                    .versions(ONLINE)
                    .help("$true: no more attendees than the workspace's capacity."),
            )
            .example(
                "Set-CalendarProcessing -Identity \"Conf 212\" -AutomateProcessing AutoAccept -DeleteComments $true -AddOrganizerToSubject $true -AllowConflicts $false",
                "Automates the processing of requests to Conf 212.",
            )
            .example(
                "Set-CalendarProcessing -Identity \"5th Floor Conference Room\" -AutomateProcessing AutoAccept -AllRequestInPolicy $true -AllBookInPolicy $false -ResourceDelegates \"chris@contoso.com\",\"michelle@contoso.com\"",
                "Everyone may request the room; one of the delegates approves.",
            )
            .example(
                "Set-CalendarProcessing -Identity \"Car 53\" -AutomateProcessing AutoAccept -BookInPolicy \"ayla@contoso.com\",\"tony@contoso.com\" -AllBookInPolicy $false",
                "Only Ayla and Tony book Car 53 without approval.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let r = resolve_one(dir, &id, IDENTITY)?;
        let rec = &dir.recipients[r];
        let current = dir.calendar_processing(r);
        let mut next = current.clone();
        if args.get("AutomateProcessing").is_some_and(|v| !v.is_null()) {
            let bits = enum_list(args, "AutomateProcessing", &CALENDAR_PROCESSING_FLAGS)?.first().copied().unwrap_or(0);
            let value = AutomateProcessing::from_bits(bits).unwrap_or(AutomateProcessing::None);
            if value == AutomateProcessing::AutoAccept && !is_resource(rec.kind) {
                return Err(CmdletError::exchange(
                    ExchangeErrorKind::DataValidation,
                    "AutoAccept can only be enabled on resource mailboxes.",
                ));
            }
            next.automate_processing = value;
        }
        for (name, field, _) in BOOLS {
            if let Some(v) = args.get(name) {
                *field(&mut next) = to_bool(v);
            }
        }
        for (name, field, _) in LISTS {
            if let Some(v) = args.get(name) {
                let guids: Result<Vec<String>, CmdletError> =
                    id_list(v).iter().map(|x| resolve_policy_entry(dir, x)).collect();
                *field(&mut next) = dedup(guids?);
            }
        }
        let delegates = match args.get("ResourceDelegates") {
            None => None,
            Some(v) => Some(dedup(super::mailbox::resolve_all(dir, &id_list(v))?)),
        };
        let mailbox = rec.guid.clone();
        let current_delegates = &rec.grant_send_on_behalf_to;
        let delegates_change = delegates.filter(|d| {
            d.len() != current_delegates.len()
                || d.iter().any(|g| !current_delegates.iter().any(|c| c.eq_ignore_ascii_case(g)))
        });
        let shown = identity_display(dir, r);
        if !cx.should_process(&format!("Setting calendar processing for \"{}\".", id.text))? {
            return Ok(());
        }
        if next == current && delegates_change.is_none() {
            let suppressed = cx.variable("ExchangeDisableNotChangedWarning").is_some_and(|v| to_bool(&v));
            if !suppressed {
                cx.warning(&format!(
                    "The command completed successfully but no settings of '{shown}' have been modified."
                ));
            }
            return Ok(());
        }
        if next != current {
            cx.apply(Change::SetCalendarProcessing { mailbox: mailbox.clone(), settings: Box::new(next) })?;
        }
        if let Some(d) = delegates_change {
            cx.apply(Change::SetGrantSendOnBehalfTo { mailbox, delegates: d })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, list, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    fn err(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    #[test]
    fn defaults_and_changes() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetCalendarProcessing, &mut c, &[("Identity", s("room1"))]).is_ok());
        assert_eq!(prop(&c.out[0], "AutomateProcessing"), "AutoAccept");
        assert_eq!(prop(&c.out[0], "AllBookInPolicy"), "True");
        c.clear();
        let args = [
            ("Identity", s("room1")),
            ("ResourceDelegates", list(&["karen", "michelle"])),
            ("BookInPolicy", s("allstaff")),
            ("AllBookInPolicy", Value::Bool(false)),
        ];
        assert!(run(&SetCalendarProcessing, &mut c, &args).is_ok());
        assert!(run(&GetCalendarProcessing, &mut c, &[("Identity", s("room1"))]).is_ok());
        assert_eq!(prop(&c.out[0], "AllBookInPolicy"), "False");
        assert_eq!(prop(&c.out[0], "BookInPolicy"), "contoso.com/Users/All Staff");
        assert_eq!(
            prop(&c.out[0], "ResourceDelegates"),
            "contoso.com/Users/Michelle Dubois contoso.com/Users/Karen Berg"
        );
        assert!(run(&SetCalendarProcessing, &mut c, &args).is_ok());
        assert_eq!(
            c.warnings,
            [
                "The command completed successfully but no settings of 'contoso.com/Users/Conference Room 1' have been modified."
            ]
        );
        let r =
            run(&SetCalendarProcessing, &mut c, &[("Identity", s("karen")), ("AutomateProcessing", s("AutoAccept"))]);
        assert_eq!(err(r), "AutoAccept can only be enabled on resource mailboxes.");
        let r = run(&SetCalendarProcessing, &mut c, &[("Identity", s("room1")), ("BookInPolicy", s("ghost"))]);
        assert!(err(r).starts_with("Couldn't find object \"ghost\""));
        let r = run(&SetCalendarProcessing, &mut c, &[("Identity", s("room1")), ("ResourceDelegates", s("partner"))]);
        assert!(err(r).starts_with("You can't grant SendOnBehalfTo to \"partner\""));
    }
}
