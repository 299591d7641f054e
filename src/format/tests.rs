//! Tests of the output session and of Format-Table/Format-List, against 5.1 transcripts.

use super::*;
use crate::value::{EnumType, EnumValue, ErrorRecord, convert};

static MAILBOX_RIGHTS: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RecipientTasks.MailboxRights",
    flags: true,
    members: &[
        ("FullAccess", 1),
        ("SendAs", 2),
        ("ExternalAccount", 4),
        ("DeleteItem", 0x10000),
        ("ReadPermission", 0x20000),
    ],
};

fn obj(type_name: &str, props: &[(&str, Value)]) -> Value {
    let mut o = PsObject::new(&[type_name, "System.Object"]);
    for (k, v) in props {
        o.set(k, v.clone());
    }
    Value::object(o)
}

fn custom(props: &[(&str, Value)]) -> Value {
    let mut o = PsObject::custom();
    for (k, v) in props {
        o.set(k, v.clone());
    }
    Value::object(o)
}

fn ace(identity: &str, user: &str, bits: u64, inherited: bool) -> Value {
    obj(
        &format!("Deserialized.{}", views::MAILBOX_ACE),
        &[
            ("AccessRights", Value::array(vec![Value::Enum(EnumValue { ty: &MAILBOX_RIGHTS, bits })])),
            ("Deny", Value::Bool(false)),
            ("InheritanceType", Value::str("All")),
            ("User", Value::str(user)),
            ("Identity", Value::str(identity)),
            ("IsInherited", Value::Bool(inherited)),
        ],
    )
}

enum Step<'a> {
    Obj(Value),
    Text(&'a str),
    Err(Box<ErrorRecord>),
}

fn run(width: usize, opts: ViewOptions, steps: Vec<Step>) -> String {
    run_with(Formatting::new(width, opts), steps)
}

fn run_with(fmt: Formatting, steps: Vec<Step>) -> String {
    let mut out: Vec<u8> = Vec::new();
    let mut f = OutDefault::with(fmt);
    for s in steps {
        match s {
            Step::Obj(v) => f.object(&v, &mut out),
            Step::Text(t) => f.text(t, &mut out),
            Step::Err(e) => f.error(&e, &mut out),
        }
        .expect("write to a Vec");
    }
    f.finish(&mut out).expect("write to a Vec");
    String::from_utf8(out).expect("utf-8")
}

fn objs(width: usize, values: Vec<Value>) -> String {
    run(width, ViewOptions::default(), values.into_iter().map(Step::Obj).collect())
}

fn mailbox(name: &str, alias: &str, server: &str, quota: &str) -> Value {
    obj(
        views::MAILBOX,
        &[
            ("Name", Value::str(name)),
            ("Alias", Value::str(alias)),
            ("ServerName", Value::str(server)),
            ("ProhibitSendQuota", Value::str(quota)),
            ("Database", Value::str("DB01")),
            ("ExternalDirectoryObjectId", Value::str("")),
        ],
    )
}

const KIM: &str = "contoso.com/Users/Kim Akers";

#[test]
fn mailbox_permission_table_at_120() {
    let s =
        objs(120, vec![ace(KIM, "NT AUTHORITY\\SELF", 0x20001, false), ace(KIM, "CONTOSO\\Administrator", 1, true)]);
    let expected = "
Identity             User                 AccessRights                                                IsInherited Deny
--------             ----                 ------------                                                ----------- ----
contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess, ReadPermission}                                False       False
contoso.com/Users... CONTOSO\\Administr... {FullAccess}                                                True        False


";
    assert_eq!(s, expected);
}

#[test]
fn format_output_closes_the_open_table_and_later_objects_start_a_new_one() {
    let fmt = Formatting::new(80, ViewOptions::default());
    let fl = format_list_values(&[custom(&[("Name", Value::str("Karen"))])], None, &fmt).packets();
    let mut input = vec![ace(KIM, "NT AUTHORITY\\SELF", 1, false)];
    input.extend(fl);
    input.push(ace(KIM, "CONTOSO\\amy", 1, false));
    let s = objs(80, input);
    let expected = "
Identity             User                 AccessRights        IsInherited Deny
--------             ----                 ------------        ----------- ----
contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess}        False       False




