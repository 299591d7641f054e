//! What the shell session is connected to and has loaded: the state scripts probe before they
//! start (`Get-Module`, `Get-PSSnapin`, `Get-ConnectionInformation`), and that
//! `Connect-ExchangeOnline` / `Disconnect-ExchangeOnline` change. It lives for one run (a script,
//! or a REPL session), never in the org file.

use crate::directory::ExchangeVersion;

/// The module that implicit remoting creates for an Exchange session (on-premises EMS), and the
/// one Connect-ExchangeOnline creates for its REST cmdlets.
pub const EXO_TEMP_MODULE: &str = "tmpEXO_exsh1fq2.k3d";
/// The Exchange Online PowerShell module and the version exsh imitates (its banner is 3.7's).
pub const EXO_MODULE: &str = "ExchangeOnlineManagement";
/// The EMS banner (Exchange Server 2013–2019): what RemoteExchange.ps1's get-exbanner prints, each
/// command after its label in yellow (behavior.md §6.1).
pub const EMS_BANNER: &str = "
         Welcome to the Exchange Management Shell!

Full list of cmdlets: Get-Command
Only Exchange cmdlets: Get-ExCommand
Cmdlets that match a specific string: Help *<string>*
Get general help: Help
Get help for a cmdlet: Help <cmdlet name> or <cmdlet name> -?
Exchange team blog: Get-ExBlog
Show full output for a command: <command> | Format-List

Show quick reference guide: QuickRef
";

/// [`EXO_MODULE`]'s version.
pub const EXO_MODULE_VERSION: &str = "3.7.0";

/// True when the ExchangeOnlineManagement module itself exports the command (rather than the
/// temporary module of its REST session): the connection cmdlets and the EXO REST cmdlets.
pub fn from_exo_module(command: &str) -> bool {
    ["Connect-ExchangeOnline", "Disconnect-ExchangeOnline", "Get-ConnectionInformation"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(command))
        || command.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("Get-EXO"))
}

/// One loaded module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedModule {
    /// Its name.
    pub name: String,
    /// `Script`, `Manifest`, `Binary`.
    pub module_type: &'static str,
    /// Its version.
    pub version: &'static str,
}

/// A remote PowerShell session (Get-PSSession): EMS's own on-premises, or one a script opened
/// with New-PSSession.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteSession {
    /// Its Id (1, 2, … in creation order).
    pub id: u32,
    /// Its name (`WinRM1` unless -Name gave one).
    pub name: String,
    /// The computer it is connected to; `None` for EMS's session to the org's server.
    pub computer: Option<String>,
    /// The session configuration (`Microsoft.Exchange`).
    pub configuration: String,
}

/// The session's connection state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// True while the Exchange cmdlets are there: the EMS session on-premises, a connection
    /// (Connect-ExchangeOnline) in Exchange Online.
    pub exchange_connected: bool,
    /// Modules loaded, in load order.
    pub modules: Vec<LoadedModule>,
    /// Snap-ins added with Add-PSSnapin.
    pub snapins: Vec<String>,
    /// Connections opened so far (Get-ConnectionInformation's Id counts them).
    pub connections: u32,
    /// Open remote sessions (Get-PSSession).
    pub remote_sessions: Vec<RemoteSession>,
    /// Remote sessions created so far (the next one's Id follows).
    pub sessions_created: u32,
    /// The transcript file Start-Transcript opened: the engine copies the host's output into it.
    pub transcript: Option<super::WinPath>,
}

impl Session {
    /// The session a profile starts in: EMS connected to its server on-premises; in Exchange
    /// Online, a session that has already run `Connect-ExchangeOnline` (scripts that connect
    /// first work the same, and so do those written for an open session).
    pub fn for_version(v: ExchangeVersion) -> Session {
        let remoting = |name: &str| LoadedModule { name: name.to_string(), module_type: "Script", version: "1.0" };
        if v.is_on_premises() {
            // RemoteExchange.ps1 opens one implicit-remoting session to the server.
            let ems = RemoteSession {
                id: 1,
                name: "WinRM1".into(),
                computer: None,
                configuration: "Microsoft.Exchange".into(),
            };
            Session {
                exchange_connected: true,
                modules: vec![remoting(super::EXCHANGE_MODULE)],
                snapins: Vec::new(),
                connections: 1,
                remote_sessions: vec![ems],
                sessions_created: 1,
                transcript: None,
            }
        } else {
            Session {
                exchange_connected: true,
                modules: vec![
                    LoadedModule { name: EXO_MODULE.into(), module_type: "Script", version: EXO_MODULE_VERSION },
                    remoting(EXO_TEMP_MODULE),
                ],
                snapins: Vec::new(),
                connections: 1,
                // The V3 module talks REST: no PowerShell session.
                remote_sessions: Vec::new(),
                sessions_created: 0,
                transcript: None,
            }
        }
    }

    /// True when a module of this name is loaded.
    pub fn has_module(&self, name: &str) -> bool {
        self.modules.iter().any(|m| m.name.eq_ignore_ascii_case(name))
    }

    /// Loads a module (once).
    pub fn load(&mut self, m: LoadedModule) {
        if !self.has_module(&m.name) {
            self.modules.push(m);
        }
    }

    /// Unloads a module.
    pub fn unload(&mut self, name: &str) {
        self.modules.retain(|m| !m.name.eq_ignore_ascii_case(name));
    }
}
