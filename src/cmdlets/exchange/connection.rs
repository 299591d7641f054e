//! The session's connection state, as scripts probe it before they start: Get-Module,
//! Get-PSSnapin and Get-ConnectionInformation, and what Connect-/Disconnect-ExchangeOnline,
//! Import-Module and Add-PSSnapin change in it. Facts and sources:
//! docs/reference/connection-state.md.

use crate::cmdlet::session::{EXO_MODULE, EXO_MODULE_VERSION, EXO_TEMP_MODULE, LoadedModule};
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::convert::{format_datetime, wildcard_match};
use crate::value::{PsObject, Value};

use super::{ONLINE, is_online};

/// Get-Module.
pub struct GetModule;
/// Get-PSSnapin.
pub struct GetPsSnapin;
/// Get-ConnectionInformation.
pub struct GetConnectionInformation;

/// The connection cmdlets.
pub fn all() -> Vec<Box<dyn Cmdlet>> {
    vec![Box::new(GetModule), Box::new(GetPsSnapin), Box::new(GetConnectionInformation)]
}

/// The snap-in every Windows PowerShell session has.
const CORE_SNAPIN: &str = "Microsoft.PowerShell.Core";
/// The Exchange snap-ins scripts add (2013 and later; 2010).
const EXCHANGE_SNAPINS: &[&str] =
    &["Microsoft.Exchange.Management.PowerShell.SnapIn", "Microsoft.Exchange.Management.PowerShell.E2010"];

/// Connect-ExchangeOnline: the module and its REST session are there again.
pub fn connect(cx: &mut dyn Context) {
    if !is_online(cx.directory()) {
        return;
    }
    let s = cx.session();
    s.load(LoadedModule { name: EXO_MODULE.into(), module_type: "Script", version: EXO_MODULE_VERSION });
    s.load(LoadedModule { name: EXO_TEMP_MODULE.into(), module_type: "Script", version: "1.0" });
    if !s.exchange_connected {
        s.connections += 1;
    }
    s.exchange_connected = true;
}

/// Disconnect-ExchangeOnline: the REST session's temporary module goes, and with it every
/// Exchange cmdlet but the module's own (Get-EXO*, Connect-ExchangeOnline, …).
pub fn disconnect(cx: &mut dyn Context) -> CmdletResult {
    if !is_online(cx.directory()) {
        return Ok(());
    }
    if !cx.should_process("Disconnect all the connections.")? {
        return Ok(());
    }
    let s = cx.session();
    s.unload(EXO_TEMP_MODULE);
    s.exchange_connected = false;
    Ok(())
}

/// Import-Module: the modules exsh knows load; any other name is accepted and loads nothing.
pub fn import_modules(cx: &mut dyn Context, names: &[String]) {
    for n in names {
        if n.eq_ignore_ascii_case(EXO_MODULE) && is_online(cx.directory()) {
            cx.session().load(LoadedModule {
                name: EXO_MODULE.into(),
                module_type: "Script",
                version: EXO_MODULE_VERSION,
            });
        }
    }
}

/// Add-PSSnapin: the Exchange snap-ins are recorded (Get-PSSnapin then lists them).
pub fn add_snapins(cx: &mut dyn Context, names: &[String]) {
    for n in names {
        if let Some(known) = EXCHANGE_SNAPINS.iter().find(|k| k.eq_ignore_ascii_case(n)) {
            let s = cx.session();
            if !s.snapins.iter().any(|x| x.eq_ignore_ascii_case(known)) {
                s.snapins.push(known.to_string());
            }
        }
    }
}

fn module_object(m: &LoadedModule, exported: &[String]) -> Value {
    let mut o = PsObject::new(&["System.Management.Automation.PSModuleInfo", "System.Object"]);
    o.set("ModuleType", Value::str(m.module_type));
    o.set("Version", Value::str(m.version));
    o.set("Name", Value::str(&m.name));
    o.set("ExportedCommands", Value::array(exported.iter().map(Value::str).collect()));
    o.display = Some(m.name.clone().into());
    Value::object(o)
}

/// The commands a loaded module exports.
fn exported_by(cx: &dyn Context, module: &str) -> Vec<String> {
    let mut names: Vec<String> = cx
        .commands()
        .into_iter()
        .filter(|(_, kind, source)| kind != "Alias" && source.eq_ignore_ascii_case(module))
        .map(|(n, _, _)| n)
        .collect();
    names.sort_by_key(|n| n.to_ascii_lowercase());
    names
}

