//! Native programs: exsh never starts one. A command name that names a Windows program (a file
//! name ending in an executable extension, or one of the system programs admin scripts call by
//! bare name) gets an error naming it and saying exsh does not run it, in the shape PowerShell
//! gives a program that failed to start (`ApplicationFailedException`, `NativeCommandFailed`);
//! like that error it ends the statement, and the script goes on. Other unknown names stay
//! "not recognized". See docs/reference/core-cmdlets.md.

use super::errors::local_record;
use crate::value::{ErrorPosition, ErrorRecord};

/// Extensions Windows runs as programs (`PATHEXT`).
const EXTENSIONS: &[&str] = &[".exe", ".com", ".bat", ".cmd", ".vbs", ".js", ".msc", ".cpl", ".msi"];

/// System programs that scripts call by bare name.
const PROGRAMS: &[&str] = &[
    "arp",
    "at",
    "attrib",
    "bcdedit",
    "certutil",
    "chkdsk",
    "cmd",
    "cmdkey",
    "cscript",
    "dcdiag",
    "diskpart",
    "dism",
    "dsget",
    "dsquery",
    "eseutil",
    "explorer",
    "findstr",
    "fsutil",
    "getmac",
    "gpresult",
    "gpupdate",
    "hostname",
    "icacls",
    "ipconfig",
    "isinteg",
    "klist",
    "msiexec",
    "mstsc",
    "nbtstat",
    "net",
    "netsh",
    "netstat",
    "nltest",
    "notepad",
    "nslookup",
    "pathping",
    "ping",
    "powershell",
    "pwsh",
    "qwinsta",
    "reg",
    "regsvr32",
    "repadmin",
    "robocopy",
    "route",
    "rundll32",
    "runas",
    "sc",
    "schtasks",
    "setspn",
    "shutdown",
    "systeminfo",
    "takeown",
    "taskkill",
    "tasklist",
    "telnet",
    "tracert",
    "w32tm",
    "wevtutil",
    "where",
    "whoami",
    "winrm",
    "wmic",
    "wscript",
    "wusa",
    "xcopy",
];

/// True when `name` names a native program (a path's last part decides).
pub(crate) fn is_native_program(name: &str) -> bool {
    let leaf = name.rsplit(['\\', '/']).next().unwrap_or(name).to_ascii_lowercase();
    EXTENSIONS.iter().any(|e| leaf.len() > e.len() && leaf.ends_with(e)) || PROGRAMS.contains(&leaf.as_str())
}

/// The error for running a native program.
pub(crate) fn refused(name: &str, pos: Option<ErrorPosition>) -> ErrorRecord {
    local_record(
        format!(
            "Program '{name}' failed to run: exsh does not run native programs; nothing may start a program outside the sandbox."
        ),
        "System.Management.Automation.ApplicationFailedException",
        "ResourceUnavailable",
        ":",
        "",
        "NativeCommandFailed",
        pos,
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_are_recognized_by_extension_or_name() {
        assert!(is_native_program("notepad.exe"));
        assert!(is_native_program("C:\\Windows\\System32\\PING.EXE"));
        assert!(is_native_program("ipconfig"));
        assert!(is_native_program("CMD"));
        assert!(!is_native_program("Get-Mailbox"));
        assert!(!is_native_program(".exe"));
        assert!(!is_native_program("Nothing-Like-This"));
    }
}
