//! Encoding: Directory -> DTO.

use super::dto::{
    AdAceDto, CalendarProcessingDto, DatabaseDto, FolderAceDto, FolderDto, MailFlowDto, MailboxAceDto, OrgDto,
    OrgFileDto, PrincipalDto, RecipientDto,
};
use crate::directory::rights;
use crate::directory::{AdAce, CalendarProcessing, Directory, FolderUser, Recipient, UpdateLevel};
use crate::store::defaults::{Compact, Defaults};
use crate::store::names::{SCHEMA_VERSION, SHARING_FLAGS, flag_names, folder_right_names, inheritance_name};

// ---------------------------------------------------------------------------------------------
// Encoding: Directory -> DTO -> bytes.
// ---------------------------------------------------------------------------------------------

/// The DTO of a directory. Infallible: every value the model can hold has a spelling.
/// Mailboxes are written in the compact form (see [`crate::store::defaults`]).
pub fn to_dto(dir: &Directory) -> OrgFileDto {
    let defaults = Defaults::of(&dir.org);
    OrgFileDto {
        schema_version: SCHEMA_VERSION,
        organization: OrgDto {
            name: dir.org.name.clone(),
            version: dir.org.version.profile_name().to_string(),
            domain: dir.org.domain.clone(),
            netbios: dir.org.netbios.clone(),
            domain_sid: dir.org.domain_sid.clone(),
            server: dir.org.server.clone(),
            domain_controller: dir.org.domain_controller.clone(),
            update_level: dir.org.update_level.map(UpdateLevel::name),
            next_rid: dir.org.next_rid,
        },
        databases: dir
            .databases
            .iter()
            .map(|d| DatabaseDto {
                name: d.name.clone(),
                guid: d.guid.clone(),
                server: d.server.clone(),
                ad_permissions: d.ad_acl.iter().map(ad_ace_dto).collect(),
                ad_owner: d.ad_owner.clone(),
            })
            .collect(),
        principals: dir
            .principals
            .iter()
            .map(|p| PrincipalDto {
                account: p.account.clone(),
                name: p.name.clone(),
                sid: p.sid.clone(),
                is_group: p.is_group,
                members: p.members.clone(),
            })
            .collect(),
        recipients: dir
            .recipients
            .iter()
            .map(|r| recipient_dto(r, if r.kind.is_mailbox() { defaults.compact(r) } else { Compact::full(r) }))
            .collect(),
    }
}

pub(super) fn recipient_dto(r: &Recipient, compact: Compact<'_>) -> RecipientDto {
    RecipientDto {
        name: r.name.clone(),
        alias: r.alias.clone(),
        recipient_type_details: r.kind.details_name().to_string(),
        display_name: r.display_name.clone(),
        first_name: r.first_name.clone(),
        last_name: r.last_name.clone(),
        title: r.title.clone(),
        department: r.department.clone(),
        guid: r.guid.clone(),
        exchange_guid: r.exchange_guid.clone(),
        sid: r.sid.clone(),
        user_principal_name: r.upn.clone(),
        primary_smtp_address: r.primary_smtp.clone(),
        email_addresses: r.email_addresses.clone(),
        external_email_address: r.external_email.clone(),
        database: r.database.clone(),
        account_disabled: r.account_disabled,
        hidden_from_address_lists_enabled: r.hidden,
        members: r.members.clone(),
        managed_by: r.managed_by.clone(),
        grant_send_on_behalf_to: r.grant_send_on_behalf_to.clone(),
        delegate_list_link: r.delegate_list_link.clone(),
        mailbox_owner: r.mailbox_owner.clone(),
        ad_owner: r.ad_owner.clone(),
        defaults: compact.defaults,
        mailbox_permissions: compact.mailbox_acl.map(|acl| {
            acl.iter()
                .map(|a| MailboxAceDto {
                    trustee: a.sid.clone(),
                    rights: flag_names(a.rights, rights::mailbox::MEMBERS),
                    deny: a.deny,
                    inheritance: inheritance_name(a.inheritance).to_string(),
                    inherited: a.inherited,
                })
                .collect()
        }),
        ad_permissions: compact.ad_acl.map(|acl| acl.iter().map(ad_ace_dto).collect()),
        folders: compact.folders.map(|folders| {
            folders
                .into_iter()
                .map(|f| FolderDto {
                    path: f.path.clone(),
                    permissions: f
                        .permissions
                        .iter()
                        .map(|a| FolderAceDto {
                            user: folder_user_text(&a.user),
                            rights: folder_right_names(a.rights),
                            sharing_flags: flag_names(a.sharing_flags, SHARING_FLAGS),
                        })
                        .collect(),
                })
                .collect()
        }),
        calendar_processing: r.calendar.as_ref().map(calendar_dto),
        mail_flow: r.mail_flow.as_ref().map(|m| MailFlowDto {
            forwarding_address: m.forwarding_address.clone(),
            forwarding_smtp_address: m.forwarding_smtp_address.clone(),
            deliver_to_mailbox_and_forward: m.deliver_to_mailbox_and_forward,
            message_copy_for_sent_as_enabled: m.message_copy_for_sent_as,
            message_copy_for_send_on_behalf_enabled: m.message_copy_for_send_on_behalf,
        }),
    }
}

fn calendar_dto(c: &CalendarProcessing) -> CalendarProcessingDto {
    CalendarProcessingDto {
        automate_processing: c.automate_processing.name().to_string(),
        all_book_in_policy: c.all_book_in_policy,
        all_request_in_policy: c.all_request_in_policy,
        all_request_out_of_policy: c.all_request_out_of_policy,
        book_in_policy: c.book_in_policy.clone(),
        request_in_policy: c.request_in_policy.clone(),
        request_out_of_policy: c.request_out_of_policy.clone(),
        forward_requests_to_delegates: c.forward_requests_to_delegates,
        allow_conflicts: c.allow_conflicts,
        allow_recurring_meetings: c.allow_recurring_meetings,
        booking_window_in_days: c.booking_window_in_days,
        maximum_duration_in_minutes: c.maximum_duration_in_minutes,
        add_organizer_to_subject: c.add_organizer_to_subject,
        delete_comments: c.delete_comments,
        delete_subject: c.delete_subject,
        process_external_meeting_messages: c.process_external_meeting_messages,
    }
}

fn ad_ace_dto(a: &AdAce) -> AdAceDto {
    AdAceDto {
        trustee: a.sid.clone(),
        rights: flag_names(a.rights, rights::ad::MEMBERS),
        extended_rights: a.extended_rights.clone(),
        properties: a.properties.clone(),
        deny: a.deny,
        inheritance: inheritance_name(a.inheritance).to_string(),
        inherited: a.inherited,
    }
}

fn folder_user_text(u: &FolderUser) -> String {
    match u {
        FolderUser::Default => "Default".to_string(),
        FolderUser::Anonymous => "Anonymous".to_string(),
        FolderUser::Sid(s) | FolderUser::External(s) => s.clone(),
    }
}
