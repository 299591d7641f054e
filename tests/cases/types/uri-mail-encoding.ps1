# [uri], [mailaddress] and [System.Text.Encoding] objects.
$u = [uri]"https://Mail.Contoso.com:443/owa/?realm=contoso.com#top"
$u.Host
$u.Scheme
$u.Port
$u.AbsolutePath
$u.Query
$u.AbsoluteUri
$u.IsDefaultPort
([uri]"relative/path").IsAbsoluteUri
$m = [System.Net.Mail.MailAddress]"Karen Berg <karen@contoso.com>"
$m.Address
$m.User
$m.Host
$m.DisplayName
"$m"
([mailaddress]::new("michelle@contoso.com", "Michelle")).ToString()
$b = [System.Text.Encoding]::UTF8.GetBytes("Hé")
$b -join ","
[Text.Encoding]::UTF8.GetString($b)
[Text.Encoding]::Unicode.GetBytes("A") -join ","
[Text.Encoding]::ASCII.GetString([byte[]](72, 105))
[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("Hello"))
[System.Net.Mail.MailAddress]::new("not-an-address")
