//! The connection preamble real scripts start with: Connect-ExchangeOnline, New-/Import-/Get-/
//! Remove-PSSession, Import-Module, Add-PSSnapin, Set-AdServerSettings, Connect-ExchangeServer,
//! Get-ExBlog and Get-ExCommand. They print what the real ones print (the EXO V3 banner, the
//! unapproved-verbs warning); what they change in the session's connection state is in
//! `connection.rs`, with Get-Module, Get-PSSnapin and Get-ConnectionInformation.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, ConfirmImpact, Context, Origin, Param, ParamType, Signature};
use crate::value::{PsObject, Value};

use super::{ON_PREMISES, strings};
use crate::cmdlet::RemoteSession;
use crate::directory::Directory;
use crate::value::convert;

/// Connect-ExchangeOnline.
pub struct ConnectExchangeOnline;
/// Disconnect-ExchangeOnline.
pub struct DisconnectExchangeOnline;
/// New-PSSession.
pub struct NewPsSession;
/// Import-PSSession.
pub struct ImportPsSession;
/// Remove-PSSession.
pub struct RemovePsSession;
/// Get-PSSession.
pub struct GetPsSession;
/// Import-Module.
pub struct ImportModule;
/// Add-PSSnapin.
pub struct AddPsSnapin;
/// Set-AdServerSettings.
pub struct SetAdServerSettings;
/// Connect-ExchangeServer.
pub struct ConnectExchangeServer;
/// Get-ExBlog.
pub struct GetExBlog;
/// QuickRef (the EMS banner advertises it).
pub struct QuickRef;
/// Get-ExCommand.
pub struct GetExCommand;
/// `Get-ExBanner` (get-exbanner, which RemoteExchange.ps1 defines and calls).
pub struct GetExBanner;

/// The session cmdlets.
pub fn all() -> Vec<Box<dyn Cmdlet>> {
    vec![
        Box::new(AddPsSnapin),
        Box::new(ConnectExchangeOnline),
        Box::new(ConnectExchangeServer),
        Box::new(DisconnectExchangeOnline),
        Box::new(GetExBlog),
        Box::new(QuickRef),
        Box::new(GetExCommand),
        Box::new(GetExBanner),
        Box::new(GetPsSession),
        Box::new(ImportModule),
        Box::new(ImportPsSession),
        Box::new(NewPsSession),
        Box::new(RemovePsSession),
        Box::new(SetAdServerSettings),
    ]
}

/// The name of the module Import-PSSession creates.
pub const TEMP_MODULE: &str = crate::cmdlet::EXCHANGE_MODULE;

/// The EXO V3 banner (module 3.7 and later).
pub const EXO_BANNER: &str = "----------------------------------------------------------------------------------------
This V3 EXO PowerShell module contains new REST API backed Exchange Online cmdlets which doesn't require WinRM for Client-Server communication. You can now run these cmdlets after turning off WinRM Basic Auth in your client machine thus making it more secure.

Unlike the EXO* prefixed cmdlets, the cmdlets in this module support full functional parity with the RPS (V1) cmdlets.

V3 cmdlets in the downloaded module are resilient to transient failures, handling retries and throttling errors inherently.

REST backed EOP and SCC cmdlets are also available in the V3 module. Similar to EXO, the cmdlets can be run without WinRM basic auth enabled.

For more information check https://aka.ms/exov3-module

Starting with EXO V3.7, use the LoadCmdletHelp parameter alongside Connect-ExchangeOnline to access the Get-Help cmdlet, as it will not be loaded by default
----------------------------------------------------------------------------------------";

fn p(name: &'static str, ty: ParamType, help: &'static str) -> Param {
    Param::new(name, ty).help(help)
}

/// A parameter whose .NET type `ty` cannot express (`PSCredential`, `Uri[]`).
fn typed(name: &'static str, ty: ParamType, display: &'static str, help: &'static str) -> Param {
    p(name, ty, help).type_display(display)
}

fn s(name: &'static str, help: &'static str) -> Param {
    p(name, ParamType::String, help)
}