Name : Karen




Identity             User                 AccessRights        IsInherited Deny
--------             ----                 ------------        ----------- ----
contoso.com/Users... CONTOSO\\amy          {FullAccess}        False       False


";
    assert_eq!(s, expected);
}

#[test]
fn mailbox_permission_table_at_80_cuts_the_rights() {
    let s = objs(80, vec![ace(KIM, "NT AUTHORITY\\SELF", 0x20001, false)]);
    let expected = "
Identity             User                 AccessRights        IsInherited Deny
--------             ----                 ------------        ----------- ----
contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess, Rea... False       False


";
    assert_eq!(s, expected);
}

#[test]
fn exact_padding_keeps_the_padded_last_column() {
    let fmt = Formatting { exact_padding: true, ..Formatting::new(80, ViewOptions::default()) };
    let s = run_with(fmt, vec![Step::Obj(ace(KIM, "NT AUTHORITY\\SELF", 1, true))]);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[1], "Identity             User                 AccessRights        IsInherited Deny ");
    assert_eq!(lines[2], "--------             ----                 ------------        ----------- ---- ");
    assert_eq!(lines[3], "contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess}        True        False");
    assert!(lines.iter().all(|l| l.len() <= 79));
}

#[test]
fn host_text_follows_the_last_row_without_a_blank_line() {
    let s = run(
        120,
        ViewOptions::default(),
        vec![
            Step::Obj(ace(KIM, "CONTOSO\\ben", 1, false)),
            Step::Text("WARNING: The appropriate access control entry is already present."),
            Step::Obj(ace(KIM, "CONTOSO\\amy", 1, false)),
            Step::Text("What if: Setting mailbox \"kim\"."),
        ],
    );
    let expected = "
Identity             User                 AccessRights                                                IsInherited Deny
--------             ----                 ------------                                                ----------- ----
contoso.com/Users... CONTOSO\\ben          {FullAccess}                                                False       False
WARNING: The appropriate access control entry is already present.
contoso.com/Users... CONTOSO\\amy          {FullAccess}                                                False       False
What if: Setting mailbox \"kim\".


";
    assert_eq!(s, expected);
}

#[test]
fn another_type_prints_as_a_list_and_the_table_goes_on() {
    let s = objs(
        120,
        vec![
            ace(KIM, "CONTOSO\\ben", 1, false),
            obj(views::REDUCED_RECIPIENT, &[("Name", Value::str("Ben")), ("RecipientType", Value::str("UserMailbox"))]),
            Value::str("done"),
            ace(KIM, "CONTOSO\\amy", 1, false),
        ],
    );
    let expected = "
Identity             User                 AccessRights                                                IsInherited Deny
--------             ----                 ------------                                                ----------- ----
contoso.com/Users... CONTOSO\\ben          {FullAccess}                                                False       False

Name          : Ben
RecipientType : UserMailbox

done
contoso.com/Users... CONTOSO\\amy          {FullAccess}                                                False       False


";
    assert_eq!(s, expected);
}

#[test]
fn scalars_before_any_table_are_plain_lines() {
    assert_eq!(objs(120, vec![Value::str("hello"), Value::Int(42), Value::Bool(true)]), "hello\n42\nTrue\n");
    assert_eq!(objs(120, vec![]), "");
    assert_eq!(objs(120, vec![Value::Null]), "");
}

#[test]
fn get_mailbox_at_80_wraps_the_last_header() {
    // Exchange 2013 help, "Working with command output".
    let s = objs(80, vec![mailbox("TestUser1", "TestUser1", "mbx", "unlimited")]);
    let expected = "
Name                      Alias                ServerName       ProhibitSendQuo
                                                                ta
----                      -----                ----------       ---------------
TestUser1                 TestUser1            mbx              unlimited


";
    assert_eq!(s, expected);
}

