function Format-ReportLine { param($Text) "* $Text" }
