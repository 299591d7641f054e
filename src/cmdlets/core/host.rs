//! Get-Host: the `$Host` object of the session (docs/reference/host.md).

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, Origin, Signature};
use crate::value::Value;

/// `Get-Host`.
pub struct GetHost;

impl Cmdlet for GetHost {
    fn signature(&self) -> Signature {
        Signature::new("Get-Host", "Microsoft.PowerShell.Commands.GetHostCommand", Origin::Core)
            .synopsis("Gets an object that represents the current host program.")
            .example("(Get-Host).Version", "The version of the host.")
            .example("$h = Get-Host; $h.UI.RawUI.WindowTitle = 'Report'", "Sets the console window's title.")
    }

    fn process(&self, cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if let Some(h) = cx.variable("Host") {
            cx.output(h);
        }
        Ok(())
    }
}
