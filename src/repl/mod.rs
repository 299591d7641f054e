//! The interactive shell: rustyline editing, history, completion, highlighting and continuation
//! lines, over the engine. Saves the org after every line that changed it.

pub mod complete;
pub mod highlight;
pub mod host;

pub use host::StdHost;

use crate::engine::Engine;
use crate::store::OrgFile;

/// The EMS banner (Exchange Server 2013–2019).
pub const BANNER: &str = "
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

/// The prompt.
pub const PROMPT: &str = "[PS] C:\\Windows\\system32>";

/// Runs the REPL until `exit` or end of input; returns the exit code.
pub fn run(engine: &mut Engine, org: &mut OrgFile, no_logo: bool) -> i32 {
    let _ = (engine, org, no_logo);
    0
}
