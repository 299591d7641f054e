//! The host's automatic variables: `$PSVersionTable`, `$Host`, `$PROFILE`, `$PID`, `$PSHOME`,
//! `$IsWindows` and the rest, with the values of the Windows PowerShell 5.1 that EMS runs on, or of
//! PowerShell 7.4 in the Online profile; and the `$Host.UI` methods scripts call.
//! Facts and sources: docs/reference/host.md.

use super::Engine;
use super::eval::EvalResult;
use crate::value::dotnet::Version;
use crate::value::{Hashtable, PsObject, Value};

/// `$PSVersionTable.PSVersion` of the Windows PowerShell 5.1 on an Exchange server (Server 2019).
pub(crate) const PS51: Version = Version::new(5, 1, 17763, 1);
/// PowerShell 7.4, which the Online profile runs.
pub(crate) const PS74: Version = Version::new(7, 4, 6, -1);

pub(super) const UI_TYPE: &str = "System.Management.Automation.Internal.Host.InternalHostUserInterface";
pub(super) const RAW_UI_TYPE: &str = "System.Management.Automation.Internal.Host.InternalHostRawUserInterface";

fn v(major: i32, minor: i32) -> Value {
    Value::Version(Version::new(major, minor, -1, -1))
}

fn size(width: i64, height: i64) -> Value {
    let mut o = PsObject::new(&["System.Management.Automation.Host.Size", "System.ValueType", "System.Object"]);
    o.set("Width", Value::Int(width));
    o.set("Height", Value::Int(height));
    o.display = Some(format!("{width},{height}").into());
    Value::object(o)
}

fn coordinates(x: i64, y: i64) -> Value {
    let mut o = PsObject::new(&["System.Management.Automation.Host.Coordinates", "System.ValueType", "System.Object"]);
    o.set("X", Value::Int(x));
    o.set("Y", Value::Int(y));
    o.display = Some(format!("{x},{y}").into());
    Value::object(o)
}

fn typed(type_name: &str) -> PsObject {
    let mut o = PsObject::new(&[type_name, "System.Object"]);
    o.display = Some(type_name.into());
    o
}

