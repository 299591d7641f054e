//! Get-MailboxDatabase (Exchange Server only): the organization's mailbox databases, by
//! identity or by server, with the -Status values when asked.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, IdentityKind, Origin, Param, ParamType, Signature};
use crate::value::Value;
use crate::value::convert::to_string;

use super::objects::mailbox_database_object;
use super::params;
use super::{FROM_2013_ON_PREMISES, FROM_2016_ON_PREMISES, ON_PREMISES, ONLY_2010, arg_id, not_found};

/// Get-MailboxDatabase.
pub struct GetMailboxDatabase;

fn switch(name: &'static str, help: &'static str) -> Param {
    Param::new(name, ParamType::Switch).help(help)
}

impl Cmdlet for GetMailboxDatabase {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-MailboxDatabase",
            "Microsoft.Exchange.Management.SystemConfigurationTasks.GetMailboxDatabase",
            Origin::Exchange,
        )
        .synopsis("Gets mailbox database objects.")
        .versions(ON_PREMISES)
        .sets(&["Identity", "Server"])
        .param(
            Param::new("Identity", ParamType::Identity(IdentityKind::Database))
                .sets(&["Identity"])
                .position(0)
                .from_pipeline()
                .help("The database: name, DN or GUID. Wildcards are allowed."),
        )
        .param(
            Param::new("Server", ParamType::String)
                .sets(&["Server"])
                .mandatory()
                .from_pipeline()
                .type_display("ServerIdParameter")
                .help("Only the databases on this server (name, FQDN, DN or Exchange legacy DN)."),
        )
        .param(switch(
            "Status",
            "Adds live values: Mounted, BackupInProgress, OnlineMaintenanceInProgress and the database size.",
        ))
        .param(switch("DumpsterStatistics", "Adds transport dumpster statistics."))
        .param(
            switch("IncludePreExchange2010", "Includes Exchange 2007 and earlier databases (none in exsh's org).")
                .versions(ONLY_2010),
        )
        .param(
            switch("IncludePreExchange2013", "Includes Exchange 2010 and earlier databases (none in exsh's org).")
                .versions(FROM_2013_ON_PREMISES),
        )
        .param(
            switch("IncludeCorrupted", "Reserved for internal Microsoft use; accepted and ignored.")
                .versions(FROM_2016_ON_PREMISES),
        )
        .param(params::domain_controller())
        .example("Get-MailboxDatabase", "Lists every mailbox database.")
        .example(
            "Get-MailboxDatabase -Identity MailboxDatabase01 -Status | Format-List",
            "Shows one database with its status values.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let mut found: Vec<usize> = (0..dir.databases.len()).collect();
        if let Some(id) = arg_id(args, "Identity").filter(|id| !id.text.is_empty() || id.guid.is_some()) {
            let by_guid =
                id.guid.as_deref().and_then(|g| dir.databases.iter().position(|d| d.guid.eq_ignore_ascii_case(g)));
            found = match by_guid {
                Some(d) => vec![d],
                None if crate::directory::identity::has_wildcard(&id.text) => found
                    .into_iter()
                    .filter(|d| crate::directory::identity::wildcard_match(&id.text, &dir.databases[*d].name))
                    .collect(),
                None => found
                    .into_iter()
                    .filter(|d| {
                        let db = &dir.databases[*d];
                        db.name.eq_ignore_ascii_case(&id.text)
                            || db.guid.eq_ignore_ascii_case(id.text.trim_matches(|c| c == '{' || c == '}'))
                            || dir.database_dn(db).eq_ignore_ascii_case(&id.text)
                    })
                    .collect(),
            };
            if found.is_empty() && !crate::directory::identity::has_wildcard(&id.text) {
                return Err(not_found(dir, &id.text));
            }
        }
        if let Some(server) = args.get("Server").filter(|v| !v.is_null()).map(to_string) {
            let known = |s: &str| {
                server.eq_ignore_ascii_case(s) || server.eq_ignore_ascii_case(&format!("{s}.{}", dir.org.domain))
            };
            if !dir.databases.iter().any(|d| known(&d.server)) && !known(&dir.org.server) {
                return Err(not_found(dir, &server));
            }
            found.retain(|d| known(&dir.databases[*d].server));
        }
        let status = args.switch("Status");
        let objects: Vec<Value> = found.into_iter().map(|d| mailbox_database_object(dir, d, status)).collect();
        for v in objects {
            cx.output(v);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    #[test]
    fn databases_by_identity_and_server() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetMailboxDatabase, &mut c, &[]).is_ok());
        assert_eq!(c.out.len(), 2);
        let db = &c.out[0];
        assert_eq!(
            db.type_name(),
            "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase"
        );
        for (p, v) in
            [("Name", "DB01"), ("Server", "EX01"), ("Recovery", "False"), ("ReplicationType", "None"), ("Mounted", "")]
        {
            assert_eq!(prop(db, p), v, "{p}");
        }
        c.clear();
        assert!(run(&GetMailboxDatabase, &mut c, &[("Identity", s("db02")), ("Status", Value::Switch(true))]).is_ok());
        assert_eq!((c.out.len(), prop(&c.out[0], "Mounted")), (1, "True".to_string()));
        c.clear();
        assert!(run(&GetMailboxDatabase, &mut c, &[("Identity", s("DB*"))]).is_ok());
        assert_eq!(c.out.len(), 2);
        c.clear();
        assert!(run(&GetMailboxDatabase, &mut c, &[("Server", s("ex01.contoso.com"))]).is_ok());
        assert_eq!(c.out.len(), 2);
        let r = run(&GetMailboxDatabase, &mut c, &[("Identity", s("DB9"))]);
        assert_eq!(
            r.err().map(|e| message(&e)).unwrap_or_default(),
            "The operation couldn't be performed because object 'DB9' couldn't be found on 'DC01.contoso.com'."
        );
        assert!(run(&GetMailboxDatabase, &mut c, &[("Server", s("EX02"))]).is_err());
    }
}
