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
        // Exchange cmdlets are implicit-remoting proxy functions in a script module, which sees
        // only the global preference variables, not a calling function's or script's
        // (PowerShell issues #4568, #6556): only their own -WhatIf / -Confirm, or global values.
        let scope = (sig.origin == Origin::Exchange).then_some("global");
        let whatif = common.whatif.unwrap_or_else(|| {
            self.scopes.get(scope, "WhatIfPreference").map(|v| convert::to_bool(&v)).unwrap_or(false)
        });
        if whatif {
            self.host_line(&format!("What if: {action}"));
            return Ok(false);
        }
        let impact = sig.should_process.unwrap_or(ConfirmImpact::None);
        let exchange = sig.origin == Origin::Exchange;
        let threshold = self.confirm_threshold(scope);
        self.confirm_step(
            impact,
            threshold,
            common.confirm,
            exchange,
            "Confirm",
            &format!("Are you sure you want to perform this action?\n{action}"),
        )
    }

    /// The `$ConfirmPreference` threshold.
    pub(crate) fn confirm_threshold(&self, scope: Option<&str>) -> ConfirmImpact {
        let pref = self.scopes.get(scope, "ConfirmPreference").map(|v| convert::to_string(&v)).unwrap_or_default();
        match pref.to_ascii_lowercase().as_str() {
            "none" => ConfirmImpact::None,
            "low" => ConfirmImpact::Low,
            "medium" => ConfirmImpact::Medium,
            _ => ConfirmImpact::High,
        }
    }

    /// After What if: asks when `-Confirm` says so, or when the command's impact reaches
    /// `$ConfirmPreference` (MshCommandRuntime.CanShouldProcessAutoConfirm); `caption` and `query`
    /// are the prompt's title and text (ShouldProcessWarningFallback by default).
    pub(crate) fn confirm_step(
        &mut self,
        impact: ConfirmImpact,
        threshold: ConfirmImpact,
        confirm: Option<bool>,
        exchange: bool,
        caption: &str,
        query: &str,
    ) -> Result<bool, CmdletError> {
        let ask = match confirm {
            Some(c) => c,
            None => threshold != ConfirmImpact::None && impact >= threshold,
        };
        if !ask {
            return Ok(true);
        }
        if let Some(all) = self.confirm_all {
            return Ok(all);
        }
        self.ask_choice(caption, query, true, !exchange)
    }

    /// PowerShell's choice prompt (InquireHelper): the caption, the query, then Yes / Yes to All /
    /// No / No to All (`to_all`) / Suspend (`suspend`) / Help. "Yes to All" and "No to All" are
    /// remembered for the rest of the command.
    pub(crate) fn ask_choice(
        &mut self,
        caption: &str,
        query: &str,
        to_all: bool,
        suspend: bool,
    ) -> Result<bool, CmdletError> {
        let mut options = String::from("[Y] Yes  ");
        if to_all {
            options.push_str("[A] Yes to All  ");
        }
        options.push_str("[N] No  ");
        if to_all {
            options.push_str("[L] No to All  ");
        }
        if suspend {
            options.push_str("[S] Suspend  ");
        }
        options.push_str("[?] Help (default is \"Y\"): ");
        self.host_line("");
        self.host_line(caption);
        for l in query.lines() {
            self.host_line(l);
        }
        loop {
            let answer = self.prompt_read(&options, false);
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
                "a" if to_all => {
                    self.confirm_all = Some(true);
                    return Ok(true);
                }
                "n" => return Ok(false),
                "l" if to_all => {
                    self.confirm_all = Some(false);
                    return Ok(false);
                }
                "?" => {
                    self.host_line("Y - Continue with only the next step of the operation.");
                    if to_all {
                        self.host_line("A - Continue with all the steps of the operation.");
                    }
                    self.host_line("N - Skip this operation and proceed with the next operation.");
                    if to_all {
                        self.host_line("L - Skip this operation and all subsequent operations.");
                    }
                    if suspend {
                        self.host_line("S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.");
                    }
                }
                _ => {}
            }
        }
    }
}
