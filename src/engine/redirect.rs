//! Redirections (`about_Redirection`): which streams a command's or expression's `>`, `>>`,
//! `N>`, `*>`, `N>&1` and `>$null` send where. Discarding and merging are flags on
//! [`Redirects`] that the error and warning paths read; a file target becomes an `Out-File`
//! step after the element (as PowerShell's `FileRedirection` does), so files get Out-File's
//! formatting and encoding.

use super::error_action::Redirects;
use crate::syntax::ast::{Expr, ExprKind, RedirectTarget, Redirection};

/// A file a stream goes to.
#[derive(Clone)]
pub(crate) struct FileTarget {
    pub path: Expr,
    pub append: bool,
}

/// Where an element's streams go, beyond the flags.
#[derive(Clone, Default)]
pub(crate) struct FileRedirects {
    /// `>`, `>>`, `1>`, `*>`: the output (with whatever was merged into it).
    pub output: Option<FileTarget>,
    /// `2> file`.
    pub errors: Option<FileTarget>,
    /// `3> file`.
    pub warnings: Option<FileTarget>,
}

fn is_null(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Variable(v) if v.name.eq_ignore_ascii_case("null") && v.scope.is_none())
}

/// The flags and file targets of an element's redirections, applied left to right.
pub(crate) fn plan(reds: &[Redirection]) -> (Redirects, FileRedirects) {
    let mut d = Redirects::default();
    let mut f = FileRedirects::default();
    for r in reds {
        match &r.to {
            RedirectTarget::Stream(_) => match r.from {
                2 => d.errors_to_output = true,
                3 => d.warnings_to_output = true,
                // Verbose, debug and information records merged into the output print as their text.
                4..=6 => {}
                0 => {
                    d.errors_to_output = true;
                    d.warnings_to_output = true;
                }
                _ => {}
            },
            RedirectTarget::File(e) if is_null(e) => match r.from {
                1 => d.discard_output = true,
                2 => d.discard_errors = true,
                3 => d.discard_warnings = true,
                4..=6 => d.discard_verbose = true,
                0 => {
                    d.discard_output = true;
                    d.discard_errors = true;
                    d.discard_warnings = true;
                    d.discard_verbose = true;
                }
                _ => {}
            },
            RedirectTarget::File(e) => {
                let t = FileTarget { path: e.clone(), append: r.append };
                match r.from {
                    1 => f.output = Some(t),
                    2 => {
                        d.errors_to_file = true;
                        f.errors = Some(t);
                    }
                    3 => {
                        d.warnings_to_file = true;
                        f.warnings = Some(t);
                    }
                    4..=6 => d.discard_verbose = true,
                    _ => {
                        // `*> file`: everything merged into the output, which goes to the file.
                        d.errors_to_output = true;
                        d.warnings_to_output = true;
                        f.output = Some(t);
                    }
                }
            }
        }
    }
    (d, f)
}