impl Cmdlet for GetModule {
    fn signature(&self) -> Signature {
        Signature::new("Get-Module", "Microsoft.PowerShell.Commands.GetModuleCommand", Origin::Core)
            .synopsis("Gets the modules that have been imported, or that can be imported, into the session.")
            .param(
                Param::new("Name", ParamType::String)
                    .array()
                    .position(0)
                    .from_pipeline()
                    .help("Only modules with these names (wildcards allowed)."),
            )
            .param(Param::new("ListAvailable", ParamType::Switch).help("The modules installed, loaded or not."))
            .param(Param::new("All", ParamType::Switch).help("Includes nested modules."))
            .param(Param::new("Refresh", ParamType::Switch).help("Refreshes the cache of installed commands."))
            .example("Get-Module", "Lists the modules loaded in the session.")
            .example(
                "if (-not (Get-Module -ListAvailable -Name ExchangeOnlineManagement)) { 'install it first' }",
                "Checks that the Exchange Online module is installed.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let patterns = args.opt::<Vec<String>>("Name").unwrap_or_default();
        let wanted = |n: &str| patterns.is_empty() || patterns.iter().any(|p| wildcard_match(p, n, false));
        let modules: Vec<LoadedModule> = if args.flag("ListAvailable") {
            // What is installed on the machine: the Exchange Online module on a machine that
            // manages Exchange Online (implicit remoting's modules are created, not installed).
            if is_online(cx.directory()) {
                vec![LoadedModule { name: EXO_MODULE.into(), module_type: "Script", version: EXO_MODULE_VERSION }]
            } else {
                Vec::new()
            }
        } else {
            cx.session().modules.clone()
        };
        for m in modules.iter().filter(|m| wanted(&m.name)) {
            let exported = exported_by(cx, &m.name);
            cx.output(module_object(m, &exported));
        }
        // Script modules imported from files (or, -ListAvailable, in the module folders).
        for m in cx.script_modules(args.flag("ListAvailable")) {
            let name = match &m {
                Value::Object(o) => o.borrow().get("Name").map(|n| crate::value::convert::to_string(&n)),
                _ => None,
            };
            if name.is_some_and(|n| wanted(&n)) {
                cx.output(m);
            }
        }
        Ok(())
    }
}

impl Cmdlet for GetPsSnapin {
    fn signature(&self) -> Signature {
        Signature::new("Get-PSSnapin", "Microsoft.PowerShell.Commands.GetPSSnapinCommand", Origin::Core)
            .synopsis("Gets the Windows PowerShell snap-ins in the session.")
            .param(
                Param::new("Name", ParamType::String)
                    .array()
                    .position(0)
                    .help("Only snap-ins with these names (wildcards allowed)."),
            )
            .param(Param::new("Registered", ParamType::Switch).help("The snap-ins registered on the machine."))
            .example(
                "Get-PSSnapin -Name Microsoft.Exchange.Management.PowerShell.SnapIn -ErrorAction SilentlyContinue",
                "Checks whether the Exchange snap-in is loaded.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let patterns = args.opt::<Vec<String>>("Name").unwrap_or_default();
        let mut names: Vec<String> = if args.flag("Registered") {
            // Registered (not built in): the Exchange snap-in of an Exchange server.
            if is_online(cx.directory()) {
                Vec::new()
            } else {
                let v2010 = cx.directory().org.version == crate::directory::ExchangeVersion::Exchange2010;
                vec![EXCHANGE_SNAPINS[usize::from(v2010)].to_string()]
            }
        } else {
            let mut n = vec![CORE_SNAPIN.to_string()];
            n.extend(cx.session().snapins.iter().cloned());
            n
        };
        names.retain(|n| patterns.is_empty() || patterns.iter().any(|p| wildcard_match(p, n, false)));
        for p in patterns.iter().filter(|p| !p.contains(['*', '?'])) {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(p)) {
                cx.error(crate::cmdlet::CmdletError::core(
                    format!("No Windows PowerShell snap-ins matching the pattern '{p}' were found. Check the pattern and then try the command again."),
                    "System.Management.Automation.PSArgumentException",
                    "InvalidArgument",
                    "NoPSSnapInsFound",
                ))?;
            }
        }
        for n in names {
            let mut o = PsObject::new(&["System.Management.Automation.PSSnapInInfo", "System.Object"]);
            let core = n == CORE_SNAPIN;
            o.set("Name", Value::str(&n));
            o.set("PSVersion", Value::str(if core { "5.1.17763.1" } else { "1.0" }));
            o.set(
                "Description",
                Value::str(if core {
                    "This Windows PowerShell snap-in contains cmdlets used to manage components of Windows PowerShell."
                } else {
                    "Admin Tasks for the Exchange Server"
                }),
            );
            cx.output(Value::object(o));
        }
        Ok(())
    }
}

impl Cmdlet for GetConnectionInformation {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-ConnectionInformation",
            "Microsoft.Exchange.Management.ExoPowershellSnapin.GetConnectionInformation",
            Origin::Core,
        )
        .synopsis("Gets the REST-based connections to Exchange Online in this session.")
        .versions(ONLINE)
        .sets(&["Default", "ConnectionId", "ModulePrefix"])
        .param(
            Param::new("ConnectionId", ParamType::String)
                .array()
                .sets(&["ConnectionId"])
                .mandatory()
                .help("Only the connections with these ConnectionId values."),
        )
        .param(
            Param::new("ModulePrefix", ParamType::String)
                .array()
                .sets(&["ModulePrefix"])
                .mandatory()
                .help("Only the connections created with these -Prefix values."),
        )
        .example("Get-ConnectionInformation", "Lists the open connections.")
        .example(
            "if (-not (Get-ConnectionInformation)) { Connect-ExchangeOnline -ShowBanner:$false }",
            "Connects only when no connection is open.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (connected, id) = {
            let s = cx.session();
            (s.exchange_connected, s.connections)
        };
        if !connected {
            return Ok(());
        }
        let connection_id = format!("6f1d7a92-3c4b-4e5f-9a60-{id:012x}");
        if let Some(ids) = args.opt::<Vec<String>>("ConnectionId")
            && !ids.iter().any(|i| i.eq_ignore_ascii_case(&connection_id))
        {
            return Ok(());
        }
        if let Some(prefixes) = args.opt::<Vec<String>>("ModulePrefix")
            && !prefixes.iter().any(|p| p.is_empty())
        {
            return Ok(());
        }
        let domain = cx.directory().org.domain.clone();
        let tenant = domain.split('.').next().unwrap_or("contoso").to_string();
        let expiry = format_datetime(cx.now() + 3600, true);
        let mut o = PsObject::new(&[
            "Microsoft.Exchange.Management.ExoPowershellSnapin.ConnectionInformation",
            "System.Object",
        ]);
        let null = Value::Null;
        let fields: Vec<(&str, Value)> = vec![
            ("ConnectionId", Value::str(&connection_id)),
            ("State", Value::str("Connected")),
            ("Id", Value::Int(i64::from(id))),
            ("Name", Value::str(format!("ExchangeOnline_{id}"))),
            ("UserPrincipalName", Value::str(format!("admin@{tenant}.onmicrosoft.com"))),
            ("ConnectionUri", Value::str("https://outlook.office365.com")),
            ("AzureAdAuthorizationEndpointUri", Value::str("https://login.microsoftonline.com/organizations")),
            ("TokenExpiryTimeUTC", Value::str(format!("{expiry} +00:00"))),
            ("CertificateAuthentication", Value::Bool(false)),
            ("ModuleName", Value::str(format!("C:\\Users\\Administrator\\AppData\\Local\\Temp\\{EXO_TEMP_MODULE}"))),
            ("ModulePrefix", Value::str("")),
            ("Organization", null.clone()),
            ("DelegatedOrganization", null.clone()),
            ("AppId", null),
            ("PageSize", Value::Int(1000)),
            ("TenantID", Value::str("c5a3e0d1-7b24-4f6e-8d19-2a6b3c4d5e6f")),
            ("TokenStatus", Value::str("Active")),
            ("ConnectionUsedForInbuiltCmdlets", Value::Bool(true)),
            ("IsEopSession", Value::Bool(false)),
        ];
        for (k, v) in fields {
            o.set(k, v);
        }
        cx.output(Value::object(o));
        Ok(())
    }
}
