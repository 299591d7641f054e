//! PowerShell's own cmdlets that admin scripts use (Microsoft.PowerShell.Utility and friends).

pub mod alias;
pub mod clixml;
pub mod comment_help;
pub mod compare;
pub mod content;
pub mod csv;
pub mod drives;
pub mod format;
pub mod format_wide;
pub mod get_date;
pub mod get_member;
pub mod help;
pub mod host;
pub mod html;
pub mod invoke;
pub mod items;
pub mod json;
pub mod location;
pub mod member_data;
pub mod misc;
pub mod modules;
pub mod pipeline;
pub mod props;
pub mod random;
pub mod sandbox;
pub mod scoped_items;
pub mod select_string;
pub mod transcript;
pub mod utility;
pub mod variable;
pub mod write;

use crate::cmdlet::Cmdlet;

/// Every core cmdlet.
pub fn all() -> Vec<Box<dyn Cmdlet>> {
    let mut v: Vec<Box<dyn Cmdlet>> = vec![
        Box::new(content::AddContent),
        Box::new(alias::GetAlias),
        Box::new(alias::SetAlias),
        Box::new(alias::NewAlias),
        Box::new(alias::RemoveAlias),
        Box::new(items::SetItem),
        Box::new(misc::AddMember),
        Box::new(sandbox::AddType),
        Box::new(sandbox::SendMailMessage),
        Box::new(sandbox::StartProcess),
        Box::new(write::ClearHost),
        Box::new(csv::ConvertFromCsv),
        Box::new(json::ConvertFromJson),
        Box::new(csv::ConvertToCsv),
        Box::new(json::ConvertToJson),
        Box::new(misc::ConvertToSecureString),
        Box::new(misc::ConvertFromSecureString),
        Box::new(csv::ExportCsv),
        Box::new(clixml::ExportClixml),
        Box::new(clixml::ImportClixml),
        Box::new(pipeline::ForEachObject),
        Box::new(format::FormatList),
        Box::new(format::FormatTable),
        Box::new(format_wide::FormatWide),
        Box::new(help::GetCommand),
        Box::new(content::GetContent),
        Box::new(misc::GetCredential),
        Box::new(get_date::GetDate),
        Box::new(get_member::GetMember),
        Box::new(host::GetHost),
        Box::new(help::GetHelp),
        Box::new(variable::GetVariable),
        Box::new(variable::SetVariable),
        Box::new(variable::NewVariable),
        Box::new(variable::RemoveVariable),
        Box::new(variable::ClearVariable),
        Box::new(compare::CompareObject),
        Box::new(html::ConvertToHtml),
        Box::new(random::GetRandom),
        Box::new(invoke::InvokeExpression),
        Box::new(invoke::InvokeCommand),
        Box::new(utility::NewTimeSpan),
        Box::new(utility::MeasureCommand),
        Box::new(utility::GetUnique),
        Box::new(utility::TeeObject),
        Box::new(utility::GetCulture),
        Box::new(utility::OutGridView),
        Box::new(pipeline::GroupObject),
        Box::new(csv::ImportCsv),
        Box::new(misc::JoinPath),
        Box::new(pipeline::MeasureObject),
        Box::new(modules::ExportModuleMember),
        Box::new(modules::RemoveModule),
        Box::new(misc::NewObject),
        Box::new(select_string::SelectString),
        Box::new(format::OutFile),
        Box::new(format::OutHost),
        Box::new(write::OutNull),
        Box::new(format::OutString),
        Box::new(write::ReadHost),
        Box::new(items::RemoveItem),
        Box::new(items::GetChildItem),
        Box::new(items::GetItem),
        Box::new(items::InvokeItem),
        Box::new(items::NewItem),
        Box::new(items::CopyItem),
        Box::new(items::MoveItem),
        Box::new(items::RenameItem),
        Box::new(location::GetLocation),
        Box::new(location::SetLocation),
        Box::new(location::PushLocation),
        Box::new(location::PopLocation),
        Box::new(location::ResolvePath),
        Box::new(pipeline::SelectObject),
        Box::new(content::SetContent),
        Box::new(pipeline::SortObject),
        Box::new(misc::SplitPath),
        Box::new(misc::StartSleep),
        Box::new(items::TestPath),
        Box::new(transcript::StartTranscript),
        Box::new(transcript::StopTranscript),
        Box::new(pipeline::WhereObject),
        Box::new(write::WriteError),
        Box::new(write::WriteHost),
        Box::new(write::WriteOutput),
        Box::new(write::WriteVerbose),
        Box::new(write::WriteWarning),
    ];
    v.extend(write::quiet_writers());
    v.extend(misc::no_ops());
    v.extend(sandbox::web());
    v
}
