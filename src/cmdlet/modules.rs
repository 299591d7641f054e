//! What the module cmdlets (Import-Module, Export-ModuleMember, Get-Module, Remove-Module) ask of
//! the engine, which owns script modules and their scopes. Facts: docs/reference/modules.md.

use super::CmdletError;
use crate::value::{ErrorRecord, Value};

/// One `Import-Module` of a module file (or of a module found in the module folders).
#[derive(Debug, Clone, Default)]
pub struct ModuleImport {
    /// The name or path as given.
    pub name: String,
    /// `-Force`: imports again even when loaded.
    pub force: bool,
    /// `-PassThru`: writes the PSModuleInfo.
    pub pass_thru: bool,
    /// `-Prefix`: added to the nouns of the imported commands.
    pub prefix: Option<String>,
    /// `-Function`, `-Variable`, `-Alias`: only these members (wildcards allowed).
    pub functions: Option<Vec<String>>,
    /// See [`ModuleImport::functions`].
    pub variables: Option<Vec<String>>,
    /// See [`ModuleImport::functions`].
    pub aliases: Option<Vec<String>>,
    /// `-ArgumentList`: bound to the module's `param()` block.
    pub arguments: Vec<Value>,
    /// `-Global`: into the global scope even from inside a module.
    pub global: bool,
    /// `-AsCustomObject`: a custom object of the exported functions instead.
    pub as_custom_object: bool,
}

/// The members `Export-ModuleMember` names (`None`: that kind was not named).
#[derive(Debug, Clone, Default)]
pub struct ModuleExports {
    /// `-Function`.
    pub functions: Option<Vec<String>>,
    /// `-Variable`.
    pub variables: Option<Vec<String>>,
    /// `-Alias`.
    pub aliases: Option<Vec<String>>,
    /// `-Cmdlet`.
    pub cmdlets: Option<Vec<String>>,
}

/// The folders of `$env:PSModulePath` in Windows PowerShell 5.1, where module names are looked up.
pub const MODULE_PATH: [&str; 3] = [
    "C:\\Users\\Administrator\\Documents\\WindowsPowerShell\\Modules",
    "C:\\Program Files\\WindowsPowerShell\\Modules",
    "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules",
];

/// Modules a Windows PowerShell session on an Exchange admin's machine has installed, which
/// Import-Module accepts by name (exsh provides their commands where it has them, or none).
pub const INSTALLED_MODULES: &[&str] = &[
    "ExchangeOnlineManagement",
    "ActiveDirectory",
    "MSOnline",
    "AzureAD",
    "AzureADPreview",
    "MicrosoftTeams",
    "Microsoft.Online.SharePoint.PowerShell",
    "Microsoft.PowerShell.Management",
    "Microsoft.PowerShell.Utility",
    "Microsoft.PowerShell.Security",
    "Microsoft.PowerShell.Diagnostics",
    "Microsoft.PowerShell.Host",
    "Microsoft.PowerShell.LocalAccounts",
    "CimCmdlets",
    "PSReadLine",
    "PowerShellGet",
    "PackageManagement",
    "ServerManager",
    "DnsServer",
    "GroupPolicy",
];

/// True when a module name is one [`INSTALLED_MODULES`] has, or a Microsoft Graph module.
pub fn installed(name: &str) -> bool {
    INSTALLED_MODULES.iter().any(|m| m.eq_ignore_ascii_case(name))
        || name.get(..16).is_some_and(|p| p.eq_ignore_ascii_case("Microsoft.Graph."))
        || name.eq_ignore_ascii_case("Microsoft.Graph")
}

/// True when an Import-Module name is a path rather than a module name: it has a folder in it,
/// or ends in a module file's extension.
pub fn names_a_path(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.contains(['\\', '/'])
        || (name.len() > 1 && name.as_bytes()[1] == b':')
        || [".psm1", ".psd1", ".ps1", ".dll"].iter().any(|e| lower.ends_with(e))
}

/// Import-Module's error for a module it cannot find (ModuleCmdletBase: a FileNotFoundException,
/// `Modules_ModuleNotFound`, ResourceUnavailable, the name as target).
pub fn module_not_found(name: &str) -> CmdletError {
    CmdletError::Record(Box::new(ErrorRecord {
        message: format!(
            "The specified module '{name}' was not loaded because no valid module file was found in any module directory."
        ),
        exception_type: "System.IO.FileNotFoundException".into(),
        category: "ResourceUnavailable".into(),
        target: format!("{name}:String"),
        fqid: "Modules_ModuleNotFound".into(),
        ..Default::default()
    }))
}