#[test]
fn get_mailbox_at_120_and_online() {
    let s = objs(
        120,
        vec![mailbox(
            "SystemMailbox{1f05a927-f89d-4056-8e35-b8e90bdc0abf}",
            "SystemMailbox{1f05a927-f89d}",
            "exchange-1",
            "unlimited",
        )],
    );
    let expected = "
Name                      Alias                ServerName       ProhibitSendQuota
----                      -----                ----------       -----------------
SystemMailbox{1f05a927... SystemMailbox{1f0... exchange-1       unlimited


";
    assert_eq!(s, expected);
    let online = ViewOptions { online: true, ..ViewOptions::default() };
    let mut m = mailbox("a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c", "adenh", "", "99 GB (106,300,440,576 bytes)");
    if let Value::Object(o) = &mut m {
        let mut o = o.borrow_mut();
        o.set("Database", Value::str("EURP190DG059-db151"));
        o.set("ExternalDirectoryObjectId", Value::str("a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c"));
    }
    let s = run(160, online, vec![Step::Obj(m)]);
    let expected = "
Name                      Alias           Database                       ProhibitSendQuota    ExternalDirectoryObjectId
----                      -----           --------                       -----------------    -------------------------
a117ac14-ab10-4fa3-a17a-\u{2026} adenh           EURP190DG059-db151             99 GB (106,300,440,\u{2026} a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c


";
    assert_eq!(s, expected);
}

#[test]
fn ad_permission_table() {
    let ad = obj(
        views::AD_ACE,
        &[
            ("Identity", Value::str("Mailbox Database 0834494192")),
            ("User", Value::str("EXC10\\inter6")),
            ("Deny", Value::Bool(false)),
            ("IsInherited", Value::Bool(false)),
            ("ExtendedRights", Value::Null),
        ],
    );
    let expected = "
Identity             User                 Deny  Inherited
--------             ----                 ----  ---------
Mailbox Database ... EXC10\\inter6         False False


";
    assert_eq!(objs(120, vec![ad]), expected);
}

fn folder_perm(user: &str, rights: &str) -> Value {
    obj(
        views::FOLDER_PERMISSION,
        &[
            ("FolderName", Value::str("Calendar")),
            ("User", Value::str(user)),
            ("AccessRights", Value::array(vec![Value::str(rights)])),
            ("SharingPermissionFlags", Value::Null),
            ("Identity", Value::str(user)),
            ("IsValid", Value::Bool(true)),
        ],
    )
}

#[test]
fn folder_permission_views_per_profile() {
    let rows =
        || vec![folder_perm("Default", "AvailabilityOnly"), folder_perm("PIL Accts - Dont Delete Me", "Reviewer")];
    let expected = "
FolderName           User                 AccessRights
----------           ----                 ------------
Calendar             Default              {AvailabilityOnly}
Calendar             PIL Accts - Dont ... {Reviewer}


";
    assert_eq!(objs(120, rows()), expected);
    // The seen Exchange Online transcript (behavior.md §2) came from Windows PowerShell 5.1 and
    // cut with `...`; exsh's Online profile is PowerShell 7, which cuts with one `…`.
    let online = ViewOptions { online: true, ..ViewOptions::default() };
    let expected = "
FolderName           User                 AccessRights                           SharingPermissionFlags
----------           ----                 ------------                           ----------------------
Calendar             Default              {AvailabilityOnly}
Calendar             PIL Accts - Dont De\u{2026} {Reviewer}


";
    assert_eq!(run(120, online, rows().into_iter().map(Step::Obj).collect()), expected);
    let e2010 = ViewOptions { exchange2010: true, ..ViewOptions::default() };
    let expected = "

FolderName   : Calendar
User         : Default
AccessRights : {AvailabilityOnly}
Identity     : Default
IsValid      : True

FolderName   : Calendar
User         : PIL Accts - Dont Delete Me
AccessRights : {Reviewer}
Identity     : PIL Accts - Dont Delete Me
IsValid      : True



";
    assert_eq!(run(120, e2010, rows().into_iter().map(Step::Obj).collect()), expected);
}

fn user(name: &str, t: &str) -> Value {
    obj(views::USER, &[("Name", Value::str(name)), ("RecipientType", Value::str(t)), ("Guid", Value::str("x"))])
}

#[test]
fn get_user_is_autosized_in_51_and_split_in_2010() {
    let expected = "
Name   RecipientType
----   -------------
inter6 UserMailbox


";
    assert_eq!(objs(120, vec![user("inter6", "UserMailbox")]), expected);
    // Exchange 2010 (PowerShell 2.0): the Korean lab transcript at 120 columns.
    let e2010 = ViewOptions { exchange2010: true, ..ViewOptions::default() };
    let expected = "
Name                                                        RecipientType
----                                                        -------------
inter6                                                      UserMailbox


";
    assert_eq!(run(120, e2010, vec![Step::Obj(user("inter6", "UserMailbox"))]), expected);
}

#[test]
fn mailbox_database_table() {
    let db = obj(
        views::MAILBOX_DATABASE,
        &[
            ("Name", Value::str("Mailbox Database 0834494192")),
            ("Server", Value::str("INTER6-EXC10")),
            ("Recovery", Value::Bool(false)),
            ("ReplicationType", Value::str("None")),
        ],
    );
    let expected = "
Name                           Server          Recovery        ReplicationType
----                           ------          --------        ---------------
Mailbox Database 0834494192    INTER6-EXC10    False           None


";
    assert_eq!(objs(120, vec![db]), expected);
}

#[test]
fn distribution_groups_and_recipient_permissions_are_autosized() {
    let g = obj(
        &format!("Deserialized.{}", views::DISTRIBUTION_GROUP),
        &[
            ("Name", Value::str("Sales_13896087-3e43-4c33-a7c3-e66cd2aa39a9")),
            ("DisplayName", Value::str("Sales")),
            ("GroupType", Value::str("Universal")),
            ("PrimarySmtpAddress", Value::str("Sales@contoso.com")),
        ],
    );
    let expected = "
Name                                       DisplayName GroupType PrimarySmtpAddress
----                                       ----------- --------- ------------------
Sales_13896087-3e43-4c33-a7c3-e66cd2aa39a9 Sales       Universal Sales@contoso.com


";
    assert_eq!(objs(120, vec![g]), expected);
    let rp = |id: &str, trustee: &str| {
        obj(
            views::RECIPIENT_PERMISSION,
            &[
                ("Identity", Value::str(id)),
                ("Trustee", Value::str(trustee)),
                ("AccessControlType", Value::str("Allow")),
                ("AccessRights", Value::array(vec![Value::str("SendAs")])),
                ("IsInherited", Value::Bool(false)),
            ],
        )
    };
    let expected = "
Identity                             Trustee                   AccessControlType AccessRights Inherited
--------                             -------                   ----------------- ------------ ---------
adam.kolendo                         NT AUTHORITY\\SELF         Allow             {SendAs}     False
AggregateGroupMailbox.A.201708112247 przemyslaw.klys@evotec.pl Allow             {SendAs}     False


";
    assert_eq!(
        objs(
            120,
            vec![
                rp("adam.kolendo", "NT AUTHORITY\\SELF"),
                rp("AggregateGroupMailbox.A.201708112247", "przemyslaw.klys@evotec.pl")
            ]
        ),
        expected
    );
}

#[test]
fn get_recipient_table() {
    let r = obj(
        views::REDUCED_RECIPIENT,
        &[("Name", Value::str("Kim Akers")), ("RecipientType", Value::str("UserMailbox"))],
    );
    assert_eq!(objs(120, vec![r]), "\nName      RecipientType\n----      -------------\nKim Akers UserMailbox\n\n\n");
}

#[test]
fn custom_objects_autosize_and_keep_the_first_columns() {
    let a = custom(&[("Name", Value::str("kim")), ("Count", Value::Int(12345)), ("Enabled", Value::Bool(true))]);
    let b = custom(&[("Other", Value::str("x"))]);
    let c = custom(&[("Name", Value::str("ben")), ("Count", Value::Int(7)), ("Enabled", Value::Bool(false))]);
    let expected = "
Name Count Enabled
---- ----- -------
kim  12345    True

ben      7   False


";
    assert_eq!(objs(120, vec![a, b, c]), expected);
}

#[test]
fn host_text_comes_before_a_cached_table() {
    let a = custom(&[("Name", Value::str("kim")), ("Alias", Value::str("kim"))]);
    let s = run(120, ViewOptions::default(), vec![Step::Obj(a), Step::Text("Done")]);
    assert_eq!(s, "\nDone\nName Alias\n---- -----\nkim  kim\n\n\n");
}

#[test]
fn errors_print_in_order_with_rows() {
    let e = ErrorRecord {
        message: "The operation couldn't be performed because object 'zed' couldn't be found on 'dc1.contoso.com'."
            .into(),
        exception_type: "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException".into(),
        category: "NotSpecified".into(),
        target: ":".into(),
        activity: "Get-Recipient".into(),
        fqid: "ABC123,Microsoft.Exchange.Management.RecipientTasks.GetRecipient".into(),
        ..ErrorRecord::default()
    };
    let r = obj(
        views::REDUCED_RECIPIENT,
        &[("Name", Value::str("Kim Akers")), ("RecipientType", Value::str("UserMailbox"))],
    );
    let s = run(120, ViewOptions::default(), vec![Step::Obj(r), Step::Err(Box::new(e))]);
    let expected = "
Name      RecipientType
----      -------------
Kim Akers UserMailbox
The operation couldn't be performed because object 'zed' couldn't be found on 'dc1.contoso.com'.
    + CategoryInfo          : NotSpecified: (:) [Get-Recipient], ManagementObjectNotFoundException
    + FullyQualifiedErrorId : ABC123,Microsoft.Exchange.Management.RecipientTasks.GetRecipient



";
    assert_eq!(s, expected);
}

#[test]
fn five_properties_make_a_list() {
    let props = |n: &str| {
        custom(&[
            ("Name", Value::str(n)),
            ("Alias", Value::str(n)),
            ("PrimarySmtpAddress", Value::str(format!("{n}@contoso.com"))),
            ("RecipientTypeDetails", Value::str("UserMailbox")),
            ("HiddenFromAddressListsEnabled", Value::Bool(false)),
        ])
    };
    let expected = "

Name                          : kim
Alias                         : kim
PrimarySmtpAddress            : kim@contoso.com
RecipientTypeDetails          : UserMailbox
HiddenFromAddressListsEnabled : False

Name                          : ben
Alias                         : ben
PrimarySmtpAddress            : ben@contoso.com
RecipientTypeDetails          : UserMailbox
HiddenFromAddressListsEnabled : False



";
    assert_eq!(objs(120, vec![props("kim"), props("ben")]), expected);
}

#[test]
fn enumeration_limit_in_lists_and_wrapping() {
    let delegates: Vec<Value> = (1..=20).map(|i| Value::str(format!("contoso.com/Users/User {i:02}"))).collect();
    let m = custom(&[
        ("Name", Value::str("kim")),
        ("GrantSendOnBehalfTo", Value::array(delegates)),
        ("A", Value::Null),
        ("B", Value::Null),
        ("C", Value::Null),
    ]);
    let s = objs(80, vec![m]);
    let expected = "

Name                : kim
GrantSendOnBehalfTo : {contoso.com/Users/User 01, contoso.com/Users/User 02,
                      contoso.com/Users/User 03, contoso.com/Users/User 04,
                      contoso.com/Users/User 05, contoso.com/Users/User 06,
                      contoso.com/Users/User 07, contoso.com/Users/User 08,
                      contoso.com/Users/User 09, contoso.com/Users/User 10,
                      contoso.com/Users/User 11, contoso.com/Users/User 12,
                      contoso.com/Users/User 13, contoso.com/Users/User 14,
                      contoso.com/Users/User 15, contoso.com/Users/User 16...}
A                   :
B                   :
C                   :



";
    assert_eq!(s, expected);
    let four = Formatting { enumeration_limit: Some(4), ..Formatting::new(120, ViewOptions::default()) };
    let t = custom(&[("Members", Value::array((1..=6).map(Value::Int).collect()))]);
    assert_eq!(run_with(four, vec![Step::Obj(t)]), "\nMembers\n-------\n{1, 2, 3, 4...}\n\n\n");
}

#[test]
fn hashtables_print_name_value() {
    let mut h = crate::value::Hashtable::new();
    h.insert(Value::str("Identity"), Value::str("kim"));
    h.insert(Value::str("AccessRights"), Value::str("FullAccess"));
    let expected = "
Name                           Value
----                           -----
Identity                       kim
AccessRights                   FullAccess


";
    assert_eq!(objs(120, vec![Value::hashtable(h)]), expected);
}

#[test]
fn dates_use_the_long_form() {
    // 2026-11-25 11:39:31 UTC.
    let secs = convert::days_from_civil(2026, 11, 25) * 86400 + 11 * 3600 + 39 * 60 + 31;
    assert_eq!(objs(120, vec![Value::DateTime(secs, 0)]), "\nWednesday, November 25, 2026 11:39:31 AM\n\n\n");
}

#[test]
fn formatted_text_prints_verbatim() {
    let t = format_table(
        &[custom(&[("Name", Value::str("kim"))])],
        None,
        &TableOptions::default(),
        &Formatting::new(120, ViewOptions::default()),
    );
    assert_eq!(t, "\nName\n----\nkim\n\n\n");
    let (doc, _) = format_table_document(
        &[custom(&[("Name", Value::str("kim"))])],
        None,
        &TableOptions::default(),
        &Formatting::new(120, ViewOptions::default()),
    );
    let mut input = doc.packets();
    assert_eq!(input.len(), 5);
    input.push(Value::str("after"));
    assert_eq!(objs(120, input), format!("{t}after\n"));
}

#[test]
fn format_table_with_columns_and_autosize() {
    let rows = vec![ace(KIM, "NT AUTHORITY\\SELF", 0x20001, false), ace(KIM, "CONTOSO\\ben", 1, false)];
    let rights = |v: &Value| v.property("AccessRights").unwrap_or_default();
    let cols = vec![
        Column {
            label: "User".into(),
            values: rows.iter().map(|r| r.property("User").unwrap_or_default()).collect(),
            ..Column::default()
        },
        Column { label: "AccessRights".into(), values: rows.iter().map(rights).collect(), ..Column::default() },
        Column {
            label: "Deny".into(),
            values: rows.iter().map(|r| r.property("Deny").unwrap_or_default()).collect(),
            ..Column::default()
        },
    ];
    let t = format_table(
        &rows,
        Some(&cols),
        &TableOptions { autosize: true, ..TableOptions::default() },
        &Formatting::new(120, ViewOptions::default()),
    );
    let expected = "
User              AccessRights                  Deny
----              ------------                  ----
NT AUTHORITY\\SELF {FullAccess, ReadPermission} False
CONTOSO\\ben       {FullAccess}                 False


";
    assert_eq!(t, expected);
    // Without -Property the view of the first object applies, fixed widths and all.
    let t = format_table(&rows[..1], None, &TableOptions::default(), &Formatting::new(80, ViewOptions::default()));
    assert!(t.contains("contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess, Rea..."));
    assert_eq!(format_table(&[], None, &TableOptions::default(), &Formatting::new(80, ViewOptions::default())), "");
}

#[test]
fn format_table_wrap_and_hidden_headers() {
    let a = custom(&[("Name", Value::str("kim")), ("Notes", Value::str("first line\nsecond line"))]);
    let cols = vec![
        Column { label: "Name".into(), values: vec![Value::str("kim")], width: Some(5), align: None },
        Column { label: "Notes".into(), values: vec![Value::str("a long note here")], width: Some(6), align: None },
    ];
    let opts = TableOptions { wrap: true, hide_headers: true, ..TableOptions::default() };
    let t = format_table(&[a], Some(&cols), &opts, &Formatting::new(120, ViewOptions::default()));
    assert_eq!(t, "\nkim   a \n      long \n      note \n      here\n\n\n".replace(" \n", "\n"));
}

#[test]
fn format_list_selects_properties_with_wildcards() {
    let m = custom(&[
        ("Name", Value::str("kim")),
        ("EmailAddresses", Value::array(vec![Value::str("SMTP:kim@contoso.com"), Value::str("smtp:k@contoso.com")])),
        ("EmailAddressPolicyEnabled", Value::Bool(true)),
        ("Alias", Value::str("kim")),
    ]);
    let props = vec!["Name".to_string(), "Email*".to_string()];
    let s = format_list(&[m, Value::str("x")], Some(&props), &Formatting::new(120, ViewOptions::default()));
    let expected = "

Name                      : kim
EmailAddresses            : {SMTP:kim@contoso.com, smtp:k@contoso.com}
EmailAddressPolicyEnabled : True

x


";
    assert_eq!(s, expected);
}

#[test]
fn colours_for_terminals() {
    assert_eq!(warning_line("careful", false), "WARNING: careful");
    assert_eq!(warning_line("careful", true), "\x1b[93mWARNING: careful\x1b[0m");
    assert_eq!(colorize("x", Some("Green"), Some("DarkBlue")), "\x1b[92m\x1b[44mx\x1b[0m");
    assert_eq!(colorize("x", Some("Nope"), None), "x");
}

#[test]
fn format_objects_print_only_in_sequence() {
    use super::format_objects::{Packet, Sequence, packet_of};
    let fmt = Formatting::new(120, ViewOptions::default());
    let (doc, _) = format_table_document(
        &[custom(&[("Name", Value::str("kim"))]), custom(&[("Name", Value::str("amy"))])],
        None,
        &TableOptions::default(),
        &fmt,
    );
    let packets = doc.packets();
    let kinds: Vec<Packet> = packets.iter().filter_map(|p| packet_of(p).map(|(k, _)| k)).collect();
    assert_eq!(
        kinds,
        [
            Packet::FormatStart,
            Packet::GroupStart,
            Packet::Entry { out_of_band: false },
            Packet::Entry { out_of_band: false },
            Packet::GroupEnd,
            Packet::FormatEnd
        ]
    );
    // In order they print the table; an entry alone is out of sequence.
    assert_eq!(objs(120, packets.clone()), "\nName\n----\nkim\namy\n\n\n");
    let e = Sequence::Reset.next(Packet::Entry { out_of_band: false }, &packets[2]).expect_err("out of sequence");
    assert!(e.message.contains("\"Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData\""));
    assert!(e.message.contains("\"format-*\""));
    assert_eq!(e.fqid, "ConsoleLineOutputOutOfSequencePacket,Microsoft.PowerShell.Commands.OutLineOutputCommand");
    // A start packet names the cmdlet its shape belongs to.
    let e = Sequence::Formatting.next(Packet::FormatStart, &packets[0]).expect_err("start inside a format");
    assert!(e.message.contains("\"format-table\""));
    // Inside a group a new start closes the old sequence; out-of-band entries fit anywhere.
    assert_eq!(Sequence::InsideGroup.next(Packet::FormatStart, &packets[0]).ok(), Some(Sequence::Formatting));
    assert_eq!(Sequence::Reset.next(Packet::Entry { out_of_band: true }, &packets[2]).ok(), Some(Sequence::Reset));
    // After a failure nothing more prints, not even a fresh table.
    let mut input = vec![packets[4].clone()];
    input.extend(packets.clone());
    let s = objs(120, input);
    assert!(s.contains("GroupEndData"), "{s}");
    assert!(!s.contains("kim"), "{s}");
}

#[test]
fn format_wide_rows_columns_and_autosize() {
    let fmt = Formatting::new(41, ViewOptions::default());
    let cells: Vec<Result<String, String>> = ["a", "bb", "ccc"].iter().map(|s| Ok(s.to_string())).collect();
    let doc = format_wide_document(&cells, &WideOptions::default(), &fmt);
    // Two unsized columns share 40 cells: 20 and 19 with the separator.
    assert_eq!(doc.text(), "\na                    bb\nccc\n\n\n");
    // The partial last row belongs to the group end.
    assert_eq!(doc.entries[2].2, "");
    assert_eq!(doc.group_end, "ccc\n\n");
    // -AutoSize: 3-cell values fit while 3n + (n - 1) < 40, so 10 to a row.
    let doc = format_wide_document(&cells, &WideOptions { autosize: true, columns: None }, &fmt);
    assert_eq!(doc.text().lines().nth(1).map(|l| l.split_whitespace().count()), Some(3));
    let long = vec![Ok("x".repeat(30)), Ok("y".into())];
    let doc = format_wide_document(&long, &WideOptions { columns: Some(2), autosize: false }, &fmt);
    assert_eq!(doc.text(), format!("\n{}... y\n\n\n", "x".repeat(17)));
    assert_eq!(wide_property(&custom(&[("Size", Value::Int(1)), ("ItemId", Value::Int(2))])), Some("ItemId".into()));
    assert_eq!(wide_property(&custom(&[("Size", Value::Int(1))])), Some("Size".into()));
}