fn sw(name: &'static str, help: &'static str) -> Param {
    p(name, ParamType::Switch, help)
}

fn exchange_commands(cx: &dyn Context) -> Vec<String> {
    let mut names: Vec<String> = cx
        .commands()
        .into_iter()
        .map(|(name, _, _)| name)
        .filter(|n| cx.signature_of(n).is_some_and(|s| s.origin == Origin::Exchange))
        .collect();
    names.sort_by_key(|a| a.to_ascii_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

impl Cmdlet for ConnectExchangeOnline {
    fn signature(&self) -> Signature {
        let mut sig = Signature::new(
            "Connect-ExchangeOnline",
            "Microsoft.Exchange.Management.ExoPowershellSnapin.ConnectExchangeOnline",
            Origin::Core,
        )
        .synopsis("Connects to Exchange Online (exsh is always connected; prints the module banner).");
        let params = [
            p("ConnectionUri", ParamType::String, "The connection endpoint for the remote session."),
            s("AzureADAuthorizationEndpointUri", "The Azure AD authorization endpoint."),
            typed(
                "ExchangeEnvironmentName",
                ParamType::Set(&["O365China", "O365Default", "O365GermanyCloud", "O365USGovDoD", "O365USGovGCCHigh"]),
                "ExchangeEnvironment",
                "The Exchange Online environment (default O365Default).",
            ),
            typed(
                "PSSessionOption",
                ParamType::Object,
                "PSSessionOption",
                "Remote session options (New-PSSessionOption).",
            ),
            s("DelegatedOrganization", "The customer organization to manage (CSP partners)."),
            s("Prefix", "A prefix added to the imported cmdlet nouns."),
            p("CommandName", ParamType::String, "Only these cmdlets are imported.").array(),
            p("FormatTypeName", ParamType::String, "Output formats for these types.").array(),
            s("AppId", "The application ID of the service principal (app-only authentication)."),
            typed("Certificate", ParamType::Object, "X509Certificate2", "The certificate for app-only authentication."),
            s("CertificateFilePath", "Path of the .pfx file for app-only authentication."),
            typed("CertificatePassword", ParamType::Object, "SecureString", "Password of the .pfx file."),
            s("CertificateThumbprint", "Thumbprint of the certificate for app-only authentication."),
            typed("Credential", ParamType::Object, "PSCredential", "The account to connect with."),
            sw("Device", "Device-code authentication for computers without a browser."),
            p("EnableErrorReporting", ParamType::Switch, "Enables error reporting."),
            sw("InlineCredential", "Enter the credentials in the window instead of a dialog."),
            s("LogDirectoryPath", "Where log files go."),
            typed("LogLevel", ParamType::Set(&["Default", "All"]), "LogLevel", "Logging level."),
            sw("ManagedIdentity", "Connect with an Azure managed identity."),
            s("ManagedIdentityAccountId", "The user-assigned managed identity."),
            s("Organization", "The organization for app-only authentication (contoso.onmicrosoft.com)."),
            typed("PageSize", ParamType::Int, "UInt32", "Maximum entries per page."),
            sw("ShowBanner", "Shows (default) or hides the module banner (-ShowBanner:$false)."),
            p("ShowProgress", ParamType::Bool, "Shows a progress bar for large results."),
            sw("SkipLoadingFormatData", "Skips loading format data."),
            sw("SkipLoadingCmdletHelp", "Skips loading cmdlet help."),
            sw("LoadCmdletHelp", "Loads the cmdlets' help (3.7 and later)."),
            p("TrackPerformance", ParamType::Bool, "Logs performance data."),
            p("UseMultithreading", ParamType::Bool, "Uses multithreading."),
            s("UserPrincipalName", "The account to sign in with (admin@contoso.onmicrosoft.com)."),
            sw("UseRPSSession", "Uses the retired remote PowerShell session instead of REST."),
            s("AccessToken", "An OAuth access token."),
            typed("SigningCertificate", ParamType::Object, "X509Certificate2", "Signs the temporary module."),
            sw("DisableWAM", "Disables the Web Account Manager sign-in."),
        ];
        for prm in params {
            sig = sig.param(prm);
        }
        sig.example(
            "Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com",
            "Connects with a sign-in prompt.",
        )
        .example(
            "Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com -ShowBanner:$false",
            "Connects without the banner.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if !args.has("ShowBanner") || args.switch("ShowBanner") {
            cx.host(EXO_BANNER, None, None, true);
        }
        super::connection::connect(cx);
        Ok(())
    }
}

impl Cmdlet for DisconnectExchangeOnline {
    fn signature(&self) -> Signature {
        Signature::new(
            "Disconnect-ExchangeOnline",
            "Microsoft.Exchange.Management.ExoPowershellSnapin.DisconnectExchangeOnline",
            Origin::Core,
        )
        .synopsis(
            "Disconnects from Exchange Online: the Exchange cmdlets are gone until the next Connect-ExchangeOnline.",
        )
        .should_process(ConfirmImpact::Medium)
        .param(p("ConnectionId", ParamType::String, "The connections to close.").array())
        .param(p("ModulePrefix", ParamType::String, "Close the connections with these prefixes.").array())
        .example("Disconnect-ExchangeOnline -Confirm:$false", "Closes every Exchange Online connection without asking.")
    }

    fn process(&self, cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::connection::disconnect(cx)
    }
}

impl Cmdlet for NewPsSession {
    fn signature(&self) -> Signature {
        Signature::new("New-PSSession", "Microsoft.PowerShell.Commands.NewPSSessionCommand", Origin::Core)
            .synopsis("Creates a remote session (exsh returns a session object that needs no server).")
            .param(s("ConfigurationName", "The session configuration, Microsoft.Exchange for Exchange."))
            .param(typed("ConnectionUri", ParamType::String, "Uri[]", "The endpoint, e.g. http://ex01.contoso.com/PowerShell/.").array())
            .param(p("ComputerName", ParamType::String, "The computers to connect to.").array().position(0))
            .param(
                typed(
                    "Authentication",
                    ParamType::Set(&["Default", "Basic", "Negotiate", "NegotiateWithImplicitCredential", "Credssp", "Digest", "Kerberos"]),
                    "AuthenticationMechanism",
                    "The authentication mechanism.",
                ),
            )
            .param(typed("Credential", ParamType::Object, "PSCredential", "The account to connect with."))
            .param(sw("AllowRedirection", "Allows redirection to another URI."))
            .param(typed("SessionOption", ParamType::Object, "PSSessionOption", "Advanced session options."))
            .param(p("Name", ParamType::String, "Friendly names for the sessions.").array())
            .example(
                "$Session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://ex01.contoso.com/PowerShell/ -Authentication Kerberos -Credential $UserCredential",
                "Opens an Exchange remote session.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let uri = strings(args.get("ConnectionUri")).into_iter().next();
        let computer = uri
            .as_deref()
            .and_then(|u| u.split("://").nth(1))
            .and_then(|rest| rest.split(['/', ':']).next())
            .map(str::to_string)
            .or_else(|| strings(args.get("ComputerName")).into_iter().next())
            .unwrap_or_else(|| "localhost".into());
        let configuration = args.string("ConfigurationName").unwrap_or_else(|| "Microsoft.PowerShell".into());
        let session = cx.session();
        session.sessions_created += 1;
        let id = session.sessions_created;
        let name = strings(args.get("Name")).into_iter().next().unwrap_or_else(|| format!("WinRM{id}"));
        let remote = RemoteSession { id, name, computer: Some(computer), configuration };
        session.remote_sessions.push(remote.clone());
        let v = pssession_object(cx.directory(), &remote);
        cx.output(v);
        Ok(())
    }
}

impl Cmdlet for ImportPsSession {
    fn signature(&self) -> Signature {
        Signature::new("Import-PSSession", "Microsoft.PowerShell.Commands.ImportPSSessionCommand", Origin::Core)
            .synopsis("Imports the Exchange cmdlets of a remote session (they are built into exsh).")
            .param(typed("Session", ParamType::Object, "PSSession", "The session to import from.").position(0).mandatory())
            .param(p("CommandName", ParamType::String, "Only these commands.").array().position(1))
            .param(p("FormatTypeName", ParamType::String, "Formatting for these types.").array().position(2))
            .param(s("Prefix", "A prefix added to the imported nouns."))
            .param(sw("DisableNameChecking", "Suppresses the unapproved-verbs warning."))
            .param(sw("AllowClobber", "Imports commands even when names conflict."))
            .param(p("Module", ParamType::String, "Only commands from these modules.").array())
            .param(p("ArgumentList", ParamType::Object, "Arguments for the imported commands.").array())
            .param(typed("CommandType", ParamType::String, "CommandTypes", "Only commands of this type."))
            .param(typed("Certificate", ParamType::Object, "X509Certificate2", "Signs the temporary module."))
            .example("Import-PSSession $Session -DisableNameChecking", "Imports the Exchange cmdlets.")
            .example(
                "Import-Module (Import-PSSession -DisableNameChecking -Session $Session -AllowClobber) -Global -DisableNameChecking",
                "Imports them into the global scope.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if !args.switch("DisableNameChecking") {
            cx.warning(&format!(
                "The names of some imported commands from the module '{TEMP_MODULE}' include unapproved verbs that might make them less discoverable. To find the commands with unapproved verbs, run the Import-Module command again with the Verbose parameter. For a list of approved verbs, type Get-Verb."
            ));
        }
        let commands: Vec<Value> = exchange_commands(cx).into_iter().map(Value::str).collect();
        let mut o = PsObject::new(&["System.Management.Automation.PSModuleInfo", "System.Object"]);
        o.set("ModuleType", Value::str("Script"));
        o.set("Version", Value::str("1.0"));
        o.set("Name", Value::str(TEMP_MODULE));
        o.set("ExportedCommands", Value::array(commands));
        o.display = Some(TEMP_MODULE.into());
        cx.output(Value::object(o));
        Ok(())
    }
}

impl Cmdlet for RemovePsSession {
    fn signature(&self) -> Signature {
        Signature::new("Remove-PSSession", "Microsoft.PowerShell.Commands.RemovePSSessionCommand", Origin::Core)
            .synopsis("Closes remote sessions (no-op in exsh).")
            .should_process(ConfirmImpact::Low)
            .param(
                typed("Session", ParamType::Object, "PSSession[]", "The sessions to close.")
                    .array()
                    .position(0)
                    .from_pipeline(),
            )
            .param(p("Id", ParamType::Int, "Session IDs.").array())
            .param(p("Name", ParamType::String, "Session names.").array())
            .param(p("ComputerName", ParamType::String, "Sessions to these computers.").array())
            .param(typed("InstanceId", ParamType::String, "Guid[]", "Session instance IDs.").array())
            .example("Remove-PSSession $Session", "Closes the session.")
            .example("Get-PSSession | Remove-PSSession", "Closes every session.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let sessions = cx.session().remote_sessions.clone();
        let chosen: Vec<RemoteSession> = match args.get("Session") {
            Some(given) => {
                let ids: Vec<i64> = given
                    .enumerate()
                    .iter()
                    .filter_map(|v| v.property("Id"))
                    .filter_map(|v| convert::to_int(&v))
                    .collect();
                sessions.into_iter().filter(|s| ids.contains(&i64::from(s.id))).collect()
            }
            None => sessions.into_iter().filter(|s| matches_selection(cx.directory(), s, args)).collect(),
        };
        for s in chosen {
            let computer = computer_of(cx.directory(), &s);
            if !cx.should_process(&format!("Performing the operation \"Remove\" on target \"{computer}\"."))? {
                continue;
            }
            cx.session().remote_sessions.retain(|r| r.id != s.id);
        }
        Ok(())
    }
}

impl Cmdlet for GetPsSession {
    fn signature(&self) -> Signature {
        Signature::new("Get-PSSession", "Microsoft.PowerShell.Commands.GetPSSessionCommand", Origin::Core)
            .synopsis("Lists remote sessions (exsh keeps none).")
            .param(p("ComputerName", ParamType::String, "Sessions to these computers.").array().position(0))
            .param(p("Name", ParamType::String, "Session names.").array())
            .param(p("Id", ParamType::Int, "Session IDs.").array())
            .param(s("State", "Sessions in this state."))
            .param(s("ConfigurationName", "Sessions with this configuration."))
            .example("Get-PSSession | Remove-PSSession", "Closes every session.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let sessions = cx.session().remote_sessions.clone();
        let state = args.string("State");
        let configuration = args.string("ConfigurationName");
        let selected: Vec<&RemoteSession> =
            sessions.iter().filter(|s| matches_selection(cx.directory(), s, args)).collect();
        for s in selected {
            if state.as_deref().is_some_and(|st| !wild(st, "Opened") && !st.eq_ignore_ascii_case("All")) {
                continue;
            }
            if configuration.as_deref().is_some_and(|c| !wild(c, &s.configuration)) {
                continue;
            }
            let v = pssession_object(cx.directory(), s);
            cx.output(v);
        }
        Ok(())
    }
}

impl Cmdlet for ImportModule {
    fn signature(&self) -> Signature {
        Signature::new("Import-Module", "Microsoft.PowerShell.Commands.ImportModuleCommand", Origin::Core)
            .synopsis("Imports modules (the Exchange modules are built into exsh).")
            .param(
                typed("Name", ParamType::Object, "String[]", "Module names or module objects.")
                    .array()
                    .position(0)
                    .from_pipeline(),
            )
            .param(sw("Global", "Imports into the global scope."))
            .param(sw("Force", "Re-imports the module."))
            .param(sw("DisableNameChecking", "Suppresses the unapproved-verbs warning."))
            .param(s("Prefix", "A prefix added to the imported nouns."))
            .param(sw("PassThru", "Writes the module object."))
            .param(s("MinimumVersion", "The minimum module version."))
            .param(s("RequiredVersion", "The exact module version."))
            .param(p("Function", ParamType::String, "Only these functions.").array())
            .param(p("Cmdlet", ParamType::String, "Only these cmdlets.").array())
            .param(p("Variable", ParamType::String, "Only these variables.").array())
            .param(p("Alias", ParamType::String, "Only these aliases.").array())
            .param(typed("Scope", ParamType::Set(&["Local", "Global"]), "String", "The scope to import into."))
            .param(p("ArgumentList", ParamType::Object, "Arguments for the module.").array())
            .param(sw("AsCustomObject", "Returns a custom object."))
            .param(sw("NoClobber", "Doesn't replace existing commands."))
            .example("Import-Module ExchangeOnlineManagement", "Loads the Exchange Online module.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let names = args.opt::<Vec<String>>("Name").unwrap_or_default();
        let rest = crate::cmdlets::core::modules::import(cx, args, &names)?;
        super::connection::import_modules(cx, &rest);
        Ok(())
    }
}

impl Cmdlet for AddPsSnapin {
    fn signature(&self) -> Signature {
        Signature::new("Add-PSSnapin", "Microsoft.PowerShell.Commands.AddPSSnapinCommand", Origin::Core)
            .synopsis("Adds snap-ins (the Exchange snap-ins are built into exsh).")
            .param(
                p("Name", ParamType::String, "Snap-in names.").array().position(0).mandatory().from_pipeline_by_name(),
            )
            .param(sw("PassThru", "Writes the snap-in object."))
            .example(
                "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn",
                "Loads the Exchange 2013+ snap-in.",
            )
            .example("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010", "Loads the Exchange 2010 snap-in.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::connection::add_snapins(cx, &args.opt::<Vec<String>>("Name").unwrap_or_default());
        Ok(())
    }
}

impl Cmdlet for SetAdServerSettings {
    fn signature(&self) -> Signature {
        // office-docs-powershell Set-ADServerSettings.md: on-premises only; sets Instance,
        // FullParams and SingleDC. FullParams is the default: `-ViewEntireForest $true` alone
        // (both FullParams and SingleDC) must not ask for SingleDC's mandatory -PreferredServer.
        Signature::new(
            "Set-ADServerSettings",
            "Microsoft.Exchange.Management.SystemConfigurationTasks.SetAdServerSettings",
            Origin::Exchange,
        )
        .synopsis("Manages the Active Directory environment of the session (no effect in exsh).")
        .versions(ON_PREMISES)
        .should_process(ConfirmImpact::Medium)
        .sets(&["FullParams", "SingleDC", "Instance"])
        .param(
            typed("PreferredServer", ParamType::String, "Fqdn", "The domain controller for this session.")
                .sets(&["SingleDC"])
                .mandatory()
                .position(0),
        )
        .param(
            typed(
                "RunspaceServerSettings",
                ParamType::Object,
                "RunspaceServerSettingsPresentationObject",
                "A whole settings object to apply.",
            )
            .sets(&["Instance"])
            .mandatory()
            .from_pipeline(),
        )
        .param(
            typed("ConfigurationDomainController", ParamType::String, "Fqdn", "The configuration domain controller.")
                .sets(&["FullParams"]),
        )
        .param(
            typed("PreferredGlobalCatalog", ParamType::String, "Fqdn", "The global catalog for recipient reads.")
                .sets(&["FullParams"]),
        )
        .param(
            s("RecipientViewRoot", "The OU the session's recipient scope starts at (domain/OU tree).")
                .sets(&["SingleDC", "FullParams"]),
        )
        .param(
            typed(
                "SetPreferredDomainControllers",
                ParamType::String,
                "MultiValuedProperty",
                "The domain controllers to read from.",
            )
            .array()
            .sets(&["FullParams"]),
        )
        .param(
            p("ViewEntireForest", ParamType::Bool, "$true shows every object in the forest.")
                .sets(&["SingleDC", "FullParams"]),
        )
        .example("Set-ADServerSettings -ViewEntireForest $true", "Views the entire forest.")
    }

    fn process(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
}

impl Cmdlet for ConnectExchangeServer {
    fn signature(&self) -> Signature {
        Signature::new("Connect-ExchangeServer", "Microsoft.Exchange.Management.PowerShell.ConnectExchangeServer", Origin::Core)
            .synopsis("Connects the Exchange Management Shell to a server (exsh is always connected).")
            .versions(ON_PREMISES)
            .param(s("ServerFqdn", "The server to connect to.").position(0))
            .param(sw("Auto", "Picks a server automatically."))
            .param(sw("Prompt", "Asks for a server."))
            .param(s("UserName", "The account to connect with."))
            .param(s("Forest", "The forest to connect to."))
            .param(sw("AllowRedirection", "Allows redirection."))
            .param(s("ClientApplication", "The client application name (ManagementShell)."))
            .param(sw("ClearCache", "Forgets the cached server list."))
            .param(sw("AllowClobber", "Lets the imported commands replace existing ones."))
            .example(
                ". $env:ExchangeInstallPath\\bin\\RemoteExchange.ps1 ; Connect-ExchangeServer -auto -ClientApplication:ManagementShell",
                "What the EMS shortcut runs.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let server = args
            .string("ServerFqdn")
            .unwrap_or_else(|| format!("{}.{}", dir.org.server.to_lowercase(), dir.org.domain));
        cx.verbose(&format!("Connecting to {server}."));
        cx.verbose(&format!("Connected to {server}."));
        Ok(())
    }
}

impl Cmdlet for GetExBlog {
    fn signature(&self) -> Signature {
        Signature::new("Get-ExBlog", "Microsoft.Exchange.Management.PowerShell.GetExBlog", Origin::Core)
            .synopsis("Opens the Exchange team blog (no-op in exsh).")
            .versions(ON_PREMISES)
            .example(
                "Get-Command Get-ExBlog -ErrorAction Stop",
                "Scripts probe for it to detect the Exchange Management Shell.",
            )
    }

    fn process(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
}

impl Cmdlet for QuickRef {
    fn signature(&self) -> Signature {
        // EMS defines QuickRef (RemoteExchange.ps1) to open the quick reference guide in a browser;
        // exsh starts no program, so it does nothing, like Get-ExBlog.
        Signature::new("QuickRef", "Microsoft.Exchange.Management.PowerShell.QuickRef", Origin::Core)
            .synopsis("Opens the Exchange Management Shell quick reference guide (no-op in exsh).")
            .versions(ON_PREMISES)
            .example("QuickRef", "The banner's \"Show quick reference guide\".")
    }

    fn process(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
}

impl Cmdlet for GetExBanner {
    fn signature(&self) -> Signature {
        Signature::new("Get-ExBanner", "Microsoft.Exchange.Management.PowerShell.GetExBanner", Origin::Core)
            .synopsis("Prints the Exchange Management Shell's welcome banner.")
            .versions(ON_PREMISES)
            .example("Get-ExBanner", "What RemoteExchange.ps1 prints when the shell starts.")
    }

    fn process(&self, cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        // get-exbanner: each label, a space, then the command in yellow (behavior.md §6.1).
        let text = crate::cmdlet::session::EMS_BANNER;
        for line in text.trim_end_matches('\n').split('\n') {
            match line.split_once(": ") {
                Some((label, command)) => {
                    cx.host(&format!("{label}:"), None, None, false);
                    cx.host(" ", None, None, false);
                    cx.host(command, Some(crate::cmdlet::Color::Yellow), None, true);
                }
                None => cx.host(line, None, None, true),
            }
        }
        Ok(())
    }
}

impl Cmdlet for GetExCommand {
    fn signature(&self) -> Signature {
        Signature::new("Get-ExCommand", "Microsoft.Exchange.Management.PowerShell.GetExCommand", Origin::Core)
            .synopsis("Lists the Exchange cmdlets.")
            .versions(ON_PREMISES)
            .param(s("Name", "Only commands whose name matches this wildcard.").position(0))
            .example("Get-ExCommand", "Lists every Exchange cmdlet.")
            .example("Get-ExCommand *Permission*", "Lists the permission cmdlets.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let pattern = args.string("Name");
        for name in exchange_commands(cx) {
            if pattern.as_deref().is_some_and(|p| !crate::value::convert::wildcard_match(p, &name, false)) {
                continue;
            }
            let mut o = PsObject::new(&[
                "System.Management.Automation.FunctionInfo",
                "System.Management.Automation.CommandInfo",
                "System.Object",
            ]);
            o.set("CommandType", Value::str("Function"));
            o.set("Name", Value::str(&name));
            o.set("Version", Value::str("1.0"));
            o.set("Source", Value::str(TEMP_MODULE));
            o.display = Some(name.as_str().into());
            cx.output(Value::object(o));
        }
        Ok(())
    }
}

/// The computer a session is connected to: EMS's is the org's server.
fn computer_of(dir: &Directory, s: &RemoteSession) -> String {
    s.computer.clone().unwrap_or_else(|| format!("{}.{}", dir.org.server, dir.org.domain))
}

/// -Id, -Name and -ComputerName (wildcards in names), as Get- and Remove-PSSession select.
fn matches_selection(dir: &Directory, s: &RemoteSession, args: &BoundArgs) -> bool {
    let ids: Vec<i64> =
        args.get("Id").map(|v| v.enumerate()).unwrap_or_default().iter().filter_map(convert::to_int).collect();
    let names = strings(args.get("Name"));
    let computers = strings(args.get("ComputerName"));
    (ids.is_empty() || ids.contains(&i64::from(s.id)))
        && (names.is_empty() || names.iter().any(|n| wild(n, &s.name)))
        && (computers.is_empty() || computers.iter().any(|c| wild(c, &computer_of(dir, s))))
}

/// A PSSession object as Windows PowerShell 5.1 shows it (`[PSSession]WinRM1`).
fn pssession_object(dir: &Directory, s: &RemoteSession) -> Value {
    let mut o = PsObject::new(&["System.Management.Automation.Runspaces.PSSession", "System.Object"]);
    o.set("Id", Value::Int(i64::from(s.id)));
    o.set("Name", Value::str(&s.name));
    o.set("ComputerName", Value::str(computer_of(dir, s)));
    o.set("ComputerType", Value::str("RemoteMachine"));
    o.set("State", Value::str("Opened"));
    o.set("ConfigurationName", Value::str(&s.configuration));
    o.set("Availability", Value::str("Available"));
    o.display = Some(format!("[PSSession]{}", s.name).into());
    Value::object(o)
}

fn wild(pattern: &str, text: &str) -> bool {
    convert::wildcard_match(pattern, text, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, prop, run, s};
    use crate::directory::ExchangeVersion;

    #[test]
    fn banner_unless_hidden() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(
            run(&ConnectExchangeOnline, &mut c, &[("UserPrincipalName", s("admin@contoso.onmicrosoft.com"))]).is_ok()
        );
        assert_eq!(c.host.len(), 1);
        assert!(c.host[0].starts_with("-----") && c.host[0].contains("https://aka.ms/exov3-module"));
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(run(&ConnectExchangeOnline, &mut c, &[("ShowBanner", Value::Switch(false))]).is_ok());
        assert!(c.host.is_empty() && c.out.is_empty());
        assert!(run(&DisconnectExchangeOnline, &mut c, &[]).is_ok());
    }

    #[test]
    fn sessions_and_modules() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        c.registry = super::super::all();
        let args = [
            ("ConfigurationName", s("Microsoft.Exchange")),
            ("ConnectionUri", s("http://ex01.contoso.com/PowerShell/")),
        ];
        assert!(run(&NewPsSession, &mut c, &args).is_ok());
        assert_eq!(prop(&c.out[0], "ComputerName"), "ex01.contoso.com");
        assert_eq!(prop(&c.out[0], "ConfigurationName"), "Microsoft.Exchange");
        let session = c.out[0].clone();
        assert!(run(&ImportPsSession, &mut c, &[("Session", session.clone())]).is_ok());
        assert_eq!(c.warnings.len(), 1);
        let exported = c.out[1].property("ExportedCommands").map(|v| v.enumerate()).unwrap_or_default();
        assert!(exported.iter().any(|v| crate::value::convert::to_string(v) == "Get-MailboxPermission"));
        assert!(!exported.iter().any(|v| crate::value::convert::to_string(v) == "Import-Module"));
        c.clear();
        assert!(
            run(
                &ImportPsSession,
                &mut c,
                &[("Session", session.clone()), ("DisableNameChecking", Value::Switch(true))]
            )
            .is_ok()
        );
        assert!(c.warnings.is_empty());
        let module = c.out[0].clone();
        assert!(run(&ImportModule, &mut c, &[("Name", module), ("Global", Value::Switch(true))]).is_ok());
        assert!(run(&RemovePsSession, &mut c, &[("Session", session)]).is_ok());
        assert!(run(&GetPsSession, &mut c, &[]).is_ok());
        assert!(run(&AddPsSnapin, &mut c, &[("Name", s("Microsoft.Exchange.Management.PowerShell.SnapIn"))]).is_ok());
        assert!(run(&SetAdServerSettings, &mut c, &[("ViewEntireForest", Value::Bool(true))]).is_ok());
        assert!(run(&ConnectExchangeServer, &mut c, &[("Auto", Value::Switch(true))]).is_ok());
        assert_eq!(c.verbose, ["Connecting to ex01.contoso.com.", "Connected to ex01.contoso.com."]);
        assert!(run(&GetExBlog, &mut c, &[]).is_ok());
        c.clear();
        assert!(run(&GetExCommand, &mut c, &[("Name", s("*MailboxPermission"))]).is_ok());
        let names: Vec<String> = c.out.iter().map(|v| prop(v, "Name")).collect();
        assert_eq!(names, ["Add-MailboxPermission", "Get-MailboxPermission", "Remove-MailboxPermission"]);
    }
}
