//! ShouldProcess: `-WhatIf`, `-Confirm`, `$WhatIfPreference`, `$ConfirmPreference` against the
//! command's ConfirmImpact, and the Yes / Yes to All / No / No to All prompt.

use super::Engine;
use crate::cmdlet::bind::Common;
use crate::cmdlet::{CmdletError, ConfirmImpact, Origin, Signature};
use crate::value::convert;

impl Engine {
    /// ShouldProcess for the running command.
    pub(crate) fn should_process(
        &mut self,
        sig: &Signature,
        common: &Common,
        action: &str,
    ) -> Result<bool, CmdletError> {
        let whatif = common.whatif.unwrap_or_else(|| {
            self.scopes.get(None, "WhatIfPreference").map(|v| convert::to_bool(&v)).unwrap_or(false)
        });
        if whatif {
            self.host_line(&format!("What if: {action}"));
            return Ok(false);
        }
        let impact = sig.should_process.unwrap_or(ConfirmImpact::None);
        let pref = self.scopes.get(None, "ConfirmPreference").map(|v| convert::to_string(&v)).unwrap_or_default();
        let threshold = match pref.to_ascii_lowercase().as_str() {
            "none" => ConfirmImpact::None,
            "low" => ConfirmImpact::Low,
            "medium" => ConfirmImpact::Medium,
            _ => ConfirmImpact::High,
        };
        let ask = match common.confirm {
            Some(c) => c,
            None => threshold != ConfirmImpact::None && impact >= threshold,
        };
        if !ask {
            return Ok(true);
        }
        if let Some(all) = self.confirm_all {
            return Ok(all);
        }
        let options = if sig.origin == Origin::Exchange {
            "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is \"Y\"): "
        } else {
            "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "
        };
        self.host_line("");
        self.host_line("Confirm");
        self.host_line("Are you sure you want to perform this action?");
        self.host_line(action);
        loop {
            let answer = self.prompt_read(options, false);
            let Some(a) = answer else {
                return Err(CmdletError::core(
                    "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                    "System.Management.Automation.PSInvalidOperationException",
                    "InvalidOperation",
                    "InvalidOperation",
                ));
            };
            match a.trim().to_ascii_lowercase().as_str() {
                "" | "y" => return Ok(true),
                "a" => {
                    self.confirm_all = Some(true);
                    return Ok(true);
                }
                "n" => return Ok(false),
                "l" => {
                    self.confirm_all = Some(false);
                    return Ok(false);
                }
                "?" => {
                    self.host_line("Y - Continue with only the next step of the operation.");
                    self.host_line("A - Continue with all the steps of the operation.");
                    self.host_line("N - Skip this operation and proceed with the next operation.");
                    self.host_line("L - Skip this operation and all subsequent operations.");
                    if sig.origin != Origin::Exchange {
                        self.host_line("S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.");
                    }
                }
                _ => {}
            }
        }
    }
}
