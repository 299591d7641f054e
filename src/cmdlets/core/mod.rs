//! PowerShell's own cmdlets that admin scripts use (Microsoft.PowerShell.Utility and friends).

pub mod content;
pub mod csv;
pub mod format;
pub mod get_date;
pub mod help;
pub mod misc;
pub mod pipeline;
pub mod props;
pub mod select_string;
pub mod write;

use crate::cmdlet::Cmdlet;

/// Every core cmdlet.
pub fn all() -> Vec<Box<dyn Cmdlet>> {
    let mut v: Vec<Box<dyn Cmdlet>> = vec![
        Box::new(content::AddContent),
        Box::new(misc::AddMember),
        Box::new(write::ClearHost),
        Box::new(csv::ConvertFromCsv),
        Box::new(csv::ConvertToCsv),
        Box::new(misc::ConvertToSecureString),
        Box::new(csv::ExportCsv),
        Box::new(pipeline::ForEachObject),
        Box::new(format::FormatList),
        Box::new(format::FormatTable),
        Box::new(help::GetCommand),
        Box::new(content::GetContent),
        Box::new(misc::GetCredential),
        Box::new(get_date::GetDate),
        Box::new(help::GetHelp),
        Box::new(misc::GetVariable),
        Box::new(pipeline::GroupObject),
        Box::new(csv::ImportCsv),
        Box::new(misc::JoinPath),
        Box::new(pipeline::MeasureObject),
        Box::new(misc::NewObject),
        Box::new(select_string::SelectString),
        Box::new(format::OutFile),
        Box::new(format::OutHost),
        Box::new(write::OutNull),
        Box::new(format::OutString),
        Box::new(write::ReadHost),
        Box::new(content::RemoveItem),
        Box::new(pipeline::SelectObject),
        Box::new(content::SetContent),
        Box::new(pipeline::SortObject),
        Box::new(misc::SplitPath),
        Box::new(misc::StartSleep),
        Box::new(misc::TestPath),
        Box::new(pipeline::WhereObject),
        Box::new(write::WriteError),
        Box::new(write::WriteHost),
        Box::new(write::WriteOutput),
        Box::new(write::WriteVerbose),
        Box::new(write::WriteWarning),
    ];
    v.extend(write::quiet_writers());
    v.extend(misc::no_ops());
    v
}
