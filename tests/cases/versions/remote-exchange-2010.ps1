# exchange: Exchange2010
# Exchange 2010 installs under V14: its RemoteExchange.ps1 is there, not under V15.
. 'C:\Program Files\Microsoft\Exchange Server\V14\bin\RemoteExchange.ps1'
$exbin
. 'C:\Program Files\Microsoft\Exchange Server\V15\bin\RemoteExchange.ps1'