/// `$PSVersionTable`, in the order each version lists it.
fn version_table(online: bool) -> Value {
    let mut h = Hashtable::new();
    let mut put = |k: &str, val: Value| h.insert(Value::str(k), val);
    if online {
        put("PSVersion", Value::Version(PS74));
        put("PSEdition", Value::str("Core"));
        put("GitCommitId", Value::str(PS74.to_string()));
        put("OS", Value::str("Microsoft Windows 10.0.20348"));
        put("Platform", Value::str("Win32NT"));
        let compatible = [(1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (5, 1), (6, 0), (7, 0)];
        put("PSCompatibleVersions", Value::array(compatible.iter().map(|&(a, b)| v(a, b)).collect()));
        put("PSRemotingProtocolVersion", v(2, 3));
        put("SerializationVersion", Value::Version(Version::new(1, 1, 0, 1)));
        put("WSManStackVersion", v(3, 0));
    } else {
        put("PSVersion", Value::Version(PS51));
        put("PSEdition", Value::str("Desktop"));
        let mut compatible: Vec<Value> =
            [(1, 0), (2, 0), (3, 0), (4, 0), (5, 0)].iter().map(|&(a, b)| v(a, b)).collect();
        compatible.push(Value::Version(PS51));
        put("PSCompatibleVersions", Value::array(compatible));
        put("BuildVersion", Value::Version(Version::new(10, 0, 17763, 1)));
        put("CLRVersion", Value::Version(Version::new(4, 0, 30319, 42000)));
        put("WSManStackVersion", v(3, 0));
        put("PSRemotingProtocolVersion", v(2, 3));
        put("SerializationVersion", Value::Version(Version::new(1, 1, 0, 1)));
    }
    Value::hashtable(h)
}

/// `$Host`: the console host of the session.
fn host_object(online: bool, computer: &str) -> Value {
    let mut raw = typed(RAW_UI_TYPE);
    let (fg, bg) = if online { ("Gray", "Black") } else { ("DarkYellow", "DarkMagenta") };
    raw.set("ForegroundColor", Value::str(fg));
    raw.set("BackgroundColor", Value::str(bg));
    raw.set("CursorPosition", coordinates(0, 0));
    raw.set("WindowPosition", coordinates(0, 0));
    raw.set("CursorSize", Value::Int(25));
    raw.set("BufferSize", size(120, 3000));
    raw.set("WindowSize", size(120, 50));
    raw.set("MaxWindowSize", size(120, 50));
    raw.set("MaxPhysicalWindowSize", size(240, 63));
    raw.set("KeyAvailable", Value::Bool(false));
    let title = if online { "Windows PowerShell".to_string() } else { format!("Machine: {computer}") };
    raw.set("WindowTitle", Value::str(title));
    let mut ui = typed(UI_TYPE);
    ui.set("RawUI", Value::object(raw));
    ui.set("IsTranscribing", Value::Bool(false));
    ui.set("SupportsVirtualTerminal", Value::Bool(true));
    let mut h = typed("System.Management.Automation.Internal.Host.InternalHost");
    h.set("Name", Value::str("ConsoleHost"));
    h.set("Version", Value::Version(if online { PS74 } else { PS51 }));
    h.set("InstanceId", Value::Guid(0x6f1c_2b1e_8d4a_4e0b_9c35_2f7a_61d0_e4b8));
    h.set("UI", Value::object(ui));
    h.set("CurrentCulture", Value::str("en-US"));
    h.set("CurrentUICulture", Value::str("en-US"));
    h.set("PrivateData", Value::object(typed("Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy")));
    h.set("DebuggerEnabled", Value::Bool(true));
    h.set("IsRunspacePushed", Value::Bool(false));
    h.set("Runspace", Value::object(typed("System.Management.Automation.Runspaces.LocalRunspace")));
    h.display = Some("System.Management.Automation.Internal.Host.InternalHost".into());
    Value::object(h)
}

/// `$PROFILE`: the current user's current-host profile path, with the four paths as note properties.
fn profile(online: bool, home: &str, pshome: &str) -> Value {
    let docs =
        if online { format!("{home}\\Documents\\PowerShell") } else { format!("{home}\\Documents\\WindowsPowerShell") };
    let host_file = "Microsoft.PowerShell_profile.ps1";
    let mut o = PsObject::new(&["System.String", "System.Object"]);
    o.set("AllUsersAllHosts", Value::str(format!("{pshome}\\profile.ps1")));
    o.set("AllUsersCurrentHost", Value::str(format!("{pshome}\\{host_file}")));
    o.set("CurrentUserAllHosts", Value::str(format!("{docs}\\profile.ps1")));
    o.set("CurrentUserCurrentHost", Value::str(format!("{docs}\\{host_file}")));
    o.display = Some(format!("{docs}\\{host_file}").into());
    Value::object(o)
}

impl Engine {
    /// Sets the host's automatic variables in the global scope.
    pub(crate) fn init_host_variables(&mut self) {
        let online = !self.directory.org.version.is_on_premises();
        let home = "C:\\Users\\Administrator";
        let pshome =
            if online { "C:\\Program Files\\PowerShell\\7" } else { "C:\\Windows\\System32\\WindowsPowerShell\\v1.0" };
        let computer = self.host.env("COMPUTERNAME").unwrap_or_else(|| "EX01".into());
        let host = host_object(online, &computer);
        let g = Some("global");
        self.scopes.set(g, "PSVersionTable", version_table(online));
        self.scopes.set(g, "Host", host.clone());
        self.scopes.set(g, "PROFILE", profile(online, home, pshome));
        self.scopes.set(g, "PID", Value::Int(self.host.pid() as i64));
        self.scopes.set(g, "PSHOME", Value::str(pshome));
        self.scopes.set(g, "ShellId", Value::str("Microsoft.PowerShell"));
        self.scopes.set(g, "PSCulture", Value::str("en-US"));
        self.scopes.set(g, "PSUICulture", Value::str("en-US"));
        self.scopes.set(g, "NestedPromptLevel", Value::Int(0));
        self.scopes.set(g, "PSEdition", Value::str(if online { "Core" } else { "Desktop" }));
        if online {
            self.scopes.set(g, "IsWindows", Value::Bool(true));
            self.scopes.set(g, "IsLinux", Value::Bool(false));
            self.scopes.set(g, "IsMacOS", Value::Bool(false));
            self.scopes.set(g, "IsCoreCLR", Value::Bool(true));
        }
        let mut ctx = typed("System.Management.Automation.EngineIntrinsics");
        ctx.set("Host", host);
        ctx.set("Events", Value::object(typed("System.Management.Automation.PSLocalEventManager")));
        ctx.set("InvokeProvider", Value::object(typed("System.Management.Automation.ProviderIntrinsics")));
        ctx.set("SessionState", Value::object(typed("System.Management.Automation.SessionState")));
        ctx.set("InvokeCommand", Value::object(typed("System.Management.Automation.CommandInvocationIntrinsics")));
        self.scopes.set(g, "ExecutionContext", Value::object(ctx));
    }

    /// The methods of `$Host.UI` scripts call: `WriteLine`, `Write`, `Write*Line`, `ReadLine`,
    /// `ReadLineAsSecureString`. `None` when the object is not the host's UI or has no such method.
    pub(crate) fn host_ui_method(&mut self, o: &PsObject, name: &str, args: &[Value]) -> EvalResult<Option<Value>> {
        if o.type_names.first().map(|t| t.as_ref()) != Some(UI_TYPE) {
            return Ok(None);
        }
        let text = |i: usize| args.get(i).map(crate::value::convert::to_string).unwrap_or_default();
        // WriteLine(foreground, background, text) and Write(foreground, background, text).
        let last = if args.len() >= 3 { text(2) } else { text(0) };
        match name {
            "writeline" => {
                let pending = std::mem::take(&mut self.host_partial);
                self.host_line(&format!("{pending}{last}"));
            }
            "write" => self.host_partial.push_str(&last),
            "writewarningline" => self.host_line(&format!("WARNING: {}", text(0))),
            "writeverboseline" => self.host_line(&format!("VERBOSE: {}", text(0))),
            "writedebugline" => self.host_line(&format!("DEBUG: {}", text(0))),
            "writeerrorline" => {
                self.flush_output();
                let line = format!("{}\n", text(0));
                let _ = self.host.err().write_all(line.as_bytes());
            }
            "readline" => {
                let pending = std::mem::take(&mut self.host_partial);
                return Ok(Some(self.prompt_read(&pending, false).map(Value::str).unwrap_or(Value::Null)));
            }
            "readlineassecurestring" => {
                let pending = std::mem::take(&mut self.host_partial);
                return Ok(Some(self.prompt_read(&pending, true).map(|s| secure_string(&s)).unwrap_or(Value::Null)));
            }
            _ => return Ok(None),
        }
        Ok(Some(Value::Null))
    }
}

use crate::value::secure::secure_string;
